// The azurerm provider's plan-time rules for storage accounts and containers, read from internal/services/storage/
// at v4.68.0, v4.79.0 and v5.2.0. Differences:
// - v4.71.0 moved to the storage 2025-08-01 API: access_tier gained "Smart", allowed_copy_scope "All";
// - 4.x only (`!features.FivePointOh()`): the account's static_website and queue_properties blocks,
//   customer_managed_key.managed_hsm_key_id (ExactlyOneOf with key_vault_key_id), min_tls_version TLS1_0 and TLS1_1;
//   the container's storage_account_name (ExactlyOneOf with storage_account_id, which is then optional and replaced
//   only through CustomizeDiff);
// - azurerm became a Go 1.26 module in v4.76.0, with net/url's stricter colon rule (the Key Vault key ID is parsed
//   with url.Parse).
//
// Not expressible, so left out: the account's CustomizeDiff checks of `immutability_policy.0.state` (the initial
// state must be Disabled or Unlocked, Locked only from Unlocked), which need the prior state, and 4.x's refusal of
// queue_properties and static_website when the provider feature `storage.data_plane_available` is false, which
// needs the provider configuration.
import {
  azureValidateResourceID,
  commonidsValidateStorageAccountID,
  commonidsValidateUserAssignedIdentityID,
  IDENTITY_TYPES_SYSTEM_AND_USER,
  identityRules,
  locationEnhancedValidate,
  resourceGroupValidateName,
} from './azure';
import { parse } from './go-url';
import type { ArgumentRule, Check, CrossRule, ForceNew, TypeRules, Value } from './rule';
import { goQuote, goSliceV, intBetween, isKnown, isUUID, listItemsBetween, stringInSlice, stringIsNotEmpty } from './validation';

const DIR = 'internal/services/storage';
const ACCOUNT = `${DIR}/storage_account_resource.go`;
const CONTAINER = `${DIR}/storage_container_resource.go`;
const ACCOUNT_DATA = `${DIR}/storage_account_data_source.go`;
const CONTAINERS_DATA = `${DIR}/storage_containers_data_source.go`;
const CORS = `${DIR}/helpers/helpers.go SchemaStorageAccountCorsRule`;
const FOUR = '< 5.0.0';
const FIVE = '>= 5.0.0';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------------------------
// validate/: the storage service's own validators

/** validate/storage_account_name.go StorageAccountName (the message names `name`, whatever the key). */
const storageAccountName: Check = (value) => {
  const name = String(value);
  return /^[a-z0-9]{3,24}$/.test(name)
    ? []
    : [`name (${goQuote(name)}) can only consist of lowercase letters and numbers, and must be between 3 and 24 characters long`];
};

/** validate/storage_account_ip_rule.go StorageAccountIpRule: an IPv4 address or CIDR up to /30, not private. */
export const storageAccountIpRule: Check = (value, key) => {
  const ip = String(value);
  if (!/^([0-9]{1,3}\.){3}[0-9]{1,3}(\/([0-9]|[1-2][0-9]|30))?$/.test(ip)) {
    return [
      `${goQuote(key)} must start with IPV4 address and/or slash, number of bits (0-30) as prefix. Example: 23.45.1.0/30 but got ${goQuote(ip)}`,
    ];
  }
  const [first, secondText] = ip.split('.');
  const second = Number.parseInt(secondText, 10);
  const isPrivate = first === '10' || (first === '172' && second >= 16 && second <= 31) || (first === '192' && second === 168);
  return isPrivate ? [`${goQuote(key)} must be public ip address but got ${goQuote(ip)}`] : [];
};

/**
 * validate/storage_account_tags.go StorageAccountTags: at most 50 tags, keys of 128 and values of 256 bytes. Go
 * walks the map in random order; this walks it in the configuration's.
 */
