import { App, Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BackupConfigError } from '../lib/errors';
import { BackupSchedule, BackupVault, DataLakeBackupPolicy, Duration } from '../lib';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const INSTANCE_TYPE = 'azurerm_data_protection_backup_instance_data_lake_storage';
export const POLICY_TYPE = 'azurerm_data_protection_backup_policy_data_lake_storage';

export function storageAccountId(name: string, group = 'rg-data'): string {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.Storage/storageAccounts/${name}`;
}

export function vaultId(name: string, group = 'rg-backup'): string {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.DataProtection/backupVaults/${name}`;
}

/** A fresh app and stack with the azurerm provider, as a user would start. */
export function newStack(): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return { app, stack };
}

/** Synthesizes with cdktf's validations on (provider presence included) and parses the JSON. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one Terraform type, keyed by logical ID. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The single resource of a type (fails the test when there is not exactly one). */
export function onlyResource(json: any, type: string): { address: string; config: any } {
  const entries = Object.entries(resourcesOf(json, type));
  expect(entries).toHaveLength(1);
  const [id, config] = entries[0];
  return { address: `${type}.${id}`, config };
}

/** Warnings added with cdktf's Annotations under `scope`. */
export function warningsOf(scope: Construct): string[] {
  return annotationsOf(scope, 'warn').map((a) => a.message);
}

/** Annotations of one level under `scope`, with the path of the construct each is on. */
export function annotationsOf(scope: Construct, level: 'info' | 'warn' | 'error'): { path: string; message: string }[] {
  return scope.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === `@cdktf/${level}`).map((m) => ({ path: c.node.path, message: String(m.data) })),
    );
}

/** Runs `build` once, checks that it throws a BackupConfigError, and returns the error for its problems. */
export function configErrorOf(build: () => unknown): BackupConfigError {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  if (!BackupConfigError.isBackupConfigError(error)) {
    throw new Error(`expected a BackupConfigError, got ${error === undefined ? 'no error' : String(error)}`);
  }
  return error;
}

/** Runs `build` once and checks it throws a BackupConfigError whose message matches `message`. */
export function expectConfigError(build: () => unknown, message: RegExp | string): void {
  const error = configErrorOf(build);
  if (typeof message === 'string') expect(error.message).toContain(message);
  else expect(error.message).toMatch(message);
}

/** A vault in `location` and a daily 30-day policy of it: the least a backup needs. */
export function vaultAndPolicy(
  stack: TerraformStack,
  location = 'westeurope',
): { vault: BackupVault; policy: DataLakeBackupPolicy } {
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  return { vault, policy };
}
