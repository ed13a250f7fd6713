// README.md quotes the review's output twice, the alert queries, the compliance findings and an error, and states the
// supported versions; each quoted line must be what the code really prints or declares, so that the README cannot
// drift from the code. A `...` line in an excerpt stands for lines left out.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadFleetSpec, parseFleetSpec, synthFleet } from '../lib/fleet';
import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { CompleteStack } from '../examples/complete/main';
import { UnprotectedAccountStack } from '../examples/unprotected-account/main';
import { BackupConfigError, DataLakeBackup, DataLakeStorageAccount } from '../lib';
import type { Problem } from '../lib';
import { AZURERM_VERSION_CONSTRAINT, TERRAFORM_VERSION_CONSTRAINT, TIME_VERSION_CONSTRAINT } from '../lib/azurerm';
import { failedJobsQuery, missedBackupsQuery } from '../lib/monitoring';
import { FLAVOURS } from '../scripts/package';
import { reviewOutDir } from '../lib/review';
import { annotationsOf, vaultAndPolicy } from './helpers';
import { FLEET_SPEC, replaceOnce } from './support/example-output';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8').split('\n');
const MARKETING = [
  '  - id: /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-data-weu/providers/Microsoft.Storage/storageAccounts/lakeweumarketing01',
  '    region: westeurope',
  '    containers: [raw]',
  '',
].join('\n');

let tmp: string;
let base: string;
let head: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-excerpts-'));
  base = path.join(tmp, 'base');
  head = path.join(tmp, 'head');
  synthFleet(loadFleetSpec(FLEET_SPEC), base);
  // Monthly backups kept 24 months instead of 12, a container and an account added.
  let text = fs.readFileSync(FLEET_SPEC, 'utf8');
  text = replaceOnce(text, 'monthly: P12M', 'monthly: P24M');
  text = replaceOnce(text, 'containers: [landing, curated]', 'containers: [landing, curated, exports]');
  text = `${text.endsWith('\n') ? text : `${text}\n`}${MARKETING}`;
  synthFleet(parseFleetSpec(text, 'head.yaml'), head);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The lines of the first fenced block opened by `fence` (e.g. "````markdown") after the line holding `marker`. */
function excerptAfter(marker: string, fence: string): string[] {
  const at = README.findIndex((line) => line.includes(marker));
  expect(at).toBeGreaterThanOrEqual(0);
  const open = README.findIndex((line, i) => i > at && line.startsWith('```'));
  expect(README[open]).toBe(fence);
  const close = README.findIndex((line, i) => i > open && line === fence.replace(/[a-z]+$/, ''));
  expect(close).toBeGreaterThan(open);
  return README.slice(open + 1, close);
}

/**
 * The excerpt's lines (but `...`) that the output does not hold, in the order the excerpt gives them: each line
 * must be an output line, after the one matched before it.
 */
function missingLines(excerpt: string[], output: string): string[] {
  const lines = output.split('\n');
  const missing: string[] = [];
  let from = 0;
  for (const line of excerpt) {
    if (line === '...') continue;
    const found = lines.indexOf(line, from);
    if (found < 0) missing.push(line);
    else from = found + 1;
  }
  return missing;
}

test('the excerpt for the fleet example is in its review', () => {
  const excerpt = excerptAfter('An excerpt for the fleet example:', '````markdown');
  expect(excerpt.filter((l) => l.trim() !== '').length).toBeGreaterThan(5);
  expect(missingLines(excerpt, reviewOutDir(base))).toEqual([]);
});

test('the excerpt of a change is in `review head --base base`', () => {
  const excerpt = excerptAfter('From a change that keeps monthly backups', '```markdown');
  expect(excerpt.slice(0, 2)).toEqual(['### Policies that will be replaced', '...']);
  // Lines to find besides the heading (7 today): an excerpt of only its heading and `...` would prove nothing.
  expect(excerpt.filter((l) => l.trim() !== '' && l !== '...').length).toBeGreaterThan(5);
  expect(missingLines(excerpt, reviewOutDir(head, { base }))).toEqual([]);
});

