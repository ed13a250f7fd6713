// The review of the fleet example (three region stacks, remote state, a provider alias per account subscription):
// its golden text, and what a change of the spec does against it. Each variant is the example's YAML with text
// replaced, synthesized in process as `adls-backup synth` does.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reviewOutDir, ReviewReport } from '../lib/review';
import { replaceOnce, synthFleetExample } from './support/example-output';
import { expectGolden } from './support/golden';

const GOLDEN = path.join(__dirname, 'expected', 'review-fleet.md');
const WEU_SALES_ID =
  '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-data-weu/providers/Microsoft.Storage/storageAccounts/lakeweusales01';
let tmp: string;
let base: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-fleet-'));
  base = path.join(tmp, 'base');
  synthFleetExample(base);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The fleet example with `edit` applied to its YAML, synthesized into `<tmp>/<name>`. */
function variant(name: string, edit: (yaml: string) => string): string {
  const dir = path.join(tmp, name);
  synthFleetExample(dir, edit);
  return dir;
}

function changesOf(dir: string, against = base): NonNullable<ReviewReport['changes']> {
  return JSON.parse(reviewOutDir(dir, { base: against, format: 'json' })).changes;
}

/** The markdown between the changes heading and the first vault. */
function changesSection(dir: string, against = base): string {
  const markdown = reviewOutDir(dir, { base: against });
  const start = markdown.indexOf('## Changes against base');
  const firstVault = markdown.indexOf('## Vault ');
  expect(start).toBeGreaterThanOrEqual(0);
  return markdown.slice(start, firstVault);
}

/** The headings of the changes section, in order. */
function headings(section: string): string[] {
  return section.split('\n').filter((l) => l.startsWith('### '));
}

test('markdown of the fleet example is the committed golden text', () => {
  expectGolden(GOLDEN, reviewOutDir(base));
});

describe('state and provider', () => {
  test('a new state key is reported first, old → new, with what it means', () => {
    const dir = variant('state-key', (y) =>
      replaceOnce(
        replaceOnce(y, 'key: adls-backup/{stack}.tfstate', 'key: lake/{stack}.tfstate'),
        'monthly: P12M',
        'monthly: P24M',
      ),
    );
    const changes = changesOf(dir);
    expect(changes.none).toBe(false);
    expect(changes.stacks.settings.map((s) => [s.stack, s.changes.map((c) => [c.argument, c.old, c.new])])).toEqual(
      ['eastus2', 'northeurope', 'westeurope'].map((region) => [
        `lake-backup-${region}`,
        [['terraform.backend.azurerm.key', `adls-backup/lake-backup-${region}.tfstate`, `lake/lake-backup-${region}.tfstate`]],
      ]),
    );
    const section = changesSection(dir);
    expect(headings(section).slice(0, 2)).toEqual(['### Stacks and state', '### Policies that will be replaced']);
    expect(section).toContain(
      '- Stack `lake-backup-westeurope`:\n' +
        '  - `terraform.backend.azurerm.key`: adls-backup/lake-backup-westeurope.tfstate → lake/lake-backup-westeurope.tfstate ' +
        "(another state: unless this stack's state was moved there first with `terraform init -migrate-state`, it holds none of the stack's resources and the plan creates every one again)\n",
    );
  });

  test('a backend setting that does not choose the state is told apart', () => {
    const dir = variant('state-auth', (y) => replaceOnce(y, 'useAzureadAuth: true', 'useAzureadAuth: false'));
    const [first] = changesOf(dir).stacks.settings;
    expect(first.changes).toEqual([
      {
        argument: 'terraform.backend.azurerm.use_azuread_auth',
        old: 'true',
        new: 'false',
        note: 'how Terraform reaches the state, not which state it is',
      },
    ]);
  });

  test("a new subscription of the vaults' provider is reported, old → new, with what it means", () => {
    const dir = variant('subscription', (y) =>
      replaceOnce(
        y,
        'subscriptionId: 11111111-1111-1111-1111-111111111111',
        'subscriptionId: 44444444-4444-4444-4444-444444444444',
      ),
    );
    const changes = changesOf(dir);
    expect(changes.none).toBe(false);
    const westeurope = changes.stacks.settings.find((s) => s.stack === 'lake-backup-westeurope')!;
    expect(westeurope.changes).toEqual([
      {
        argument: 'provider.azurerm.subscription_id',
        old: '11111111-1111-1111-1111-111111111111',
        new: '44444444-4444-4444-4444-444444444444',
        note:
          'resources not yet in the state are created, and data sources read, in the new subscription; ' +
          'those already in the state keep their IDs, in the old one',
      },
    ]);
    expect(changesSection(dir)).toContain(
      '- Stack `lake-backup-westeurope`:\n  - `provider.azurerm.subscription_id`: 11111111-1111-1111-1111-111111111111 → 44444444-4444-4444-4444-444444444444 (',
    );
  });

  test('a provider alias added or removed is reported', () => {
    // lakeweusandbox01 is westeurope's only account in subscription 3333…: without it, that alias goes.
    const dir = variant('alias-removed', (y) =>
      replaceOnce(
        y,
        '  - id: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-sandbox-weu/providers/Microsoft.Storage/storageAccounts/lakeweusandbox01\n' +
          '    region: westeurope\n    containers: [scratch]\n    policy: weekly-short\n',
        '',
      ),
    );
    const alias = 'provider.azurerm.subscription-33333333-3333-3333-3333-333333333333';
    expect(changesOf(dir).stacks.settings).toEqual([
      {
        stack: 'lake-backup-westeurope',
        changes: [
          {
            argument: alias,
            old: 'subscription 33333333-3333-3333-3333-333333333333',
            new: '(none)',
            note: 'only data sources used it in the base, and Terraform drops them from the state without touching Azure',
          },
        ],
      },
    ]);
    expect(changesOf(base, dir).stacks.settings[0].changes).toEqual([
      {
        argument: alias,
        old: '(none)',
        new: 'subscription 33333333-3333-3333-3333-333333333333',
        note: 'a new provider configuration, used by 1 data source',
      },
    ]);
  });
});

