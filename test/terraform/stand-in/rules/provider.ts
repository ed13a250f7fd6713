// The azurerm provider block as internal/provider/provider.go and internal/provider/features.go declare it at
// v4.68.0, v4.79.0 and v5.2.0, and what providerConfigure and buildClient refuse before their first network call.
// subscription_id, tenant_id, environment and storage_use_azuread have no ValidateFunc: the provider only reads
// them in providerConfigure.
//
// The custom rules run in the stand-in's ConfigureProvider. Two of them stand for schema checks that the rule kinds
// cannot say: the SDK validates an argument's DefaultFunc (environment) value as it does a configured one, and
// features.recovery_service's ExactlyOneOf runs only when that block is written. The real provider reports those
// at ValidateProviderConfig.
//
// Left out: metadata_host (environments.FromEndpoint calls the metadata service), and everything clients.Build
// does (authentication, the resource provider registrations).
import { readFileSync } from 'fs';
import type { ArgumentRule, Check, CrossRule, TypeRules, Value } from './rule';
import { exactlyOneOfInBlock } from './storage';
import { any, goQuote, isKnown, isUUID, listItemsBetween, stringInSlice, stringIsEmpty, stringIsNotEmpty } from './validation';

const PROVIDER = 'internal/provider/provider.go';
const FEATURES = 'internal/provider/features.go';
const FOUR = '< 5.0.0';
const FIVE = '>= 5.0.0';

type Config = { [key: string]: Value };

/** provider.go ValidatePartnerID: a UUID, `pid-<UUID>` or `pid-<UUID>-partnercenter`; empty passes. */
export const validatePartnerID: Check = (value, key) => {
  if (typeof value !== 'string') return [`expected type of ${goQuote(key)} to be string`];
  if (value === '') return [];
  const uuid = (s: string) => isUUID(s, '').length === 0;
  if (value.startsWith('pid-') && value.endsWith('-partnercenter')) {
    return uuid(value.slice(4, -'-partnercenter'.length)) ? [] : [`expected ${goQuote(value)} to contain a valid UUID`];
  }
  const id = value.startsWith('pid-') ? value.slice(4) : value;
  return uuid(id) ? [] : [`expected ${goQuote(key)} to be a valid UUID`];
};

const partnerId = any(validatePartnerID, stringIsEmpty);
const REGISTRATIONS = ['core', 'extended', 'all', 'none', 'legacy'];
const registrations = stringInSlice(REGISTRATIONS, false);

