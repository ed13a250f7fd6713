// The fleet spec synthesized through the library's constructs: one vault per region, every policy in every vault,
// a grant, a wait and an instance per account, in the layout `cdktf synth` writes.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { loadFleetSpec, parseFleetSpec, synthFleet } from '../lib/fleet';
import { INSTANCE_TYPE, POLICY_TYPE } from './helpers';
import { accountId, cli, MINIMAL_SPEC, SUB_A, SUB_B, tempDir, writeSpec } from './support/cli';

const REGISTRATIONS = { resource_provider_registrations: 'none', resource_providers_to_register: ['Microsoft.DataProtection'] };

const FLEET_EXAMPLE = join(__dirname, '..', 'examples', 'fleet', 'backup.yaml');
const VAULT_TYPE = 'azurerm_data_protection_backup_vault';
const ROLE_TYPE = 'azurerm_role_assignment';

/** Synthesizes spec text into a fresh directory and returns the stacks' JSON by name. */
function synthText(text: string): Record<string, any> {
  const out = join(tempDir(), 'cdktf.out');
  synthFleet(parseFleetSpec(text, 'spec.yaml'), out);
  return readStacks(out);
}

function readStacks(out: string): Record<string, any> {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  return Object.fromEntries(
    Object.values<any>(manifest.stacks).map((s) => [s.name, JSON.parse(readFileSync(join(out, s.synthesizedStackPath), 'utf8'))]),
  );
}

const all = (json: any, type: string): [string, any][] => Object.entries(json.resource?.[type] ?? {});
const ref = (type: string, address: string, attr = 'id') => `\${${type}.${address}.${attr}}`;

