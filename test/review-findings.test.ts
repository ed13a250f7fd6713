/**
 * The findings stage on its own: hand-written stacks to typed findings, each with its stable code and severity,
 * and the sentence the report prints for it.
 */
import { FINDING_SEVERITY, findingsOf, Finding, FindingCode, vaultFindings } from '../lib/review/findings';
import { buildModel } from '../lib/review/model';
import type { SynthesizedStack } from '../lib/review/read';

const accountId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;

function stackWith(edit: (r: any) => void): SynthesizedStack {
  const r: any = {
    azurerm_data_protection_backup_vault: {
      v: { name: 'bv', resource_group_name: 'rg', location: 'westeurope', lifecycle: { prevent_destroy: true } },
    },
    azurerm_data_protection_backup_instance_data_lake_storage: {
      i: {
        name: 'lake',
        location: 'westeurope',
        data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.v.id}',
        backup_policy_data_lake_storage_id: 'daily',
        storage_account_id: accountId('lake'),
        storage_container_names: ['raw'],
        lifecycle: { prevent_destroy: true },
      },
    },
  };
  edit(r);
  return { name: 's', file: 'stacks/s/cdk.tf.json', json: { resource: r } };
}

const codesOf = (edit: (r: any) => void) => vaultFindings(buildModel([stackWith(edit)]).vaults[0]).map((f) => f.code);

