import { loadAzurermSchemas } from '../../../codegen/terraform-schema';
import { managementLockName, RESOURCE_RULES } from '../stand-in/rules/resource';
import type { TypeRules } from '../stand-in/rules/rule';
import { checkRows, pathsExist } from './harness';
import type { Row } from './harness';

const DIR = 'internal/services/resource';
const rulesOf = (kind: TypeRules['kind'], type: string) => RESOURCE_RULES.find((r) => r.kind === kind && r.type === type)!;
const GROUP = rulesOf('resource', 'azurerm_resource_group');
const LOCK = rulesOf('resource', 'azurerm_management_lock');
const GROUP_DATA = rulesOf('data', 'azurerm_resource_group');

const rg: Row = {
  path: 'name',
  ok: 'rg-data_(1).x',
  bad: 'rg/data',
  messages: ['"name" may only contain alphanumeric characters, dash, underscores, parentheses and periods'],
};

describe(`${DIR}/resource_group_resource.go`, () => {
  checkRows(GROUP, [
    rg,
    { path: 'location', ok: 'westeurope', bad: '', messages: ['expected "location" to not be an empty string, got '] },
    {
      path: 'tags',
      ok: { team: 'data' },
      bad: { team: 'v'.repeat(257) },
      messages: ['the maximum length for a tag value is 256 characters: the value for "team" is 257 characters'],
    },
    { path: 'managed_by', ok: 'someone', bad: '', messages: ['expected "managed_by" to not be an empty string, got '] },
  ]);
  test(`${DIR}/resource_group_resource.go: ForceNew`, () => {
    expect(GROUP.forceNew!.map((f) => f.path)).toEqual(['name', 'location']);
  });
});

describe(`${DIR}/management_lock_resource.go`, () => {
  checkRows(LOCK, [
    {
      path: 'name',
      ok: 'do-not-delete',
      bad: '!!',
      messages: ['name can only consist of alphanumeric characters, dashes and underscores'],
    },
    {
      path: 'lock_level',
      ok: 'CanNotDelete',
      bad: 'NotSpecified',
      messages: ['expected lock_level to be one of ["CanNotDelete" "ReadOnly"], got NotSpecified'],
    },
    {
      path: 'notes',
      ok: '',
      bad: 'n'.repeat(513),
      messages: [`expected length of notes to be in the range (0 - 512), got ${'n'.repeat(513)}`],
    },
  ]);

  test(`${DIR}/validate/management_lock_name.go ManagementLockName: unanchored, and under 260 bytes`, () => {
    expect(managementLockName('a!', 'name')).toEqual([]);
    expect(managementLockName('-', 'name')).toEqual([]);
    expect(managementLockName('a'.repeat(259), 'name')).toEqual([]);
    expect(managementLockName('a'.repeat(260), 'name')).toEqual(['name can only be a maximum of 260 characters']);
    expect(managementLockName('', 'name')).toEqual(['name can only consist of alphanumeric characters, dashes and underscores']);
  });

  test(`${DIR}/management_lock_resource.go: every argument is ForceNew (no Update)`, () => {
    expect(LOCK.forceNew!.map((f) => f.path)).toEqual(['name', 'scope', 'lock_level', 'notes']);
  });
});

describe(`${DIR}/resource_group_data_source.go`, () => {
  checkRows(GROUP_DATA, [rg]);
});

describe('the data sources without rules', () => {
  const schema = loadAzurermSchemas().find((s) => s.version === '4.79.0')!;
  // Required or optional arguments, less the SDK's implicit `id`.
  const configurable = (type: string) =>
    Object.entries(schema.dataSources[type]?.attributes ?? {})
      .filter(([name, a]) => name !== 'id' && (a.optional || a.required))
      .map(([name]) => name);

  test('internal/services/authorization/client_config_data_source.go: nothing to configure', () => {
    expect(schema.dataSources.azurerm_client_config).toBeDefined();
    expect(configurable('azurerm_client_config')).toEqual([]);
  });

  test('internal/services/subscription/subscription_data_source.go: subscription_id only, without a ValidateFunc', () => {
    expect(configurable('azurerm_subscription')).toEqual(['subscription_id']);
    expect(RESOURCE_RULES.filter((r) => r.type === 'azurerm_client_config' || r.type === 'azurerm_subscription')).toEqual([]);
  });
});

test('every source names its file', () => {
  for (const rules of RESOURCE_RULES) {
    for (const entry of [...rules.arguments, ...(rules.cross ?? []), ...(rules.forceNew ?? [])]) {
      expect(entry.source).toMatch(/^internal\/services\/resource\/[a-z_]+\.go: /);
    }
  }
});

pathsExist(RESOURCE_RULES);
