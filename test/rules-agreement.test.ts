// Each rule is written once (lib/private/rules) and read by the constructs and the fleet spec's schema: the two
// accept and refuse the same values, in the same words. The container name rule is the one the constructs always
// applied (Azure Storage's: no `a--b`, no trailing hyphen), for the protected containers and the state's alike.
import * as fs from 'fs';
import * as path from 'path';
import {
  AZURERM_VERSION_CONSTRAINT,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  Immutability,
  IrreversibleSetting,
  Redundancy,
  SoftDelete,
} from '../lib';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { FLEET_SPEC_SCHEMA } from '../lib/fleet';
import { CONTAINER_LIMIT, containerLimitFor } from '../lib/azurerm/container-limit';
import { accountId, cli, MINIMAL_SPEC, tempDir } from './support/cli';
import { newStack, storageAccountId, vaultAndPolicy } from './helpers';

type JsonSchema = { readonly [keyword: string]: any };
const schema = FLEET_SPEC_SCHEMA as JsonSchema;
const account = schema.definitions.account.properties;
const backend = schema.properties.backend.properties.azurerm.properties;
const vaults = schema.properties.vaults.properties;

function validate(text: string): { code: number; problems: string[] } {
  const file = path.join(tempDir(), 'spec.yaml');
  fs.writeFileSync(file, text);
  const result = cli(['validate', '--config', file]);
  return { code: result.code, problems: result.stderr.split('\n').filter((l) => l.startsWith('  ')) };
}

