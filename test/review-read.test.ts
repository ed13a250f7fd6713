/**
 * The read stage's index on its own: blocks by address, references resolved (a cdktf cross-stack reference
 * followed to the producing stack), literals, dependencies and provider configurations. Reading the directory
 * itself is test/review-out-dir.test.ts.
 */
import { Configuration, isExpression, SynthesizedStack } from '../lib/review/read';

const producer: SynthesizedStack = {
  name: 'vaults',
  file: 'stacks/vaults/cdk.tf.json',
  json: {
    provider: {
      azurerm: [
        { features: [{}], subscription_id: 'sub-1' },
        { alias: 'other', subscription_id: 'sub-2' },
      ],
    },
    resource: {
      azurerm_data_protection_backup_vault: { v: { name: 'bv', resource_group_name: '${azurerm_resource_group.g.name}' } },
      azurerm_resource_group: { g: { name: 'rg-backup', provider: 'azurerm.other' } },
    },
    output: { vault_id: { value: '${azurerm_data_protection_backup_vault.v.id}' } },
  },
};
const consumer: SynthesizedStack = {
  name: 'lakes',
  file: 'stacks/lakes/cdk.tf.json',
  json: {
    data: { terraform_remote_state: { 'cross-stack-reference-input-vaults': { backend: 'local' } } },
    resource: {
      time_sleep: { w: { create_duration: '60s' } },
      azurerm_data_protection_backup_instance_data_lake_storage: {
        i: {
          data_protection_backup_vault_id: '${data.terraform_remote_state.cross-stack-reference-input-vaults.outputs.vault_id}',
          depends_on: ['time_sleep.w'],
          name: 'x-${time_sleep.w.id}',
        },
      },
    },
  },
};
const config = new Configuration([producer, consumer]);
const instance = config.block('lakes', 'azurerm_data_protection_backup_instance_data_lake_storage.i')!;

describe('Configuration', () => {
  test('blocks by stack and address; resources of a type in stack, then address order', () => {
    expect(config.block('vaults', 'azurerm_resource_group.g')).toMatchObject({ type: 'azurerm_resource_group', isData: false });
    expect(config.block('lakes', 'data.terraform_remote_state.cross-stack-reference-input-vaults')?.isData).toBe(true);
    expect(config.block('lakes', 'azurerm_resource_group.g')).toBeUndefined();
    expect(config.blocksOf('vaults').map((b) => b.address)).toEqual([
      'azurerm_data_protection_backup_vault.v',
      'azurerm_resource_group.g',
    ]);
  });

  test('a cross-stack reference resolves to the block of the producing stack', () => {
    const ref = config.ref('lakes', instance.args.data_protection_backup_vault_id);
    expect(ref?.block.stack).toBe('vaults');
    expect(ref?.block.address).toBe('azurerm_data_protection_backup_vault.v');
    expect(ref?.attr).toBe('id');
  });

  test('literals: as written, or through one reference to a literal argument', () => {
    const vault = config.block('vaults', 'azurerm_data_protection_backup_vault.v')!;
    expect(config.literal('vaults', vault.args.resource_group_name)).toBe('rg-backup');
    expect(config.literal('lakes', instance.args.name)).toBeUndefined();
    expect(isExpression(instance.args.name)).toBe(true);
    expect(isExpression('plain')).toBe(false);
  });

  test('dependencies: depends_on and references, in the same stack only', () => {
    const { all, explicit } = config.dependencies(instance);
    expect([...explicit]).toEqual(['time_sleep.w']);
    expect([...all].sort()).toEqual(['data.terraform_remote_state.cross-stack-reference-input-vaults', 'time_sleep.w']);
  });

  test('the provider configuration a block uses: its alias, else the default one', () => {
    expect(config.providerOf(config.block('vaults', 'azurerm_resource_group.g')!)?.subscription_id).toBe('sub-2');
    expect(config.providerOf(config.block('vaults', 'azurerm_data_protection_backup_vault.v')!)?.subscription_id).toBe('sub-1');
    expect(config.providerOf(instance)).toBeUndefined();
  });
});
