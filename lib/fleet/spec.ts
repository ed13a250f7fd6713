// The fleet spec as TypeScript sees it once the JSON Schema has accepted it. The schema is built by spec-schema.ts
// from the library's rules (and published as fleet-spec.schema.json); test/spec-schema-types.test.ts holds these
// types to it: the same properties, optional where the schema does not require them, of the same kinds. Field
// documentation lives in the schema, where editors show it while the spec is written.

export type RetentionDurationText = string; // P30D, P12W, P12M, P10Y
export type WaitText = string | false; // PT5M, or false for no wait

export interface VaultSettingsSpec {
  readonly name?: string;
  readonly resourceGroupName?: string;
  readonly createResourceGroup?: boolean;
  readonly redundancy?: string;
  readonly softDelete?: string;
  readonly softDeleteRetentionDays?: number;
  readonly immutability?: string;
  readonly crossRegionRestore?: boolean;
  readonly acknowledgeIrreversible?: string[];
  readonly preventDestroy?: boolean;
  readonly deletionLock?: boolean;
  readonly tags?: Record<string, string>;
}

export interface VaultsSpec extends VaultSettingsSpec {
  readonly regions?: Record<string, VaultSettingsSpec>;
}

export interface ScheduleSpec {
  readonly frequency: 'daily' | 'weekly';
  readonly time: string;
  readonly days?: string[];
  readonly utcOffset?: string;
}

export interface NamedRuleSpec {
  readonly keep: RetentionDurationText;
  readonly name?: string;
  readonly daysOfWeek?: string[];
  readonly weeksOfMonth?: string[];
  readonly monthsOfYear?: string[];
}

export interface CustomRuleSpec {
  readonly name: string;
  readonly keep: RetentionDurationText;
  readonly absoluteCriteria?: string;
  readonly daysOfWeek?: string[];
  readonly weeksOfMonth?: string[];
  readonly monthsOfYear?: string[];
  readonly scheduledBackupTimes?: string[];
}

export interface RetentionSpec {
  readonly default: RetentionDurationText;
  readonly weekly?: RetentionDurationText | NamedRuleSpec;
  readonly monthly?: RetentionDurationText | NamedRuleSpec;
  readonly yearly?: RetentionDurationText | NamedRuleSpec;
  readonly custom?: CustomRuleSpec[];
}

export interface PolicySpec {
  readonly schedule: ScheduleSpec;
  readonly timeZone?: string;
  readonly retention: RetentionSpec;
}

export interface AccountSpec {
  readonly id: string;
  readonly region: string;
  readonly containers: string[];
  readonly policy?: string;
  readonly instanceName?: string;
  readonly rolePropagationWait?: WaitText;
  readonly grantAccess?: boolean;
  readonly preventDestroy?: boolean;
}

export interface AzurermBackendSpec {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  readonly key: string;
  readonly subscriptionId?: string;
  readonly useAzureadAuth?: boolean;
}

export interface FleetSpec {
  readonly version: 1;
  readonly stackName?: string;
  readonly stackPerRegion?: boolean;
  readonly provider?: { readonly subscriptionId?: string };
  readonly backend?: { readonly azurerm: AzurermBackendSpec };
  readonly checkAccountsAtPlan?: boolean;
  readonly vaults?: VaultsSpec;
  readonly policies: Record<string, PolicySpec>;
  readonly defaults?: {
    readonly policy?: string;
    readonly rolePropagationWait?: WaitText;
    readonly allowUnlistedRegions?: string[];
  };
  readonly accounts: AccountSpec[];
}
