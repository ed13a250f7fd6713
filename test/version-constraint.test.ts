/**
 * Terraform version constraints as the library reads them, and the container limit that follows the stack's azurerm
 * constraint: 100 containers everywhere, 1000 only when no azurerm before 4.79.0 can be chosen.
 */
import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BackupConfigError, DataLakeBackup, DataLakeStorageAccount } from '../lib';
import { CONTAINER_LIMIT, containerLimitFor } from '../lib/azurerm/container-limit';
import { vaultAndPolicy } from './helpers';
import { admits, parseConstraint, refusesBelow } from '../lib/azurerm/version-constraint';

describe('admits: the constraint reader reads Terraform constraints as Terraform does', () => {
  test.each<[string, string, boolean]>([
    ['~> 4.0', '4.73.0', true],
    ['~> 4.0', '5.0.0', false],
    ['~> 4.68.0', '4.68.9', true],
    ['~> 4.68.0', '4.69.0', false],
    ['>= 4.68, != 4.70.0', '4.70.0', false],
    ['>= 4.68, != 4.70.0', '4.70.1', true],
    ['4.68.0', '4.68.0', true],
    ['= 4.68.0', '4.68.1', false],
    ['> 4.68.0', '4.68.0', false],
    ['<= 4.68.0', '4.68.0', true],
    ['< 5.0.0', '5.0.0', false],
    ['>= 4.68.0', '4.80.0-beta1', false], // a prerelease only when named exactly
    ['= 4.80.0-beta1', '4.80.0-beta1', true],
  ])('%s admits %s: %s', (constraint, version, admitted) => {
    expect(admits(constraint, version)).toBe(admitted);
  });

  test.each(['>= 4.68.0,', '=> 4.68.0', '>= four', ''])('refuses to read %j', (constraint) => {
    expect(() => parseConstraint(constraint)).toThrow();
  });
});

describe('refusesBelow: whether a constraint rules out every version before a given one', () => {
  test.each<[string, boolean]>([
    ['>= 4.79.0', true],
    ['>= 4.80', true],
    ['~> 4.79', true],
    ['~> 5.0', true],
    ['= 5.2.0', true],
    ['> 4.79.0', true],
    ['>= 4.68.0, < 6.0.0', false],
    ['~> 4.0', false],
    ['> 4.78.9', false], // 4.78.10 is still admitted
    ['!= 4.70.0', false],
    ['< 4.79.0', false],
    ['>= 4.68.0, < 6.0.0, >= 4.79.0', true],
    ['>= 4.79.0-beta1', false], // the prerelease sorts before 4.79.0
  ])('%s refuses every azurerm before 4.79.0: %s', (constraint, refuses) => {
    expect(refusesBelow(constraint, '4.79.0')).toBe(refuses);
  });
});

describe('containerLimitFor', () => {
  test('no constraint, or one that admits older versions: the limit every version accepts, with the way out', () => {
    for (const constraint of [undefined, '>= 4.68.0, < 6.0.0', 'not a constraint']) {
      const limit = containerLimitFor(constraint);
      expect(limit.max).toBe(CONTAINER_LIMIT.everywhere);
      expect(limit.reason).toContain('azurerm accepts up to 1000 only from 4.79.0');
      expect(limit.reason).toContain(`stack.addOverride('terraform.required_providers.azurerm.version', '>= 4.79.0')`);
    }
  });
  test('a constraint from 4.79.0: 1000', () => {
    expect(containerLimitFor('>= 4.79.0, >= 4.68.0, < 6.0.0')).toEqual({
      max: 1000,
      reason: `azurerm's limit (the stack's azurerm constraint ">= 4.79.0, >= 4.68.0, < 6.0.0" starts at 4.79.0 or later)`,
    });
  });
});

describe('DataLakeBackup: the container limit follows the stack azurerm constraint', () => {
  const ACCOUNT =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lakeweu01';
  const names = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(4, '0')}`);

  function protect(count: number, constraint?: string): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'limit');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    if (constraint !== undefined) stack.addOverride('terraform.required_providers.azurerm.version', constraint);
    const { vault, policy } = vaultAndPolicy(stack);
    new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: ACCOUNT, location: 'westeurope' }),
      containers: names(count),
    });
    return stack;
  }

  test('100 containers pass with the default constraint; 101 are refused with the reason and the way out', () => {
    expect(() => protect(100)).not.toThrow();
    const error = (() => {
      try {
        protect(101);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BackupConfigError);
    const problems = (error as BackupConfigError).problems;
    expect(problems.map((p) => [p.code, p.path])).toEqual([['ADLSBK-CONTAINER-COUNT', 'containers']]);
    expect(problems.map((p) => p.message)).toEqual([
      "`containers` must list 1 to 100 containers: azurerm accepts up to 1000 only from 4.79.0, and the stack's azurerm constraint \">= 4.68.0, < 6.0.0\" admits older versions; to list more, narrow it before creating the backup: stack.addOverride('terraform.required_providers.azurerm.version', '>= 4.79.0'), got: \"101 containers\"",
    ]);
  });

  test('a user constraint from 4.79.0 set before the backup allows 1000, and the JSON lists them all', () => {
    const stack = protect(1000, '>= 4.79.0');
    const json = JSON.parse(Testing.synth(stack));
    const instance = Object.values(json.resource.azurerm_data_protection_backup_instance_data_lake_storage)[0] as any;
    expect(instance.storage_container_names).toHaveLength(1000);
    expect(json.terraform.required_providers.azurerm.version).toBe('>= 4.79.0, >= 4.68.0, < 6.0.0');
  });

  test('1001 containers are refused whatever the constraint', () => {
    expect(() => protect(1001, '>= 4.79.0')).toThrow(/`containers` must list 1 to 1000 containers: azurerm's limit/);
  });

  test('a constraint that still admits 4.78 keeps the limit at 100', () => {
    expect(() => protect(101, '~> 4.0')).toThrow(/must list 1 to 100 containers.*"~> 4.0, >= 4.68.0, < 6.0.0" admits older/);
  });
});
