// The stand-in provider's own parts, without Terraform: the wire codec, planning, replacement paths, applied IDs and
// how rules find values. What Terraform makes of them is the other test files' subject.
import { decode } from '@msgpack/msgpack';
import type { SchemaBlock } from '../../codegen/terraform-schema';
import { resourceId, stableUuid } from './stand-in/ids';
import { appliedState, plannedState, replacePaths } from './stand-in/plan';
import { providerSchema } from './stand-in/schema';
import { validateConfig, valuesAt } from './stand-in/validate';
import { blockType, decodeValue, encodeValue, isUnknown, UNKNOWN } from './stand-in/values';
import { admits, compareVersions } from './stand-in/versions';
import { readDataSource } from './stand-in/world';

const BLOCK: SchemaBlock = {
  attributes: {
    id: { type: 'string', computed: true },
    name: { type: 'string', required: true },
    count: { type: 'number', optional: true },
    tags: { type: ['map', 'string'], optional: true },
  },
  block_types: {
    identity: {
      nesting_mode: 'list',
      max_items: 1,
      block: { attributes: { type: { type: 'string', required: true }, principal_id: { type: 'string', computed: true } } },
    },
    rule: { nesting_mode: 'set', block: { attributes: { days: { type: 'number', required: true } } } },
  },
};

describe('values on the wire', () => {
  test('an object is encoded with every attribute and block, null where unset, unknown as extension 0', () => {
    const bytes = encodeValue(
      { name: 'a', id: UNKNOWN, identity: [{ type: 'SystemAssigned', principal_id: UNKNOWN }] },
      blockType(BLOCK),
    );
    const raw = decode(bytes) as any;
    expect(Object.keys(raw).sort()).toEqual(['count', 'id', 'identity', 'name', 'rule', 'tags']);
    expect(raw.count).toBeNull();
    expect(raw.id.type).toBe(0);
    expect(raw.identity[0].principal_id.type).toBe(0);
    const back = decodeValue(bytes) as any;
    expect(isUnknown(back.id)).toBe(true);
    expect(back.identity[0].type).toBe('SystemAssigned');
  });

  test('numbers and booleans given for a string are converted, as Terraform converts them', () => {
    const raw = decode(encodeValue({ name: 42 as unknown as string }, blockType(BLOCK))) as any;
    expect(raw.name).toBe('42');
  });

  test('a value of the wrong shape is refused, not sent', () => {
    expect(() => encodeValue({ name: 'a', tags: ['x'] }, blockType(BLOCK))).toThrow('expected an object');
  });
});

