// Each rule is written once (lib/private/rules) and read by the constructs and the fleet spec's schema: the two
// accept and refuse the same values, in the same words. The container name rule is the one the constructs always
// applied (Azure Storage's: no `a--b`, no trailing hyphen), for the protected containers and the state's alike.
import * as fs from 'fs';
import * as path from 'path';
import {
  AbsoluteCriteria,
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
  RetentionRule,
  SoftDelete,
} from '../lib';
import { BackupConfigError, Problem } from '../lib/errors';
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

/** The spec's problems as `validate --format json` gives them (code, path and rule), none when it is valid. */
function specProblems(text: string): Pick<Problem, 'code' | 'path' | 'rule'>[] {
  const file = path.join(tempDir(), 'spec.yaml');
  fs.writeFileSync(file, text);
  const result = cli(['validate', '--config', file, '--format', 'json']);
  const report = JSON.parse(result.stdout) as { problems: Problem[] };
  expect(result.code).toBe(report.problems.length === 0 ? EXIT_OK : EXIT_INVALID_INPUT);
  return report.problems.map(({ code, path: at, rule }) => ({ code, path: at, rule }));
}

/** The construct's problems for `make` (code and rule), none when it accepts. */
function constructProblems(make: () => unknown): Pick<Problem, 'code' | 'rule'>[] {
  try {
    make();
    return [];
  } catch (e) {
    if (!BackupConfigError.isBackupConfigError(e)) throw e;
    return e.problems.map(({ code, rule }) => ({ code, rule }));
  }
}

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

/** A daily policy named `name` in a vault of a new stack: what both policy-name tests build. */
function policyNamed(name: string): DataLakeBackupPolicy {
  const { stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'westeurope' });
  return new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name,
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
}

