// The shape of an entry of the problem-code catalog. Each code is one rule; its entry says what the rule is about
// and gives one wrong and one right example, which docs/errors.md shows (npm run docs:errors writes it from here)
// and test/error-catalog.test.ts runs: the wrong one must be refused with the code, the right one accepted.

/**
 * An example as a user writes it:
 * - `typescript`: statements run with the root entry point's exports in scope and, made beforehand as in README,
 *   `stack` (a TerraformStack), `vault` (a BackupVault in westeurope), `policy` (a daily policy of it) and `account`
 *   (a DataLakeStorageAccount in westeurope);
 * - `spec`: YAML whose top-level keys replace those of the catalog's base spec (docs/errors.md shows it);
 * - `cli`: an `adls-backup` command line, run in a folder holding the base spec as `backup.yaml`; `given` says what
 *   else the folder holds, and the catalog test makes it.
 */
export interface CodeExample {
  readonly kind: 'typescript' | 'spec' | 'cli';
  readonly wrong: string;
  readonly right: string;
  /** For `cli`: what the folder holds besides the spec, when the wrong example needs it. */
  readonly given?: string;
}

/** One rule of the catalog. */
export interface CodeEntry {
  /** What the rule is about, as a heading. */
  readonly title: string;
  /** Why the rule is there, in a sentence or two: what breaks without it. */
  readonly why: string;
  readonly example: CodeExample;
}

/**
 * What a `typescript` example starts from: these statements, run before it (docs/errors.md shows them once), with
 * the root entry point's exports, cdktf's `Testing`, `TerraformStack`, `TerraformVariable` and `TerraformProvider`, and azurerm's
 * `AzurermProvider` and `StorageAccount` in scope.
 */
export const TYPESCRIPT_SETUP = `const stack = new TerraformStack(Testing.app(), 'lake');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake-weu', resourceGroupName: 'rg-backup', location: 'westeurope' });
const policy = new DataLakeBackupPolicy(stack, 'Policy', {
  vault,
  name: 'daily',
  schedule: BackupSchedule.daily({ hour: 2 }),
  defaultRetention: Duration.days(30),
});
const account = DataLakeStorageAccount.fromAttributes({
  storageAccountId:
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01',
  location: 'westeurope',
});`;

/** The fleet spec a `spec` example changes: its top-level keys replace these. */
export const BASE_SPEC = `version: 1
policies:
  daily:
    schedule: { frequency: daily, time: '02:00' }
    retention: { default: P30D }
accounts:
  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01
    region: westeurope
    containers: [raw]
`;

/**
 * The base spec with the top-level keys of `change` replaced by it, as text: `change` is appended after the base's
 * lines for the same keys are taken out, so that a change that is not valid YAML (the syntax example) stays so.
 */
export function specWith(change: string): string {
  const keys = new Set([...change.matchAll(/^([A-Za-z$][\w$-]*):/gm)].map((m) => m[1]));
  const kept: string[] = [];
  let dropping = false;
  for (const line of BASE_SPEC.split('\n')) {
    const key = /^([A-Za-z$][\w$-]*):/.exec(line)?.[1];
    if (key !== undefined) dropping = keys.has(key);
    if (!dropping && line !== '') kept.push(line);
  }
  return `${[...kept, change].join('\n')}\n`;
}