describe('the fleet example (examples/fleet/backup.yaml)', () => {
  const spec = loadFleetSpec(FLEET_EXAMPLE).spec;
  const out = join(tempDir(), 'cdktf.out');
  synthFleet(loadFleetSpec(FLEET_EXAMPLE), out);
  const stacks = readStacks(out);
  const regionOf = (region: string) => spec.accounts.filter((a) => a.region.replace(/\s/g, '').toLowerCase() === region);
  // What examples/fleet/backup.yaml holds: the accounts of each region, and the subscriptions other than the
  // provider's own (SUB_A) they are read from, one provider alias each.
  const ACCOUNTS: Record<string, string[]> = {
    eastus2: ['lakeeus2iot01', 'lakeeus2retail01'],
    northeurope: ['lakeneuhr01', 'lakeneulogs01'],
    westeurope: ['lakeweufinance01', 'lakeweusales01', 'lakeweusandbox01'],
  };
  const OTHER_SUBSCRIPTIONS: Record<string, string[]> = {
    eastus2: ['33333333-3333-3333-3333-333333333333'],
    northeurope: ['22222222-2222-2222-2222-222222222222'],
    westeurope: ['22222222-2222-2222-2222-222222222222', '33333333-3333-3333-3333-333333333333'],
  };

  test('has accounts in at least three regions, and gets one stack per region (stackPerRegion)', () => {
    expect(Object.keys(stacks).sort()).toEqual(['lake-backup-eastus2', 'lake-backup-northeurope', 'lake-backup-westeurope']);
    for (const name of Object.keys(stacks)) expect(existsSync(join(out, 'stacks', name, 'cdk.tf.json'))).toBe(true);
  });

  describe.each(['eastus2', 'northeurope', 'westeurope'])('the %s stack', (region) => {
    const json = () => stacks[`lake-backup-${region}`];

    test('has one vault, in the region, named from the template, in its own resource group', () => {
      const vaults = all(json(), VAULT_TYPE);
      expect(vaults).toHaveLength(1);
      const [, vault] = vaults[0];
      expect(vault.name).toBe(`bv-lake-${region}`);
      expect(vault.location).toBe(region);
      expect(vault.redundancy).toBe(region === 'eastus2' ? 'ZoneRedundant' : 'GeoRedundant'); // the region override
      expect(vault.retention_duration_in_days).toBe(30);
      const [[groupAddress, group]] = all(json(), 'azurerm_resource_group');
      expect(group).toMatchObject({ name: `rg-backup-${region}`, location: region });
      expect(vault.resource_group_name).toBe(ref('azurerm_resource_group', groupAddress, 'name'));
      expect(all(json(), 'azurerm_management_lock')).toHaveLength(1);
    });

    test('has every policy of the spec, in its vault', () => {
      const [[vaultAddress]] = all(json(), VAULT_TYPE);
      const policies = all(json(), POLICY_TYPE).map(([, p]) => p);
      expect(policies.map((p) => p.name).sort()).toEqual(['daily-ltr', 'weekly-short']);
      for (const p of policies) expect(p.data_protection_backup_vault_id).toBe(ref(VAULT_TYPE, vaultAddress));
      const daily = policies.find((p) => p.name === 'daily-ltr');
      expect(daily).toMatchObject({
        backup_schedule: ['R/2024-01-01T02:30:00+01:00/P1D'],
        default_retention_duration: 'P30D',
        time_zone: 'W. Europe Standard Time',
      });
      expect(daily.retention_rule.map((r: any) => [r.absolute_criteria, r.duration])).toEqual([
        ['FirstOfYear', 'P7Y'],
        ['FirstOfMonth', 'P12M'],
      ]);
    });

    test("protects exactly the region's accounts: containers, policy, grant, wait, then the instance", () => {
      const j = json();
      const [[vaultAddress]] = all(j, VAULT_TYPE);
      const instances = all(j, INSTANCE_TYPE);
      const expected = regionOf(region);
      expect(expected.map((a) => a.id.split('/').pop()).sort()).toEqual(ACCOUNTS[region]);
      expect(instances.map(([, i]) => i.name).sort()).toEqual(expected.map((a) => a.id.split('/').pop()).sort());
      const policyAddress = (name: string) => all(j, POLICY_TYPE).find(([, p]) => p.name === name)![0];
      for (const account of expected) {
        const name = account.id.split('/').pop()!;
        const [, instance] = instances.find(([, i]) => i.name === name)!;
        const [dataAddress, data] = Object.entries<any>(j.data.azurerm_storage_account).find(([, d]) => d.name === name)!;
        expect(data.resource_group_name).toBe(account.id.split('/')[4]);
        expect(data.provider).toBe(`azurerm.subscription-${account.id.split('/')[2]}`);
        expect(instance.storage_account_id).toBe(`\${data.azurerm_storage_account.${dataAddress}.id}`);
        expect(instance.storage_container_names).toEqual(account.containers);
        expect(instance.data_protection_backup_vault_id).toBe(ref(VAULT_TYPE, vaultAddress));
        expect(instance.backup_policy_data_lake_storage_id).toBe(ref(POLICY_TYPE, policyAddress(account.policy ?? 'daily-ltr')));
        // Role before backup: the grant on this account, then the wait on that grant, then the instance.
        const [roleAddress, role] = all(j, ROLE_TYPE).find(([, r]) => r.scope === instance.storage_account_id)!;
        expect(role.role_definition_name).toBe('Storage Account Backup Contributor');
        expect(role.principal_id).toBe(ref(VAULT_TYPE, vaultAddress, 'identity[0].principal_id'));
        const [waitAddress, wait] = all(j, 'time_sleep').find(([, w]) => w.depends_on.includes(`${ROLE_TYPE}.${roleAddress}`))!;
        expect(wait.create_duration).toBe(name === 'lakeeus2iot01' ? '600s' : '300s');
        expect(instance.depends_on).toEqual([`${ROLE_TYPE}.${roleAddress}`, `time_sleep.${waitAddress}`]);
        // Same region: the plan compares the vault's region with the account's real one.
        expect(instance.lifecycle.precondition[0].condition).toBe(
          `\${("${region}" == lower(replace(data.azurerm_storage_account.${dataAddress}.location, " ", "")))}`,
        );
        expect(instance.lifecycle.prevent_destroy).toBe(true);
      }
    });

    test('keeps its own state, and reads accounts through one provider alias per other subscription', () => {
      const j = json();
      expect(j.terraform.backend.azurerm.key).toBe(`adls-backup/lake-backup-${region}.tfstate`);
      const [main, ...aliases] = j.provider.azurerm;
      // The same registrations under azurerm 4.x and 5.x: only the namespace the backups need beyond the core.
      expect(main).toEqual({ ...REGISTRATIONS, features: [{}], subscription_id: SUB_A });
      const subscriptions = [...new Set(regionOf(region).map((a) => a.id.split('/')[2]))].sort();
      expect(subscriptions).toEqual(OTHER_SUBSCRIPTIONS[region]);
      expect(aliases.map((a: any) => a.subscription_id).sort()).toEqual(subscriptions);
      for (const a of aliases)
        expect(a).toMatchObject({ alias: `subscription-${a.subscription_id}`, resource_provider_registrations: 'none' });
    });
  });
});