const PROVIDER_ARGUMENTS: ArgumentRule[] = [
  {
    path: 'partner_id',
    check: partnerId,
    source: `${PROVIDER}: partner_id ValidateFunc validation.Any(ValidatePartnerID, StringIsEmpty)`,
  },
  { path: 'auxiliary_tenant_ids', check: listItemsBetween(0, 3), source: `${PROVIDER}: auxiliary_tenant_ids MaxItems 3` },
  {
    path: 'resource_provider_registrations',
    check: registrations,
    source: `${PROVIDER}: resource_provider_registrations ValidateFunc validation.StringInSlice`,
  },
  {
    // resourceproviders.EnhancedValidate before the provider is configured (no cached list yet): StringIsNotEmpty.
    path: 'resource_providers_to_register.*',
    check: stringIsNotEmpty,
    source: `${PROVIDER}: resource_providers_to_register Elem ValidateFunc resourceproviders.EnhancedValidate (uncached)`,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// d.Get as providerConfigure sees it: the configuration, else the argument's EnvDefaultFunc, else its default.

const configured = (config: Config, name: string): Value => config[name] ?? null;

/** What the SDK reads for an unknown string (hcl2shim.UnknownVariableValue). */
const UNKNOWN_STRING = '74D93920-ED26-11E3-AC10-0800200C9A66';

function getString(config: Config, name: string, env: string, fallback = ''): string {
  const value = configured(config, name);
  if (value !== null) return isKnown(value) ? String(value) : UNKNOWN_STRING;
  return process.env[env] ?? fallback;
}

/** strconv.ParseBool, which reads a boolean's environment default; anything else leaves the default. */
function parseBool(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

function getBool(config: Config, name: string, env: string, fallback: boolean): boolean {
  const value = configured(config, name);
  if (typeof value === 'boolean') return value;
  return parseBool(process.env[env]) ?? fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// providerConfigure and buildClient, in their order; each returns Go's error or undefined.

type Step = (config: Config) => string | undefined;

const subscriptionRequired: Step = (config) =>
  getString(config, 'subscription_id', 'ARM_SUBSCRIPTION_ID') === '' && !getBool(config, 'use_cli', 'ARM_USE_CLI', true)
    ? '`subscription_id` is a required provider property when performing a plan/apply operation'
    : undefined;

/** The configured list, else ARM_AUXILIARY_TENANT_IDS split on `;`: at most three. */
const auxiliaryTenants: Step = (config) => {
  const list = configured(config, 'auxiliary_tenant_ids');
  const env = process.env.ARM_AUXILIARY_TENANT_IDS;
  let count = 0;
  if (Array.isArray(list) && list.length > 0) count = list.length;
  else if (env) count = env.split(';').length;
  return count > 3 ? 'the provider only supports up to 3 auxiliary tenant IDs' : undefined;
};

const BASE64 = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c.charCodeAt(0), i]),
);

/**
 * base64.StdEncoding.Decode's error (a CorruptInputError names a byte offset), or undefined: `\r` and `\n` are
 * skipped, `=` padding may end the input only.
 */
export function goBase64DecodeError(text: string): string | undefined {
  const src = Buffer.from(text, 'utf8');
  const corrupt = (at: number) => `illegal base64 data at input byte ${at}`;
  const isNewline = (b: number | undefined) => b === 0x0a || b === 0x0d;
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) return j === 0 ? undefined : corrupt(si - j);
      const b = src[si++];
      if (BASE64.has(b)) continue;
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (b !== 0x3d || j < 2) return corrupt(si - 1); // not padding, or padding too early
      if (j === 2) {
        while (isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (isNewline(src[si])) si++;
      return si < src.length ? corrupt(si) : undefined;
    }
  }
  return undefined;
}

const clientCertificate: Step = (config) => {
  const certificate = getString(config, 'client_certificate', 'ARM_CLIENT_CERTIFICATE');
  const error = certificate === '' ? undefined : goBase64DecodeError(certificate);
  return error === undefined ? undefined : `could not decode client certificate data: ${error}`;
};

/** os.ReadFile: the contents, or Go's *PathError text for the usual failures. */
function readFileGo(path: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = { ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory' }[code ?? ''];
    return { error: code === 'EISDIR' ? `read ${path}: ${why}` : `open ${path}: ${why ?? (e as Error).message}` };
  }
}

/** A value that may also come from a file: both given and different is refused. */
function fromFile(value: string, path: string, what: string, mismatch: string): { value: string } | { error: string } {
  if (path === '') return { value };
  const file = readFileGo(path);
  if ('error' in file) return { error: `reading ${what} from file ${goQuote(path)}: ${file.error}` };
  const text = file.text.trim();
  return value !== '' && value !== text ? { error: mismatch } : { value: text };
}

/** A value that AKS Workload Identity also gives, through an environment variable. */
function fromAks(config: Config, value: string, aks: string | undefined, mismatch: string): string | undefined {
  if (!getBool(config, 'use_aks_workload_identity', 'ARM_USE_AKS_WORKLOAD_IDENTITY', false) || !aks) return undefined;
  return value !== '' && value !== aks ? mismatch : undefined;
}

