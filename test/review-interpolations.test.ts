// Terraform evaluates `${…}` and `%{…}` in every string at plan: in a name or a tag the review warns about each,
// except the one reference to a block of the same stack that the library writes. Checked on edited copies of the
// examples' output, through the report (json and md) and the command line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { BackupVault } from '../lib';
import { EXIT_OK } from '../lib/cli/main';
import { reviewOutDir, ReviewReport } from '../lib/review';
import { templateSequences } from '../lib/private/terraform-template';
import { code, findInterpolations, shown } from '../lib/review/interpolations';
import { buildModel } from '../lib/review/model';
import { readOutDir } from '../lib/review/read';
import { cli } from './support/cli';
import { editedCopy, onlyOf, synthExamples, synthFleetExample } from './support/example-output';
import { INSTANCE_TYPE } from './helpers';

const VAULT_TYPE = 'azurerm_data_protection_backup_vault';
const POLICY_TYPE = 'azurerm_data_protection_backup_policy_data_lake_storage';
const FILE_TAG = '${file("~/.azure/accessTokens.json")}';
const HEADING = '## Expressions in names and tags';

let tmp: string;
let examples: string;
let fleet: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-interpolations-'));
  examples = path.join(tmp, 'examples');
  synthExamples(examples);
  fleet = path.join(tmp, 'fleet');
  synthFleetExample(fleet);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function edited(name: string, stack: string, edit: (json: any) => void): string {
  return editedCopy(examples, tmp, name, stack, edit);
}

function jsonReview(dir: string): ReviewReport {
  return JSON.parse(reviewOutDir(dir, { format: 'json' }));
}

describe("the library's own output", () => {
  test.each([
    ['the examples', () => examples],
    ['the fleet example', () => fleet],
  ])('%s: no warning, though names and tags hold references', (_, dir) => {
    const report = jsonReview(dir());
    expect(report.interpolations).toEqual([]);
    expect(report.summary.warnings).toBe(0);
    expect(reviewOutDir(dir())).not.toContain(HEADING);
  });

  test('the references it writes in names are there, and they are what is let through', () => {
    const complete = JSON.parse(fs.readFileSync(path.join(examples, 'stacks', 'complete', 'cdk.tf.json'), 'utf8'));
    const groups = Object.entries(complete.resource as Record<string, Record<string, any>>).flatMap(([type, byName]) =>
      Object.entries(byName)
        .filter(([, args]) => typeof args.resource_group_name === 'string' && args.resource_group_name.includes('${'))
        .map(([name, args]) => `${type}.${name}: ${args.resource_group_name}`),
    );
    expect(groups).toContain('azurerm_data_protection_backup_vault.Vault_23237E5B: ${azurerm_resource_group.Group.name}');
    expect(groups).toContain('azurerm_storage_account.Lake: ${azurerm_resource_group.Group.name}');
    expect(jsonReview(examples).interpolations).toEqual([]);
  });
});