describe('vault findings', () => {
  test('an instance with no grant and no wait: role after instance, an error, about its vault and account', () => {
    const [finding] = vaultFindings(buildModel([stackWith(() => {})]).vaults[0]);
    expect(finding).toEqual({
      code: 'REVIEW-ROLE-AFTER-INSTANCE',
      severity: 'error',
      stack: 's',
      vault: 'bv',
      vaultKey: 'bv in rg',
      account: 'lake',
      message:
        '`lake`: role before backup is not guaranteed: no Storage Account Backup Contributor grant for the vault on this account in this configuration; no wait (time_sleep) before the instance.',
    });
  });

  test.each<[string, (r: any) => void, FindingCode]>([
    ['soft delete Off', (r) => (r.azurerm_data_protection_backup_vault.v.soft_delete = 'Off'), 'REVIEW-SOFT-DELETE-OFF'],
    [
      'soft delete AlwaysOn',
      (r) => (r.azurerm_data_protection_backup_vault.v.soft_delete = 'AlwaysOn'),
      'REVIEW-SOFT-DELETE-ALWAYS-ON',
    ],
    [
      'immutability Locked',
      (r) => (r.azurerm_data_protection_backup_vault.v.immutability = 'Locked'),
      'REVIEW-IMMUTABILITY-LOCKED',
    ],
    [
      'cross-region restore',
      (r) => (r.azurerm_data_protection_backup_vault.v.cross_region_restore_enabled = true),
      'REVIEW-CROSS-REGION-RESTORE',
    ],
    [
      'no vault prevent_destroy',
      (r) => delete r.azurerm_data_protection_backup_vault.v.lifecycle,
      'REVIEW-VAULT-NO-PREVENT-DESTROY',
    ],
    [
      'an unlisted vault region',
      (r) => (r.azurerm_data_protection_backup_vault.v.location = 'marsnorth'),
      'REVIEW-VAULT-REGION-UNLISTED',
    ],
    [
      'no instance prevent_destroy',
      (r) => delete r.azurerm_data_protection_backup_instance_data_lake_storage.i.lifecycle,
      'REVIEW-INSTANCE-NO-PREVENT-DESTROY',
    ],
    [
      'another region than the vault',
      (r) => (r.azurerm_data_protection_backup_instance_data_lake_storage.i.location = 'northeurope'),
      'REVIEW-REGION-MISMATCH',
    ],
    [
      '1000 containers',
      (r) =>
        (r.azurerm_data_protection_backup_instance_data_lake_storage.i.storage_container_names = Array.from(
          { length: 1001 },
          (_, n) => `c${n}`,
        )),
      'REVIEW-CONTAINERS-OVER-LIMIT',
    ],
    [
      'a rule with no criteria',
      (r) =>
        (r.azurerm_data_protection_backup_policy_data_lake_storage = {
          p: {
            name: 'daily',
            data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.v.id}',
            retention_rule: [{ name: 'weekly', duration: 'P7D' }],
          },
        }),
      'REVIEW-RULE-NO-CRITERIA',
    ],
  ])('%s', (_, edit, code) => {
    expect(codesOf(edit)).toContain(code);
    expect(codesOf(() => {})).not.toContain(code);
  });

  test('the container limit: at the limit is near it, one past is over it', () => {
    // The fixture's stack carries no azurerm constraint: the limit of every version, 100.
    const containers = (count: number) => (r: any) =>
      (r.azurerm_data_protection_backup_instance_data_lake_storage.i.storage_container_names = Array.from(
        { length: count },
        (_, n) => `c${n}`,
      ));
    expect(codesOf(containers(89))).not.toContain('REVIEW-CONTAINERS-NEAR-LIMIT');
    expect(codesOf(containers(90))).toContain('REVIEW-CONTAINERS-NEAR-LIMIT');
    expect(codesOf(containers(100))).toEqual(expect.arrayContaining(['REVIEW-CONTAINERS-NEAR-LIMIT']));
    expect(codesOf(containers(100))).not.toContain('REVIEW-CONTAINERS-OVER-LIMIT');
    expect(codesOf(containers(101))).toContain('REVIEW-CONTAINERS-OVER-LIMIT');
  });

  test("a vault's setting names the vault only; a retention rule, its policy", () => {
    const model = buildModel([
      stackWith((r) => {
        delete r.azurerm_data_protection_backup_vault.v.lifecycle;
        r.azurerm_data_protection_backup_policy_data_lake_storage = {
          p: {
            name: 'daily',
            data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.v.id}',
            retention_rule: [{ name: 'weekly', duration: 'P7D' }],
          },
        };
      }),
    ]);
    const where = ({ code, severity, message: _message, ...rest }: Finding) => ({ code, severity, ...rest });
    expect(vaultFindings(model.vaults[0]).map(where).slice(0, 2)).toEqual([
      { code: 'REVIEW-VAULT-NO-PREVENT-DESTROY', severity: 'warning', stack: 's', vault: 'bv', vaultKey: 'bv in rg' },
      {
        code: 'REVIEW-RULE-NO-CRITERIA',
        severity: 'error',
        stack: 's',
        vault: 'bv',
        vaultKey: 'bv in rg',
        policy: 'daily',
      },
    ]);
  });

  test('containers the configuration creates and the instance does not wait for: each named, in one finding', () => {
    const findings = vaultFindings(
      buildModel([
        stackWith((r) => {
          r.azurerm_storage_container = {
            raw: { name: 'raw', storage_account_id: accountId('lake') },
            curated: { name: 'curated', storage_account_id: accountId('lake') },
          };
          r.azurerm_data_protection_backup_instance_data_lake_storage.i.storage_container_names = ['raw', 'curated'];
        }),
      ]).vaults[0],
    );
    expect(findings.filter((f) => f.code === 'REVIEW-CONTAINERS-NOT-WAITED-FOR')).toEqual([
      expect.objectContaining({
        severity: FINDING_SEVERITY['REVIEW-CONTAINERS-NOT-WAITED-FOR'],
        account: 'lake',
        message:
          '`lake`: the instance does not wait for containers this configuration creates (curated, raw): Azure refuses containers that do not exist yet.',
      }),
    ]);
  });

  test('a region known only at plan is not judged: no unlisted region, no mismatch', () => {
    const vault = (location: string) => (r: any) => (r.azurerm_data_protection_backup_vault.v.location = location);
    const instance = (location: string) => (r: any) =>
      (r.azurerm_data_protection_backup_instance_data_lake_storage.i.location = location);
    const both =
      (...edits: ((r: any) => void)[]) =>
      (r: any) =>
        edits.forEach((edit) => edit(r));
    const regionCodes = (edit: (r: any) => void) => codesOf(edit).filter((c) => /REGION/.test(c));
    expect(regionCodes(vault('${var.region}'))).toEqual([]);
    expect(regionCodes(instance('${var.region}'))).toEqual([]);
    // A literal region beside the other's expression is compared with the support list only.
    expect(regionCodes(both(vault('${var.region}'), instance('marsnorth')))).toEqual(['REVIEW-INSTANCE-REGION-UNLISTED']);
    expect(regionCodes(both(vault('marsnorth'), instance('${var.region}')))).toEqual(['REVIEW-VAULT-REGION-UNLISTED']);
    // Both literal: compared with each other, in any spelling of the region.
    expect(regionCodes(instance('West Europe'))).toEqual([]);
    expect(regionCodes(instance('northeurope'))).toEqual(['REVIEW-REGION-MISMATCH']);
  });

  test('a retention rule that is not an object is left to Terraform: no finding, no failure', () => {
    const policy = (rules: unknown[]) => (r: any) =>
      (r.azurerm_data_protection_backup_policy_data_lake_storage = {
        p: {
          name: 'daily',
          data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.v.id}',
          retention_rule: rules,
        },
      });
    expect(codesOf(policy([null, 'weekly', [], { name: 'w', duration: 'P7D', days_of_week: ['Monday'] }]))).not.toContain(
      'REVIEW-RULE-NO-CRITERIA',
    );
    const [finding] = vaultFindings(buildModel([stackWith(policy([null, { name: 'w', duration: 'P7D' }]))]).vaults[0]).filter(
      (f) => f.code === 'REVIEW-RULE-NO-CRITERIA',
    );
    expect(finding.message).toBe(
      'Policy `daily`: retention rule `w` has neither absolute_criteria nor days_of_week: azurerm fails at apply.',
    );
  });

  test('an outside vault has no setting findings', () => {
    const outside = (r: any) => {
      delete r.azurerm_data_protection_backup_vault;
      r.azurerm_data_protection_backup_instance_data_lake_storage.i.data_protection_backup_vault_id =
        '/subscriptions/x/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/shared';
    };
    expect(codesOf(outside)).toEqual(['REVIEW-ROLE-AFTER-INSTANCE']);
  });
});

