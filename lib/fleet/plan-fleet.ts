import { isResourceIdProblem, parseResourceId, STORAGE_ACCOUNT_ID_SHAPE } from '../private/resource-id';
import { normalizeRegion } from '../regions';
import { AccountSpec, FleetSpec, VaultSettingsSpec } from './spec';

const DEFAULT_STACK_NAME = 'adls-backup';
const DEFAULT_VAULT_NAME = 'bv-adls-{region}';
const DEFAULT_RESOURCE_GROUP = 'rg-backup-{region}';

/** One account of the spec, with where it sits in the document and the policy it resolves to. */
export interface PlannedAccount {
  readonly index: number;
  readonly spec: AccountSpec;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** Undefined when the spec does not say (a rule reports that). */
  readonly policy?: string;
}

/** One region: its vault (settings merged, templates filled in) and the accounts it protects. */
export interface PlannedRegion {
  readonly region: string;
  readonly stackName: string;
  readonly vault: VaultSettingsSpec & { readonly name: string; readonly resourceGroupName: string };
  readonly accounts: readonly PlannedAccount[];
}

/** What the fleet becomes: regions in a stable order, each assigned to a stack. */
export interface FleetPlan {
  readonly stackNames: readonly string[];
  readonly regions: readonly PlannedRegion[];
}

/** Groups accounts by region (one vault per region: the vault must be in its accounts' region). */
export function planFleet(spec: FleetSpec): FleetPlan {
  const byRegion = new Map<string, PlannedAccount[]>();
  spec.accounts.forEach((account, index) => {
    const region = normalizeRegion(account.region);
    // The rules have refused an ID that does not parse; the empty segments only keep a direct caller from crashing.
    const parsed = parseResourceId(account.id, STORAGE_ACCOUNT_ID_SHAPE);
    const { subscriptionId, resourceGroupName, name } = isResourceIdProblem(parsed)
      ? { subscriptionId: '', resourceGroupName: '', name: '' }
      : parsed;
    const list = byRegion.get(region) ?? [];
    list.push({ index, spec: account, name, subscriptionId, resourceGroupName, policy: policyOf(spec, account) });
    byRegion.set(region, list);
  });
  const base = spec.stackName ?? DEFAULT_STACK_NAME;
  const regions = [...byRegion.keys()].sort().map((region) => ({
    region,
    stackName: spec.stackPerRegion ? `${base}-${region}` : base,
    vault: vaultSettingsFor(spec, region),
    accounts: byRegion.get(region)!,
  }));
  return { stackNames: [...new Set(regions.map((r) => r.stackName))], regions };
}

/** The account's policy: its own, else `defaults.policy`, else the only policy of the spec. */
export function policyOf(spec: FleetSpec, account: AccountSpec): string | undefined {
  const names = Object.keys(spec.policies);
  return account.policy ?? spec.defaults?.policy ?? (names.length === 1 ? names[0] : undefined);
}

/**
 * The fleet-wide vault settings, overridden by the region's own, with `{region}` filled in. Tags merge (a region
 * adds or overrides keys); every other setting, `acknowledgeIrreversible` included, is replaced whole, since an
 * acknowledgement must match the settings of its own vault.
 */
function vaultSettingsFor(spec: FleetSpec, region: string): PlannedRegion['vault'] {
  const { regions, ...shared } = spec.vaults ?? {};
  // An own property only: a region named like an Object member ("constructor") must not read the member.
  const own = (regions && Object.hasOwn(regions, region) ? regions[region] : undefined) ?? {};
  const tags = shared.tags || own.tags ? { ...shared.tags, ...own.tags } : undefined;
  const merged: VaultSettingsSpec = { ...shared, ...own, tags };
  return {
    ...merged,
    name: fillTemplate(merged.name ?? DEFAULT_VAULT_NAME, { region }),
    resourceGroupName: fillTemplate(merged.resourceGroupName ?? DEFAULT_RESOURCE_GROUP, { region }),
  };
}

/** Replaces `{name}` placeholders; unknown ones are left for `unknownPlaceholders` to report. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Placeholders in `template` other than `allowed`. */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...template.matchAll(/\{(\w*)\}/g)].map((m) => m[1]).filter((k) => !allowed.includes(k));
}
