/**
 * Property-based tests (fast-check): whole random app configurations, their synthesized Terraform, and single-field
 * corruptions of them.
 *
 * Runs are deterministic: every `fc.assert` uses the fixed seed below (shown in the describe title). On a failure
 * fast-check prints the seed, the shrink path and the smallest counterexample (the config, as plain data). Replay
 * with another seed, or the one printed, with:
 *
 *   FC_SEED=<n> npx jest test/properties.test.ts
 *
 * Properties:
 *   1. random valid configurations synthesize, with one instance, one role assignment (and its wait) per account;
 *   2. determinism: the same config gives byte-identical Terraform JSON in two fresh apps;
 *   3. order independence: adding the backups in another order gives the same Terraform content;
 *   4. single-field corruption: one broken field throws a BackupConfigError naming that field and its value;
 *   5. schema conformance: the ADLS policy and instance of every app from property 1 pass the azurerm schema checker.
 *
 * The config model, `buildApp` and the arbitraries of valid configs are in test/support/app-config.ts; the
 * single-field corrupters of property 4 in test/support/corrupters.ts. This file reads the synthesized JSON and
 * states the properties.
 */
import fc from 'fast-check';
import { Testing } from 'cdktf';
import {
  BackupConfigError,
  BackupSchedule,
  Immutability,
  IrreversibleSetting,
  Redundancy,
  STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR,
  SoftDelete,
  TimeUnit,
  normalizeRegion,
} from '../lib';
import {
  WEEK,
  accountsOf,
  buildApp,
  configArb,
  configWithOrderArb,
  pad2,
  requestedSettings,
  toDuration,
} from './support/app-config';
import type { AppSpec, RuleSpec, ScheduleSpec } from './support/app-config';
import { CORRUPTERS, CORRUPTER_BY_ID, checkCorruption, corruptionArb, picksArb } from './support/corrupters';
import type { Corrupter } from './support/corrupters';
import { INSTANCE, POLICY, SCHEMA, checkResource, newTally, resourceFact } from './support/azurerm-schema';
import type { Tally } from './support/azurerm-schema';

const SEED = Number(process.env.FC_SEED ?? 20261126);

// numRuns, chosen to keep the file under ~8 s on the 2-core development machine (synthesis costs ~20-40 ms an app).
const SYNTH_RUNS = 40; // properties 1 and 5 (5 reuses the apps of 1)
const PAIR_RUNS = 25; // properties 2 and 3 (two syntheses a run)
const CORRUPTION_RUNS = 150; // property 4, a random corrupter each run (no synthesis: building throws)
const PER_CORRUPTER_RUNS = 4; // property 4, every corrupter on its own
const CHEAP_RUNS = 200; // generator coverage, utcOffset

const ROLE_ASSIGNMENT = 'azurerm_role_assignment';
const TIME_SLEEP = 'time_sleep';
const VAULT = 'azurerm_data_protection_backup_vault';
const MANAGEMENT_LOCK = 'azurerm_management_lock';
const DEFAULT_WAIT_SECONDS = 300;

// ---------------------------------------------------------------------------------------------------------------
// Reading the synthesized JSON
// ---------------------------------------------------------------------------------------------------------------

type Body = Record<string, any>;
type Synthesized = { resource?: Record<string, Record<string, Body>> };

function resources(json: Synthesized, type: string): [string, Body][] {
  return Object.entries(json.resource?.[type] ?? {});
}

