/**
 * Which flavour this run of the suite tests (jest.config.js runs it for cdktf and for CDK Terrain): the mapping of
 * `cdktf` to `cdktn` must reach the library, the tests and the examples' provider package alike.
 */
import { App, TerraformResource, TerraformStack } from 'cdktf';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { DataProtectionBackupVault } from '../lib/azurerm';

declare const ADLS_BACKUP_FLAVOUR: 'cdktf' | 'cdktn';

const rtti = (cls: object) => (cls as Record<symbol, { fqn: string } | undefined>)[Symbol.for('jsii.rtti')]?.fqn;

test(`the core package is ${ADLS_BACKUP_FLAVOUR}`, () => {
  expect(['cdktf', 'cdktn']).toContain(ADLS_BACKUP_FLAVOUR);
  expect(rtti(TerraformStack)).toBe(`${ADLS_BACKUP_FLAVOUR}.TerraformStack`);
});

test("the examples' provider package and the library's bindings are built on that core", () => {
  expect(rtti(StorageAccount)).toMatch(new RegExp(`^@${ADLS_BACKUP_FLAVOUR}/provider-azurerm\\.`));
  const stack = new TerraformStack(new App(), 'flavour');
  const vault = new DataProtectionBackupVault(stack, 'Vault', {
    name: 'bv',
    resourceGroupName: 'rg',
    location: 'westeurope',
    datastoreType: 'VaultStore',
    redundancy: 'LocallyRedundant',
  });
  expect(vault).toBeInstanceOf(TerraformResource);
});
