import { ADLS_BACKUP_REGIONS, isAdlsBackupRegion, normalizeRegion } from '../regions';
import { isResourceIdProblem, parseResourceId, STORAGE_ACCOUNT_ID_SHAPE } from '../private/resource-id';
import { withInheritedNote } from './inherited';
import { RESERVED_SCOPE_IDS } from './scope-ids';
import { FleetSpec } from './spec';
import { tokenMarkerPaths } from './spec-text';
import { fillTemplate, planFleet, policyOf, unknownPlaceholders } from './plan-fleet';
import { echoValue, formatPath, SpecLocator, SpecProblem, SpecWarning } from './spec-problems';
import { ProblemCode } from '../private/rules/codes';

type Path = (string | number)[];
type Fail = (code: ProblemCode, path: Path, rule: string, value?: string) => void;

// The fleet names its own constructs after these words (scope-ids.ts): a region may not be one of them.
const RESERVED_REGION_RULE = "must not be a name the fleet's own objects use: no Azure region has this name";

/** The rules a JSON Schema cannot say: references between parts of the spec, uniqueness, templates. */
export function ruleProblems(spec: FleetSpec, at: SpecLocator): { errors: SpecProblem[]; warnings: SpecWarning[] } {
  const errors: SpecProblem[] = [];
  const warnings: SpecWarning[] = [];
  const fail: Fail = (code, path, rule, value) => errors.push(withInheritedNote(spec, at.problem(code, path, rule, value)));

  checkTokenMarkers(spec, fail);
  checkAccountIds(spec, fail);
  checkPolicyReferences(spec, fail);
  checkSchedules(spec, fail);
  checkUniqueAccounts(spec, at, fail);
  checkTemplates(spec, fail);
  checkRegions(spec, fail);
  if (errors.length > 0) return { errors, warnings };

  const plan = planFleet(spec);
  checkVaultsDiffer(plan.regions, fail);
  checkInstanceNames(plan.regions, at, fail);
  const used = new Set(plan.regions.map((r) => r.region));
  for (const region of Object.keys(spec.vaults?.regions ?? {})) {
    if (RESERVED_SCOPE_IDS.includes(region)) {
      errors.push(at.problem('ADLSBK-REGION', ['vaults', 'regions', region], RESERVED_REGION_RULE, echoValue(region), 'key'));
    } else if (!used.has(region)) {
      warnings.push(at.warning(['vaults', 'regions', region], 'has no account in this region: the override is unused', 'key'));
    }
  }
  return { errors, warnings };
}

function checkPolicyReferences(spec: FleetSpec, fail: Fail): void {
  const names = Object.keys(spec.policies);
  const known = `one of the policies: ${names.join(', ')}`;
  const wanted = spec.defaults?.policy;
  if (wanted !== undefined && !names.includes(wanted)) {
    fail('ADLSBK-SPEC-POLICY-REFERENCE', ['defaults', 'policy'], `must name ${known}`, echoValue(wanted));
  }
  spec.accounts.forEach((account, i) => {
    if (account.policy !== undefined && !names.includes(account.policy)) {
      fail('ADLSBK-SPEC-POLICY-REFERENCE', ['accounts', i, 'policy'], `must name ${known}`, echoValue(account.policy));
    } else if (policyOf(spec, account) === undefined) {
      fail(
        'ADLSBK-SPEC-POLICY-REFERENCE',
        ['accounts', i],
        `names no \`policy\`, and the spec has ${names.length} policies and no \`defaults.policy\``,
      );
    }
  });
}

function checkTokenMarkers(spec: FleetSpec, fail: Fail): void {
  for (const path of tokenMarkerPaths(spec)) {
    fail(
      'ADLSBK-TERRAFORM-TOKEN',
      path,
      'holds a cdktf token marker (TfToken[...]), which cdktf would resolve as a reference to another object: spec strings are data, so write the value itself',
    );
  }
}

// Every segment of an account's ID becomes part of the output (a provider alias per subscription, the data
// source's resource group): each is checked, so that `..`, quotes or a newline never reach it.
function checkAccountIds(spec: FleetSpec, fail: Fail): void {
  spec.accounts.forEach((account, i) => {
    const parsed = parseResourceId(account.id, STORAGE_ACCOUNT_ID_SHAPE);
    if (isResourceIdProblem(parsed)) fail('ADLSBK-RESOURCE-ID', ['accounts', i, 'id'], parsed.problem, echoValue(account.id));
  });
}

// The support list is of 2025-11-18 and Azure adds regions: an unlisted one is refused unless named on purpose.
function checkRegions(spec: FleetSpec, fail: Fail): void {
  const allowed = spec.defaults?.allowUnlistedRegions ?? [];
  spec.accounts.forEach((account, i) => {
    const region = normalizeRegion(account.region);
    if (RESERVED_SCOPE_IDS.includes(region)) {
      fail('ADLSBK-REGION', ['accounts', i, 'region'], RESERVED_REGION_RULE, echoValue(account.region));
      return;
    }
    if (isAdlsBackupRegion(region) || allowed.includes(region)) return;
    fail(
      'ADLSBK-REGION-UNSUPPORTED',
      ['accounts', i, 'region'],
      `must be a region where Azure Backup supports ADLS vaulted backup (${ADLS_BACKUP_REGIONS.map(normalizeRegion).join(', ')}); add ${echoValue(region)} to \`defaults.allowUnlistedRegions\` if Azure has added it since`,
      echoValue(account.region),
    );
  });
}

