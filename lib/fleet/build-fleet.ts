import { App, AzurermBackend, LocalBackend, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DataAzurermStorageAccount } from '../azurerm/generated/data-azurerm-storage-account';
import { AzurermProvider } from '../azurerm/generated/provider-azurerm';
import { ResourceGroup } from '../azurerm/generated/resource-group';
import { DataLakeBackup } from '../data-lake-backup';
import { Duration } from '../duration';
import { BackupConfigError, Problem } from '../errors';
import { ProblemCode } from '../private/rules/codes';
import { IrreversibleSetting } from '../irreversible-settings';
import { DataLakeBackupPolicy } from '../policy';
import { DataLakeStorageAccount } from '../storage-account';
import { BackupVault, Immutability, Redundancy, SoftDelete } from '../vault';
import { LoadedSpec } from './load-spec';
import { fillTemplate, FleetPlan, PlannedAccount, PlannedRegion, planFleet } from './plan-fleet';
import { FleetSpec } from './spec';
import { PROVIDER_ID } from './scope-ids';
import { echoValue, formatPath, SpecError, SpecLocator, SpecProblem } from './spec-problems';
import { inheritedNote } from './inherited';
import { literalTags } from './spec-text';
import { retentionDuration, retentionRulesOf, scheduleOf, waitDuration } from './spec-values';

type Path = (string | number)[];

/** The stacks built from a spec, and which spec element each construct came from (for messages). */
export interface BuiltFleet {
  readonly plan: FleetPlan;
  readonly stacks: readonly TerraformStack[];
  /** The spec path each vault, policy and backup was built from. */
  /** The spec path (`['accounts', 3]`) each construct was built from. */
  readonly origins: ReadonlyMap<IConstruct, readonly (string | number)[]>;
}

/**
 * Builds the fleet into `app` with the library's own constructs: per region a vault, every policy of the spec
 * in it, and a backup of each account. Library refusals become `SpecError`s located at the spec element.
 */
export function buildFleet(app: App, loaded: LoadedSpec): BuiltFleet {
  const { spec } = loaded;
  const plan = planFleet(spec);
  const problems: SpecProblem[] = [];
  const origins = new Map<IConstruct, Path>();
  const reported = new Set<string>();
  // A setting every account inherits from `defaults` breaks the same rule for each of them: one problem at the
  // defaults line, with the number of accounts, instead of one per account.
  const inherited = new Map<string, { path: Path; problem: Problem; accounts: number }>();
  // One policy error would repeat for every region: report each spec element once.
  const attempt: Attempt = (element, make, sourceOf) => {
    try {
      const made = make();
      if (Construct.isConstruct(made)) origins.set(made, element.path);
      return made;
    } catch (e) {
      if (!BackupConfigError.isBackupConfigError(e)) throw e;
      const key = JSON.stringify(element.path);
      for (const p of e.problems) {
        const source = sourceOf?.(topField(p.path));
        if (source !== undefined) {
          const entry = inherited.get(JSON.stringify([source, p.code, p.rule])) ?? { path: source, problem: p, accounts: 0 };
          entry.accounts += 1;
          inherited.set(JSON.stringify([source, p.code, p.rule]), entry);
        } else if (!reported.has(key)) {
          const { path, rule, value } = inSpecPlace(element, p, e.where, loaded.locator, loaded.spec);
          problems.push(loaded.locator.problem(p.code as ProblemCode, path, rule, value, 'key'));
        }
      }
      reported.add(key);
      return undefined;
    }
  };

  const stacks = plan.stackNames.map((name) => new FleetStack(app, name, spec));
  for (const region of plan.regions) {
    const stack = stacks[plan.stackNames.indexOf(region.stackName)];
    buildRegion(stack, region, spec, attempt);
  }
  for (const { path, problem, accounts } of inherited.values()) {
    const located = loaded.locator.problem(problem.code as ProblemCode, path, inSpecTerms(problem.rule), problem.value);
    problems.push({ ...located, note: inheritedNote(accounts) });
  }
  if (problems.length > 0) throw new SpecError(loaded.file, problems);
  return { plan, stacks, origins };
}

/** The resource provider namespaces the fleet's resources need registered in the vaults' subscription. */
const RESOURCE_PROVIDERS_TO_REGISTER = ['Microsoft.DataProtection'] as const;

/** One Terraform state: the azurerm provider, the optional remote backend, and the aliases that read accounts. */
class FleetStack extends TerraformStack {
  private readonly readers = new Map<string, AzurermProvider | undefined>();

