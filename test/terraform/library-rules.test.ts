// Every limit the library checks must be the provider's rule, in the provider's units: the library may refuse more
// (Azure's own rules, read elsewhere), but never accept what the azurerm provider refuses at plan. Each property
// generates inputs, asks the library (a BackupConfigError or not) and the stand-in's rule read from the provider's
// source (test/terraform/stand-in/rules), and checks the implication; where the library claims to apply exactly
// the provider's rule (units, webhooks), both directions.
import fc from 'fast-check';
import { TerraformStack, Testing } from 'cdktf';
import { BackupMonitoring, BackupResourceGuard, BackupSchedule, BackupVault, DataLakeBackupPolicy, Duration } from '../../lib';
import { CONTAINER_NAME } from '../../lib/data-lake-backup';
import { rulesFor } from './stand-in/rules';
import type { Check } from './stand-in/rules/rule';
import { applies } from './stand-in/validate';

const SEED = 20261203;
const RUNS = 300;

/** The provider's checks of `type`'s argument `path`, at azurerm 4.79.0, as one Check. */
function rule(type: string, path: string): Check {
  const rules = rulesFor('azurerm', 'resource', type);
  const checks = (rules?.arguments ?? []).filter((r) => r.path === path && applies(r, '4.79.0'));
  if (checks.length === 0) throw new Error(`no rule for ${type} ${path}`);
  return (value, key) => checks.flatMap((c) => c.check(value, key));
}

function providerAccepts(check: Check, value: unknown): boolean {
  return check(value as string, 'arg').length === 0;
}

function libraryAccepts(build: () => unknown): boolean {
  try {
    build();
    return true;
  } catch (error) {
    if ((error as Error).name !== 'BackupConfigError') throw error;
    return false;
  }
}

/**
 * The implication "the library accepts, so the provider accepts" checks only the inputs the library accepts: a
 * property whose generator the library refused every time would pass having checked nothing. These are lower bounds
 * of the inputs each property checked with this seed, a little under what it checks today.
 */
const MIN_ACCEPTED = {
  schedules: 150, // 173 of 300 today
  vaultNames: 15, // 19 of 300
  resourceGroupNames: 60, // 74 of 300
  policyNames: 5, // 8 of 300
  containerNames: 1, // 2 of 300: the generator's text rarely makes a valid container name
  webhooks: 700, // 782 of 1000 (the rest fail the library's own https-with-host rule first)
};

function expectChecked(checked: number, atLeast: number): void {
  expect(checked).toBeGreaterThan(0);
  expect(checked).toBeGreaterThanOrEqual(atLeast);
}

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

// Text with the characters these rules are about: ASCII letters and digits, punctuation, and multi-byte letters.
const chars = fc.constantFrom(...'abcXYZ019-_.()/ é€😀'.split(/(?=[\s\S])/u));
const text = (max: number) => fc.array(chars, { minLength: 0, maxLength: max }).map((a) => a.join(''));

