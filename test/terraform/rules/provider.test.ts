import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { goBase64DecodeError, PROVIDER_RULES, validatePartnerID } from '../stand-in/rules/provider';
import type { Value } from '../stand-in/rules/rule';
import { customProblems } from '../stand-in/validate';
import { checkRows, pathsExist } from './harness';

const PROVIDER = 'internal/provider/provider.go';
const RULES = PROVIDER_RULES[0];

const UUID = '00000000-0000-0000-0000-000000000001';

describe(PROVIDER, () => {
  checkRows(RULES, [
    {
      path: 'partner_id',
      ok: `pid-${UUID}-partnercenter`,
      bad: 'pid-x',
      messages: ['expected "partner_id" to be a valid UUID', 'expected "partner_id" to be an empty string: got pid-x'],
    },
    {
      path: 'auxiliary_tenant_ids',
      ok: [UUID, UUID, UUID],
      bad: [UUID, UUID, UUID, UUID],
      messages: ['Too many list items: Attribute auxiliary_tenant_ids supports 3 item maximum, but config has 4 declared.'],
    },
    {
      path: 'resource_provider_registrations',
      ok: 'none',
      bad: 'None',
      messages: ['expected resource_provider_registrations to be one of ["core" "extended" "all" "none" "legacy"], got None'],
    },
    {
      path: 'resource_providers_to_register.*',
      ok: 'Microsoft.DataProtection',
      bad: '',
      messages: ['expected "resource_providers_to_register.0" to not be an empty string, got '],
    },
  ]);

  test(`${PROVIDER} ValidatePartnerID: the three forms`, () => {
    expect(validatePartnerID(UUID, 'partner_id')).toEqual([]);
    expect(validatePartnerID(`pid-${UUID}`, 'partner_id')).toEqual([]);
    expect(validatePartnerID('', 'partner_id')).toEqual([]);
    expect(validatePartnerID('pid-x-partnercenter', 'partner_id')).toEqual([
      'expected "pid-x-partnercenter" to contain a valid UUID',
    ]);
    expect(validatePartnerID('x', 'partner_id')).toEqual(['expected "partner_id" to be a valid UUID']);
  });
});