describe('findingsOf', () => {
  test('each vault by key, and each interpolation with its finding (a warning of no vault)', () => {
    const model = buildModel([stackWith((r) => (r.azurerm_data_protection_backup_vault.v.tags = { when: '${timestamp()}' }))]);
    const findings = findingsOf(model);
    expect([...findings.byVault.keys()]).toEqual(['bv in rg']);
    expect(
      findings.interpolations.map((i) => [i.interpolation.attribute, i.finding.code, i.finding.severity, i.finding.vault]),
    ).toEqual([['tags.when', 'REVIEW-INTERPOLATION', 'warning', undefined]]);
    expect(findings.interpolations[0].finding).toEqual({
      code: 'REVIEW-INTERPOLATION',
      severity: 'warning',
      message:
        '`tags.when` of `azurerm_data_protection_backup_vault.v` (stack `s`): a function call, which Terraform evaluates at plan: `${timestamp()}`.',
      stack: 's',
      address: 'azurerm_data_protection_backup_vault.v',
      attribute: 'tags.when',
    });
  });

  test("the container limit follows each stack's azurerm constraint, 100 where it admits versions before 4.79", () => {
    const containers = (r: any) =>
      (r.azurerm_data_protection_backup_instance_data_lake_storage.i.storage_container_names = Array.from(
        { length: 101 },
        (_, n) => `c${n}`,
      ));
    const codesWith = (terraform: unknown) => {
      const stack = stackWith(containers);
      const model = buildModel([{ ...stack, json: { ...stack.json, terraform } as typeof stack.json }]);
      return [...findingsOf(model).byVault.values()].flat().map((f) => f.code);
    };
    const azurerm = (version: string) => ({ required_providers: { azurerm: { source: 'hashicorp/azurerm', version } } });
    expect(codesWith(azurerm('>= 4.79.0, < 6.0.0'))).not.toContain('REVIEW-CONTAINERS-OVER-LIMIT');
    expect(codesWith(azurerm('>= 4.68.0'))).toContain('REVIEW-CONTAINERS-OVER-LIMIT');
    // No constraint at all, none for azurerm, or azurerm without a version: every version may be picked.
    for (const terraform of [
      undefined,
      {},
      { required_providers: { time: { source: 'hashicorp/time' } } },
      { required_providers: { azurerm: {} } },
    ]) {
      expect(codesWith(terraform)).toContain('REVIEW-CONTAINERS-OVER-LIMIT');
    }
  });

  test('every code is REVIEW-… in capitals, with a severity', () => {
    for (const [code, severity] of Object.entries(FINDING_SEVERITY)) {
      expect(code).toMatch(/^REVIEW(-[A-Z0-9]+)+$/);
      expect(['error', 'warning']).toContain(severity);
    }
  });
});
