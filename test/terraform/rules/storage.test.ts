import type { TypeRules, Value } from '../stand-in/rules/rule';
import {
  exactlyOneOfInBlock,
  keyvaultValidateNestedKeyID,
  metaDataKeys,
  storageAccountIpRule,
  storageAccountTags,
  storageContainerName,
  STORAGE_RULES,
} from '../stand-in/rules/storage';
import { customProblems, validateConfig } from '../stand-in/validate';
import { admits } from '../stand-in/versions';
import { checkRows, pathsExist, sdkKey } from './harness';
import type { Row } from './harness';

const DIR = 'internal/services/storage';
const rulesOf = (kind: TypeRules['kind'], type: string) => STORAGE_RULES.find((r) => r.kind === kind && r.type === type)!;
const ACCOUNT = rulesOf('resource', 'azurerm_storage_account');
const CONTAINER = rulesOf('resource', 'azurerm_storage_container');
const ACCOUNT_DATA = rulesOf('data', 'azurerm_storage_account');
const CONTAINERS_DATA = rulesOf('data', 'azurerm_storage_containers');

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const ACCOUNT_ID = `${RG}/providers/Microsoft.Storage/storageAccounts/lake`;
const IDENTITY_ID = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`;
const KEY_ID = 'https://vault.vault.azure.net/keys/cmk';

const notEmpty = (path: string, versions?: string): Row => ({
  path,
  versions,
  ok: 'x',
  bad: '',
  messages: [`expected "${sdkKey(path)}" to not be an empty string, got `],
});
const inSlice = (path: string, ok: string, list: string, versions?: string): Row => ({
  path,
  versions,
  ok,
  bad: 'Nope',
  messages: [`expected ${sdkKey(path)} to be one of [${list}], got Nope`],
});
const between = (path: string, min: number, max: number, versions?: string): Row => ({
  path,
  versions,
  ok: max,
  bad: max + 1,
  messages: [`expected ${sdkKey(path)} to be in the range (${min} - ${max}), got ${max + 1}`],
});
const storageAccountName = (path: string, versions?: string): Row => ({
  path,
  versions,
  ok: 'lake01',
  bad: 'Lake',
  messages: ['name ("Lake") can only consist of lowercase letters and numbers, and must be between 3 and 24 characters long'],
});
const rg: Row = { path: 'resource_group_name', ok: 'rg-data', bad: '', messages: ['"resource_group_name" cannot be blank'] };
const storageAccountId = (path: string): Row => ({
  path,
  ok: ACCOUNT_ID,
  bad: RG,
  messages: [expect.stringContaining(`parsing "${RG}": parsing the StorageAccount ID: the number of segments didn't match`)],
});

/** helpers.SchemaStorageAccountCorsRule's rows under `block`. */
function cors(block: string, methods: string, versions?: string): Row[] {
  const at = `${block}.cors_rule`;
  const tooMany = (name: string) => ({
    path: `${at}.${name}`,
    versions,
    ok: ['a'],
    bad: Array(65).fill('a'),
    messages: [`Too many list items: Attribute ${sdkKey(`${at}.${name}`)} supports 64 item maximum, but config has 65 declared.`],
  });
  const atLeastOne = (name: string) => ({
    ...tooMany(name),
    bad: [],
    messages: [
      `Not enough list items: Attribute ${sdkKey(`${at}.${name}`)} requires 1 item minimum, but config has only 0 declared.`,
    ],
  });
  return [
    tooMany('allowed_origins'),
    notEmpty(`${at}.allowed_origins.*`, versions),
    atLeastOne('exposed_headers'),
    atLeastOne('allowed_headers'),
    tooMany('allowed_methods'),
    inSlice(`${at}.allowed_methods.*`, 'GET', methods, versions),
    between(`${at}.max_age_in_seconds`, 0, 2000000000, versions),
  ];
}
const METHODS = '"DELETE" "GET" "HEAD" "MERGE" "POST" "OPTIONS" "PUT"';