function checkSchedules(spec: FleetSpec, fail: Fail): void {
  for (const [name, policy] of Object.entries(spec.policies)) {
    if (policy.schedule.frequency === 'daily' && policy.schedule.days !== undefined) {
      fail(
        'ADLSBK-CONFLICT',
        ['policies', name, 'schedule', 'days'],
        'is only for weekly schedules: a daily schedule runs every day',
      );
    }
  }
}

// ARM IDs compare case-insensitively, and storage account names are globally unique: the same name twice is the
// same account (or a typo), and Azure allows one backup instance per account.
function checkUniqueAccounts(spec: FleetSpec, at: SpecLocator, fail: Fail): void {
  const seen = new Map<string, number>();
  spec.accounts.forEach((account, i) => {
    const name = account.id.split('/').pop()!.toLowerCase();
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      return;
    }
    const where = accountAt(at, first);
    const same = spec.accounts[first].id.toLowerCase() === account.id.toLowerCase();
    fail(
      'ADLSBK-ACCOUNT-PROTECTED-TWICE',
      ['accounts', i, 'id'],
      same
        ? `protects the same account as ${where}: Azure allows one backup instance per account`
        : `has the same account name as ${where}, and storage account names are globally unique`,
      echoValue(account.id),
    );
  });
}

function checkTemplates(spec: FleetSpec, fail: Fail): void {
  const vaultTemplates: [Path, string | undefined][] = [
    [['vaults', 'name'], spec.vaults?.name],
    [['vaults', 'resourceGroupName'], spec.vaults?.resourceGroupName],
    ...Object.entries(spec.vaults?.regions ?? {}).flatMap(([region, s]): [Path, string | undefined][] => [
      [['vaults', 'regions', region, 'name'], s.name],
      [['vaults', 'regions', region, 'resourceGroupName'], s.resourceGroupName],
    ]),
  ];
  for (const [path, template] of vaultTemplates) {
    if (template === undefined) continue;
    const unknown = unknownPlaceholders(template, ['region']);
    if (unknown.length > 0) fail('ADLSBK-SPEC-TEMPLATE', path, 'may only use the placeholder {region}', echoValue(template));
  }
  const key = spec.backend?.azurerm.key;
  if (key === undefined) return;
  if (unknownPlaceholders(key, ['stack']).length > 0) {
    fail('ADLSBK-SPEC-TEMPLATE', ['backend', 'azurerm', 'key'], 'may only use the placeholder {stack}', echoValue(key));
  } else if (spec.stackPerRegion && fillTemplate(key, { stack: 'x' }) === key) {
    fail(
      'ADLSBK-SPEC-TEMPLATE',
      ['backend', 'azurerm', 'key'],
      "must contain {stack} when `stackPerRegion` is true, or every region's stack would share one state",
      echoValue(key),
    );
  }
}

// Two regions resolving to one vault name in one resource group would be one vault in two regions; a resource
// group the spec creates can only be created in one region.
function checkVaultsDiffer(regions: ReturnType<typeof planFleet>['regions'], fail: Fail): void {
  const seen = new Map<string, string>();
  const created = new Map<string, string>();
  for (const r of regions) {
    if (r.vault.createResourceGroup) {
      const group = r.vault.resourceGroupName.toLowerCase();
      const other = created.get(group);
      if (other !== undefined) {
        fail(
          'ADLSBK-SPEC-COLLISION',
          ['vaults', 'resourceGroupName'],
          `must give each region its own resource group when \`createResourceGroup\` is true (put {region} in it): ${other} and ${r.region} would both create "${r.vault.resourceGroupName}"`,
        );
      }
      created.set(group, r.region);
    }
    const key = `${r.vault.resourceGroupName.toLowerCase()}/${r.vault.name.toLowerCase()}`;
    const other = seen.get(key);
    if (other !== undefined) {
      fail(
        'ADLSBK-SPEC-COLLISION',
        ['vaults', 'name'],
        `must give each region its own vault (put {region} in the name or the resource group): ${other} and ${r.region} both get vault "${r.vault.name}" in resource group "${r.vault.resourceGroupName}"`,
      );
    }
    seen.set(key, r.region);
  }
}

function checkInstanceNames(regions: ReturnType<typeof planFleet>['regions'], at: SpecLocator, fail: Fail): void {
  for (const r of regions) {
    const seen = new Map<string, number>();
    for (const a of r.accounts) {
      const name = (a.spec.instanceName ?? a.name).toLowerCase();
      const first = seen.get(name);
      if (first !== undefined) {
        fail(
          'ADLSBK-SPEC-COLLISION',
          ['accounts', a.index, 'instanceName'],
          `must be unique in the ${r.region} vault: ${accountAt(at, first)} already uses it`,
          echoValue(a.spec.instanceName ?? a.name),
        );
      }
      seen.set(name, a.index);
    }
  }
}

// `accounts[0] (line 7)`: an account that another one repeats, as a reader finds it in the file.
function accountAt(at: SpecLocator, index: number): string {
  const { line } = at.locate(['accounts', index]);
  return `${formatPath(['accounts', index])}${line === undefined ? '' : ` (line ${line})`}`;
}