describe('how an account is referenced', () => {
  // checkAccountsAtPlan: false writes literal IDs where the default reads each account with a data source.
  const literal = () => variant('literal-ids', (y) => replaceOnce(y, 'version: 1\n', 'version: 1\ncheckAccountsAtPlan: false\n'));

  test('literal IDs instead of data sources: the same accounts and grants, with their reference changed', () => {
    const dir = literal();
    const changes = changesOf(dir);
    expect(changes.accounts.added).toEqual([]);
    expect(changes.accounts.removed).toEqual([]);
    expect(changes.accounts.replaced).toEqual([]);
    expect(changes.grants.added).toEqual([]);
    expect(changes.grants.removed).toEqual([]);
    expect(changes.accounts.referenceChanged.map((r) => r.account)).toEqual([
      'lakeeus2iot01',
      'lakeeus2retail01',
      'lakeneuhr01',
      'lakeneulogs01',
      'lakeweufinance01',
      'lakeweusales01',
      'lakeweusandbox01',
    ]);
    expect(changes.accounts.referenceChanged.find((r) => r.account === 'lakeweusales01')).toEqual({
      account: 'lakeweusales01',
      vault: 'bv-lake-westeurope',
      stack: 'lake-backup-westeurope',
      address: 'azurerm_data_protection_backup_instance_data_lake_storage.westeurope_Backup-lakeweusales01_DCB0D5A5',
      argument: 'storage_account_id',
      old: 'data source `data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4`',
      new: `ID \`${WEU_SALES_ID}\``,
      sameId: WEU_SALES_ID,
      // The data source's region was read at plan; the literal one is the spec's.
      location: {
        argument: 'location',
        old: '${data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4.location}',
        new: 'westeurope',
        note: 'known only at plan: it forces replacement (azurerm ForceNew) if the region differs',
      },
    });
    expect(changes.grants.referenceChanged).toHaveLength(7);
    const section = changesSection(dir);
    expect(section).not.toContain('No longer protected');
    expect(section).not.toContain('Newly protected');
    expect(section).toContain(
      '- Reference changed: `lakeweusales01` (vault `bv-lake-westeurope`, stack `lake-backup-westeurope`): `storage_account_id` ' +
        'data source `data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4` → ' +
        `ID \`${WEU_SALES_ID}\`. Both give this ID: no change expected (the argument forces replacement only when the ID changes).\n` +
        '  - `location`: ${data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4.location} → westeurope ' +
        '(known only at plan: it forces replacement (azurerm ForceNew) if the region differs)\n',
    );
    expect(section).toContain(
      '- Reference changed: backup access on `lakeweusales01` for vault `bv-lake-westeurope` ' +
        '(`azurerm_role_assignment.westeurope_Vault_BackupAccess-lakeweusales01_1058427A`, stack `lake-backup-westeurope`): `scope` ' +
        'data source `data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4` → ' +
        `ID \`${WEU_SALES_ID}\`. Both give this ID: no change expected (the argument forces replacement only when the ID changes).\n`,
    );
    // And back: the same, the other way round.
    const back = changesOf(base, dir);
    expect(
      back.accounts.added.length + back.accounts.removed.length + back.grants.added.length + back.grants.removed.length,
    ).toBe(0);
    expect(back.accounts.referenceChanged).toHaveLength(7);
  });

  test('an ID whose letter case differs from what the data source gives replaces the instance', () => {
    const dir = variant('literal-ids-upper', (y) =>
      replaceOnce(
        replaceOnce(y, 'version: 1\n', 'version: 1\ncheckAccountsAtPlan: false\n'),
        'resourceGroups/rg-data-weu/providers/Microsoft.Storage/storageAccounts/lakeweusales01',
        'resourceGroups/RG-DATA-WEU/providers/Microsoft.Storage/storageAccounts/lakeweusales01',
      ),
    );
    const changes = changesOf(dir);
    expect(changes.accounts.added).toEqual([]);
    expect(changes.accounts.removed).toEqual([]);
    expect(changes.accounts.replaced.map((a) => [a.account, a.changes])).toEqual([
      [
        'lakeweusales01',
        [
          {
            argument: 'storage_account_id',
            old: WEU_SALES_ID,
            new: WEU_SALES_ID.replace('rg-data-weu', 'RG-DATA-WEU'),
            note: 'forces replacement (azurerm ForceNew)',
          },
          {
            argument: 'location',
            old: '${data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4.location}',
            new: 'westeurope',
            note: 'known only at plan: it forces replacement (azurerm ForceNew) if the region differs',
          },
        ],
      ],
    ]);
    // The grant's `scope` forces replacement too (azurerm_role_assignment: every argument but a few is ForceNew).
    const grant = changes.grants.referenceChanged.find((g) => g.account === 'lakeweusales01')!;
    expect(grant).toMatchObject({ kind: 'backup', argument: 'scope', forcesReplacement: true });
    expect(changesSection(dir)).toContain(
      `\`scope\` data source \`data.azurerm_storage_account.westeurope_Account-lakeweusales01_712958E4\` → ID \`${WEU_SALES_ID.replace('rg-data-weu', 'RG-DATA-WEU')}\`. ` +
        'Another ID: the argument forces replacement, so Terraform replaces the role assignment.\n',
    );
  });
});