describe('the Monitoring section prints the alert queries as the alerts run them', () => {
  const readme = README.join('\n');

  test('failed jobs', () => {
    expect(readme).toContain(['```kusto', failedJobsQuery('<vault resource ID>'), '```'].join('\n'));
  });

  test('missed backups, with a day and 6 hours of grace', () => {
    expect(readme).toContain(['```kusto', missedBackupsQuery('<vault resource ID>', ['<daily policy>'], 30), '```'].join('\n'));
  });
});

describe('the Compliance section quotes the findings as cdktf synth prints them', () => {
  const readme = README.join('\n');
  /** `LEVEL [construct path]: message`, as cdktf-cli prints an annotation. */
  const printed = (stack: TerraformStack, level: 'info' | 'error') =>
    annotationsOf(stack, level).map((a) => `${level.toUpperCase()} [${a.path}]: ${a.message}`);

  test('the unprotected-account example', () => {
    const stack = new UnprotectedAccountStack(Testing.app(), 'unprotected-account');
    Testing.synth(stack);
    const lines = printed(stack, 'error');
    expect(lines).toHaveLength(1);
    expect(readme).toContain(['```text', lines[0], '```'].join('\n'));
  });

  test("the complete example's suppressed restore target", () => {
    const stack = new CompleteStack(Testing.app(), 'complete');
    Testing.synth(stack);
    expect(printed(stack, 'error')).toEqual([]);
    const lines = printed(stack, 'info');
    expect(lines).toHaveLength(1);
    expect(readme).toContain(['```text', lines[0], '```'].join('\n'));
  });
});

describe('the install and version sections say what the packages declare and write', () => {
  const readme = README.join('\n');
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const row = (name: string) => README.find((line) => line.startsWith(`| ${name} |`)) ?? '';

  test('the supported ranges are the peer ranges and constraints of the code', () => {
    const [cdktfRange, cdktnRange] = FLAVOURS.map((f) => f.peerDependencies[f.core]);
    expect(cdktfRange).toBe(manifest.peerDependencies.cdktf);
    expect(row('cdktf')).toContain(`\`${cdktfRange}\``);
    expect(row('CDK Terrain (`cdktn`)')).toContain(`\`${cdktnRange}\``);
    expect(row('`constructs`')).toContain(
      `\`${FLAVOURS[0].peerDependencies.constructs}\` with cdktf; \`${FLAVOURS[1].peerDependencies.constructs}\` with cdktn`,
    );
    expect(row('azurerm provider')).toContain(`\`${AZURERM_VERSION_CONSTRAINT}\``);
    expect(row('hashicorp/time')).toContain(`\`${TIME_VERSION_CONSTRAINT}\``);
    expect(row('Terraform')).toContain(`\`${TERRAFORM_VERSION_CONSTRAINT}\``);
    expect(row('Node.js')).toContain(`\`${manifest.engines.node}\``);
  });

  test('the override for @cdktn/provider-azurerm is the one this repository uses', () => {
    expect(readme).toContain(
      `"overrides": ${JSON.stringify(manifest.overrides)
        .replace(/([{:,])/g, '$1 ')
        .replace(/}/g, ' }')}`,
    );
  });

  test('the container limit error is quoted as the library words it', () => {
    const stack = new TerraformStack(Testing.app(), 'limit');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const { vault, policy } = vaultAndPolicy(stack);
    let problems: readonly Problem[] = [];
    try {
      new DataLakeBackup(stack, 'Lake', {
        vault,
        policy,
        storageAccount: DataLakeStorageAccount.fromAttributes({
          storageAccountId:
            '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lakeweu01',
          location: 'westeurope',
        }),
        containers: Array.from({ length: 101 }, (_, i) => `c${String(i).padStart(3, '0')}`),
      });
    } catch (e) {
      problems = (e as BackupConfigError).problems;
    }
    expect(problems.map((p) => [p.code, p.path])).toEqual([['ADLSBK-CONTAINER-COUNT', 'containers']]);
    expect(readme).toContain(['  ```', `  ${problems[0].message}`, '  ```'].join('\n'));
  });
});