describe('names and tags that Terraform evaluates', () => {
  test('a tag value that reads a file at plan', () => {
    const dir = edited('file-tag', 'quickstart', (json) => (onlyOf(json, VAULT_TYPE).tags = { owner: FILE_TAG }));
    const report = jsonReview(dir);
    const message =
      '`tags.owner` of `azurerm_data_protection_backup_vault.Vault_23237E5B` (stack `quickstart`): a function call, ' +
      'which Terraform evaluates at plan: `${file("~/.azure/accessTokens.json")}`.';
    expect(report.interpolations).toEqual([
      {
        stack: 'quickstart',
        address: 'azurerm_data_protection_backup_vault.Vault_23237E5B',
        attribute: 'tags.owner',
        value: FILE_TAG,
        why: 'a function call',
        message,
      },
    ]);
    expect(report.summary.warnings).toBe(1);
    expect(report.warnings).toEqual([]); // the vaults' own warnings: none

    const markdown = reviewOutDir(dir);
    expect(markdown).toContain('· 1 warning**\n\n⚠ Expressions in names and tags: 1, listed first.\n\n');
    expect(markdown).not.toContain('Warnings by vault');
    const section = markdown.slice(markdown.indexOf(HEADING), markdown.indexOf('\n## Vault'));
    expect(section).toBe(
      `${HEADING}\n\nTerraform evaluates \`\${…}\` and \`%{…}\` in any string at plan, on the machine that plans. The library ` +
        'writes a name or a tag as a literal or as one reference to a resource of the same stack; these are neither ' +
        '(write `$${` and `%%{` for the characters themselves):\n\n' +
        `- ⚠ ${message}\n`,
    );
    // First: before the vaults.
    expect(markdown.indexOf(HEADING)).toBeLessThan(markdown.indexOf('## Vault'));
  });

  test('an instance name with timestamp(), beside a vault warning: both counted', () => {
    const dir = edited('timestamp-name', 'quickstart', (json) => {
      const instance = onlyOf(json, INSTANCE_TYPE);
      instance.name = 'lakeweu01-${timestamp()}';
      delete instance.lifecycle; // a vault warning too
    });
    const report = jsonReview(dir);
    expect(report.interpolations.map((i) => [i.address, i.attribute, i.value, i.why])).toEqual([
      [
        'azurerm_data_protection_backup_instance_data_lake_storage.Lake_5F1B88EA',
        'name',
        'lakeweu01-${timestamp()}',
        'a function call',
      ],
    ]);
    expect(report.summary.warnings).toBe(2);
    const markdown = reviewOutDir(dir);
    expect(markdown).toContain(
      '· 2 warnings**\n\n⚠ Warnings by vault: `bv-lake-weu` (quickstart): 1.\n\n⚠ Expressions in names and tags: 1, listed first.\n\n',
    );
    expect(markdown).toContain(
      '- ⚠ `name` of `azurerm_data_protection_backup_instance_data_lake_storage.Lake_5F1B88EA` (stack `quickstart`): a function call, ' +
        'which Terraform evaluates at plan: `lakeweu01-${timestamp()}`.\n',
    );
  });

  test('a %{ for } directive in a container name and a retention rule name', () => {
    const directive = '%{ for c in ["a", "b"] }${c}%{ endfor }';
    const dir = edited('directive', 'complete', (json) => {
      onlyOf(json, INSTANCE_TYPE).storage_container_names[1] = directive;
      onlyOf(json, POLICY_TYPE).retention_rule[0].name = '%{ if true }Yearly%{ endif }';
    });
    expect(jsonReview(dir).interpolations.map((i) => [i.attribute, i.value, i.why])).toEqual([
      ['storage_container_names[1]', directive, 'a template directive (`%{`)'],
      ['retention_rule[0].name', '%{ if true }Yearly%{ endif }', 'a template directive (`%{`)'],
    ]);
  });

  test('escaped sequences are literals: $${ and %%{ are not flagged', () => {
    const dir = edited('escaped', 'quickstart', (json) => {
      const vault = onlyOf(json, VAULT_TYPE);
      vault.tags = { note: '$${literal}', also: 'a %%{ b } c', three: '$$${x}', 'key-$${k}': 'v' };
      onlyOf(json, POLICY_TYPE).name = 'daily-$${env}';
    });
    expect(jsonReview(dir).interpolations).toEqual([]);
  });

  test('a tag key, a reference outside the stack, a variable, several parts: each flagged', () => {
    const dir = edited('mixed', 'complete', (json) => {
      const vault = onlyOf(json, VAULT_TYPE);
      vault.tags = { ...vault.tags, '${local.key}': 'x' };
      vault.name = '${azurerm_resource_group.Group.name}-vault';
      onlyOf(json, POLICY_TYPE).name = '${var.policy_name}';
      json.resource.azurerm_resource_group.Group.name = '${azurerm_resource_group.Elsewhere.name}';
    });
    const found = jsonReview(dir).interpolations.map((i) => [i.address, i.attribute, i.why]);
    expect(found).toEqual([
      [
        'azurerm_data_protection_backup_policy_data_lake_storage.Policy_23B91518',
        'name',
        'a reference to `var.policy_name`, not to a resource or data source of this stack',
      ],
      ['azurerm_data_protection_backup_vault.Vault_23237E5B', 'name', 'an expression'],
      [
        'azurerm_data_protection_backup_vault.Vault_23237E5B',
        'tags (key)',
        'a reference to `local.key`, not to a resource or data source of this stack',
      ],
      [
        'azurerm_resource_group.Group',
        'name',
        'a reference to `azurerm_resource_group.Elsewhere.name`, not to a resource or data source of this stack',
      ],
    ]);
  });

  test('a reference to a data source of the stack is let through', () => {
    const dir = edited('data-ref', 'existing-account', (json) => {
      const data = Object.keys(json.data.azurerm_storage_account)[0];
      onlyOf(json, INSTANCE_TYPE).name = `\${data.azurerm_storage_account.${data}.name}`;
    });
    expect(jsonReview(dir).interpolations).toEqual([]);
  });

  test("cdktf's cross-stack reference (a remote-state data source of the stack) is let through", () => {
    const outdir = path.join(tmp, 'cross-stack');
    const app = new App({ outdir });
    const groups = new TerraformStack(app, 'groups');
    new AzurermProvider(groups, 'azurerm', { features: [{}] });
    const group = new ResourceGroup(groups, 'Group', { name: 'rg-shared', location: 'West Europe' });
    const vaults = new TerraformStack(app, 'vaults');
    new AzurermProvider(vaults, 'azurerm', { features: [{}] });
    new BackupVault(vaults, 'Vault', { name: 'bv-shared', resourceGroupName: group.name, location: 'West Europe' });
    app.synth();
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'vaults', 'cdk.tf.json'), 'utf8'));
    expect(onlyOf(stack, VAULT_TYPE).resource_group_name).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-groups\.outputs\.[^}]+\}$/,
    );
    expect(jsonReview(outdir).interpolations).toEqual([]);
  });

  test('a long value is cut at 100 characters, control characters escaped, backticks kept in the code span', () => {
    const long = `\${file("${'x'.repeat(200)}")}`;
    const dir = edited('long', 'quickstart', (json) => {
      onlyOf(json, VAULT_TYPE).tags = { long, multi: '${file("a")}\n\u001b[2J`tick`' };
    });
    const [first, second] = jsonReview(dir).interpolations;
    expect(first.attribute).toBe('tags.long');
    expect(first.value).toBe(`${long.slice(0, 100)}…`);
    expect(first.message).not.toContain('x'.repeat(101));
    expect(second.value).toBe('${file("a")}\\n\\u001b[2J`tick`');
    // Padded inside the fence because it ends with a backtick: CommonMark strips the two spaces again.
    expect(second.message).toContain('`` ${file("a")}\\n\\u001b[2J`tick` ``');
    expect(reviewOutDir(dir)).not.toContain('\u001b');
  });

  test('the command line prints the warning and exits 0: a warning, not an error', () => {
    const dir = edited('cli', 'quickstart', (json) => (onlyOf(json, VAULT_TYPE).tags = { owner: FILE_TAG }));
    const md = cli(['review', dir]);
    expect(md.code).toBe(EXIT_OK);
    expect(md.stdout).toContain(`which Terraform evaluates at plan: \`${FILE_TAG}\`.`);
    const json = cli(['review', dir, '--format', 'json']);
    expect(JSON.parse(json.stdout).interpolations).toHaveLength(1);
    // With --base the base's own expressions are not reported, the new directory's are.
    const withBase = JSON.parse(cli(['review', examples, '--base', dir, '--format', 'json']).stdout);
    expect(withBase.interpolations).toEqual([]);
    expect(JSON.parse(cli(['review', dir, '--base', examples, '--format', 'json']).stdout).interpolations).toHaveLength(1);
  });

  test('findInterpolations reads the model the review builds', () => {
    const dir = edited('model', 'quickstart', (json) => (onlyOf(json, 'azurerm_role_assignment').name = '${uuid()}'));
    expect(findInterpolations(buildModel(readOutDir(dir, 'output directory')).config)).toEqual([
      {
        stack: 'quickstart',
        address: 'azurerm_role_assignment.Vault_BackupAccess-lakeweu01_CF0661BC',
        attribute: 'name',
        value: '${uuid()}',
        why: 'a function call',
      },
    ]);
  });
});

describe('template sequences as Terraform reads them', () => {
  test.each([
    ['plain', false, false],
    ['${x}', true, false],
    ['$${x}', false, false],
    ['$$${x}', false, false],
    ['a$b{c', false, false],
    ['%${x}', true, false],
    ['%{ if x }y%{ endif }', false, true],
    ['%%{ if x }', false, false],
    ['$%{x}', false, true],
    ['$${a} ${b}', true, false],
  ])('%s', (value, interpolation, directive) => {
    expect(templateSequences(value)).toMatchObject({ interpolation, directive });
  });

  test('shown and code', () => {
    expect(shown('a\nb\u202ec')).toBe('a\\nb\\u202ec');
    expect(shown('x'.repeat(101))).toBe(`${'x'.repeat(100)}…`);
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`a')).toBe('`` `a ``');
  });
});