describe(`${DIR}/storage_account_resource.go`, () => {
  const keyVaultKey = (name: string): Row[] =>
    ['< 4.76.0', '>= 4.76.0'].map((versions) => ({
      path: `customer_managed_key.${name}`,
      versions,
      ok: `${KEY_ID}/0123456789abcdef`,
      bad: 'https://vault.vault.azure.net/secrets/cmk',
      messages: ['parsing `https://vault.vault.azure.net/secrets/cmk`: expected `NestedItemType` to be `keys`, got `secrets`'],
    }));

  checkRows(ACCOUNT, [
    storageAccountName('name'),
    rg,
    { path: 'location', ok: 'westeurope', bad: '', messages: ['expected "location" to not be an empty string, got '] },
    inSlice('account_kind', 'StorageV2', '"BlobStorage" "BlockBlobStorage" "FileStorage" "Storage" "StorageV2"'),
    inSlice('account_tier', 'Standard', '"Premium" "Standard"'),
    inSlice('provisioned_billing_model_version', 'V2', '"V2"'),
    inSlice('account_replication_type', 'ZRS', '"LRS" "ZRS" "GRS" "RAGRS" "GZRS" "RAGZRS"'),
    inSlice('access_tier', 'Cold', '"Cold" "Cool" "Hot" "Premium"', '< 4.71.0'),
    inSlice('access_tier', 'Smart', '"Cold" "Cool" "Hot" "Premium" "Smart"', '>= 4.71.0'),
    inSlice('azure_files_authentication.directory_type', 'AADKERB', '"AADDS" "AADKERB" "AD"'),
    {
      path: 'azure_files_authentication.active_directory.domain_guid',
      ok: '00000000-0000-0000-0000-000000000001',
      bad: 'x',
      messages: ['expected "azure_files_authentication.0.active_directory.0.domain_guid" to be a valid UUID, got x'],
    },
    ...['domain_name', 'storage_sid', 'domain_sid', 'forest_name', 'netbios_domain_name'].map((n) =>
      notEmpty(`azure_files_authentication.active_directory.${n}`),
    ),
    inSlice(
      'azure_files_authentication.default_share_level_permission',
      'None',
      '"None" "StorageFileDataSmbShareContributor" "StorageFileDataSmbShareElevatedContributor" "StorageFileDataSmbShareReader"',
    ),
    ...keyVaultKey('key_vault_key_id'),
    ...keyVaultKey('managed_hsm_key_id'),
    {
      path: 'customer_managed_key.user_assigned_identity_id',
      ok: IDENTITY_ID,
      bad: 'x',
      messages: [expect.stringContaining('parsing "x": parsing the UserAssignedIdentity ID')],
    },
    notEmpty('edge_zone'),
    inSlice('immutability_policy.state', 'Unlocked', '"Disabled" "Locked" "Unlocked"'),
    {
      ...inSlice('min_tls_version', 'TLS1_2', '"TLS1_2"', '>= 5.0.0'),
      bad: 'TLS1_1',
      messages: ['expected min_tls_version to be one of ["TLS1_2"], got TLS1_1'],
    },
    inSlice('min_tls_version', 'TLS1_0', '"TLS1_0" "TLS1_1" "TLS1_2"', '< 5.0.0'),
    inSlice('dns_endpoint_type', 'AzureDnsZone', '"Standard" "AzureDnsZone"'),
    inSlice('network_rules.bypass.*', 'AzureServices', '"AzureServices" "Logging" "Metrics" "None"'),
    {
      path: 'network_rules.ip_rules.*',
      ok: '23.45.1.0/30',
      bad: '10.1.2.3',
      messages: ['"network_rules.0.ip_rules.0" must be public ip address but got "10.1.2.3"'],
    },
    inSlice('network_rules.default_action', 'Deny', '"Allow" "Deny"'),
    {
      path: 'network_rules.private_link_access.endpoint_resource_id',
      ok: `${RG}/providers/Microsoft.Security/datascanners/storageDataScanner`,
      bad: 'x',
      messages: [
        'cannot parse "network_rules.0.private_link_access.0.endpoint_resource_id" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request',
      ],
    },
    {
      path: 'network_rules.private_link_access.endpoint_tenant_id',
      ok: '00000000-0000-0000-0000-000000000001',
      bad: 'x',
      messages: ['expected "network_rules.0.private_link_access.0.endpoint_tenant_id" to be a valid UUID, got x'],
    },
    inSlice('identity.type', 'SystemAssigned, UserAssigned', '"UserAssigned" "SystemAssigned" "SystemAssigned, UserAssigned"'),
    {
      path: 'identity.identity_ids.*',
      ok: IDENTITY_ID,
      bad: 'x',
      messages: [expect.stringContaining('parsing "x": parsing the UserAssignedIdentity ID')],
    },
    between('blob_properties.change_feed_retention_in_days', 1, 146000),
    between('blob_properties.container_delete_retention_policy.days', 1, 365),
    ...cors('blob_properties', `${METHODS} "PATCH"`),
    {
      path: 'blob_properties.default_service_version',
      ok: '2023-11-03',
      bad: '2024-01-01',
      messages: [
        expect.stringMatching(
          /^expected blob_properties\.0\.default_service_version to be one of \[2008-10-27 .* 2020-06-12 2023-11-03 2020-10-02 .* 2023-01-03\], got 2024-01-01$/,
        ),
      ],
    },
    between('blob_properties.delete_retention_policy.days', 1, 365),
    between('blob_properties.restore_policy.days', 1, 365),
    inSlice('routing.choice', 'InternetRouting', '"InternetRouting" "MicrosoftRouting"'),
    ...cors('share_properties', `${METHODS} "PATCH"`),
    between('share_properties.retention_policy.days', 1, 365),
    inSlice('share_properties.smb.authentication_types.*', 'Kerberos', '"Kerberos" "NTLMv2"'),
    inSlice('share_properties.smb.channel_encryption_type.*', 'AES-256-GCM', '"AES-128-CCM" "AES-128-GCM" "AES-256-GCM"'),
    inSlice('share_properties.smb.kerberos_ticket_encryption_type.*', 'AES-256', '"AES-256" "RC4-HMAC"'),
    inSlice('share_properties.smb.versions.*', 'SMB3.1.1', '"SMB2.1" "SMB3.0" "SMB3.1.1"'),
    inSlice('queue_encryption_key_type', 'Account', '"Account" "Service"'),
    inSlice('table_encryption_key_type', 'Service', '"Account" "Service"'),
    inSlice('sas_policy.expiration_action', 'Block', '"Block" "Log"'),
    notEmpty('sas_policy.expiration_period'),
    inSlice('allowed_copy_scope', 'AAD', '"AAD" "PrivateLink"', '< 4.71.0'),
    inSlice('allowed_copy_scope', 'All', '"AAD" "All" "PrivateLink"', '>= 4.71.0'),
    {
      path: 'tags',
      ok: { team: 'data' },
      bad: { ['k'.repeat(129)]: 'v' },
      messages: [`the maximum length for a tag key is 128 characters: "${'k'.repeat(129)}" is 129 characters`],
    },
    notEmpty('static_website.error_404_document', '< 5.0.0'),
    notEmpty('static_website.index_document', '< 5.0.0'),
    ...cors('queue_properties', METHODS, '< 5.0.0'),
    ...['hour_metrics', 'minute_metrics', 'logging'].flatMap((block) => [
      notEmpty(`queue_properties.${block}.version`, '< 5.0.0'),
      between(`queue_properties.${block}.retention_policy_days`, 1, 365, '< 5.0.0'),
    ]),
  ]);

  test(`${DIR}/validate/storage_account_ip_rule.go StorageAccountIpRule: shape, prefix up to /30, private ranges`, () => {
    expect(storageAccountIpRule('172.15.0.1', 'k')).toEqual([]);
    expect(storageAccountIpRule('172.16.0.1', 'k')).toEqual(['"k" must be public ip address but got "172.16.0.1"']);
    expect(storageAccountIpRule('192.168.1.1', 'k')).toHaveLength(1);
    expect(storageAccountIpRule('1.2.3.4/31', 'k')).toEqual([
      '"k" must start with IPV4 address and/or slash, number of bits (0-30) as prefix. Example: 23.45.1.0/30 but got "1.2.3.4/31"',
    ]);
  });

  test(`${DIR}/validate/storage_account_tags.go StorageAccountTags: at most 50, values of 256 bytes`, () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));
    expect(storageAccountTags(tags, 'tags')).toEqual(['a maximum of 50 tags can be applied to storage account ARM resource']);
    expect(storageAccountTags({ a: 'é'.repeat(129) }, 'tags')).toEqual([
      'the maximum length for a tag value is 256 characters: the value for "a" is 258 characters',
    ]);
  });

  test(`${DIR}/storage_account_resource.go customer_managed_key keyvault.ValidateNestedItemID: segments and url.Parse`, () => {
    const check = keyvaultValidateNestedKeyID(true);
    expect(check(KEY_ID, 'k')).toEqual([]);
    expect(check(`${KEY_ID}/v1/extra`, 'k')).toEqual([
      `expected 2 or 3 path segments, found 4 segment(s) in \`${KEY_ID}/v1/extra\``,
    ]);
    expect(check('https://vault:a:443/keys/k', 'k')).toEqual([expect.stringContaining('parse "https://vault:a:443/keys/k": ')]);
    expect(keyvaultValidateNestedKeyID(false)('https://vault:a:443/keys/k', 'k')).toEqual([]);
  });

  const custom = (config: { [key: string]: Value }, version = '4.79.0') =>
    customProblems(ACCOUNT, config, version).map((p) => p.summary);

  test(`${DIR}/storage_account_resource.go CustomizeDiff: access_tier needs BlobStorage, FileStorage or StorageV2`, () => {
    expect(custom({ access_tier: 'Hot', account_kind: null })).toEqual([]);
    expect(custom({ access_tier: 'Hot', account_kind: 'FileStorage' })).toEqual([]);
    expect(custom({ access_tier: null, account_kind: 'Storage' })).toEqual([]);
    expect(custom({ access_tier: 'Hot', account_kind: 'Storage' })).toEqual([
      '`access_tier` is only available for accounts where `kind` is set to one of: BlobStorage / FileStorage / StorageV2',
    ]);
  });

  test(`${DIR}/storage_account_resource.go CustomizeDiff: is_hns_enabled needs BlobStorage, BlockBlobStorage or StorageV2`, () => {
    expect(custom({ is_hns_enabled: true, account_kind: 'BlockBlobStorage' })).toEqual([]);
    expect(custom({ is_hns_enabled: false, account_kind: 'FileStorage' })).toEqual([]);
    expect(custom({ is_hns_enabled: true, account_kind: 'FileStorage' })).toEqual([
      '`is_hns_enabled` can only be used for accounts with `account_kind` set to one of: BlobStorage / BlockBlobStorage / StorageV2',
    ]);
  });

  test(`${DIR}/storage_account_resource.go customer_managed_key ExactlyOneOf (4.x), only for a written block`, () => {
    const keys = '`customer_managed_key.0.key_vault_key_id,customer_managed_key.0.managed_hsm_key_id`';
    expect(custom({ customer_managed_key: null })).toEqual([]);
    expect(custom({ customer_managed_key: [{ key_vault_key_id: KEY_ID, managed_hsm_key_id: null }] })).toEqual([]);
    expect(custom({ customer_managed_key: [{ key_vault_key_id: { unknown: true }, managed_hsm_key_id: null }] })).toEqual([]);
    expect(custom({ customer_managed_key: [{ key_vault_key_id: null, managed_hsm_key_id: null }] })).toEqual([
      `"customer_managed_key.0.key_vault_key_id": one of ${keys} must be specified`,
      `"customer_managed_key.0.managed_hsm_key_id": one of ${keys} must be specified`,
    ]);
    expect(custom({ customer_managed_key: [{ key_vault_key_id: KEY_ID, managed_hsm_key_id: KEY_ID }] })[0]).toBe(
      `"customer_managed_key.0.key_vault_key_id": only one of ${keys} can be specified, but ${keys} were specified.`,
    );
    expect(custom({ customer_managed_key: [{ key_vault_key_id: null, managed_hsm_key_id: null }] }, '5.2.0')).toEqual([]);
  });

  test(`${DIR}/storage_account_resource.go blob_properties.restore_policy RequiredWith delete_retention_policy`, () => {
    const messages = (blob: { [key: string]: Value }) =>
      validateConfig(ACCOUNT, { blob_properties: [blob] }, '4.79.0').map((p) => p.summary);
    expect(messages({ restore_policy: [{ days: 7 }], delete_retention_policy: [{ days: 8 }] })).toEqual([]);
    expect(messages({ restore_policy: null, delete_retention_policy: null })).toEqual([]);
    expect(messages({ restore_policy: [{ days: 7 }], delete_retention_policy: null })).toHaveLength(1);
    expect(messages({ restore_policy: [{ days: 7 }], delete_retention_policy: null })[0]).toMatch(
      /^"blob_properties\.(0\.)?restore_policy": all of `/,
    );
  });

  test(`${DIR}/storage_account_resource.go: ForceNew, and the CustomizeDiff's conditional ones`, () => {
    const forceNew = ACCOUNT.forceNew!;
    expect(
      forceNew
        .filter((f) => f.when === undefined)
        .map((f) => f.path)
        .sort(),
    ).toEqual(
      [
        'name', 'resource_group_name', 'location', 'account_tier', 'provisioned_billing_model_version', 'edge_zone',
        'immutability_policy', 'is_hns_enabled', 'nfsv3_enabled', 'dns_endpoint_type', 'queue_encryption_key_type',
        'table_encryption_key_type', 'infrastructure_encryption_enabled',
      ].sort(), // prettier-ignore
    );
    const when = (path: string) => forceNew.find((f) => f.path === path)!.when!;
    expect(when('account_replication_type')('LRS', 'ZRS')).toBe(true);
    expect(when('account_replication_type')('ragzrs', 'grs')).toBe(true);
    expect(when('account_replication_type')('LRS', 'GRS')).toBe(false);
    expect(when('account_replication_type')('ZRS', 'GZRS')).toBe(false);
    expect(when('account_kind')('BlobStorage', 'FileStorage')).toBe(true);
    expect(when('account_kind')('BlobStorage', 'StorageV2')).toBe(false);
    expect(when('account_kind')('Storage', 'FileStorage')).toBe(false);
    expect(when('large_file_share_enabled')(true, false)).toBe(true);
    expect(when('large_file_share_enabled')(false, true)).toBe(false);
  });
});