export const storageAccountTags: Check = (value) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isKnown(value)) return [];
  const entries = Object.entries(value);
  const errors: string[] = [];
  if (entries.length > 50) errors.push('a maximum of 50 tags can be applied to storage account ARM resource');
  for (const [k, v] of entries) {
    if (bytes(k) > 128)
      errors.push(`the maximum length for a tag key is 128 characters: ${goQuote(k)} is ${bytes(k)} characters`);
    const text = String(v);
    if (bytes(text) > 256) {
      errors.push(
        `the maximum length for a tag value is 256 characters: the value for ${goQuote(k)} is ${bytes(text)} characters`,
      );
    }
  }
  return errors;
};

/** validate/storage_blob_properties_default_service_version.go, in its (not quite sorted) order. */
const DEFAULT_SERVICE_VERSIONS = [
  '2008-10-27', '2009-04-14', '2009-07-17', '2009-09-19', '2011-08-28', '2012-02-12', '2013-08-15', '2014-02-14',
  '2015-02-21', '2015-04-05', '2015-07-08', '2015-12-11', '2016-05-31', '2017-04-17', '2017-07-29', '2017-11-09',
  '2018-03-28', '2018-11-09', '2019-02-02', '2019-07-07', '2019-12-12', '2020-02-10', '2020-04-08', '2020-06-12',
  '2023-11-03', '2020-10-02', '2020-12-06', '2021-02-12', '2021-04-10', '2021-06-08', '2021-08-06', '2021-10-04',
  '2021-12-02', '2022-11-02', '2023-01-03',
]; // prettier-ignore

const blobPropertiesDefaultServiceVersion: Check = (value, key) => {
  if (typeof value !== 'string') return [`expected type of ${key} to be string`];
  return DEFAULT_SERVICE_VERSIONS.includes(value)
    ? []
    : [`expected ${key} to be one of ${goSliceV(DEFAULT_SERVICE_VERSIONS)}, got ${value}`];
};

/** validate/storage_container.go StorageContainerName: each of its three checks adds its message. */
export const storageContainerName: Check = (value, key) => {
  const name = String(value);
  const errors: string[] = [];
  if (!/^\$root$|^\$web$|^[0-9a-z-]+$/.test(name)) {
    errors.push(`only lowercase alphanumeric characters and hyphens allowed in ${goQuote(key)}: ${goQuote(name)}`);
  }
  if (bytes(name) < 3 || bytes(name) > 63) errors.push(`${goQuote(key)} must be between 3 and 63 characters: ${goQuote(name)}`);
  if (name.startsWith('-')) errors.push(`${goQuote(key)} cannot begin with a hyphen: ${goQuote(name)}`);
  return errors;
};

/** validate/storage_encryption_scope_name.go StorageEncryptionScopeName. */
const storageEncryptionScopeName: Check = (value) => {
  const name = String(value);
  return /^[0-9a-zA-Z]{4,63}$/.test(name)
    ? []
    : [`storage encryption scope name ${goQuote(name)} must be alphanumeric, and between 4 to 63 characters`];
};

// validate/metadata_keys.go's cSharpKeywords.
const C_SHARP_KEYWORDS = new Set(
  (
    'abstract as base bool break byte case catch char checked class const continue decimal default delegate do double ' +
    'else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal ' +
    'is lock long namespace new null object operator out override params private protected public readonly ref return ' +
    'sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked ' +
    'unsafe ushort using void volatile while'
  ).split(' '),
);

/** validate/metadata_keys.go MetaDataKeys: no C# keyword, lower case, starting with a letter or underscore. */
export const metaDataKeys: Check = (value) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isKnown(value)) return [];
  return Object.keys(value).flatMap((k) => [
    ...(C_SHARP_KEYWORDS.has(k.toLowerCase()) ? [`${goQuote(k)} is not a valid key (C# keyword)`] : []),
    ...(/^([a-z_]{1}[a-z0-9_]{1,})$/.test(k)
      ? []
      : [`'MetaData' must start with letters or an underscores and be all lowercase. Got ${goQuote(k)}`]),
  ]);
};