describe('policy names: the keys of `policies` follow the policy construct', () => {
  const pattern = new RegExp(schema.properties.policies.propertyNames.pattern);
  const policyProblem = (name: string) => constructProblem(() => policyNamed(name));

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

// The rules below were held by the schema to less than the construct applies ("not empty", any HH:MM offset, any
// letters and digits for a region): a spec the schema took could be refused later, by the construct and in its
// words. Now the schema states the construct's rule, with its words and its code, so the same values pass and fail, and
// the spec's refusal comes from the schema, at the field, before anything is built.
describe('rules the schema states as the construct does', () => {
  /** The spec's one problem for `text`, expected at `at` with `code` and `rule`. */
  const expectSpecRefusal = (text: string, at: string, code: string, rule: string) =>
    expect(specProblems(text)).toEqual([{ code, path: at, rule }]);

  describe('regions: one shape (a letter first, 2-50 to the last letter or digit, spaces around allowed)', () => {
    const pattern = new RegExp(schema.definitions.region.pattern, 'u');
    const regionProblems = (location: string) =>
      constructProblems(() => DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId('lake01'), location }));
    // An unlisted region is named in allowUnlistedRegions (when its key can be), so that only the shape is tested;
    // the vault's name has no {region}, so that a 50-character region makes no name too long.
    const specWith = (region: string) => {
      const key = region.replace(/ /g, '').toLowerCase();
      const allowed = /^[a-z0-9]+$/.test(key) ? `defaults: { allowUnlistedRegions: [${key}] }\n` : '';
      return (
        `${MINIMAL_SPEC.replace('region: westeurope', `region: ${JSON.stringify(region)}`)}${allowed}` +
        'vaults: { name: bv-lake, resourceGroupName: rg-backup }\n'
      );
    };
    const WORDS = {
      construct: 'must be an Azure region such as "West Europe" or "westeurope"',
      spec: 'must be an Azure region name, such as westeurope or West Europe',
    };

    test.each(['  West Europe  ', 'westus3', 'ab', `a${'b'.repeat(49)}`, `a${' '.repeat(48)}b`])(
      '"%s" is accepted by the construct and the spec',
      (region) => {
        expect(pattern.test(region)).toBe(true);
        expect(regionProblems(region)).toEqual([]);
        expect(specProblems(specWith(region))).toEqual([]);
      },
    );

    test.each(['a', `a${'b'.repeat(50)}`, '1westeurope', 'West-Europe', 'West\tEurope', '   ', 'a '])(
      '%j is refused by the construct and the spec, for its shape',
      (region) => {
        expect(pattern.test(region)).toBe(false);
        expect(regionProblems(region)).toEqual([{ code: 'ADLSBK-REGION', rule: WORDS.construct }]);
        expectSpecRefusal(specWith(region), 'accounts[0].region', 'ADLSBK-REGION', WORDS.spec);
      },
    );
  });

  describe('UTC offsets: -14:00 to +14:00, for BackupSchedule and `schedule.utcOffset`', () => {
    const WORDS = 'must be a UTC offset from -14:00 to +14:00 written like "+01:00"';
    const scheduleProblems = (utcOffset: string) => constructProblems(() => BackupSchedule.daily({ hour: 2, utcOffset }));
    const specWith = (utcOffset: string) =>
      MINIMAL_SPEC.replace('time: "02:00"', `time: "02:00", utcOffset: ${JSON.stringify(utcOffset)}`);

    test.each(['+14:00', '-14:00', '+13:59', '-00:00', '+05:45'])('%s is accepted by both', (utcOffset) => {
      expect(scheduleProblems(utcOffset)).toEqual([]);
      expect(specProblems(specWith(utcOffset))).toEqual([]);
    });

    test.each(['+14:01', '-14:30', '+15:00', '+99:99', '+01:60', '1:00', '+0100', 'Z'])('%s is refused by both', (utcOffset) => {
      expect(scheduleProblems(utcOffset)).toEqual([{ code: 'ADLSBK-SCHEDULE-TIME', rule: WORDS }]);
      expectSpecRefusal(specWith(utcOffset), 'policies.daily.schedule.utcOffset', 'ADLSBK-SCHEDULE-TIME', WORDS);
    });

    test('a start time written by hand is held to the same offsets', () => {
      expect(constructProblems(() => BackupSchedule.expression('R/2024-01-01T02:00:00+14:00/P1D'))).toEqual([]);
      expect(constructProblems(() => BackupSchedule.expression('R/2024-01-01T02:00:00+14:01/P1D'))).toEqual([
        { code: 'ADLSBK-SCHEDULE-INTERVAL', rule: expect.stringContaining('must start at a real date') },
      ]);
    });
  });

  describe("instance names: DataLakeBackup's `name` and `accounts[].instanceName`", () => {
    const WORDS = 'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit';
    const backupProblems = (name: string) =>
      constructProblems(() => {
        const { stack } = newStack();
        const { vault, policy } = vaultAndPolicy(stack);
        const storageAccount = DataLakeStorageAccount.fromAttributes({
          storageAccountId: storageAccountId('lake01'),
          location: 'westeurope',
        });
        new DataLakeBackup(stack, 'Backup', { vault, policy, storageAccount, containers: ['raw'], name });
      });
    const specWith = (name: string) =>
      MINIMAL_SPEC.replace('containers: [raw]', `containers: [raw]\n    instanceName: ${JSON.stringify(name)}`);

    test.each(['a', '0', 'a'.repeat(150), 'lake01.raw_x-y', 'lake01-lake01-0a1b2c3d'])('%s is accepted by both', (name) => {
      expect(backupProblems(name)).toEqual([]);
      expect(specProblems(specWith(name))).toEqual([]);
    });

    test.each(['', 'a'.repeat(151), 'lake.', '-lake', 'lake raw', ' lake', 'lacé', 'lake/raw', '${var.x}'])(
      '%j is refused by both',
      (name) => {
        expect(backupProblems(name)).toEqual([{ code: 'ADLSBK-INSTANCE-NAME', rule: WORDS }]);
        expectSpecRefusal(specWith(name), 'accounts[0].instanceName', 'ADLSBK-INSTANCE-NAME', WORDS);
      },
    );
  });

  describe('retention rule names: RetentionRule and the named and custom rules of a policy', () => {
    const WORDS = 'must be 1-150 letters, digits or hyphens, starting with a letter';
    const ruleProblems = (name: string) => [
      ...constructProblems(() => RetentionRule.weekly(Duration.weeks(12), { name })),
      ...constructProblems(() =>
        RetentionRule.custom({ name, duration: Duration.years(10), absoluteCriteria: AbsoluteCriteria.FIRST_OF_YEAR }),
      ),
    ];
    const weekly = (name: string) =>
      MINIMAL_SPEC.replace('default: P30D', `default: P30D, weekly: { keep: P12W, name: ${JSON.stringify(name)} }`);
    const custom = (name: string) =>
      MINIMAL_SPEC.replace(
        'default: P30D',
        `default: P30D, custom: [{ name: ${JSON.stringify(name)}, keep: P10Y, absoluteCriteria: FirstOfYear }]`,
      );

    test.each(['K', 'a'.repeat(150), 'Keep-Sundays1', 'Weekly'])('%s is accepted by both', (name) => {
      expect(ruleProblems(name)).toEqual([]);
      expect(specProblems(weekly(name))).toEqual([]);
      expect(specProblems(custom(name))).toEqual([]);
    });

    test.each(['', 'a'.repeat(151), '1st-of-month', '-keep', 'Keep Sundays', 'Keep_x', 'Keep "forever"'])(
      '%j is refused by both, by the schema at the name',
      (name) => {
        const refused = { code: 'ADLSBK-RETENTION-RULE-NAME', rule: WORDS };
        expect(ruleProblems(name)).toEqual([refused, refused]);
        expectSpecRefusal(weekly(name), 'policies.daily.retention.weekly.name', refused.code, WORDS);
        expectSpecRefusal(custom(name), 'policies.daily.retention.custom[0].name', refused.code, WORDS);
      },
    );

    // The one part of the rule the schema leaves to the construct: the spec still refuses it, at the rule's name.
    test('"Default" (azurerm\'s name for the default rule) is refused by both, the spec through the construct', () => {
      const rule = 'must not be "Default": azurerm names the default retention rule so';
      expect(ruleProblems('Default')).toEqual([
        { code: 'ADLSBK-RETENTION-RULE-NAME', rule },
        { code: 'ADLSBK-RETENTION-RULE-NAME', rule },
      ]);
      // At the rule's own field, a custom rule's by its place in the list.
      for (const [text, path] of [
        [weekly('Default'), 'policies.daily.retention.weekly.name'],
        [custom('Default'), 'policies.daily.retention.custom[0].name'],
      ]) {
        expect(specProblems(text)).toEqual([{ code: 'ADLSBK-RETENTION-RULE-NAME', path, rule: expect.stringContaining(rule) }]);
      }
    });
  });

  describe('policy names where the spec uses them: `defaults.policy` and `accounts[].policy`', () => {
    const WORDS = 'must be a policy name: a letter, then 2 to 149 letters, digits or hyphens';
    const policyProblems = (name: string) => constructProblems(() => policyNamed(name));
    // The policy is named `name` (a key of `policies`) and used by that name in both places.
    const named = (name: string, where: 'defaults' | 'account') => {
      const text = MINIMAL_SPEC.replace('  daily:', `  ${JSON.stringify(name)}:`);
      return where === 'defaults'
        ? `${text}defaults: { policy: ${JSON.stringify(name)} }\n`
        : text.replace('containers: [raw]', `containers: [raw]\n    policy: ${JSON.stringify(name)}`);
    };

    test.each(['abc', 'a'.repeat(150), 'Daily-2'])('%s is accepted by both', (name) => {
      expect(policyProblems(name)).toEqual([]);
      expect(specProblems(named(name, 'defaults'))).toEqual([]);
      expect(specProblems(named(name, 'account'))).toEqual([]);
    });

    test.each(['ab', 'a'.repeat(151), '1daily', 'dai ly', 'daily_x'])('%s is refused by both, where it is used', (name) => {
      expect(policyProblems(name)).toEqual([
        { code: 'ADLSBK-POLICY-NAME', rule: 'must be 3-150 letters, digits or hyphens, starting with a letter' },
      ]);
      // The spec's one policy is `daily`: the reference is refused for its shape, before the check that it names one.
      const spec = (where: string) =>
        where === 'defaults'
          ? `${MINIMAL_SPEC}defaults: { policy: ${JSON.stringify(name)} }\n`
          : MINIMAL_SPEC.replace('containers: [raw]', `containers: [raw]\n    policy: ${JSON.stringify(name)}`);
      expectSpecRefusal(spec('defaults'), 'defaults.policy', 'ADLSBK-POLICY-NAME', WORDS);
      expectSpecRefusal(spec('account'), 'accounts[0].policy', 'ADLSBK-POLICY-NAME', WORDS);
      // The keys of `policies` say it in the same words.
      expect(specProblems(named(name, 'account'))).toContainEqual({
        code: 'ADLSBK-POLICY-NAME',
        path: /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `policies.${name}` : `policies[${JSON.stringify(name)}]`,
        rule: WORDS,
      });
    });
  });

  describe("the state's resource group: the rule of every resource group, in the schema", () => {
    const WORDS = 'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period';
    const vaultProblems = (resourceGroupName: string) =>
      constructProblems(() => {
        const { stack } = newStack();
        new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName, location: 'westeurope' });
      });
    const specWith = (group: string) =>
      `${MINIMAL_SPEC}backend: { azurerm: { resourceGroupName: ${JSON.stringify(group)}, storageAccountName: sttf01, containerName: tfstate, key: k } }\n`;

    test.each(['a', 'a'.repeat(90), 'rg-(backup).01', 'rg_x.y'])('%s is accepted by both', (group) => {
      expect(vaultProblems(group)).toEqual([]);
      expect(specProblems(specWith(group))).toEqual([]);
    });

    test.each(['', 'rg.', 'a'.repeat(91), 'rg backup', 'rg/backup', 'données'])('%j is refused by both', (group) => {
      expect(vaultProblems(group)).toEqual([{ code: 'ADLSBK-RESOURCE-GROUP-NAME', rule: WORDS }]);
      expectSpecRefusal(specWith(group), 'backend.azurerm.resourceGroupName', 'ADLSBK-RESOURCE-GROUP-NAME', WORDS);
    });
  });
});