  constructor(
    scope: Construct,
    name: string,
    private readonly spec: FleetSpec,
  ) {
    super(scope, name);
    const subscriptionId = spec.provider?.subscriptionId;
    new AzurermProvider(this, PROVIDER_ID, {
      features: [{}],
      subscriptionId,
      // The same registrations in azurerm 4.x and 5.x: 4.x registers dozens of namespaces by default ("legacy"),
      // 5.x none; the stack needs only Microsoft.DataProtection beyond the always-registered core (Storage,
      // Authorization, Resources). The provider registers it only where it is not registered yet.
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: [...RESOURCE_PROVIDERS_TO_REGISTER],
    });
    const backend = spec.backend?.azurerm;
    if (!backend) {
      // cdktf's default local state is `<working directory>/terraform.<stack>.tfstate`, written as an absolute
      // path, so the output differed by where synth ran. The same file, relative to the stack's folder (where
      // Terraform runs: --out/stacks/<stack>), is beside --out, as cdktf puts it for `cdktf.out`.
      new LocalBackend(this, { path: `../../../terraform.${name}.tfstate` });
    } else {
      // Unlike resource arguments, a backend block's strings are not templates: Terraform 1.11 reads
      // `"path": "$${x}.tfstate"` as the file `$${x}.tfstate` and `${x}` as itself. So they are written unescaped.
      new AzurermBackend(this, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: fillTemplate(backend.key, { stack: name }),
        subscriptionId: backend.subscriptionId,
        useAzureadAuth: backend.useAzureadAuth,
      });
    }
  }

  /**
   * The provider that reads accounts of `subscriptionId`: the default one when it is the vaults' subscription,
   * else an alias per subscription (a data source reads only its provider's subscription). Aliases register no
   * resource providers: they only read.
   */
  public readerFor(subscriptionId: string): AzurermProvider | undefined {
    if (subscriptionId.toLowerCase() === this.spec.provider?.subscriptionId?.toLowerCase()) return undefined;
    const key = subscriptionId.toLowerCase();
    if (!this.readers.has(key)) {
      this.readers.set(
        key,
        new AzurermProvider(this, `${PROVIDER_ID}-${key}`, {
          alias: `subscription-${key}`,
          subscriptionId,
          features: [{}],
          resourceProviderRegistrations: 'none',
        }),
      );
    }
    return this.readers.get(key);
  }
}

// The constructs speak TypeScript; a spec author writes `acknowledgeIrreversible: [ImmutabilityLocked]`.
export function inSpecTerms(message: string): string {
  return message
    .replace(
      /IrreversibleSetting\.([A-Z_]+)/g,
      (whole, key: string) => IrreversibleSetting[key as keyof typeof IrreversibleSetting] ?? whole,
    )
    .replace(/`softDeleteRetention`/g, '`softDeleteRetentionDays`')
    .replace(/`allowUnlistedRegion`/g, '`defaults.allowUnlistedRegions`');
}

/**
 * Builds one object from the spec element `element`, recording the library's refusal located there. `sourceOf`
 * says which problems belong to a setting inherited from elsewhere (a prop name → the spec path it came from).
 */
type Attempt = <T>(element: SpecElement, make: () => T, sourceOf?: (field: string) => Path | undefined) => T | undefined;

/** A part of the spec one construct is built from, and which kind of construct. */
interface SpecElement {
  readonly path: Path;
  readonly kind: 'vault' | 'policy' | 'account';
  /** Other places the construct's settings come from, after `path`: `vaults` for a region's override. */
  readonly alternatives?: readonly Path[];
}

// Where a construct's prop stands in the spec element it was built from, when it stands there under a name of its
// own: `softDeleteRetention` is the vault's `softDeleteRetentionDays`, a backup's `name` the account's
// `instanceName`. A prop missing here (a policy's retention rules, which the spec writes in another shape) is
// located at the element, and the rule says which prop.
const SPEC_FIELDS: Readonly<Record<SpecElement['kind'], Readonly<Record<string, Path>>>> = {
  vault: {
    name: ['name'],
    resourceGroupName: ['resourceGroupName'],
    redundancy: ['redundancy'],
    softDelete: ['softDelete'],
    softDeleteRetention: ['softDeleteRetentionDays'],
    immutability: ['immutability'],
    crossRegionRestore: ['crossRegionRestore'],
    acknowledgeIrreversible: ['acknowledgeIrreversible'],
    tags: ['tags'],
  },
  policy: { timeZone: ['timeZone'], schedule: ['schedule'], defaultRetention: ['retention', 'default'] },
  account: {
    containers: ['containers'],
    name: ['instanceName'],
    rolePropagationWait: ['rolePropagationWait'],
    'storageAccount.location': ['region'],
    storageAccount: ['id'],
  },
};