describe(`${DIR}/storage_container_resource.go`, () => {
  checkRows(CONTAINER, [
    {
      path: 'name',
      ok: '$web',
      bad: '-Ab',
      messages: [
        'only lowercase alphanumeric characters and hyphens allowed in "name": "-Ab"',
        '"name" cannot begin with a hyphen: "-Ab"',
      ],
    },
    storageAccountId('storage_account_id'),
    storageAccountName('storage_account_name', '< 5.0.0'),
    inSlice('container_access_type', 'private', '"blob" "container" "private"'),
    {
      path: 'default_encryption_scope',
      ok: 'scope1',
      bad: 'sc-1',
      messages: ['storage encryption scope name "sc-1" must be alphanumeric, and between 4 to 63 characters'],
    },
    {
      path: 'metadata',
      ok: { owner_1: 'x' },
      bad: { Owner: 'x' },
      messages: ['\'MetaData\' must start with letters or an underscores and be all lowercase. Got "Owner"'],
    },
  ]);

  test(`${DIR}/validate/storage_container.go StorageContainerName: each check adds its message`, () => {
    expect(storageContainerName('ab', 'name')).toEqual(['"name" must be between 3 and 63 characters: "ab"']);
    expect(storageContainerName('$root', 'name')).toEqual([]);
  });

  test(`${DIR}/validate/metadata_keys.go MetaDataKeys: C# keywords, in any case`, () => {
    expect(metaDataKeys({ Class: 'x' }, 'metadata')).toEqual([
      '"Class" is not a valid key (C# keyword)',
      '\'MetaData\' must start with letters or an underscores and be all lowercase. Got "Class"',
    ]);
    expect(metaDataKeys({ a: 'x' }, 'metadata')).toEqual([
      '\'MetaData\' must start with letters or an underscores and be all lowercase. Got "a"',
    ]);
  });

  const messages = (config: { [key: string]: Value }, version: string) =>
    validateConfig(CONTAINER, config, version).map((p) => p.summary);

  test(`${DIR}/storage_container_resource.go encryption_scope_override_enabled RequiredWith default_encryption_scope`, () => {
    const base = { name: 'raw', storage_account_id: ACCOUNT_ID };
    expect(messages({ ...base, encryption_scope_override_enabled: true, default_encryption_scope: 'scope1' }, '5.2.0')).toEqual(
      [],
    );
    expect(messages({ ...base, encryption_scope_override_enabled: true, default_encryption_scope: null }, '5.2.0')).toEqual([
      '"encryption_scope_override_enabled": all of `default_encryption_scope,encryption_scope_override_enabled` must be specified',
    ]);
  });

  test(`${DIR}/storage_container_resource.go storage_account_id and storage_account_name ExactlyOneOf (4.x)`, () => {
    expect(messages({ name: 'raw', storage_account_id: ACCOUNT_ID, storage_account_name: null }, '4.79.0')).toEqual([]);
    expect(messages({ name: 'raw', storage_account_id: null, storage_account_name: null }, '4.79.0')[0]).toBe(
      '"storage_account_id": one of `storage_account_id,storage_account_name` must be specified',
    );
    expect(messages({ name: 'raw', storage_account_id: null }, '5.2.0')).toEqual([]);
  });

  test(`${DIR}/storage_container_resource.go: ForceNew, through CustomizeDiff in 4.x`, () => {
    const at = (version: string) => CONTAINER.forceNew!.filter((f) => f.versions === undefined || admits(f.versions, version));
    expect(at('5.2.0').map((f) => [f.path, f.when === undefined])).toEqual([
      ['name', true],
      ['default_encryption_scope', true],
      ['encryption_scope_override_enabled', true],
      ['storage_account_id', true],
    ]);
    const [accountId, accountName] = at('4.79.0').filter((f) => f.when !== undefined);
    expect(accountId.when!(ACCOUNT_ID, `${ACCOUNT_ID}2`)).toBe(true);
    expect(accountId.when!(null, ACCOUNT_ID)).toBe(false);
    expect(accountName.when!('lake', 'lake2')).toBe(true);
    expect(accountName.when!(null, 'lake2')).toBe(false);
  });
});

