// The review on random valid apps of the library (the property tests' configs): it must read any stack the
// library produces, find every backup with its policy, containers and ordering, and never report a change
// against itself.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { Immutability, SoftDelete } from '../lib';
import { reviewOutDir, ReviewReport } from '../lib/review';
import { accountsOf, buildApp, configArb, pad2, STACK } from './support/app-config';
import type { AppSpec } from './support/app-config';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = 30; // ~20-40 ms of synthesis each

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-props-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes the app's stack as `cdktf synth` lays it out. */
function writeOutDir(config: AppSpec, run: number): string {
  const dir = path.join(tmp, `run-${run}`);
  const file = `stacks/${STACK}/cdk.tf.json`;
  fs.mkdirSync(path.join(dir, 'stacks', STACK), { recursive: true });
  fs.writeFileSync(path.join(dir, file), Testing.synth(buildApp(config)));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ stacks: { [STACK]: { name: STACK, synthesizedStackPath: file } } }),
  );
  return dir;
}

test(`random valid apps are reviewed completely (seed ${SEED})`, () => {
  let run = 0;
  fc.assert(
    fc.property(configArb, (config) => {
      const dir = writeOutDir(config, run++);
      const report: ReviewReport = JSON.parse(reviewOutDir(dir, { format: 'json' }));
      expect(report.vaults.map((v) => v.name).sort()).toEqual(config.vaults.map((v) => v.name).sort());

      for (const spec of config.vaults) {
        const vault = report.vaults.find((v) => v.name === spec.name)!;
        expect(vault).toMatchObject({
          resourceGroup: spec.resourceGroupName,
          region: spec.location,
          outsideConfiguration: false,
        });
        const vaultGuarded = spec.preventDestroy ?? true;
        expect(vault.preventDestroy).toBe(vaultGuarded);

        for (const policy of spec.policies) {
          const report = vault.policies.find((p) => p.name === policy.name)!;
          const time = `${pad2(policy.schedule.hour)}:${pad2(policy.schedule.minute ?? 0)}`;
          if (policy.schedule.kind === 'daily') expect(report.schedule.words).toMatch(new RegExp(`^daily at ${time}`));
          else {
            expect(report.schedule.words).toMatch(new RegExp(`^weekly on .* at ${time}`));
            const named = report.schedule.words
              .slice(0, report.schedule.words.indexOf(' at '))
              .replace('weekly on ', '')
              .split(/, | and /);
            expect(named.sort()).toEqual([...policy.schedule.days].sort());
          }
          expect(report.retention.rules).toHaveLength(policy.rules.length);
          for (const rule of report.retention.rules)
            expect(rule.words).toMatch(/^(first backup of each (week|month|year)|backups on .+) kept \d+ \w+$/);
        }

        expect(vault.accounts.map((a) => a.account).sort()).toEqual(spec.accounts.map((a) => a.name).sort());
        for (const account of spec.accounts) {
          const row = vault.accounts.find((a) => a.account === account.name)!;
          const policy = config.vaults[account.policy.vault].policies[account.policy.index].name;
          const waits = account.rolePropagationWait !== false;
          const guarded = account.preventDestroy ?? vaultGuarded;
          expect(row).toMatchObject({ policy, via: 'ID', containers: { names: account.containers }, preventDestroy: guarded });
          expect(row.ordering.ok).toBe(waits);
          expect(row.wait !== undefined).toBe(waits);
          const warnings = vault.warnings.filter((w) => w.startsWith(`\`${account.name}\`:`));
          expect(warnings.some((w) => w.includes('role before backup is not guaranteed'))).toBe(!waits);
          expect(warnings.some((w) => w.includes('has no prevent_destroy'))).toBe(!guarded);
        }
        expect(vault.warnings.some((w) => w.startsWith('Soft delete is AlwaysOn'))).toBe(
          spec.softDelete === SoftDelete.ALWAYS_ON,
        );
        expect(vault.warnings.some((w) => w.startsWith('Soft delete is Off'))).toBe(spec.softDelete === SoftDelete.OFF);
        expect(vault.warnings.some((w) => w.startsWith('Immutability is Locked'))).toBe(
          spec.immutability === Immutability.LOCKED,
        );
        expect(vault.warnings.some((w) => w.startsWith('Cross-region restore is on'))).toBe(spec.crossRegionRestore === true);
        expect(vault.warnings.some((w) => w.startsWith('Unlisted region'))).toBe(false);
      }
      expect(report.summary.protectedAccounts).toBe(accountsOf(config).length);
      expect(report.otherGrants).toEqual([]);

      const markdown = reviewOutDir(dir, { base: dir });
      expect(markdown).toContain('No changes against base.');
      fs.rmSync(dir, { recursive: true });
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