describe('planning', () => {
  test('a create plans computed attributes unknown, nested ones included; an update keeps them', () => {
    const proposed = {
      name: 'a',
      id: null,
      count: null,
      tags: null,
      identity: [{ type: 'SystemAssigned', principal_id: null }],
      rule: null,
    };
    const created = plannedState(BLOCK, proposed, proposed, true) as any;
    expect(isUnknown(created.id)).toBe(true);
    expect(isUnknown(created.identity[0].principal_id)).toBe(true);
    expect(created.count).toBeNull();
    const prior = { ...proposed, id: '/x', identity: [{ type: 'SystemAssigned', principal_id: 'p' }] };
    const updated = plannedState(BLOCK, prior, proposed, false) as any;
    expect(updated.id).toBe('/x');
    expect(updated.identity[0].principal_id).toBe('p');
  });

  test('replacement paths reach into list blocks by index, and name a set block whole', () => {
    const prior = { identity: [{ type: 'A' }], rule: [{ days: 1 }] };
    const planned = { identity: [{ type: 'B' }, { type: 'C' }], rule: [{ days: 2 }] };
    expect(replacePaths(BLOCK, ['name', 'identity.type', 'rule.days'], prior, planned)).toEqual([
      [{ attribute_name: 'name' }],
      [{ attribute_name: 'identity' }], // the lengths differ: the block itself changed
      [{ attribute_name: 'identity' }, { element_key_int: 0 }, { attribute_name: 'type' }],
      [{ attribute_name: 'identity' }, { element_key_int: 1 }, { attribute_name: 'type' }],
      [{ attribute_name: 'rule' }],
    ]);
  });

  test('apply gives Azure IDs in the real formats, and stable GUIDs for computed identities', () => {
    const vault = providerSchema('azurerm', '4.79.0').resources.azurerm_data_protection_backup_vault;
    const planned = {
      id: UNKNOWN,
      name: 'bv',
      resource_group_name: 'rg',
      identity: [{ type: 'SystemAssigned', principal_id: UNKNOWN, tenant_id: UNKNOWN }],
    };
    const sub = '11111111-1111-1111-1111-111111111111';
    const state = appliedState('azurerm_data_protection_backup_vault', vault, planned, sub) as any;
    expect(state.id).toBe(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/bv`);
    expect(state.identity[0].principal_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(appliedState('azurerm_data_protection_backup_vault', vault, planned, sub)).toEqual(state);
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
    expect(() => resourceId('azurerm_key_vault', {}, sub)).toThrow('no ID format for azurerm_key_vault');
  });
});

describe('rules find their values', () => {
  const config = { name: 'n', tags: { a: 'x', b: UNKNOWN }, identity: [{ type: 'T1' }, { type: 'T2' }], count: null };

  test('through list blocks and into collections, skipping null and unknown', () => {
    expect(valuesAt(config, 'identity.type').map((f) => [f.key, f.value])).toEqual([
      ['identity.0.type', 'T1'],
      ['identity.1.type', 'T2'],
    ]);
    expect(valuesAt(config, 'tags.*').map((f) => f.key)).toEqual(['tags.a']);
    // The elements of a list attribute, at the top and inside a block.
    const lists = { names: ['a', 'b'], rule: [{ days: ['Monday'] }, { days: ['Friday', UNKNOWN] }] };
    expect(valuesAt(lists, 'names.*').map((f) => [f.key, f.value])).toEqual([
      ['names.0', 'a'],
      ['names.1', 'b'],
    ]);
    expect(valuesAt(lists, 'rule.days.*').map((f) => f.key)).toEqual(['rule.0.days.0', 'rule.1.days.0']);
    expect(valuesAt(config, 'count')).toEqual([]);
  });

  test('cross rules word their failures as the SDK does', () => {
    const problems = validateConfig(
      {
        type: 't',
        kind: 'resource',
        arguments: [],
        cross: [
          { kind: 'conflictsWith', paths: ['name', 'tags'], source: 'test' },
          { kind: 'exactlyOneOf', paths: ['count', 'missing'], source: 'test' },
        ],
      },
      config,
      '4.79.0',
    );
    expect(problems.map((p) => p.summary)).toEqual([
      '"name": conflicts with tags',
      '"count": one of `count,missing` must be specified',
    ]);
  });

  test('a rule limited to some versions applies only there', () => {
    const rules = {
      type: 't',
      kind: 'resource' as const,
      arguments: [{ path: 'name', check: () => ['refused'], source: 'test', versions: '>= 5.0.0' }],
    };
    expect(validateConfig(rules, config, '4.79.0')).toEqual([]);
    expect(validateConfig(rules, config, '5.2.0').map((p) => p.summary)).toEqual(['refused']);
    expect(admits('< 4.79.0', '4.68.0')).toBe(true);
    expect(compareVersions('4.79.0', '4.8.0')).toBe(1);
    expect(() => admits('~> 4.0', '4.1.0')).toThrow('one comparison');
  });
});

describe('the world the data sources read', () => {
  const block = providerSchema('azurerm', '4.79.0').dataSources.azurerm_storage_account;
  const world = {
    data: {
      azurerm_storage_account: [
        {
          where: { name: 'lake', resource_group_name: 'rg' },
          subscription: 'sub-1',
          values: { id: '/x', location: 'westeurope' },
        },
      ],
    },
  };

  test('an entry is found by its arguments (any case) in its subscription only', () => {
    const found = readDataSource(world, 'azurerm_storage_account', block, { name: 'LAKE', resource_group_name: 'rg' }, 'SUB-1');
    expect(found).toMatchObject({ state: { id: '/x', location: 'westeurope', name: 'LAKE', is_hns_enabled: null } });
    expect(readDataSource(world, 'azurerm_storage_account', block, { name: 'lake', resource_group_name: 'rg' }, 'sub-2')).toEqual(
      {
        error: 'Storage Account (Subscription: "sub-2"\nResource Group Name: "rg"\nStorage Account Name: "lake") was not found',
      },
    );
  });
});