// A value object's props where the spec writes them, relative to the policy: a schedule's time of day is
// `schedule.time`, a named retention rule's duration its `keep` (or the rule itself, written as a duration).
const SCHEDULE_FIELDS: Readonly<Record<string, Path>> = {
  hour: ['schedule', 'time'],
  minute: ['schedule', 'time'],
  utcOffset: ['schedule', 'utcOffset'],
  days: ['schedule', 'days'],
};

function namedRuleFields(...rule: Path): Readonly<Record<string, Path>> {
  const at = (...rest: Path) => ['retention', ...rule, ...rest];
  return {
    duration: at('keep'),
    name: at('name'),
    daysOfWeek: at('daysOfWeek'),
    weeksOfMonth: at('weeksOfMonth'),
    monthsOfYear: at('monthsOfYear'),
  };
}

// A custom rule's props where the spec writes them: `retention.custom[i]` (spec-values.ts names the rule so).
function customRuleFields(index: number): Readonly<Record<string, Path>> {
  const rule: Path = ['retention', 'custom', index];
  return {
    ...namedRuleFields('custom', index),
    absoluteCriteria: [...rule, 'absoluteCriteria'],
    scheduledBackupTimes: [...rule, 'scheduledBackupTimes'],
  };
}

// The table for a problem of `where` (the construct or value object that refused it) built from `element`.
function fieldsFor(element: SpecElement, where: string | undefined): Readonly<Record<string, Path>> {
  if (where?.startsWith('BackupSchedule.')) return SCHEDULE_FIELDS;
  const named = /^RetentionRule\.(weekly|monthly|yearly)$/.exec(where ?? '');
  if (named) return namedRuleFields(named[1]);
  const custom = /^RetentionRule\.custom\[(\d+)\]$/.exec(where ?? '');
  if (custom) return customRuleFields(Number(custom[1]));
  return SPEC_FIELDS[element.kind];
}

/**
 * Where a library problem stands in the spec: the field it is about, under the first of the element's places that
 * writes it (a region's override, else `vaults`), as far as the spec writes it; and the value shown as the spec
 * writes it there (`"P3651D"`, not the construct's `"3651 days"`). A prop the spec does not write under a name of
 * its own is located at the element, and the rule names the prop.
 */