/**
 * go-azure-helpers keyvault.ValidateNestedItemID(VersionTypeAny, NestedItemTypeKey): url.Parse, then `keys/<name>`
 * with an optional version as the path. `strictColons` is net/url's Go 1.26 colon rule (azurerm >= 4.76.0).
 */
export function keyvaultValidateNestedKeyID(strictColons: boolean): Check {
  return (value, key) => {
    if (typeof value !== 'string') return [`expected \`${key}\` to be a string`];
    const url = parse(value, strictColons);
    if ('error' in url) return [url.error];
    const segments = url.path.replace(/^\//, '').replace(/\/$/, '').split('/');
    if (segments.length !== 2 && segments.length !== 3) {
      return [`expected 2 or 3 path segments, found ${segments.length} segment(s) in \`${value}\``];
    }
    if (segments[0] !== 'keys')
      return [`parsing \`${value}\`: expected \`NestedItemType\` to be \`keys\`, got \`${segments[0]}\``];
    return [];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Schema semantics the rule kinds do not cover

/** Go's sort.Strings: by UTF-8 bytes. */
const goSort = (values: readonly string[]) => [...values].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

/** Every element of the list block at `path` (dot segments), with its SDK key (`block.0`). */
function blockElements(config: { [key: string]: Value }, path: string): { key: string; element: { [key: string]: Value } }[] {
  let found: { key: string; element: { [key: string]: Value } }[] = [{ key: '', element: config }];
  for (const segment of path.split('.')) {
    found = found.flatMap(({ key, element }) => {
      const list = element[segment];
      if (!Array.isArray(list)) return [];
      return list.flatMap((e, i) =>
        e !== null && typeof e === 'object' && !Array.isArray(e) && isKnown(e)
          ? [{ key: `${key}${segment}.${i}.`, element: e }]
          : [],
      );
    });
  }
  return found.map(({ key, element }) => ({ key: key.slice(0, -1), element }));
}

/**
 * The SDK's ExactlyOneOf (schema.go validateExactlyOneAttribute) on arguments of a nested block, once per argument
 * that carries it. Unlike the `exactlyOneOf` kind it runs only for blocks that are configured, and it words the
 * keys as the SDK does (`block.0.name`, sorted). Shared with provider.ts.
 */
export function exactlyOneOfInBlock(block: string, names: readonly string[]): (config: { [key: string]: Value }) => string[] {
  return (config) =>
    blockElements(config, block).flatMap(({ key, element }) => {
      const keys = goSort(names.map((n) => `${key}.${n}`));
      const value = (k: string) => element[k.slice(key.length + 1)] ?? null;
      const unknown = keys.filter((k) => !isKnown(value(k))).length;
      const specified = keys.filter((k) => value(k) !== null && isKnown(value(k)));
      const list = keys.join(',');
      if (specified.length === 0 && unknown === 0) return keys.map((k) => `${goQuote(k)}: one of \`${list}\` must be specified`);
      if (specified.length > 1) {
        return keys.map(
          (k) => `${goQuote(k)}: only one of \`${list}\` can be specified, but \`${specified.join(',')}\` were specified.`,
        );
      }
      return [];
    });
}

// ---------------------------------------------------------------------------------------------------------------
// azurerm_storage_account

function ruleOf(file: string) {
  return (path: string, check: Check, what: string, versions?: string): ArgumentRule => ({
    path,
    check,
    source: `${file}: ${path} ${what}`,
    ...(versions === undefined ? {} : { versions }),
  });
}
const account = ruleOf(ACCOUNT);
const NOT_EMPTY = 'ValidateFunc validation.StringIsNotEmpty';
const IN_SLICE = 'ValidateFunc validation.StringInSlice';

// storageaccounts.PossibleValuesFor...: the generated SDK lists them alphabetically.
const KINDS = ['BlobStorage', 'BlockBlobStorage', 'FileStorage', 'Storage', 'StorageV2'];
const ACCESS_TIERS = ['Cold', 'Cool', 'Hot', 'Premium'];
const COPY_SCOPES = ['AAD', 'PrivateLink'];
const KEY_TYPES = ['Account', 'Service'];
const CORS_METHODS = ['DELETE', 'GET', 'HEAD', 'MERGE', 'POST', 'OPTIONS', 'PUT'];

/**
 * helpers.SchemaStorageAccountCorsRule(patchEnabled) under `block`: the list attributes' MaxItems 64 (MinItems 1
 * for the headers), non-empty origins, the HTTP methods (PATCH for blobs and shares only), the max age.
 */
function corsRules(block: string, patchEnabled: boolean, versions?: string): ArgumentRule[] {
  const at = `${block}.cors_rule`;
  const rule = (name: string, check: Check, what: string): ArgumentRule => ({
    path: `${at}.${name}`,
    check,
    source: `${CORS}(${patchEnabled}): ${name} ${what} (under ${block})`,
    ...(versions === undefined ? {} : { versions }),
  });
  const methods = patchEnabled ? [...CORS_METHODS, 'PATCH'] : CORS_METHODS;
  return [
    rule('allowed_origins', listItemsBetween(0, 64), 'MaxItems 64'),
    rule('allowed_origins.*', stringIsNotEmpty, `Elem ${NOT_EMPTY}`),
    rule('exposed_headers', listItemsBetween(1, 64), 'MinItems 1, MaxItems 64'),
    rule('allowed_headers', listItemsBetween(1, 64), 'MinItems 1, MaxItems 64'),
    rule('allowed_methods', listItemsBetween(0, 64), 'MaxItems 64'),
    rule('allowed_methods.*', stringInSlice(methods, false), `Elem ${IN_SLICE}`),
    rule('max_age_in_seconds', intBetween(0, 2000000000), 'ValidateFunc validation.IntBetween(0, 2000000000)'),
  ];
}

/** The 4.x queue_properties block's metrics and logging settings (hour_metrics, minute_metrics, logging). */
function queuePropertiesRules(): ArgumentRule[] {
  return ['hour_metrics', 'minute_metrics', 'logging'].flatMap((block) => [
    account(`queue_properties.${block}.version`, stringIsNotEmpty, `${NOT_EMPTY} (4.x only)`, FOUR),
    account(
      `queue_properties.${block}.retention_policy_days`,
      intBetween(1, 365),
      'ValidateFunc validation.IntBetween(1, 365) (4.x only)',
      FOUR,
    ),
  ]);
}

const STORAGE_ACCOUNT_ARGUMENTS: ArgumentRule[] = [
  account('name', storageAccountName, 'ValidateFunc validate.StorageAccountName'),
  account('resource_group_name', resourceGroupValidateName, 'commonschema.ResourceGroupName() (resourcegroups.ValidateName)'),
  account('location', locationEnhancedValidate, 'commonschema.Location() (location.EnhancedValidate)'),
  account('account_kind', stringInSlice(KINDS, false), `${IN_SLICE}(storageaccounts.PossibleValuesForKind())`),
  account(
    'account_tier',
    stringInSlice(['Premium', 'Standard'], false),
    `${IN_SLICE}(storageaccounts.PossibleValuesForSkuTier())`,
  ),
  account('provisioned_billing_model_version', stringInSlice(['V2'], false), IN_SLICE),
  account('account_replication_type', stringInSlice(['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'], false), IN_SLICE),
  account(
    'access_tier',
    stringInSlice(ACCESS_TIERS, false),
    `${IN_SLICE}(PossibleValuesForAccessTier()), storage 2025-06-01`,
    '< 4.71.0',
  ),
  account(
    'access_tier',
    stringInSlice([...ACCESS_TIERS, 'Smart'], false),
    `${IN_SLICE}(PossibleValuesForAccessTier())`,
    '>= 4.71.0',
  ),
  account('azure_files_authentication.directory_type', stringInSlice(['AADDS', 'AADKERB', 'AD'], false), IN_SLICE),
  account('azure_files_authentication.active_directory.domain_guid', isUUID, 'ValidateFunc validation.IsUUID'),
  ...['domain_name', 'storage_sid', 'domain_sid', 'forest_name', 'netbios_domain_name'].map((name) =>
    account(`azure_files_authentication.active_directory.${name}`, stringIsNotEmpty, NOT_EMPTY),
  ),
  account(
    'azure_files_authentication.default_share_level_permission',
    stringInSlice(
      [
        'None',
        'StorageFileDataSmbShareContributor',
        'StorageFileDataSmbShareElevatedContributor',
        'StorageFileDataSmbShareReader',
      ],
      false,
    ),
    `${IN_SLICE}(PossibleValuesForDefaultSharePermission())`,
  ),
  // managed_hsm_key_id is 4.x only: in 5.x it is not in the schema, so its ">= 4.76.0" rule never finds a value.
  ...['key_vault_key_id', 'managed_hsm_key_id'].flatMap((name) => {
    const what = 'ValidateFunc keyvault.ValidateNestedItemID(VersionTypeAny, NestedItemTypeKey)';
    return [
      account(`customer_managed_key.${name}`, keyvaultValidateNestedKeyID(false), `${what} (Go 1.25 net/url)`, '< 4.76.0'),
      account(`customer_managed_key.${name}`, keyvaultValidateNestedKeyID(true), `${what} (Go 1.26 net/url)`, '>= 4.76.0'),
    ];
  }),
  account(
    'customer_managed_key.user_assigned_identity_id',
    commonidsValidateUserAssignedIdentityID,
    'ValidateFunc commonids.ValidateUserAssignedIdentityID',
  ),
  account('edge_zone', stringIsNotEmpty, 'commonschema.EdgeZoneOptionalForceNew() (validation.StringIsNotEmpty)'),
  account('immutability_policy.state', stringInSlice(['Disabled', 'Locked', 'Unlocked'], false), IN_SLICE),
  account('min_tls_version', stringInSlice(['TLS1_2'], false), IN_SLICE, FIVE),
  account('min_tls_version', stringInSlice(['TLS1_0', 'TLS1_1', 'TLS1_2'], false), `${IN_SLICE} (4.x)`, FOUR),
  account('dns_endpoint_type', stringInSlice(['Standard', 'AzureDnsZone'], false), IN_SLICE),
  account('network_rules.bypass.*', stringInSlice(['AzureServices', 'Logging', 'Metrics', 'None'], false), `Elem ${IN_SLICE}`),
  account('network_rules.ip_rules.*', storageAccountIpRule, 'Elem ValidateFunc validate.StorageAccountIpRule'),
  account('network_rules.default_action', stringInSlice(['Allow', 'Deny'], false), IN_SLICE),
  account(
    'network_rules.private_link_access.endpoint_resource_id',
    azureValidateResourceID,
    'ValidateFunc azure.ValidateResourceID',
  ),
  account('network_rules.private_link_access.endpoint_tenant_id', isUUID, 'ValidateFunc validation.IsUUID'),
  ...identityRules('identity', IDENTITY_TYPES_SYSTEM_AND_USER, ACCOUNT),
  account(
    'blob_properties.change_feed_retention_in_days',
    intBetween(1, 146000),
    'ValidateFunc validation.IntBetween(1, 146000)',
  ),
  account(
    'blob_properties.container_delete_retention_policy.days',
    intBetween(1, 365),
    'ValidateFunc validation.IntBetween(1, 365)',
  ),
  ...corsRules('blob_properties', true),
  account(
    'blob_properties.default_service_version',
    blobPropertiesDefaultServiceVersion,
    'ValidateFunc validate.BlobPropertiesDefaultServiceVersion',
  ),
  account('blob_properties.delete_retention_policy.days', intBetween(1, 365), 'ValidateFunc validation.IntBetween(1, 365)'),
  account('blob_properties.restore_policy.days', intBetween(1, 365), 'ValidateFunc validation.IntBetween(1, 365)'),
  account('routing.choice', stringInSlice(['InternetRouting', 'MicrosoftRouting'], false), IN_SLICE),
  ...corsRules('share_properties', true),
  account('share_properties.retention_policy.days', intBetween(1, 365), 'ValidateFunc validation.IntBetween(1, 365)'),
  account('share_properties.smb.authentication_types.*', stringInSlice(['Kerberos', 'NTLMv2'], false), `Elem ${IN_SLICE}`),
  account(
    'share_properties.smb.channel_encryption_type.*',
    stringInSlice(['AES-128-CCM', 'AES-128-GCM', 'AES-256-GCM'], false),
    `Elem ${IN_SLICE}`,
  ),
  account(
    'share_properties.smb.kerberos_ticket_encryption_type.*',
    stringInSlice(['AES-256', 'RC4-HMAC'], false),
    `Elem ${IN_SLICE}`,
  ),
  account('share_properties.smb.versions.*', stringInSlice(['SMB2.1', 'SMB3.0', 'SMB3.1.1'], false), `Elem ${IN_SLICE}`),
  account('queue_encryption_key_type', stringInSlice(KEY_TYPES, false), IN_SLICE),
  account('table_encryption_key_type', stringInSlice(KEY_TYPES, false), IN_SLICE),
  account('sas_policy.expiration_action', stringInSlice(['Block', 'Log'], false), IN_SLICE),
  account('sas_policy.expiration_period', stringIsNotEmpty, NOT_EMPTY),
  account('allowed_copy_scope', stringInSlice(COPY_SCOPES, false), `${IN_SLICE}, storage 2025-06-01`, '< 4.71.0'),
  account('allowed_copy_scope', stringInSlice(['AAD', 'All', 'PrivateLink'], false), IN_SLICE, '>= 4.71.0'),
  account('tags', storageAccountTags, 'ValidateFunc validate.StorageAccountTags'),
  account('static_website.error_404_document', stringIsNotEmpty, `${NOT_EMPTY} (4.x only)`, FOUR),
  account('static_website.index_document', stringIsNotEmpty, `${NOT_EMPTY} (4.x only)`, FOUR),
  ...corsRules('queue_properties', false, FOUR),
  ...queuePropertiesRules(),
];

const kindOf = (config: { [key: string]: Value }) => {
  const kind = config.account_kind ?? 'StorageV2'; // the schema's Default
  return typeof kind === 'string' ? kind : ''; // ResourceDiff.Get of an unknown string is ""
};

/** The CustomizeDiff's `access_tier` check: only BlobStorage, FileStorage and StorageV2 accounts have tiers. */
function accessTierNeedsKind(config: { [key: string]: Value }): string[] {
  const tier = config.access_tier;
  if (typeof tier !== 'string' || tier === '' || ['BlobStorage', 'FileStorage', 'StorageV2'].includes(kindOf(config))) return [];
  return ['`access_tier` is only available for accounts where `kind` is set to one of: BlobStorage / FileStorage / StorageV2'];
}

/** The CustomizeDiff's `is_hns_enabled` check: hierarchical namespace on BlobStorage, BlockBlobStorage or StorageV2. */
function hnsNeedsKind(config: { [key: string]: Value }): string[] {
  if (config.is_hns_enabled !== true || ['BlobStorage', 'BlockBlobStorage', 'StorageV2'].includes(kindOf(config))) return [];
  return [
    '`is_hns_enabled` can only be used for accounts with `account_kind` set to one of: BlobStorage / BlockBlobStorage / StorageV2',
  ];
}

const STORAGE_ACCOUNT_CROSS: CrossRule[] = [
  {
    kind: 'requiredWith',
    paths: ['blob_properties.restore_policy', 'blob_properties.delete_retention_policy'],
    source: `${ACCOUNT}: blob_properties.restore_policy RequiredWith`,
  },
  {
    kind: 'custom',
    paths: ['access_tier', 'account_kind'],
    check: accessTierNeedsKind,
    source: `${ACCOUNT}: CustomizeDiff (access_tier needs a kind in storageKindsSupportsSkuTier)`,
  },
  {
    kind: 'custom',
    paths: ['is_hns_enabled', 'account_kind'],
    check: hnsNeedsKind,
    source: `${ACCOUNT}: CustomizeDiff (is_hns_enabled needs a kind in storageKindsSupportHns)`,
  },
  {
    kind: 'custom',
    paths: ['customer_managed_key.key_vault_key_id', 'customer_managed_key.managed_hsm_key_id'],
    check: exactlyOneOfInBlock('customer_managed_key', ['key_vault_key_id', 'managed_hsm_key_id']),
    source: `${ACCOUNT}: customer_managed_key.key_vault_key_id and managed_hsm_key_id ExactlyOneOf (4.x only)`,
    versions: FOUR,
  },
];

const ZONE_REDUNDANT = ['ZRS', 'GZRS', 'RAGZRS'];
const LOCALLY_OR_GEO = ['LRS', 'GRS', 'RAGRS'];

/** The ForceNewIfChange on account_replication_type: moving into or out of zone redundancy replaces the account. */
function replicationChangeReplaces(prior: Value, planned: Value): boolean {
  if (typeof prior !== 'string' || typeof planned !== 'string') return false;
  const [from, to] = [prior.toUpperCase(), planned.toUpperCase()];
  return (
    (LOCALLY_OR_GEO.includes(from) && ZONE_REDUNDANT.includes(to)) ||
    (ZONE_REDUNDANT.includes(from) && LOCALLY_OR_GEO.includes(to))
  );
}

/** The CustomizeDiff's d.ForceNew("account_kind"): only an upgrade from Storage or to StorageV2 keeps the account. */
function kindChangeReplaces(prior: Value, planned: Value): boolean {
  return typeof prior === 'string' && prior !== '' && prior !== planned && prior !== 'Storage' && planned !== 'StorageV2';
}

const STORAGE_ACCOUNT_FORCE_NEW: ForceNew[] = [
  ...[
    'name',
    'account_tier',
    'provisioned_billing_model_version',
    'edge_zone',
    'immutability_policy',
    'is_hns_enabled',
    'nfsv3_enabled',
  ]
    .concat(['dns_endpoint_type', 'queue_encryption_key_type', 'table_encryption_key_type', 'infrastructure_encryption_enabled'])
    .map((path) => ({ path, source: `${ACCOUNT}: ${path} ForceNew` })),
  { path: 'resource_group_name', source: `${ACCOUNT}: resource_group_name commonschema.ResourceGroupName() ForceNew` },
  { path: 'location', source: `${ACCOUNT}: location commonschema.Location() ForceNew` },
  {
    path: 'account_replication_type',
    source: `${ACCOUNT}: CustomizeDiff pluginsdk.ForceNewIfChange("account_replication_type")`,
    when: replicationChangeReplaces,
  },
  { path: 'account_kind', source: `${ACCOUNT}: CustomizeDiff d.ForceNew("account_kind")`, when: kindChangeReplaces },
  {
    path: 'large_file_share_enabled',
    source: `${ACCOUNT}: CustomizeDiff d.ForceNew("large_file_share_enabled") (true to false)`,
    when: (prior, planned) => prior === true && planned === false,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// azurerm_storage_container

const container = ruleOf(CONTAINER);

const STORAGE_CONTAINER_RULES: TypeRules = {
  type: 'azurerm_storage_container',
  kind: 'resource',
  arguments: [
    container('name', storageContainerName, 'ValidateFunc validate.StorageContainerName'),
    container('storage_account_id', commonidsValidateStorageAccountID, 'ValidateFunc commonids.ValidateStorageAccountID'),
    container('storage_account_name', storageAccountName, 'ValidateFunc validate.StorageAccountName (4.x only)', FOUR),
    container('container_access_type', stringInSlice(['blob', 'container', 'private'], false), IN_SLICE),
    container('default_encryption_scope', storageEncryptionScopeName, 'ValidateFunc validate.StorageEncryptionScopeName'),
    container('metadata', metaDataKeys, 'MetaDataComputedSchema() (validate.MetaDataKeys)'),
  ],
  cross: [
    {
      kind: 'requiredWith',
      paths: ['encryption_scope_override_enabled', 'default_encryption_scope'],
      source: `${CONTAINER}: encryption_scope_override_enabled RequiredWith`,
    },
    ...[
      ['storage_account_id', 'storage_account_name'],
      ['storage_account_name', 'storage_account_id'],
    ].map(([self, other]): CrossRule => ({
      kind: 'exactlyOneOf',
      paths: [self, other],
      source: `${CONTAINER}: ${self} ExactlyOneOf (4.x only)`,
      versions: FOUR,
    })),
  ],
  forceNew: [
    ...['name', 'default_encryption_scope', 'encryption_scope_override_enabled'].map((path) => ({
      path,
      source: `${CONTAINER}: ${path} ForceNew`,
    })),
    { path: 'storage_account_id', source: `${CONTAINER}: storage_account_id ForceNew`, versions: FIVE },
    {
      // A container created with storage_account_id has a Resource Manager ID, which is what the 4.x check tests.
      path: 'storage_account_id',
      source: `${CONTAINER}: CustomizeDiff diff.ForceNew("storage_account_id") (4.x: a Resource Manager ID)`,
      versions: FOUR,
      when: (prior) => typeof prior === 'string' && prior !== '',
    },
    {
      // A container created with storage_account_name has a data plane ID; renaming its account replaces it.
      path: 'storage_account_name',
      source: `${CONTAINER}: CustomizeDiff diff.ForceNew("storage_account_name") (4.x: a data plane ID)`,
      versions: FOUR,
      when: (prior, planned) => typeof prior === 'string' && prior !== '' && typeof planned === 'string' && planned !== '',
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Data sources

const STORAGE_ACCOUNT_DATA_RULES: TypeRules = {
  type: 'azurerm_storage_account',
  kind: 'data',
  arguments: [
    { path: 'name', check: storageAccountName, source: `${ACCOUNT_DATA}: name ValidateFunc validate.StorageAccountName` },
    {
      path: 'resource_group_name',
      check: resourceGroupValidateName,
      source: `${ACCOUNT_DATA}: resource_group_name commonschema.ResourceGroupNameForDataSource() (resourcegroups.ValidateName)`,
    },
  ],
};

const STORAGE_CONTAINERS_DATA_RULES: TypeRules = {
  type: 'azurerm_storage_containers',
  kind: 'data',
  arguments: [
    {
      path: 'storage_account_id',
      check: commonidsValidateStorageAccountID,
      source: `${CONTAINERS_DATA}: storage_account_id ValidateFunc commonids.ValidateStorageAccountID`,
    },
    { path: 'name_prefix', check: stringIsNotEmpty, source: `${CONTAINERS_DATA}: name_prefix ${NOT_EMPTY}` },
  ],
};

export const STORAGE_RULES: readonly TypeRules[] = [
  {
    type: 'azurerm_storage_account',
    kind: 'resource',
    arguments: STORAGE_ACCOUNT_ARGUMENTS,
    cross: STORAGE_ACCOUNT_CROSS,
    forceNew: STORAGE_ACCOUNT_FORCE_NEW,
  },
  STORAGE_CONTAINER_RULES,
  STORAGE_ACCOUNT_DATA_RULES,
  STORAGE_CONTAINERS_DATA_RULES,
];
