/**
 * The report stage on its own: a hand-written model, its findings and changes to the JSON report's data.
 */
import { diffModels } from '../lib/review/changes';
import { findingsOf } from '../lib/review/findings';
import { buildModel } from '../lib/review/model';
import type { SynthesizedStack } from '../lib/review/read';
import { buildReport, CHAIN_OK, REPORT_SCHEMA_VERSION } from '../lib/review/report';

const ROLE = 'Storage Account Backup Contributor';
const accountId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;
const vaultRef = '${azurerm_data_protection_backup_vault.v.id}';
const principal = '${azurerm_data_protection_backup_vault.v.identity[0].principal_id}';

const stack: SynthesizedStack = {
  name: 's',
  file: 'stacks/s/cdk.tf.json',
  json: {
    resource: {
      azurerm_data_protection_backup_vault: {
        v: { name: 'bv', resource_group_name: 'rg', location: 'westeurope', soft_delete: 'Off' },
      },
      azurerm_data_protection_backup_policy_data_lake_storage: {
        p: {
          name: 'daily',
          data_protection_backup_vault_id: vaultRef,
          backup_schedule: ['R/2024-01-01T02:30:00+00:00/P1D'],
          default_retention_duration: 'P30D',
        },
      },
      azurerm_role_assignment: {
        r: { scope: accountId('lake'), role_definition_name: ROLE, principal_id: principal },
        t: { scope: accountId('target'), role_definition_name: ROLE, principal_id: principal },
      },
      time_sleep: { w: { create_duration: '300s', depends_on: ['azurerm_role_assignment.r'] } },
      azurerm_data_protection_backup_instance_data_lake_storage: {
        i: {
          name: 'lake',
          location: 'westeurope',
          data_protection_backup_vault_id: vaultRef,
          backup_policy_data_lake_storage_id: '${azurerm_data_protection_backup_policy_data_lake_storage.p.id}',
          storage_account_id: accountId('lake'),
          storage_container_names: ['raw', 'curated'],
          depends_on: ['azurerm_role_assignment.r', 'time_sleep.w'],
        },
      },
    },
  },
};

describe('buildReport', () => {
  const model = buildModel([stack]);
  const findings = findingsOf(model);
  const report = buildReport(model, findings);

  test('starts with its schema version; counts what the vaults hold', () => {
    expect(Object.keys(report)[0]).toBe('schemaVersion');
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.summary).toEqual({
      vaults: 1,
      policies: 1,
      protectedAccounts: 1,
      restoreGrants: 1,
      warnings: findings.byVault.get('bv in rg')!.length,
    });
    expect(report.changes).toBeUndefined();
  });

  test('a vault: settings, policy in words, account row data, restore grant', () => {
    const [vault] = report.vaults;
    expect(vault).toMatchObject({ name: 'bv', softDelete: { mode: 'Off' }, immutability: 'Disabled', crossRegionRestore: false });
    expect(vault.policies[0].words).toBe('daily at 02:30 UTC, kept 30 days');
    expect(vault.policies[0].usedBy).toEqual(['lake']);
    expect(vault.accounts[0]).toMatchObject({
      account: 'lake',
      containers: { count: 2, names: ['raw', 'curated'], waitedFor: [] },
      backupGrant: { scope: 'lake', address: 'azurerm_role_assignment.r' },
      wait: { duration: '300s', words: '5 minutes' },
      ordering: { ok: true, status: CHAIN_OK, problems: [] },
    });
    expect(vault.restoreGrants.map((g) => [g.account, g.kind])).toEqual([['target', 'restore']]);
  });

  test("the warnings are the findings' messages, per vault and in one list", () => {
    const messages = findings.byVault.get('bv in rg')!.map((f) => f.message);
    expect(report.vaults[0].warnings).toEqual(messages);
    expect(report.warnings).toEqual(messages.map((message) => ({ vault: 'bv', stack: 's', message })));
  });

  test("findings: the interpolations' first, then each vault's, as the findings stage made them; summary.warnings counts them", () => {
    const tagged: SynthesizedStack = {
      ...stack,
      json: {
        resource: {
          ...stack.json.resource,
          azurerm_data_protection_backup_vault: {
            v: { ...(stack.json.resource as any).azurerm_data_protection_backup_vault.v, tags: { when: '${timestamp()}' } },
          },
        },
      },
    };
    const taggedModel = buildModel([tagged]);
    const taggedFindings = findingsOf(taggedModel);
    const withTag = buildReport(taggedModel, taggedFindings);
    const expected = [...taggedFindings.interpolations.map((i) => i.finding), ...taggedFindings.byVault.get('bv in rg')!];
    expect(withTag.findings).toEqual(expected);
    expect(withTag.findings.map((f) => f.code)).toEqual([
      'REVIEW-INTERPOLATION',
      'REVIEW-SOFT-DELETE-OFF',
      'REVIEW-VAULT-NO-PREVENT-DESTROY',
      'REVIEW-INSTANCE-NO-PREVENT-DESTROY',
    ]);
    expect(withTag.summary.warnings).toBe(4);
    // Version 1's lists hold the same sentences.
    expect(withTag.interpolations.map((i) => i.message)).toEqual([expected[0].message]);
    expect(withTag.vaults[0].warnings).toEqual(expected.slice(1).map((f) => f.message));
    expect(withTag.warnings.map((w) => w.message)).toEqual(expected.slice(1).map((f) => f.message));
    expect(Object.keys(withTag).slice(0, 5)).toEqual(['schemaVersion', 'stacks', 'summary', 'findings', 'interpolations']);
  });

  test('changes go after the summary, as given', () => {
    const changes = diffModels(model, model, 'base');
    const withChanges = buildReport(model, findings, changes);
    expect(Object.keys(withChanges).slice(0, 4)).toEqual(['schemaVersion', 'stacks', 'summary', 'changes']);
    expect(withChanges.changes).toBe(changes);
  });
});