describe(`the library refuses what the provider refuses (seed ${SEED})`, () => {
  test('schedules: what BackupSchedule.expression accepts, helpers/validate/time.go ISO8601RepeatingTime accepts', () => {
    const check = rule('azurerm_data_protection_backup_policy_data_lake_storage', 'backup_schedule.*');
    const two = (n: number) => String(n).padStart(2, '0');
    const start = fc
      .record({
        day: fc.integer({ min: 1, max: 7 }),
        h: fc.integer({ min: 0, max: 23 }),
        m: fc.integer({ min: 0, max: 59 }),
        seconds: fc.boolean(),
        zone: fc.constantFrom('', 'Z', '+00:00', '+05:30', '-03:00', '+0100'),
      })
      .map(({ day, h, m, seconds, zone }) => `2024-01-0${day}T${two(h)}:${two(m)}${seconds ? ':00' : ''}${zone}`);
    let accepted = 0;
    fc.assert(
      fc.property(start, fc.constantFrom('P1D', 'P1W'), (s, period) => {
        const interval = `R/${s}/${period}`;
        if (!libraryAccepts(() => BackupSchedule.expression(interval))) return;
        accepted++;
        expect(check(interval, 'backup_schedule.0')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expectChecked(accepted, MIN_ACCEPTED.schedules);
  });

  test('tags: tags/validate.go counts bytes; the library accepts exactly what it accepts (non-empty keys)', () => {
    const check = rule('azurerm_data_protection_backup_vault', 'tags');
    const tags = fc.dictionary(
      text(300).filter((k) => k !== ''),
      text(300),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(tags, (t) => {
        const library = libraryAccepts(
          () => new BackupVault(stack(), 'V', { name: 'bv-x', resourceGroupName: 'rg', location: 'westeurope', tags: t }),
        );
        expect(library).toBe(providerAccepts(check, t));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('vault names: what the library accepts, data_protection_backup_vault_resource.go name accepts', () => {
    const check = rule('azurerm_data_protection_backup_vault', 'name');
    let accepted = 0;
    fc.assert(
      fc.property(text(55), (name) => {
        if (!libraryAccepts(() => new BackupVault(stack(), 'V', { name, resourceGroupName: 'rg', location: 'westeurope' })))
          return;
        accepted++;
        expect(check(name, 'name')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expectChecked(accepted, MIN_ACCEPTED.vaultNames);
  });

  test('resource group names: what the library accepts, resourcegroups/validate.go ValidateName accepts', () => {
    const check = rule('azurerm_data_protection_backup_vault', 'resource_group_name');
    let accepted = 0;
    fc.assert(
      fc.property(text(95), (resourceGroupName) => {
        if (!libraryAccepts(() => new BackupVault(stack(), 'V', { name: 'bv-x', resourceGroupName, location: 'westeurope' }))) {
          return;
        }
        accepted++;
        expect(check(resourceGroupName, 'resource_group_name')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expectChecked(accepted, MIN_ACCEPTED.resourceGroupNames);
  });

  test('policy names: what the library accepts, data_protection_backup_policy_data_lake_storage_resource.go name accepts', () => {
    const check = rule('azurerm_data_protection_backup_policy_data_lake_storage', 'name');
    let accepted = 0;
    fc.assert(
      fc.property(text(155), (name) => {
        const s = stack();
        const vault = new BackupVault(s, 'V', { name: 'bv-x', resourceGroupName: 'rg', location: 'westeurope' });
        const build = () =>
          new DataLakeBackupPolicy(s, 'P', {
            vault,
            name,
            schedule: BackupSchedule.daily({ hour: 2 }),
            defaultRetention: Duration.days(30),
          });
        if (!libraryAccepts(build)) return;
        accepted++;
        expect(check(name, 'name')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expectChecked(accepted, MIN_ACCEPTED.policyNames);
  });

  test('container names: what the library accepts, data_protection_backup_instance_data_lake_storage_resource.go accepts', () => {
    const check = rule('azurerm_data_protection_backup_instance_data_lake_storage', 'storage_container_names.*');
    let accepted = 0;
    fc.assert(
      fc.property(text(65), (name) => {
        if (!CONTAINER_NAME.test(name)) return;
        accepted++;
        expect(check(name, 'storage_container_names.0')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expectChecked(accepted, MIN_ACCEPTED.containerNames);
  });

  test('resource guard names: resource_guard_name.go counts bytes; what the library accepts, it accepts', () => {
    const check = rule('azurerm_data_protection_resource_guard', 'name');
    const long = fc.array(fc.constantFrom('g', 'é', '€'), { minLength: 1, maxLength: 270 }).map((a) => a.join(''));
    fc.assert(
      fc.property(long, (name) => {
        const build = () => new BackupResourceGuard(stack(), 'G', { name, resourceGroupName: 'rg', location: 'westeurope' });
        expect(libraryAccepts(build)).toBe(providerAccepts(check, name));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  describe('monitoring', () => {
    function monitor(props: object) {
      const s = stack();
      const vault = new BackupVault(s, 'V', { name: 'bv-x', resourceGroupName: 'rg', location: 'westeurope' });
      return () =>
        new BackupMonitoring(s, 'M', {
          vault,
          logAnalyticsWorkspaceId: WORKSPACE,
          emails: ['ops@example.com'],
          ...props,
        } as never);
    }
    const WORKSPACE =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log-central';

    test('the action group short name: monitor_action_group_resource.go StringLenBetween(1, 12) in bytes, both ways', () => {
      const check = rule('azurerm_monitor_action_group', 'short_name');
      fc.assert(
        fc.property(
          text(14).filter((s) => s !== ''),
          (actionGroupShortName) => {
            expect(libraryAccepts(monitor({ actionGroupShortName }))).toBe(providerAccepts(check, actionGroupShortName));
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    });

    test('webhooks: an https URL the library accepts, monitor_action_group_resource.go IsURLWithScheme accepts, and back', () => {
      const check = rule('azurerm_monitor_action_group', 'webhook_receiver.service_uri');
      const urlChars = fc.constantFrom(...'ab1-._~%zZ20:@/?#[]{} é'.split(/(?=[\s\S])/u));
      const tail = fc.array(urlChars, { maxLength: 25 }).map((a) => a.join(''));
      let compared = 0;
      fc.assert(
        fc.property(tail, (t) => {
          const url = `https://${t}`;
          if (!/^https:\/\/[^\s/]+/.test(url)) return; // the library's own https-with-host rule comes first
          // The library also refuses an empty host name before a port ("https://:443"), which the SDK lets through:
          // it checks url.URL.Host, which holds the port too.
          if (/^:/.test(url.slice(8).split(/[/?#]/)[0].split('@').at(-1)!)) return;
          compared++;
          expect(libraryAccepts(monitor({ webhooks: [url] }))).toBe(providerAccepts(check, url));
        }),
        { seed: SEED, numRuns: 1000 },
      );
      expectChecked(compared, MIN_ACCEPTED.webhooks);
    });
  });
});