/** The construct's message for `props`, or undefined when it accepts them. */
function constructProblem(make: () => unknown): string | undefined {
  try {
    make();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function backupWith(containers: string[]): string | undefined {
  const { stack } = newStack();
  const { vault, policy } = vaultAndPolicy(stack);
  const storageAccount = DataLakeStorageAccount.fromAttributes({
    storageAccountId: storageAccountId('lake01'),
    location: 'westeurope',
  });
  return constructProblem(() => new DataLakeBackup(stack, 'Backup', { vault, policy, storageAccount, containers }));
}

const CONTAINER_WORDS = '3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit';

describe('container names: one rule for the constructs, the accounts and the state container', () => {
  const refused = ['a--b', 'ab-', '-ab', 'ab', 'Raw', 'a'.repeat(64), 'raw_data', '$root'];
  const accepted = ['raw', 'a-b', 'r2d2', 'a'.repeat(63), '0-0-0'];

  test('the schema uses the same pattern and words in both places', () => {
    expect(account.containers.items.pattern).toBe(backend.containerName.pattern);
    expect(account.containers.items.patternErrorMessage).toBe(`must be a container name: ${CONTAINER_WORDS}`);
    expect(backend.containerName.patternErrorMessage).toBe(`must be a container name: ${CONTAINER_WORDS}`);
  });

  test.each(refused)('%s is refused by the construct and by both places of the spec', (name) => {
    expect(backupWith([name])).toContain(`must be ${CONTAINER_WORDS}`);
    const inAccount = validate(MINIMAL_SPEC.replace('containers: [raw]', `containers: ["${name}"]`));
    expect(inAccount.code).toBe(EXIT_INVALID_INPUT);
    expect(inAccount.problems.join('\n')).toContain(`accounts[0].containers[0]: must be a container name: ${CONTAINER_WORDS}`);
    const inBackend = validate(
      `${MINIMAL_SPEC}backend: { azurerm: { resourceGroupName: rg, storageAccountName: sttf01, containerName: "${name}", key: k } }\n`,
    );
    expect(inBackend.code).toBe(EXIT_INVALID_INPUT);
    expect(inBackend.problems.join('\n')).toContain(
      `backend.azurerm.containerName: must be a container name: ${CONTAINER_WORDS}`,
    );
  });

  test.each(accepted)('%s is accepted by the construct and by both places of the spec', (name) => {
    expect(backupWith([name])).toBeUndefined();
    expect(validate(MINIMAL_SPEC.replace('containers: [raw]', `containers: ["${name}"]`)).code).toBe(EXIT_OK);
    const spec = `${MINIMAL_SPEC}backend: { azurerm: { resourceGroupName: rg, storageAccountName: sttf01, containerName: "${name}", key: k } }\n`;
    expect(validate(spec).code).toBe(EXIT_OK);
  });
});

describe('the container limit is one function of the azurerm constraint', () => {
  const fleetLimit = containerLimitFor(AZURERM_VERSION_CONSTRAINT).max;

  test("the fleet's limit is the one the library's own constraint allows", () => {
    expect(account.containers.maxItems).toBe(fleetLimit);
    expect(fleetLimit).toBe(CONTAINER_LIMIT.everywhere);
  });

  test('the construct and the spec both stop one container past it', () => {
    const names = Array.from({ length: fleetLimit + 1 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    expect(backupWith(names)).toContain(`must list 1 to ${fleetLimit} containers`);
    expect(backupWith(names.slice(0, fleetLimit))).toBeUndefined();
    const result = validate(MINIMAL_SPEC.replace('containers: [raw]', `containers: [${names.join(', ')}]`));
    expect(result.problems).toEqual([
      expect.stringContaining(`must have 1 to ${fleetLimit} items, got: ${fleetLimit + 1} items`),
    ]);
  });
});

describe('vault settings: the schema states the constructs rules', () => {
  const vaultProblem = (props: object) =>
    constructProblem(() => {
      const { stack } = newStack();
      new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'westeurope', ...props });
    });

  test('the enumerations are the public enums', () => {
    expect(vaults.redundancy.enum).toEqual(Object.values(Redundancy));
    expect(vaults.softDelete.enum).toEqual(Object.values(SoftDelete));
    expect(vaults.immutability.enum).toEqual(Object.values(Immutability));
    expect(vaults.acknowledgeIrreversible.items.enum).toEqual(Object.values(IrreversibleSetting));
  });

  test('soft delete retention: the same range', () => {
    const { minimum, maximum } = vaults.softDeleteRetentionDays;
    expect(vaultProblem({ softDeleteRetention: Duration.days(minimum) })).toBeUndefined();
    expect(vaultProblem({ softDeleteRetention: Duration.days(maximum) })).toBeUndefined();
    expect(vaultProblem({ softDeleteRetention: Duration.days(minimum - 1) })).toContain(`must be ${minimum} to ${maximum} days`);
    expect(vaultProblem({ softDeleteRetention: Duration.days(maximum + 1) })).toContain(`must be ${minimum} to ${maximum} days`);
  });

  test("a vault name the template pattern takes without {region} is held to the vault's own rule", () => {
    expect(vaults.name.patternErrorMessage).toContain('2-50 letters, digits and hyphens');
    expect(vaultProblem({ name: 'a'.repeat(50) })).toBeUndefined();
    expect(vaultProblem({ name: 'a'.repeat(51) })).toContain('must be 2-50 letters, digits or hyphens');
    expect(new RegExp(vaults.name.pattern).test('a'.repeat(51))).toBe(true); // the spec's template: checked once filled in
    expect(new RegExp(vaults.name.pattern).test('bv_adls')).toBe(false);
    expect(vaultProblem({ name: 'bv_adls' })).toContain('must be 2-50 letters, digits or hyphens');
  });

  test('a resource group the template pattern refuses, the construct refuses', () => {
    const pattern = new RegExp(vaults.resourceGroupName.pattern);
    for (const name of ['rg backup', 'rg/backup', 'a'.repeat(91), 'rg"x']) {
      expect(pattern.test(name)).toBe(false);
      expect(vaultProblem({ resourceGroupName: name })).toContain('must be 1-90 ASCII letters');
    }
    expect(pattern.test('rg-(backup).01')).toBe(true);
    expect(vaultProblem({ resourceGroupName: 'rg-(backup).01' })).toBeUndefined();
  });
});

describe('policy names: the keys of `policies` follow the policy construct', () => {
  const pattern = new RegExp(schema.properties.policies.propertyNames.pattern);
  const policyProblem = (name: string) =>
    constructProblem(() => {
      const { stack } = newStack();
      const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'westeurope' });
      new DataLakeBackupPolicy(stack, 'Policy', {
        vault,
        name,
        schedule: BackupSchedule.daily({ hour: 2 }),
        defaultRetention: Duration.days(30),
      });
    });

  test.each(['daily', 'a-1', 'abc', 'a'.repeat(150), 'ab', '1daily', 'a'.repeat(151), 'dai ly', 'daily_x'])('%s', (name) => {
    expect(policyProblem(name) === undefined).toBe(pattern.test(name));
  });
});

test('account IDs: the schema pattern ends in the construct rule for storage account names', () => {
  const pattern = new RegExp(account.id.pattern);
  expect(pattern.test(accountId('lake01'))).toBe(true);
  for (const name of ['ab', 'a'.repeat(25), 'Lake01', 'lake-01']) {
    expect(pattern.test(accountId(name))).toBe(false);
    expect(
      constructProblem(() =>
        DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId(name), location: 'westeurope' }),
      ),
    ).toContain('3-24 lowercase letters and digits');
  }
});