describe('a stack dropped from the manifest', () => {
  const withoutEastus2 = (y: string) =>
    replaceOnce(
      replaceOnce(
        y,
        '  - id: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-data-eus2/providers/Microsoft.Storage/storageAccounts/lakeeus2retail01\n' +
          '    region: eastus2\n    containers: [raw, curated, published, archive]\n',
        '',
      ),
      '  - id: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-data-eus2/providers/Microsoft.Storage/storageAccounts/lakeeus2iot01\n' +
        '    region: eastus2\n    containers: [telemetry]\n' +
        '    rolePropagationWait: PT10M # a busy tenant: role assignments take longer to take effect\n',
      '',
    );

  test('is reported at the top as not destroyed, and its vault and accounts are not reported as removed', () => {
    const dir = variant('no-eastus2', withoutEastus2);
    const changes = changesOf(dir);
    expect(changes.stacks.removed).toEqual([
      { stack: 'lake-backup-eastus2', vaults: ['bv-lake-eastus2'], accounts: ['lakeeus2iot01', 'lakeeus2retail01'] },
    ]);
    expect(changes.stacks.added).toEqual([]);
    expect(changes.vaults.removed).toEqual([]);
    expect(changes.accounts.removed).toEqual([]);
    expect(changes.policies.removed).toEqual([]);
    expect(changes.grants.removed).toEqual([]);
    expect(changes.other).toEqual([]);
    const section = changesSection(dir);
    expect(headings(section)).toEqual(['### Stacks and state']);
    expect(section).toContain(
      '- Stack no longer synthesized: `lake-backup-eastus2` — its resources are not destroyed by this change; they stay until someone runs destroy on that state.\n' +
        '  - still there: vault `bv-lake-eastus2`; backups of `lakeeus2iot01` and `lakeeus2retail01`\n',
    );
  });

  test('a new stack is listed; the vault it declares is new', () => {
    const dir = variant('no-eastus2-again', withoutEastus2);
    const changes = changesOf(base, dir);
    expect(changes.stacks).toEqual({ removed: [], added: ['lake-backup-eastus2'], settings: [] });
    expect(changes.vaults.added.map((v) => v.vault)).toEqual(['bv-lake-eastus2']);
    expect(changesSection(base, dir)).toContain('- New stacks: `lake-backup-eastus2`\n');
  });

  test('what moves from a dropped stack into a new one is new there, and still exists in Azure', () => {
    // One stack for the whole fleet: the three region stacks leave the manifest, `lake-backup` comes in.
    const dir = variant('one-stack', (y) =>
      replaceOnce(
        replaceOnce(
          y,
          'stackPerRegion: true # one stack and one Terraform state per region: lake-backup-<region>',
          'stackPerRegion: false',
        ),
        'key: adls-backup/{stack}.tfstate',
        'key: adls-backup/lake-backup.tfstate',
      ),
    );
    const changes = changesOf(dir);
    expect(changes.stacks.removed.map((s) => s.stack)).toEqual([
      'lake-backup-eastus2',
      'lake-backup-northeurope',
      'lake-backup-westeurope',
    ]);
    expect(changes.stacks.added).toEqual(['lake-backup']);
    expect(changes.vaults.replaced).toEqual([]);
    expect(changes.vaults.added.map((v) => [v.vault, v.alsoIn])).toEqual([
      ['bv-lake-eastus2', 'lake-backup-eastus2'],
      ['bv-lake-northeurope', 'lake-backup-northeurope'],
      ['bv-lake-westeurope', 'lake-backup-westeurope'],
    ]);
    expect(changesSection(dir)).toContain(
      '- New: `bv-lake-westeurope` (stack `lake-backup`), still in stack `lake-backup-westeurope`, which is no longer synthesized: ' +
        "it exists in Azure, so azurerm refuses to create it until it is moved into this stack's state (an `import` block, or `terraform state mv`)\n",
    );
  });
});

test('a role propagation wait changed shows old → new in words under the account', () => {
  const dir = variant('wait', (y) => replaceOnce(y, 'rolePropagationWait: PT5M', 'rolePropagationWait: PT10M'));
  const changes = changesOf(dir);
  expect(changes.waits.map((w) => [w.account, w.old, w.new])).toEqual([
    ['lakeeus2retail01', '5 minutes', '10 minutes'],
    ['lakeneuhr01', '5 minutes', '10 minutes'],
    ['lakeneulogs01', '5 minutes', '10 minutes'],
    ['lakeweufinance01', '5 minutes', '10 minutes'],
    ['lakeweusales01', '5 minutes', '10 minutes'],
    ['lakeweusandbox01', '5 minutes', '10 minutes'],
  ]);
  expect(changes.other).toEqual([]); // the time_sleep is told about under its account, not as a bare "changed"
  const section = changesSection(dir);
  expect(section).toContain(
    '- `lakeweusales01` (vault `bv-lake-westeurope`, stack `lake-backup-westeurope`)\n  - wait 5 minutes → 10 minutes\n',
  );
  expect(section).not.toContain('changed: `time_sleep');
});