function inSpecPlace(
  element: SpecElement,
  p: Problem,
  where: string | undefined,
  located: SpecLocator,
  spec: unknown,
): { path: Path; rule: string; value?: string } {
  const fields = fieldsFor(element, where);
  const top = Object.hasOwn(fields, p.path) ? p.path : topField(p.path);
  if (!Object.hasOwn(fields, top)) {
    const prefix = where === undefined ? '' : `${where.replace(/ '.*'$/, '')}: `;
    return { path: element.path, rule: inSpecTerms(`${prefix}\`${p.path}\` ${p.rule}`), value: p.value };
  }
  const rest = p.path.slice(top.length).match(/\[\d+\]|\.[^.[]+|\["[^"]*"\]/g) ?? [];
  const segments = rest.map((s) =>
    s.startsWith('[') && !s.startsWith('["') ? Number(s.slice(1, -1)) : s.replace(/^\.|^\["|"\]$/g, ''),
  );
  const roots = [element.path, ...(element.alternatives ?? [])];
  const full = roots.map((root) => [...root, ...fields[top], ...segments]);
  // The place that writes the whole path, else the one that writes most of it (a rule given as a duration where
  // its `keep` is meant), else the element's own.
  const path =
    full.find((candidate) => valueAt(spec, candidate) !== undefined) ??
    full.map((candidate, i) => written(spec, candidate, roots[i].length + 1)).find((c) => c !== undefined) ??
    full[0];
  const there = valueAt(spec, path);
  // A field missing from a mapping the spec writes is named in the rule (`absoluteCriteria` of a custom rule); a
  // rule written as a duration where its `keep` is meant is the duration itself.
  const unwritten =
    typeof there === 'object' ? full.find((candidate) => candidate.length > path.length && isPrefix(path, candidate)) : undefined;
  const rule = unwritten ? `\`${formatPath(unwritten.slice(path.length))}\` ${p.rule}` : p.rule;
  // A template (`bv-{region}`) is shown as the construct received it, filled in: that is what broke the rule.
  const isScalar = (typeof there === 'string' && !there.includes('{')) || typeof there === 'number' || typeof there === 'boolean';
  return {
    path,
    rule: inSpecTerms(rule),
    value: isScalar || unwritten ? echoValue(there, typeof there === 'number' ? located.written(path) : undefined) : p.value,
  };
}

const isPrefix = (prefix: Path, path: Path) => prefix.every((segment, i) => path[i] === segment);

// The longest part of `path` the spec writes, when it is at least `minimum` segments long.
function written(spec: unknown, path: Path, minimum: number): Path | undefined {
  for (let n = path.length; n >= minimum; n--) {
    if (valueAt(spec, path.slice(0, n)) !== undefined) return path.slice(0, n);
  }
  return undefined;
}

function valueAt(spec: unknown, path: Path): unknown {
  let node = spec;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

// The prop a library problem is about: `rolePropagationWait` of `rolePropagationWait`, `containers` of `containers[2]`.
function topField(path: string): string {
  return /^[^[.]+/.exec(path)?.[0] ?? path;
}

function buildRegion(stack: FleetStack, region: PlannedRegion, spec: FleetSpec, attempt: Attempt): void {
  const scope = new Construct(stack, region.region);
  const settings = region.vault;
  const regions = spec.vaults?.regions;
  const overridden = regions !== undefined && Object.hasOwn(regions, region.region);
  const vaultElement: SpecElement = overridden
    ? { path: ['vaults', 'regions', region.region], kind: 'vault', alternatives: [['vaults']] }
    : { path: ['vaults'], kind: 'vault' };
  const group = settings.createResourceGroup
    ? new ResourceGroup(scope, 'ResourceGroup', {
        name: settings.resourceGroupName,
        location: region.region,
        tags: literalTags(settings.tags),
      })
    : undefined;
  const vault = attempt(
    vaultElement,
    () =>
      new BackupVault(scope, 'Vault', {
        name: settings.name,
        resourceGroupName: group?.name ?? settings.resourceGroupName,
        location: region.region,
        redundancy: settings.redundancy as Redundancy | undefined,
        softDelete: settings.softDelete as SoftDelete | undefined,
        softDeleteRetention:
          settings.softDeleteRetentionDays === undefined ? undefined : Duration.days(settings.softDeleteRetentionDays),
        immutability: settings.immutability as Immutability | undefined,
        crossRegionRestore: settings.crossRegionRestore,
        acknowledgeIrreversible: settings.acknowledgeIrreversible as IrreversibleSetting[] | undefined,
        preventDestroy: settings.preventDestroy,
        deletionLock: settings.deletionLock,
        tags: literalTags(settings.tags),
      }),
  );
  if (!vault) return;

  // Every policy goes into every regional vault, used or not: a policy that soft-deleted backups still point at
  // cannot be deleted, so creating policies only where accounts use them would fail when the last one leaves.
  const policies = new Map<string, DataLakeBackupPolicy | undefined>();
  for (const [name, policy] of Object.entries(spec.policies)) {
    policies.set(
      name,
      attempt(
        { path: ['policies', name], kind: 'policy' },
        () =>
          new DataLakeBackupPolicy(scope, `Policy-${name}`, {
            vault,
            name,
            schedule: scheduleOf(policy),
            timeZone: policy.timeZone,
            defaultRetention: retentionDuration(policy.retention.default),
            retentionRules: retentionRulesOf(policy.retention),
          }),
      ),
    );
  }

  const checkAtPlan = spec.checkAccountsAtPlan ?? true;
  for (const account of region.accounts) {
    const policy = policies.get(account.policy!);
    if (!policy) continue; // its policy was refused, and reported
    attempt(
      { path: ['accounts', account.index], kind: 'account' },
      () =>
        new DataLakeBackup(scope, `Backup-${account.name}`, {
          vault,
          policy,
          storageAccount: checkAtPlan
            ? readAccount(scope, stack, account)
            : DataLakeStorageAccount.fromAttributes({
                storageAccountId: account.spec.id,
                location: region.region,
              }),
          containers: account.spec.containers,
          name: account.spec.instanceName,
          rolePropagationWait: waitDuration(account.spec.rolePropagationWait ?? spec.defaults?.rolePropagationWait),
          grantAccess: account.spec.grantAccess,
          preventDestroy: account.spec.preventDestroy,
          allowUnlistedRegion: spec.defaults?.allowUnlistedRegions?.includes(region.region),
        }),
      (field) =>
        field === 'rolePropagationWait' &&
        account.spec.rolePropagationWait === undefined &&
        spec.defaults?.rolePropagationWait !== undefined
          ? ['defaults', 'rolePropagationWait']
          : undefined,
    );
  }
}

// A data source makes `terraform plan` read the account, so a wrong region or a non-ADLS account stops the plan
// (the library turns its attributes into preconditions) instead of failing the apply halfway.
function readAccount(scope: Construct, stack: FleetStack, account: PlannedAccount): DataLakeStorageAccount {
  const data = new DataAzurermStorageAccount(scope, `Account-${account.name}`, {
    name: account.name,
    resourceGroupName: account.resourceGroupName,
    provider: stack.readerFor(account.subscriptionId),
  });
  return DataLakeStorageAccount.fromDataSource(data);
}
