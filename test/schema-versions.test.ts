/**
 * Every stack the project synthesizes (the TypeScript examples and the fleet example) is valid Terraform for each
 * azurerm version the library supports: held against the real schemas of azurerm 4.68.0 and 4.79.0, the 5.x schema
 * derived from 4.79.0 with the 5.0 removals, and hashicorp/time 0.13.1 (codegen/schema/). The version constraints
 * it writes admit exactly those versions.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { loadAzurermSchemas, loadTimeSchema, ProviderSchema } from '../codegen/terraform-schema';
import { UnprotectedAccountStack } from '../examples/unprotected-account/main';
import { BackupResourceGuard } from '../lib';
import { AZURERM_VERSION_CONSTRAINT, TERRAFORM_VERSION_CONSTRAINT } from '../lib/azurerm';
import { admits } from '../lib/azurerm/version-constraint';
import { synthExamples, synthFleetExample } from './support/example-output';
import { checkAgainstSchema } from './support/schema-check';

const AZURERM = loadAzurermSchemas();
const TIME = loadTimeSchema();

let dir: string;
const stacks = new Map<string, Record<string, any>>();

function readStacks(outdir: string, prefix: string): void {
  for (const name of fs.readdirSync(path.join(outdir, 'stacks'))) {
    stacks.set(`${prefix}${name}`, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')));
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-versions-'));
  synthExamples(path.join(dir, 'examples'));
  readStacks(path.join(dir, 'examples'), '');
  const app = new App({ outdir: path.join(dir, 'unprotected') });
  new UnprotectedAccountStack(app, 'unprotected-account', { protectBoth: true });
  // No example creates a Resource Guard (it belongs in the security team's subscription): one stack holds it.
  const guard = new TerraformStack(app, 'resource-guard');
  new AzurermProvider(guard, 'azurerm', { features: [{}] });
  new BackupResourceGuard(guard, 'Guard', { name: 'rg-guard-weu', resourceGroupName: 'rg-security', location: 'westeurope' });
  app.synth();
  readStacks(path.join(dir, 'unprotected'), '');
  synthFleetExample(path.join(dir, 'fleet'));
  readStacks(path.join(dir, 'fleet'), 'fleet/');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STACKS = [
  'quickstart',
  'complete',
  'existing-account',
  'unprotected-account',
  'resource-guard',
  'fleet/lake-backup-westeurope',
  'fleet/lake-backup-northeurope',
  'fleet/lake-backup-eastus2',
];

test('every example and fleet stack was synthesized', () => {
  expect([...stacks.keys()].sort()).toEqual([...STACKS].sort());
});

describe.each(AZURERM.map((s) => [s.version, s] as [string, ProviderSchema]))('azurerm %s', (_, schema) => {
  test.each(STACKS)('%s conforms', (name) => {
    const { violations, checked } = checkAgainstSchema(stacks.get(name)!, 'azurerm', schema);
    expect(violations).toEqual([]);
    expect(checked['provider.azurerm']).toBeGreaterThanOrEqual(1);
    const expected =
      name === 'resource-guard' ? 'data_protection_resource_guard' : 'data_protection_backup_instance_data_lake_storage';
    expect(checked[`resource.azurerm_${expected}`]).toBeGreaterThanOrEqual(1);
  });
});

test.each(STACKS.filter((s) => s !== 'resource-guard'))('%s conforms to hashicorp/time 0.13.1', (name) => {
  const { violations, checked } = checkAgainstSchema(stacks.get(name)!, 'time', TIME);
  expect(violations).toEqual([]);
  expect(checked['resource.time_sleep']).toBeGreaterThanOrEqual(1);
});

test('together the stacks hold every type the library writes, so each was checked', () => {
  const seen = new Set<string>();
  for (const json of stacks.values()) {
    for (const key of Object.keys(checkAgainstSchema(json, 'azurerm', AZURERM[0]).checked)) seen.add(key);
  }
  expect([...seen].sort()).toEqual(
    expect.arrayContaining([
      'data.azurerm_storage_account',
      'provider.azurerm',
      'resource.azurerm_data_protection_backup_instance_data_lake_storage',
      'resource.azurerm_data_protection_backup_policy_data_lake_storage',
      'resource.azurerm_data_protection_backup_vault',
      'resource.azurerm_data_protection_resource_guard',
      'resource.azurerm_log_analytics_workspace',
      'resource.azurerm_management_lock',
      'resource.azurerm_monitor_action_group',
      'resource.azurerm_monitor_diagnostic_setting',
      'resource.azurerm_monitor_scheduled_query_rules_alert_v2',
      'resource.azurerm_resource_group',
      'resource.azurerm_role_assignment',
      'resource.azurerm_storage_account',
      'resource.azurerm_storage_container',
    ]),
  );
});

describe('the version constraints every stack writes', () => {
  test.each(STACKS)('%s: azurerm admits 4.68.0 to 5.x, Terraform 1.2 and later', (name) => {
    const terraform = stacks.get(name)!.terraform;
    expect(terraform.required_providers.azurerm.version).toBe(AZURERM_VERSION_CONSTRAINT);
    expect(terraform.required_version).toBe(TERRAFORM_VERSION_CONSTRAINT);
  });

  test.each(['4.68.0', '4.79.0', '5.0.0', '5.2.0', '5.6.0'])('azurerm %s is admitted', (version) => {
    expect(admits(AZURERM_VERSION_CONSTRAINT, version)).toBe(true);
  });
  test.each(['4.55.0', '4.67.0', '6.0.0', '6.1.0'])('azurerm %s is refused', (version) => {
    expect(admits(AZURERM_VERSION_CONSTRAINT, version)).toBe(false);
  });
  test.each([
    ['1.2.0', true],
    ['1.11.4', true],
    ['1.1.9', false],
  ])('Terraform %s admitted: %s (lifecycle preconditions need 1.2)', (version, admitted) => {
    expect(admits(TERRAFORM_VERSION_CONSTRAINT, version)).toBe(admitted);
  });
});

describe('the checker refuses what Terraform would', () => {
  const [v468, , v5] = AZURERM;
  const container = (body: Record<string, unknown>) => ({ resource: { azurerm_storage_container: { c: body } } });

  test('an argument 5.0 removed passes 4.68.0 and fails 5.x', () => {
    const json = container({ name: 'raw', storage_account_name: 'lake' });
    expect(checkAgainstSchema(json, 'azurerm', v468).violations).toEqual([]);
    expect(checkAgainstSchema(json, 'azurerm', v5).violations).toEqual([
      'azurerm_storage_container.c.storage_account_name: azurerm 5.x has no argument storage_account_name here',
    ]);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a missing required argument', { container_access_type: 'private' }, /requires name/],
    ['a computed attribute', { name: 'raw', storage_account_id: 'x', has_legal_hold: true }, /has_legal_hold: computed/],
    ['a wrong type', { name: 'raw', storage_account_id: 'x', metadata: ['a'] }, /metadata: must be a map/],
    ['an unknown argument', { name: 'raw', storage_account_id: 'x', colour: 'blue' }, /has no argument colour/],
  ])('%s', (_, body, message) => {
    expect(checkAgainstSchema(container(body), 'azurerm', v468).violations.join('\n')).toMatch(message);
  });

  test('block nesting and limits: one identity at most, timeouts a single object', () => {
    const vault = {
      name: 'bv',
      resource_group_name: 'rg',
      location: 'westeurope',
      datastore_type: 'VaultStore',
      redundancy: 'LocallyRedundant',
      identity: [{ type: 'SystemAssigned' }, { type: 'SystemAssigned' }],
      timeouts: [{ create: '1h' }],
    };
    const violations = checkAgainstSchema({ resource: { azurerm_data_protection_backup_vault: { v: vault } } }, 'azurerm', v468);
    expect(violations.violations).toEqual([
      'azurerm_data_protection_backup_vault.v.identity: azurerm 4.68.0 takes 0 to 1 blocks, got 2',
      'azurerm_data_protection_backup_vault.v.timeouts: a single block must be one object, got a list',
    ]);
  });

  test('a type the version does not have', () => {
    const json = { resource: { azurerm_backup_vault_of_dreams: { x: {} } } };
    expect(checkAgainstSchema(json, 'azurerm', v468).violations).toEqual([
      'azurerm_backup_vault_of_dreams.x: azurerm 4.68.0 has no resource azurerm_backup_vault_of_dreams',
    ]);
  });
});