const oidcToken: Step = (config) => {
  const token = fromFile(
    getString(config, 'oidc_token', 'ARM_OIDC_TOKEN').trim(),
    getString(config, 'oidc_token_file_path', 'ARM_OIDC_TOKEN_FILE_PATH'),
    'OIDC Token',
    'mismatch between supplied OIDC token and supplied OIDC token file contents - please either remove one or ensure they match',
  );
  if ('error' in token) return token.error;
  const federated = process.env.AZURE_FEDERATED_TOKEN_FILE;
  if (!getBool(config, 'use_aks_workload_identity', 'ARM_USE_AKS_WORKLOAD_IDENTITY', false) || !federated) return undefined;
  const file = readFileGo(federated);
  if ('error' in file)
    return `reading OIDC Token from file ${goQuote(federated)} provided by AKS Workload Identity: ${file.error}`;
  return token.value !== '' && token.value !== file.text.trim()
    ? 'mismatch between supplied OIDC token and OIDC token file contents provided by AKS Workload Identity - please either remove one, ensure they match, or disable use_aks_workload_identity'
    : undefined;
};

const clientSecret: Step = (config) => {
  const secret = fromFile(
    getString(config, 'client_secret', 'ARM_CLIENT_SECRET').trim(),
    getString(config, 'client_secret_file_path', 'ARM_CLIENT_SECRET_FILE_PATH'),
    'Client Secret',
    'mismatch between supplied Client Secret and supplied Client Secret file contents - please either remove one or ensure they match',
  );
  return 'error' in secret ? secret.error : undefined;
};

const clientId: Step = (config) => {
  const id = fromFile(
    getString(config, 'client_id', 'ARM_CLIENT_ID').trim(),
    getString(config, 'client_id_file_path', 'ARM_CLIENT_ID_FILE_PATH'),
    'Client ID',
    'mismatch between supplied Client ID and supplied Client ID file contents - please either remove one or ensure they match',
  );
  if ('error' in id) return id.error;
  return fromAks(
    config,
    id.value,
    process.env.AZURE_CLIENT_ID,
    'mismatch between supplied Client ID and that provided by AKS Workload Identity - please remove, ensure they match, or disable use_aks_workload_identity',
  );
};

const tenantId: Step = (config) =>
  fromAks(
    config,
    getString(config, 'tenant_id', 'ARM_TENANT_ID').trim(),
    process.env.AZURE_TENANT_ID,
    'mismatch between supplied Tenant ID and that provided by AKS Workload Identity - please remove, ensure they match, or disable use_aks_workload_identity',
  );

/** environments.FromName, when no metadata_host is given (which would be a network call). */
const environment: Step = (config) => {
  if (getString(config, 'metadata_host', 'ARM_METADATA_HOSTNAME') !== '') return undefined;
  const name = getString(config, 'environment', 'ARM_ENVIRONMENT', 'public');
  const known = ['china', 'canary', 'global', 'public', 'usgovernment', 'usgovernmentl4', 'dod', 'usgovernmentl5'];
  return known.includes(name.toLowerCase()) ? undefined : `no environment was found with the name ${goQuote(name)}`;
};

/** buildClient (4.x): skip_provider_registration only with the default `legacy` registrations. */
const skipProviderRegistration: Step = (config) =>
  getBool(config, 'skip_provider_registration', 'ARM_SKIP_PROVIDER_REGISTRATION', false) &&
  getString(config, 'resource_provider_registrations', 'ARM_RESOURCE_PROVIDER_REGISTRATIONS', 'legacy') !== 'legacy'
    ? 'provider property `skip_provider_registration` cannot be set at the same time as `resource_provider_registrations`, please remove `skip_provider_registration` from your configuration or unset the `ARM_SKIP_PROVIDER_REGISTRATION` environment variable'
    : undefined;