describe(`${PROVIDER} providerConfigure and buildClient (ConfigureProvider)`, () => {
  const ENV = [
    'ARM_SUBSCRIPTION_ID', 'ARM_USE_CLI', 'ARM_AUXILIARY_TENANT_IDS', 'ARM_CLIENT_CERTIFICATE', 'ARM_OIDC_TOKEN',
    'ARM_OIDC_TOKEN_FILE_PATH', 'ARM_CLIENT_SECRET', 'ARM_CLIENT_SECRET_FILE_PATH', 'ARM_CLIENT_ID', 'ARM_CLIENT_ID_FILE_PATH',
    'ARM_TENANT_ID', 'ARM_USE_AKS_WORKLOAD_IDENTITY', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID',
    'ARM_ENVIRONMENT', 'ARM_METADATA_HOSTNAME', 'ARM_SKIP_PROVIDER_REGISTRATION', 'ARM_RESOURCE_PROVIDER_REGISTRATIONS',
    'ARM_PROVIDER_ENHANCED_VALIDATION', 'ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS',
    'ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS', 'ARM_PARTNER_ID',
  ]; // prettier-ignore
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  beforeEach(() => ENV.forEach((name) => delete process.env[name]));
  afterAll(() =>
    Object.entries(saved).forEach(([name, value]) =>
      value === undefined ? delete process.env[name] : (process.env[name] = value),
    ),
  );

  const configure = (config: { [key: string]: Value }, version = '4.79.0') =>
    customProblems(RULES, { features: [{}], ...config }, version).map((p) => p.summary);
  const good = { subscription_id: UUID };
  const dir = mkdtempSync(join(tmpdir(), 'provider-rules-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('subscription_id is required without the Azure CLI; ARM_SUBSCRIPTION_ID supplies it', () => {
    const required = '`subscription_id` is a required provider property when performing a plan/apply operation';
    expect(configure(good)).toEqual([]);
    expect(configure({})).toEqual([]); // use_cli defaults to true: the CLI may give the subscription
    expect(configure({ use_cli: false })).toEqual([required]);
    expect(configure({ use_cli: false }, '5.2.0')).toEqual([required]);
    expect(configure({ use_cli: false, subscription_id: { unknown: true } })).toEqual([]);
    process.env.ARM_USE_CLI = 'false';
    expect(configure({})).toEqual([required]);
    process.env.ARM_SUBSCRIPTION_ID = UUID;
    expect(configure({})).toEqual([]);
  });

  test('at most three auxiliary tenants from ARM_AUXILIARY_TENANT_IDS', () => {
    process.env.ARM_AUXILIARY_TENANT_IDS = 'a;b;c';
    expect(configure(good)).toEqual([]);
    process.env.ARM_AUXILIARY_TENANT_IDS = 'a;b;c;d';
    expect(configure(good)).toEqual(['the provider only supports up to 3 auxiliary tenant IDs']);
    expect(configure({ ...good, auxiliary_tenant_ids: ['a'] })).toEqual([]);
  });

  test('client_certificate must be base64 (base64.StdEncoding.Decode)', () => {
    expect(configure({ ...good, client_certificate: 'TUlJ\nQ0E=' })).toEqual([]);
    expect(configure({ ...good, client_certificate: 'MII*' })).toEqual([
      'could not decode client certificate data: illegal base64 data at input byte 3',
    ]);
  });

  test("goBase64DecodeError: Go's offsets", () => {
    expect(goBase64DecodeError('')).toBeUndefined();
    expect(goBase64DecodeError('QUJD')).toBeUndefined();
    expect(goBase64DecodeError('QUI=')).toBeUndefined();
    expect(goBase64DecodeError('QQ==')).toBeUndefined();
    expect(goBase64DecodeError('QQ=\n=')).toBeUndefined();
    expect(goBase64DecodeError('QUJ')).toBe('illegal base64 data at input byte 0');
    expect(goBase64DecodeError('QQ=')).toBe('illegal base64 data at input byte 3');
    expect(goBase64DecodeError('QQ=x')).toBe('illegal base64 data at input byte 2');
    expect(goBase64DecodeError('Q===')).toBe('illegal base64 data at input byte 1');
    expect(goBase64DecodeError('QUI=QUJD')).toBe('illegal base64 data at input byte 4');
    expect(goBase64DecodeError('QUJDQ')).toBe('illegal base64 data at input byte 4');
  });

  test('a value and its file must agree; a missing file is an error', () => {
    const secret = file('secret', ' s3cret\n');
    expect(configure({ ...good, client_secret: 's3cret', client_secret_file_path: secret })).toEqual([]);
    expect(configure({ ...good, client_secret: 'other', client_secret_file_path: secret })).toEqual([
      'mismatch between supplied Client Secret and supplied Client Secret file contents - please either remove one or ensure they match',
    ]);
    const missing = join(dir, 'missing');
    expect(configure({ ...good, client_id_file_path: missing })).toEqual([
      `reading Client ID from file "${missing}": open ${missing}: no such file or directory`,
    ]);
    expect(configure({ ...good, oidc_token: 'a', oidc_token_file_path: file('token', 'b') })).toEqual([
      'mismatch between supplied OIDC token and supplied OIDC token file contents - please either remove one or ensure they match',
    ]);
  });

  test('AKS Workload Identity: client and tenant IDs must agree with its environment', () => {
    process.env.AZURE_CLIENT_ID = UUID;
    process.env.AZURE_TENANT_ID = UUID;
    expect(configure({ ...good, client_id: 'other', tenant_id: 'other' })).toEqual([]); // not in use
    expect(configure({ ...good, use_aks_workload_identity: true, client_id: UUID, tenant_id: 'other' })).toEqual([
      'mismatch between supplied Tenant ID and that provided by AKS Workload Identity - please remove, ensure they match, or disable use_aks_workload_identity',
    ]);
    process.env.AZURE_FEDERATED_TOKEN_FILE = join(dir, 'absent-token');
    expect(configure({ ...good, use_aks_workload_identity: true })).toEqual([
      `reading OIDC Token from file "${process.env.AZURE_FEDERATED_TOKEN_FILE}" provided by AKS Workload Identity: open ${process.env.AZURE_FEDERATED_TOKEN_FILE}: no such file or directory`,
    ]);
  });

  test('environment must be a known cloud unless metadata_host is given', () => {
    expect(configure({ ...good, environment: 'USGovernment' })).toEqual([]);
    expect(configure({ ...good, environment: 'mars' })).toEqual(['no environment was found with the name "mars"']);
    expect(configure({ ...good, environment: 'mars', metadata_host: 'management.example.com' })).toEqual([]);
    process.env.ARM_ENVIRONMENT = 'venus';
    expect(configure(good)).toEqual(['no environment was found with the name "venus"']);
  });

  test('4.x: skip_provider_registration only with the default registrations', () => {
    const both = { ...good, skip_provider_registration: true, resource_provider_registrations: 'none' };
    expect(configure({ ...good, skip_provider_registration: true })).toEqual([]);
    expect(configure({ ...both, resource_provider_registrations: 'legacy' })).toEqual([]);
    expect(configure(both)).toEqual([
      'provider property `skip_provider_registration` cannot be set at the same time as `resource_provider_registrations`, please remove `skip_provider_registration` from your configuration or unset the `ARM_SKIP_PROVIDER_REGISTRATION` environment variable',
    ]);
    expect(configure(both, '4.68.0')).toHaveLength(1);
    process.env.ARM_SKIP_PROVIDER_REGISTRATION = 'true';
    expect(configure({ ...good, resource_provider_registrations: 'core' })).toHaveLength(1);
    expect(configure({ ...good, resource_provider_registrations: 'core' }, '5.2.0')).toEqual([]);
  });

  test('ARM_PROVIDER_ENHANCED_VALIDATION: with the replacement variables in 4.x, at all in 5.x', () => {
    process.env.ARM_PROVIDER_ENHANCED_VALIDATION = 'false';
    expect(configure(good)).toEqual([]);
    expect(configure(good, '5.2.0')).toEqual([
      'the environment variable `ARM_PROVIDER_ENHANCED_VALIDATION` has been removed in v5.0 of the AzureRM Provider - please use the `enhanced_validation` block inside the `features` block or the replacement environment variables `ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS` and `ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS` instead',
    ]);
    process.env.ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS = 'true';
    process.env.ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS = 'true';
    expect(configure(good)).toEqual([
      'the environment variable `ARM_PROVIDER_ENHANCED_VALIDATION` cannot be set at the same time as [ARM_PROVIDER_ENHANCED_VALIDATION_LOCATIONS ARM_PROVIDER_ENHANCED_VALIDATION_RESOURCE_PROVIDERS] - please either use the legacy `ARM_PROVIDER_ENHANCED_VALIDATION` or the replacement environment variables, but not both',
    ]);
  });

  test("the first failure only, in Go's order", () => {
    expect(configure({ use_cli: false, environment: 'mars' })).toEqual([
      '`subscription_id` is a required provider property when performing a plan/apply operation',
    ]);
  });

  test('partner_id and resource_provider_registrations from the environment are validated', () => {
    process.env.ARM_PARTNER_ID = 'x';
    process.env.ARM_RESOURCE_PROVIDER_REGISTRATIONS = 'some';
    expect(configure({ ...good, partner_id: UUID, resource_provider_registrations: 'core' })).toEqual([]);
    expect(configure(good, '5.2.0')).toEqual([
      'expected "partner_id" to be a valid UUID',
      'expected "partner_id" to be an empty string: got x',
      'expected resource_provider_registrations to be one of ["core" "extended" "all" "none" "legacy"], got some',
    ]);
  });

  test('internal/provider/features.go recovery_service ExactlyOneOf, only when the block is written', () => {
    const keys =
      '`features.0.recovery_service.0.vm_backup_stop_protection_and_retain_data_on_destroy,features.0.recovery_service.0.vm_backup_suspend_protection_and_retain_data_on_destroy`';
    const withRecovery = (block: Value) => configure({ ...good, features: [{ recovery_service: block }] });
    expect(withRecovery(null)).toEqual([]);
    expect(withRecovery([{ vm_backup_stop_protection_and_retain_data_on_destroy: true }])).toEqual([]);
    expect(withRecovery([{ purge_protected_items_from_vault_on_destroy: true }])).toEqual([
      `"features.0.recovery_service.0.vm_backup_stop_protection_and_retain_data_on_destroy": one of ${keys} must be specified`,
      `"features.0.recovery_service.0.vm_backup_suspend_protection_and_retain_data_on_destroy": one of ${keys} must be specified`,
    ]);
    expect(
      withRecovery([
        {
          vm_backup_stop_protection_and_retain_data_on_destroy: false,
          vm_backup_suspend_protection_and_retain_data_on_destroy: false,
        },
      ]),
    ).toHaveLength(2);
  });
});

test('every source names its file', () => {
  for (const entry of [...RULES.arguments, ...(RULES.cross ?? [])]) {
    expect(entry.source).toMatch(/^internal\/provider\/(provider|features)\.go: /);
  }
  expect(
    (RULES.cross ?? []).filter((r) => r.kind === 'custom').every((r) => r.source.includes('(runs at ConfigureProvider)')),
  ).toBe(true);
});

pathsExist(PROVIDER_RULES);