describe('the per-region split', () => {
  const twoRegions = `${MINIMAL_SPEC}  - id: ${accountId('lake02')}
    region: North Europe
    containers: [raw]
  - id: ${accountId('lake03')}
    region: westeurope
    containers: [raw]
`;

  test('one stack by default, holding one vault per region, each protecting only its own region', () => {
    const stacks = synthText(twoRegions);
    expect(Object.keys(stacks)).toEqual(['adls-backup']);
    const json = stacks['adls-backup'];
    const vaults = Object.fromEntries(all(json, VAULT_TYPE).map(([address, v]) => [v.location, { address, name: v.name }]));
    expect(vaults).toEqual({
      northeurope: { address: expect.any(String), name: 'bv-adls-northeurope' },
      westeurope: { address: expect.any(String), name: 'bv-adls-westeurope' },
    });
    const vaultOf = Object.fromEntries(all(json, INSTANCE_TYPE).map(([, i]) => [i.name, i.data_protection_backup_vault_id]));
    expect(vaultOf).toEqual({
      lake01: ref(VAULT_TYPE, vaults.westeurope.address),
      lake02: ref(VAULT_TYPE, vaults.northeurope.address),
      lake03: ref(VAULT_TYPE, vaults.westeurope.address),
    });
  });

  test('stackPerRegion: a stack per region, named <stackName>-<region>', () => {
    const stacks = synthText(`${twoRegions}stackName: lakes\nstackPerRegion: true\n`);
    expect(Object.keys(stacks).sort()).toEqual(['lakes-northeurope', 'lakes-westeurope']);
    expect(all(stacks['lakes-northeurope'], INSTANCE_TYPE).map(([, i]) => i.name)).toEqual(['lake02']);
    expect(
      all(stacks['lakes-westeurope'], INSTANCE_TYPE)
        .map(([, i]) => i.name)
        .sort(),
    ).toEqual(['lake01', 'lake03']);
  });

  test('adding an account leaves every other resource as it was (stable addresses)', () => {
    const before = synthText(MINIMAL_SPEC)['adls-backup'];
    const after = synthText(`${MINIMAL_SPEC}  - id: ${accountId('lake09')}\n    region: westeurope\n    containers: [raw]\n`)[
      'adls-backup'
    ];
    // The minimal spec's one account: its vault, policy, role assignment, wait and instance, each compared below.
    expect(Object.keys(before.resource).sort()).toEqual([INSTANCE_TYPE, POLICY_TYPE, VAULT_TYPE, ROLE_TYPE, 'time_sleep']);
    expect(Object.values<any>(before.resource).flatMap((r) => Object.keys(r))).toHaveLength(5);
    for (const [type, resources] of Object.entries<any>(before.resource)) {
      for (const [address, body] of Object.entries<any>(resources)) expect(after.resource[type][address]).toEqual(body);
    }
    expect(all(after, INSTANCE_TYPE)).toHaveLength(2);
  });
});

describe('options', () => {
  test("a region's vault settings replace the fleet's, except tags, which merge", () => {
    const text = `${MINIMAL_SPEC}vaults:
  tags: { owner: data-platform, cost-center: "42" }
  softDelete: AlwaysOn
  acknowledgeIrreversible: [SoftDeleteAlwaysOn]
  regions:
    westeurope: { tags: { env: prod, owner: lake-team }, softDelete: On, acknowledgeIrreversible: [] }
`;
    const [[, vault]] = all(synthText(text)['adls-backup'], VAULT_TYPE);
    expect(vault.tags).toEqual({ owner: 'lake-team', 'cost-center': '42', env: 'prod' });
    expect(vault.soft_delete).toBe('On'); // and the fleet's acknowledgement, now stale, was replaced, not merged
  });

  test('checkAccountsAtPlan: false uses the declared region and ID as literals, with no data sources', () => {
    const json = synthText(`${MINIMAL_SPEC}checkAccountsAtPlan: false\n`)['adls-backup'];
    expect(json.data).toBeUndefined();
    const [[, instance]] = all(json, INSTANCE_TYPE);
    expect(instance.storage_account_id).toBe(accountId('lake01'));
    expect(instance.location).toBe('westeurope');
    expect(json.provider.azurerm).toEqual([{ ...REGISTRATIONS, features: [{}] }]);
  });

  test("accounts in the vaults' own subscription are read by the default provider", () => {
    const json = synthText(`${MINIMAL_SPEC}provider: { subscriptionId: ${SUB_B} }\n`)['adls-backup'];
    expect(json.provider.azurerm).toEqual([{ ...REGISTRATIONS, features: [{}], subscription_id: SUB_B }]);
    expect(Object.values<any>(json.data.azurerm_storage_account)[0].provider).toBeUndefined();
  });

  test('weekly schedules, named and custom retention rules, waits and opt-outs reach the resources', () => {
    const text = MINIMAL_SPEC.replace(
      '{ frequency: daily, time: "02:00" }',
      '{ frequency: weekly, days: [Sunday, Wednesday], time: "23:15", utcOffset: "-05:00" }',
    )
      .replace(
        'retention: { default: P30D }',
        `retention:
      default: P12W
      weekly: { keep: P26W, name: KeepSundays, daysOfWeek: [Sunday] }
      custom: [{ name: FirstOfYear, keep: P10Y, absoluteCriteria: FirstOfYear }]`,
      )
      .replace(
        'containers: [raw]',
        'containers: [raw]\n    rolePropagationWait: false\n    grantAccess: false\n    preventDestroy: false\n    instanceName: lake01-backup',
      );
    const json = synthText(text)['adls-backup'];
    const [[, policy]] = all(json, POLICY_TYPE);
    expect(policy.backup_schedule).toEqual(['R/2024-01-03T23:15:00-05:00/P1W', 'R/2024-01-07T23:15:00-05:00/P1W']);
    expect(policy.retention_rule).toEqual([
      { name: 'FirstOfYear', duration: 'P10Y', absolute_criteria: 'FirstOfYear' },
      { name: 'KeepSundays', duration: 'P26W', days_of_week: ['Sunday'] },
    ]);
    const [[, instance]] = all(json, INSTANCE_TYPE);
    expect(instance.name).toBe('lake01-backup');
    expect(instance.depends_on).toBeUndefined();
    expect(instance.lifecycle.prevent_destroy).toBeUndefined();
    expect(all(json, ROLE_TYPE)).toEqual([]);
    expect(all(json, 'time_sleep')).toEqual([]);
  });
});