describe(`${DIR}/storage_account_data_source.go`, () => {
  checkRows(ACCOUNT_DATA, [storageAccountName('name'), rg]);
});

describe(`${DIR}/storage_containers_data_source.go`, () => {
  checkRows(CONTAINERS_DATA, [storageAccountId('storage_account_id'), notEmpty('name_prefix')]);
});

test(`${DIR}/storage_account_resource.go exactlyOneOfInBlock: every configured block, with its index`, () => {
  const check = exactlyOneOfInBlock('a.b', ['x', 'y']);
  expect(check({ a: [{ b: [{ x: 1, y: null }] }, { b: [{ x: null, y: 2 }] }] })).toEqual([]);
  expect(check({ a: [{ b: [] }, { b: [{ x: 1, y: 2 }] }] })).toEqual([
    '"a.1.b.0.x": only one of `a.1.b.0.x,a.1.b.0.y` can be specified, but `a.1.b.0.x,a.1.b.0.y` were specified.',
    '"a.1.b.0.y": only one of `a.1.b.0.x,a.1.b.0.y` can be specified, but `a.1.b.0.x,a.1.b.0.y` were specified.',
  ]);
});

test('every source names its file', () => {
  for (const rules of STORAGE_RULES) {
    for (const entry of [...rules.arguments, ...(rules.cross ?? []), ...(rules.forceNew ?? [])]) {
      expect(entry.source).toMatch(/^internal\/services\/storage\/[a-z_/]+\.go[: ]/);
    }
  }
});

pathsExist(STORAGE_RULES);