/** The one resource of `type` that satisfies `match` (fails when there are none or several). */
function single(json: Synthesized, type: string, what: string, match: (body: Body) => boolean): [string, Body] {
  const found = resources(json, type).filter(([, body]) => match(body));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} ${what}, found ${found.length}`);
  return found[0];
}

/** Sorts object keys recursively and keeps arrays in order: the content Terraform reads, without block order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, canonical(object[key])]),
    );
  }
  return value;
}

/** Each resource body as its own JSON text, keyed by address. */
function bodiesByAddress(json: Synthesized): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const type of Object.keys(json.resource ?? {})) {
    for (const [name, body] of resources(json, type)) bodies.set(`${type}.${name}`, JSON.stringify(body));
  }
  return bodies;
}

// Synthesized JSON of property 1, keyed by config, so that property 5 checks exactly those apps without
// synthesizing them again (same seed, same arbitrary, same numRuns: the same configs). Run alone, 5 synthesizes.
const synthesized = new Map<string, string>();
function synthOnce(config: AppSpec): string {
  const key = JSON.stringify(config);
  let text = synthesized.get(key);
  if (text === undefined) {
    text = Testing.synth(buildApp(config), true);
    synthesized.set(key, text);
  }
  return text;
}

const ISO_LETTER: Partial<Record<TimeUnit, string>> = {
  [TimeUnit.DAYS]: 'D',
  [TimeUnit.WEEKS]: 'W',
  [TimeUnit.MONTHS]: 'M',
  [TimeUnit.YEARS]: 'Y',
};
const RULE_PRIORITY: RuleSpec['kind'][] = ['yearly', 'monthly', 'weekly'];

/** The backup_schedule the README promises: fixed anchor dates from Monday 2024-01-01, days in week order. */
function expectedIntervals(s: ScheduleSpec): string[] {
  const time = `${pad2(s.hour)}:${pad2(s.minute ?? 0)}:00${s.utcOffset ?? '+00:00'}`;
  if (s.kind === 'daily') return [`R/2024-01-01T${time}/P1D`];
  return WEEK.filter((d) => s.days.includes(d)).map((d) => `R/2024-01-0${1 + WEEK.indexOf(d)}T${time}/P1W`);
}

/** Each vault and policy rendered with the settings given, and the defaults the docs state for the rest. */
function checkVaultsAndPolicies(config: AppSpec, json: Synthesized): void {
  // configArb makes 1 to 3 vaults of 1 or 2 policies each: the loops below check something every run.
  expect(config.vaults.length).toBeGreaterThan(0);
  expect(resources(json, VAULT)).toHaveLength(config.vaults.length);
  for (const v of config.vaults) {
    const [vaultKey, body] = single(json, VAULT, `named ${v.name}`, (b) => b.name === v.name);
    const softDelete = v.softDelete ?? SoftDelete.ON;
    const redundancy = v.redundancy ?? Redundancy.GEO_REDUNDANT;
    const retentionDays =
      softDelete === SoftDelete.OFF
        ? undefined
        : v.softDeleteRetention
          ? (toDuration(v.softDeleteRetention).toSeconds() as number) / 86400
          : 14;
    expect(body.resource_group_name).toBe(v.resourceGroupName);
    expect(body.location).toBe(v.location);
    expect(body.redundancy).toBe(redundancy);
    expect(body.soft_delete).toBe(softDelete);
    expect(body.retention_duration_in_days).toBe(retentionDays);
    expect(body.immutability).toBe(v.immutability ?? Immutability.DISABLED);
    expect(body.cross_region_restore_enabled).toBe(
      redundancy === Redundancy.GEO_REDUNDANT ? (v.crossRegionRestore ?? false) : undefined,
    );
    expect(body.lifecycle?.prevent_destroy).toBe(v.preventDestroy === false ? undefined : true);
    const locks = resources(json, MANAGEMENT_LOCK).filter(([, b]) => b.scope === `\${${VAULT}.${vaultKey}.id}`);
    expect(locks.map(([, b]) => b.lock_level)).toEqual(v.deletionLock === true ? ['CanNotDelete'] : []);
    expect(v.policies.length).toBeGreaterThan(0);
    for (const p of v.policies) {
      const [, policy] = single(
        json,
        POLICY,
        `named ${p.name}`,
        (b) => b.name === p.name && b.data_protection_backup_vault_id === `\${${VAULT}.${vaultKey}.id}`,
      );
      expect(policy.backup_schedule).toEqual(expectedIntervals(p.schedule));
      expect(policy.default_retention_duration).toBe(`P${p.defaultRetention.amount}${ISO_LETTER[p.defaultRetention.unit]}`);
      expect(policy.time_zone).toBe(p.timeZone);
      // Rendered by what the rules pick: backups of a year, then of a month, then of a week.
      const rules = RULE_PRIORITY.flatMap((kind) => p.rules.filter((r) => r.kind === kind));
      expect(((policy.retention_rule ?? []) as Body[]).map((r) => [r.name, r.duration])).toEqual(
        rules.map((r) => [`${r.kind[0].toUpperCase()}${r.kind.slice(1)}`, `P${r.duration.amount}${ISO_LETTER[r.duration.unit]}`]),
      );
    }
  }
}

/** The counts and edges property 1 promises, for every account of `config`. */
function checkProtection(config: AppSpec, json: Synthesized): void {
  const accounts = accountsOf(config);
  const waits = accounts.filter(({ spec }) => spec.rolePropagationWait !== false);
  // configArb makes at least one account: the loops below check something every run.
  expect(accounts.length).toBeGreaterThan(0);
  expect(resources(json, VAULT)).toHaveLength(config.vaults.length);
  expect(resources(json, POLICY)).toHaveLength(config.vaults.reduce((n, v) => n + v.policies.length, 0));
  expect(resources(json, MANAGEMENT_LOCK)).toHaveLength(config.vaults.filter((v) => v.deletionLock === true).length);
  expect(resources(json, INSTANCE)).toHaveLength(accounts.length);
  expect(resources(json, ROLE_ASSIGNMENT)).toHaveLength(accounts.length);
  expect(resources(json, TIME_SLEEP)).toHaveLength(waits.length);
  for (const [, role] of resources(json, ROLE_ASSIGNMENT)) {
    expect(role.role_definition_name).toBe('Storage Account Backup Contributor');
    expect(role.role_definition_name).toBe(STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR.name);
  }

  for (const { spec } of accounts) {
    const vault = config.vaults[spec.policy.vault];
    const [vaultKey] = single(json, VAULT, `named ${vault.name}`, (b) => b.name === vault.name);
    const vaultRef = `\${${VAULT}.${vaultKey}.id}`;
    const policyName = vault.policies[spec.policy.index].name;
    const [policyKey] = single(
      json,
      POLICY,
      `named ${policyName} in ${vault.name}`,
      (b) => b.name === policyName && b.data_protection_backup_vault_id === vaultRef,
    );
    const [, instance] = single(
      json,
      INSTANCE,
      `for ${spec.storageAccountId}`,
      (b) => b.storage_account_id === spec.storageAccountId,
    );
    const [roleKey, role] = single(
      json,
      ROLE_ASSIGNMENT,
      `on ${spec.storageAccountId}`,
      (b) => b.scope === spec.storageAccountId,
    );
    const roleAddress = `${ROLE_ASSIGNMENT}.${roleKey}`;

    expect(instance.name).toBe(spec.name);
    expect(instance.location).toBe(spec.location);
    // A set in azurerm: the same names, each once, in any order.
    expect([...instance.storage_container_names].sort()).toEqual([...spec.containers].sort());
    expect(instance.data_protection_backup_vault_id).toBe(vaultRef);
    expect(instance.backup_policy_data_lake_storage_id).toBe(`\${${POLICY}.${policyKey}.id}`);
    expect(role.principal_id).toBe(`\${${VAULT}.${vaultKey}.identity[0].principal_id}`);
    expect(instance.depends_on).toContain(roleAddress);
    expect(instance.lifecycle?.prevent_destroy).toBe(
      (spec.preventDestroy ?? config.vaults[spec.policy.vault].preventDestroy ?? true) || undefined,
    );

    const wait = spec.rolePropagationWait;
    if (wait === false) {
      expect(instance.depends_on).toEqual([roleAddress]);
      continue;
    }
    const [sleepKey, sleep] = single(
      json,
      TIME_SLEEP,
      `after ${roleAddress}`,
      (b) => b.triggers?.role_assignment_id === `\${${roleAddress}.id}`,
    );
    expect(instance.depends_on).toContain(`${TIME_SLEEP}.${sleepKey}`);
    expect(instance.depends_on).toEqual([roleAddress, `${TIME_SLEEP}.${sleepKey}`]);
    expect(sleep.depends_on).toEqual([roleAddress]);
    const seconds = wait === undefined ? DEFAULT_WAIT_SECONDS : (toDuration(wait).toSeconds() as number);
    expect(sleep.create_duration).toBe(`${seconds}s`);
  }
}

const CONTAINER_NAMES_HAVE_PATTERN = resourceFact(INSTANCE).arguments.some(
  (a) => a.name === 'storage_container_names' && a.pattern !== undefined,
);

/** Every ADLS policy and instance of `json`, held against the azurerm schema fixture. */
function schemaViolations(json: Synthesized): { violations: string[]; tally: Tally; counts: Record<string, number> } {
  const tally = newTally();
  const violations: string[] = [];
  const counts: Record<string, number> = {};
  for (const type of Object.keys(SCHEMA.resources)) {
    counts[type] = resources(json, type).length;
    for (const [address, body] of resources(json, type)) violations.push(...checkResource(type, address, body, tally));
  }
  return { violations, tally, counts };
}

// ---------------------------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------------------------

describe(`properties (fast-check, seed ${SEED}; replay: FC_SEED=${SEED} npx jest test/properties.test.ts)`, () => {
  test(`the config generator covers the space it claims (seed ${SEED})`, () => {
    const samples = fc.sample(configArb, { seed: SEED, numRuns: CHEAP_RUNS });
    const vaults = samples.flatMap((s) => s.vaults);
    const policies = vaults.flatMap((v) => v.policies);
    const accounts = samples.flatMap(accountsOf).map((a) => a.spec);
    const seen = {
      severalVaults: samples.some((s) => s.vaults.length >= 2),
      severalAccountsInAVault: vaults.some((v) => v.accounts.length >= 2),
      everyAcknowledgement: Object.values(IrreversibleSetting).every((s) =>
        vaults.some((v) => v.acknowledgeIrreversible?.includes(s)),
      ),
      softDeleteOff: vaults.some((v) => v.softDelete === SoftDelete.OFF),
      deletionLock: vaults.some((v) => v.deletionLock === true),
      dailyAndWeekly: policies.some((p) => p.schedule.kind === 'daily') && policies.some((p) => p.schedule.kind === 'weekly'),
      allThreeRules: policies.some((p) => p.rules.length === 3),
      noRules: policies.some((p) => p.rules.length === 0),
      ruleWithDays: policies.some((p) => p.rules.some((r) => r.criteria)),
      timeZone: policies.some((p) => p.timeZone !== undefined),
      bothRegionSpellings:
        accounts.some((a) => a.location === normalizeRegion(a.location)) &&
        accounts.some((a) => a.location !== normalizeRegion(a.location)),
      waitFalse: accounts.some((a) => a.rolePropagationWait === false),
      waitDefault: accounts.some((a) => a.rolePropagationWait === undefined),
      fiveContainers: accounts.some((a) => a.containers.length === 5),
    };
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, true])));
    expect(samples).toHaveLength(CHEAP_RUNS);
    expect(accounts.length).toBeGreaterThanOrEqual(CHEAP_RUNS); // at least one account a sample
    // Every sample is valid by construction: every account in its vault's region, every irreversible setting acknowledged.
    for (const s of samples) {
      for (const { v, spec } of accountsOf(s)) expect(normalizeRegion(spec.location)).toBe(normalizeRegion(s.vaults[v].location));
      for (const v of s.vaults) expect(v.acknowledgeIrreversible ?? []).toEqual(requestedSettings(v));
    }
  });

  test(`1. random valid configurations synthesize: one instance and one Storage Account Backup Contributor role per account, instance depends_on its role and time_sleep; vaults and policies carry the settings given (seed ${SEED}, ${SYNTH_RUNS} runs)`, () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const json = JSON.parse(synthOnce(config)) as Synthesized;
        checkProtection(config, json);
        checkVaultsAndPolicies(config, json);
      }),
      { seed: SEED, numRuns: SYNTH_RUNS },
    );
  });

  test(`2. determinism: the same config synthesized in two fresh apps gives byte-identical JSON (seed ${SEED}, ${PAIR_RUNS} runs)`, () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const first = Testing.synth(buildApp(config), true);
        const second = Testing.synth(buildApp(structuredClone(config)), true);
        expect(second).toBe(first);
      }),
      { seed: SEED, numRuns: PAIR_RUNS },
    );
  });

  test(`3. order independence: backups added in a shuffled order give the same Terraform content (seed ${SEED}, ${PAIR_RUNS} runs)`, () => {
    let reordered = 0;
    fc.assert(
      fc.property(configWithOrderArb, ({ config, order }) => {
        const stackA = buildApp(config);
        const stackB = buildApp(config, order);
        const fileA = JSON.parse(Testing.synth(stackA, true)) as Synthesized;
        const fileB = JSON.parse(Testing.synth(stackB, true)) as Synthesized;
        // The bytes of the whole file may differ: cdktf builds each resource type's blocks in the order their constructs
        // were added (the instances, role assignments and waits here), and Terraform ignores that order (it reads JSON
        // objects by key). So compare content: object keys sorted recursively, arrays kept in order (the order of some
        // means something: retention_rule is a priority list). cdktf 0.21 happens to write both `Testing.synth` and
        // cdk.tf.json with json-stable-stringify (sorted keys), so today the files are byte-identical as well; the config
        // as built (`toTerraform()`, blocks in construct order) is compared too, so the property does not rest on that.
        const rawA = stackA.toTerraform() as Synthesized;
        const rawB = stackB.toTerraform() as Synthesized;
        if (JSON.stringify(rawA) !== JSON.stringify(rawB)) reordered++;
        for (const [a, b] of [
          [fileA, fileB],
          [rawA, rawB],
        ]) {
          expect(JSON.stringify(canonical(b))).toBe(JSON.stringify(canonical(a)));
          // Only block order may differ: each resource body, keyed by address, is byte-identical.
          const bodiesA = bodiesByAddress(a);
          const bodiesB = bodiesByAddress(b);
          expect([...bodiesB.keys()].sort()).toEqual([...bodiesA.keys()].sort());
          // At least a vault, a policy, an instance and its role assignment: the loop below compares something.
          expect(bodiesA.size).toBeGreaterThanOrEqual(4);
          for (const [address, body] of bodiesA) expect(`${address} ${bodiesB.get(address)}`).toBe(`${address} ${body}`);
        }
      }),
      { seed: SEED, numRuns: PAIR_RUNS },
    );
    // Not vacuous: some shuffles did change the order of the blocks in the config cdktf builds.
    expect(reordered).toBeGreaterThan(0);
  });

  test(`4. single-field corruption, a random corrupter each run: BackupConfigError naming the field and showing the value (seed ${SEED}, ${CORRUPTION_RUNS} runs, ${CORRUPTERS.length} corrupters)`, () => {
    fc.assert(
      fc.property(corruptionArb, ({ corrupter, config, picks }) => {
        checkCorruption(CORRUPTER_BY_ID.get(corrupter) as Corrupter, config, picks);
      }),
      { seed: SEED, numRuns: CORRUPTION_RUNS },
    );
  });

  describe(`4. single-field corruption, every corrupter (seed ${SEED}, ${PER_CORRUPTER_RUNS} runs each)`, () => {
    test('there are at least 15 corrupters, with distinct ids', () => {
      expect(CORRUPTERS.length).toBeGreaterThanOrEqual(15);
      expect(CORRUPTER_BY_ID.size).toBe(CORRUPTERS.length);
    });
    test.each(CORRUPTERS.map((c) => [c.id, c] as const))('%s', (_, corrupter) => {
      const configs = corrupter.applies ? configArb.filter(corrupter.applies) : configArb;
      fc.assert(
        fc.property(configs, picksArb, (config, picks) => checkCorruption(corrupter, config, picks)),
        { seed: SEED, numRuns: PER_CORRUPTER_RUNS },
      );
    });
  });

  test(`5. schema conformance: every ADLS policy and instance of the apps of property 1 passes the azurerm schema checker (seed ${SEED}, ${SYNTH_RUNS} runs)`, () => {
    const total = newTally();
    fc.assert(
      fc.property(configArb, (config) => {
        const { violations, tally, counts } = schemaViolations(JSON.parse(synthOnce(config)) as Synthesized);
        expect(violations).toEqual([]);
        expect(counts[POLICY]).toBe(config.vaults.reduce((n, v) => n + v.policies.length, 0));
        expect(counts[INSTANCE]).toBe(accountsOf(config).length);
        // Not vacuous: the value rules ran (schedule and durations are formats; the policy name has a pattern).
        expect(tally.formats).toBeGreaterThan(0);
        // Every policy name is held against its pattern, and every container name too where the fixture has one.
        const containers = accountsOf(config).reduce((n, { spec }) => n + spec.containers.length, 0);
        expect(tally.patterns).toBe(counts[POLICY] + (CONTAINER_NAMES_HAVE_PATTERN ? containers : 0));
        for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
      }),
      { seed: SEED, numRuns: SYNTH_RUNS },
    );
    expect(total.allowedValues).toBeGreaterThan(0);
    expect(total.itemCounts).toBeGreaterThan(0);
  });

  // The rule, its error message and the README say "-14:00 to +14:00". The library accepted ±14:01..±14:59 up to
  // commit 40a91b2 (this property failed there); 8cdb61a refuses them.
  test(`schedule utcOffset: accepted exactly when within -14:00..+14:00 (seed ${SEED}, ${CHEAP_RUNS} runs)`, () => {
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom('+', '-'),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        (sign, h, m, hour) => {
          const utcOffset = `${sign}${pad2(h)}:${pad2(m)}`;
          const valid = h < 14 || (h === 14 && m === 0);
          let error: unknown;
          try {
            BackupSchedule.daily({ hour, utcOffset });
          } catch (e) {
            error = e;
          }
          outcomes[valid ? 'accepted' : 'refused']++;
          if (valid) expect(error).toBeUndefined();
          else {
            expect(error).toBeInstanceOf(BackupConfigError);
            expect((error as Error).message).toContain(`\`utcOffset\``);
            expect((error as Error).message).toContain(JSON.stringify(utcOffset));
          }
        },
      ),
      { seed: SEED, numRuns: CHEAP_RUNS },
    );
    // Both branches ran: valid offsets were accepted and invalid ones refused.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted + outcomes.refused).toBe(CHEAP_RUNS);
  });
});