/** buildClient (4.x): features.ValidateEnhancedValidationEnvVars. */
const enhancedValidationEnvVars4: Step = () => {
  if (!process.env.ARM_PROVIDER_ENHANCED_VALIDATION) return undefined;
  const conflicts = ['ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS', 'ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS'].filter(
    (name) => process.env[name],
  );
  return conflicts.length === 0
    ? undefined
    : `the environment variable \`ARM_PROVIDER_ENHANCED_VALIDATION\` cannot be set at the same time as [${conflicts.join(' ')}] - please either use the legacy \`ARM_PROVIDER_ENHANCED_VALIDATION\` or the replacement environment variables, but not both`;
};

/** buildClient (5.x): the legacy variable is gone. */
const enhancedValidationEnvVar5: Step = () =>
  process.env.ARM_PROVIDER_ENHANCED_VALIDATION
    ? 'the environment variable `ARM_PROVIDER_ENHANCED_VALIDATION` has been removed in v5.0 of the AzureRM Provider - please use the `enhanced_validation` block inside the `features` block or the replacement environment variables `ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS` and `ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS` instead'
    : undefined;

/** The first error of `steps`, as Go returns on the first. */
function firstError(steps: readonly Step[]): (config: Config) => string[] {
  return (config) => {
    for (const step of steps) {
      const error = step(config);
      if (error !== undefined) return [error];
    }
    return [];
  };
}

const CONFIGURE = [
  subscriptionRequired,
  auxiliaryTenants,
  clientCertificate,
  oidcToken,
  clientSecret,
  clientId,
  tenantId,
  environment,
];
const CONFIGURE_PATHS = [
  'subscription_id',
  'use_cli',
  'auxiliary_tenant_ids',
  'client_certificate',
  'environment',
  'metadata_host',
];

/** The schema's validation of the values an EnvDefaultFunc supplies when the configuration leaves them null. */
function environmentDefaults(config: Config): string[] {
  const fromEnv = (name: string, env: string, check: Check) =>
    configured(config, name) === null && process.env[env] !== undefined ? check(process.env[env]!, name) : [];
  return [
    ...fromEnv('partner_id', 'ARM_PARTNER_ID', partnerId),
    ...fromEnv('resource_provider_registrations', 'ARM_RESOURCE_PROVIDER_REGISTRATIONS', registrations),
  ];
}

const RECOVERY_SERVICE = [
  'vm_backup_stop_protection_and_retain_data_on_destroy',
  'vm_backup_suspend_protection_and_retain_data_on_destroy',
];

const PROVIDER_CROSS: CrossRule[] = [
  {
    kind: 'custom',
    paths: CONFIGURE_PATHS.concat('skip_provider_registration', 'resource_provider_registrations'),
    check: firstError([...CONFIGURE, skipProviderRegistration, enhancedValidationEnvVars4]),
    source: `${PROVIDER}: providerConfigure and buildClient, before clients.Build (runs at ConfigureProvider)`,
    versions: FOUR,
  },
  {
    kind: 'custom',
    paths: CONFIGURE_PATHS,
    check: firstError([...CONFIGURE, enhancedValidationEnvVar5]),
    source: `${PROVIDER}: providerConfigure and buildClient, before clients.Build (runs at ConfigureProvider)`,
    versions: FIVE,
  },
  {
    kind: 'custom',
    paths: ['partner_id', 'resource_provider_registrations'],
    check: environmentDefaults,
    source: `${PROVIDER}: partner_id and resource_provider_registrations ValidateFunc on their EnvDefaultFunc values (runs at ConfigureProvider)`,
  },
  {
    kind: 'custom',
    paths: RECOVERY_SERVICE.map((name) => `features.recovery_service.${name}`),
    check: exactlyOneOfInBlock('features.recovery_service', RECOVERY_SERVICE),
    source: `${FEATURES}: schemaFeatures recovery_service ExactlyOneOf (runs at ConfigureProvider)`,
  },
];

export const PROVIDER_RULES: readonly TypeRules[] = [
  { type: 'provider', kind: 'provider', arguments: PROVIDER_ARGUMENTS, cross: PROVIDER_CROSS },
];