describe('synth on the command line', () => {
  test('writes the cdktf layout, and replaces a previous synthesis without leaving stale stacks', () => {
    const dir = tempDir();
    const spec = writeSpec(dir, `${MINIMAL_SPEC}stackPerRegion: true\n`);
    const out = join(dir, 'out');
    const first = cli(['synth', '--config', spec, '--out', out]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`Wrote 1 stack(s) to ${out}/stacks/: adls-backup-westeurope`);
    writeSpec(dir, `${MINIMAL_SPEC}stackName: renamed\n`);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
    expect(readdirSync(join(out, 'stacks'))).toEqual(['renamed']);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks)).toEqual(['renamed']);
  });

  test('--out defaults to $CDKTF_OUTDIR, so cdktf.json can run `adls-backup synth` as its app', () => {
    const dir = tempDir();
    const out = join(dir, 'from-env');
    expect(cli(['synth', '-c', writeSpec(dir, MINIMAL_SPEC)], { CDKTF_OUTDIR: out }).code).toBe(0);
    expect(existsSync(join(out, 'stacks', 'adls-backup', 'cdk.tf.json'))).toBe(true);
  });

  test('refuses to empty a directory that is not a previous synthesis (exit 2), and leaves it alone', () => {
    const dir = tempDir();
    const out = join(dir, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const result = cli(['synth', '--config', writeSpec(dir, MINIMAL_SPEC), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${out} holds notes.txt, which synth did not write (a previous synthesis holds only manifest.json and stacks/)`,
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  test('an invalid spec leaves the previous synthesis as it was', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const spec = writeSpec(dir, MINIMAL_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
    const before = readFileSync(join(out, 'stacks', 'adls-backup', 'cdk.tf.json'), 'utf8');
    writeSpec(dir, MINIMAL_SPEC.replace('default: P30D', 'default: P3651D')); // past Azure's limit: a construct refuses it
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('policies.daily.retention.default: can be at most 3650 days');
    expect(readFileSync(join(out, 'stacks', 'adls-backup', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });

  test('a manifest.json that cdktf did not write does not make a directory disposable', () => {
    const dir = tempDir();
    const out = join(dir, 'other-tool');
    mkdirSync(join(out, 'stacks'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ manifest_version: 3 }));
    writeFileSync(join(out, 'stacks', 'notes.txt'), 'keep me');
    const result = cli(['synth', '--config', writeSpec(dir, MINIMAL_SPEC), '--out', out]);
    expect(result.code).toBe(2);
    expect(readdirSync(join(out, 'stacks'))).toEqual(['notes.txt']);
  });

  test('validate writes nothing', () => {
    const dir = tempDir();
    const spec = writeSpec(dir, MINIMAL_SPEC);
    const result = cli(['validate', '--config', spec], { CDKTF_OUTDIR: join(dir, 'out') });
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['spec.yaml']);
  });

  test('a failure that is not the input exits 1 with its message, without a stack trace', () => {
    const dir = tempDir();
    const spec = writeSpec(dir, MINIMAL_SPEC);
    const result = cli(['synth', '--config', spec, '--out', join(spec, 'out')]); // a directory inside a file
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^adls-backup: failed: .*ENOTDIR: not a directory.*\n\(set ADLS_BACKUP_DEBUG=1 to see where\)\n$/,
    );
  });
});
