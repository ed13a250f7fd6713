// The JSON report: what `--format json` prints (described by report.schema.json), and what the markdown renders.
import type { ChangesReport } from '../changes';
import type { Finding } from '../findings';
import type { Interpolation } from '../interpolations';
import type { AccountVia, OrderingNode } from '../model';

/**
 * The version of the JSON report's format (report.schema.json): raised when a field is added, changes or goes.
 * 2 added `findings`; every field of 1 is still there and means the same.
 */
export const REPORT_SCHEMA_VERSION = 2;

/** The whole review, as `--format json` prints it. */
export interface ReviewReport {
  /** The version of this format: `REPORT_SCHEMA_VERSION`. */
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The stacks the manifest lists, by name. */
  readonly stacks: readonly {
    /** The stack's name. */
    readonly name: string;
    /** The stack file, relative to the output directory (`stacks/<name>/cdk.tf.json`). */
    readonly file: string;
  }[];
  /** The counts the report starts with. */
  readonly summary: ReviewSummary;
  /** Present when a base was given. */
  readonly changes?: ChangesReport;
  /**
   * Every finding, in report order: the `interpolations`' first, then each vault's in the order of `vaults`. Each
   * has its stable code, its severity, its sentence, and where it applies. The markdown prints these; `warnings`,
   * `vaults[].warnings` and `interpolations[].message` (from version 1) hold the same sentences.
   */
  readonly findings: readonly Finding[];
  /**
   * Names and tags that Terraform evaluates as expressions at plan (`${file(…)}`, `${timestamp()}`, `%{ for … }`),
   * by stack, address and attribute; one reference to a block of the same stack is not listed (see
   * `interpolations.ts` for what is checked). Each counts in `summary.warnings`.
   */
  readonly interpolations: readonly InterpolationReport[];
  /** Sorted by stack, name, resource group. */
  readonly vaults: readonly VaultReport[];
  /** Storage Account Backup Contributor grants whose vault cannot be told (e.g. a literal principal of no known vault). */
  readonly otherGrants: readonly GrantReport[];
  /**
   * The messages of every vault's `findings`, in report order (the `interpolations`' are listed apart: they belong
   * to no vault).
   */
  readonly warnings: readonly WarningReport[];
}

/** The report's counts. */
export interface ReviewSummary {
  /** Vaults, those outside the configuration included. */
  readonly vaults: number;
  /** Policies of all vaults. */
  readonly policies: number;
  /** Backup instances of all vaults. */
  readonly protectedAccounts: number;
  /** Restore grants of all vaults. */
  readonly restoreGrants: number;
  /** The `findings`: the vaults' warnings and the `interpolations`. */
  readonly warnings: number;
}

/** A deletion lock on a vault. */
export interface DeletionLockReport {
  /** The lock's name. */
  readonly name: string;
  /** `CanNotDelete` or `ReadOnly`. */
  readonly level: string;
  /** The lock's stack. */
  readonly stack: string;
  /** The lock's address. */
  readonly address: string;
  /** Whether the lock has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
}

/** One vault, with its settings, policies, protected accounts, restore grants, ordering and warnings. */
export interface VaultReport {
  /** The vault's name. */
  readonly name: string;
  /** Identity across stacks and base: `<name> in <resource group>`, or the vault ID for a vault outside. */
  readonly key: string;
  /** The stack that declares it; for a vault outside the configuration, the stacks that use it. */
  readonly stack: string;
  /** The vault resource's address (not for a vault outside the configuration). */
  readonly address?: string;
  /** A vault referenced by ID (or an expression): its settings are not in this configuration. */
  readonly outsideConfiguration: boolean;
  /** The literal ID an outside vault is referenced by. */
  readonly id?: string;
  /** The data source that reads a vault outside the configuration. */
  readonly dataSource?: string;
  /** The vault's `location`. */
  readonly region?: string;
  /** The vault's resource group. */
  readonly resourceGroup?: string;
  /** `redundancy`, as written. */
  readonly redundancy?: string;
  /** Soft delete (`On` unless set) and its retention. */
  readonly softDelete?: {
    /** `On` (the default), `Off` or `AlwaysOn`, as written. */
    readonly mode: string;
    /** `retention_duration_in_days`, when it is a number. */
    readonly retentionDays?: number;
  };
  /** `immutability` (`Disabled` unless set). */
  readonly immutability?: string;
  /** Whether cross-region restore is on. */
  readonly crossRegionRestore?: boolean;
  /** Deletion locks on the vault, by name. */
  readonly deletionLocks: readonly DeletionLockReport[];
  /** Whether the vault has `lifecycle.prevent_destroy` (not for a vault outside the configuration). */
  readonly preventDestroy?: boolean;
  /** Its policies, by name. */
  readonly policies: readonly PolicyReport[];
  /** Its backup instances, by account name. */
  readonly accounts: readonly AccountReport[];
  /** Grants to its identity on accounts it does not back up, by account name. */
  readonly restoreGrants: readonly GrantReport[];
  /** The ordering of each backup instance, in the order of `accounts`. */
  readonly ordering: readonly OrderingReport[];
  /** The messages of its `findings` (those whose `vaultKey` is its `key`), in order. */
  readonly warnings: readonly string[];
}

/** A backup policy. */
export interface PolicyReport {
  /** The policy's name. */
  readonly name: string;
  /** The stack that declares it. */
  readonly stack: string;
  /** Its address. */
  readonly address: string;
  /** Schedule and retention in one sentence. */
  readonly words: string;
  /** When backups run. */
  readonly schedule: {
    /** The schedule in words. */
    readonly words: string;
    /** `backup_schedule`, as written. */
    readonly intervals: readonly string[];
    /** `time_zone`, when set. */
    readonly timeZone?: string;
  };
  /** How long backups are kept. */
  readonly retention: {
    /** The default retention. */
    readonly default: {
      /** `default_retention_duration`, as written. */
      readonly duration: string;
      /** The duration in words. */
      readonly words: string;
    };
    /** In priority order: the first matching rule wins. */
    readonly rules: readonly RetentionRuleReport[];
  };
  /** Names of the accounts whose backups use it. */
  readonly usedBy: readonly string[];
}

/** A retention rule of a policy. */
export interface RetentionRuleReport {
  /** The rule's name. */
  readonly name: string;
  /** Criteria and duration in words. */
  readonly words: string;
  /** Which backups it keeps, in words. */
  readonly criteria: string;
  /** The ISO 8601 duration, as written. */
  readonly duration: string;
  /** The duration in words. */
  readonly durationWords: string;
  /** `absolute_criteria`, as written. */
  readonly absoluteCriteria?: string;
  /** `days_of_week`, as written. */
  readonly daysOfWeek?: readonly string[];
  /** `weeks_of_month`, as written. */
  readonly weeksOfMonth?: readonly string[];
  /** `months_of_year`, as written. */
  readonly monthsOfYear?: readonly string[];
  /** `scheduled_backup_times`, as written. */
  readonly scheduledBackupTimes?: readonly string[];
}

/** A protected account: one backup instance. */
export interface AccountReport {
  /** The account's name. */
  readonly account: string;
  /** The account's key (`<resource group>/<name>`, lower case). */
  readonly key: string;
  /** How the configuration names the account: by `ID`, a `resource`, a `data source` or an `expression`. */
  readonly via: AccountVia;
  /** The account's resource group, when known. */
  readonly resourceGroup?: string;
  /** The instance's `location`: a region, or the expression read at plan time. */
  readonly region: string;
  /** Whether `region` is a literal. */
  readonly regionKnownAtSynth: boolean;
  /** The backup instance's stack. */
  readonly stack: string;
  /** The backup instance. */
  readonly instance: {
    /** The instance's name. */
    readonly name: string;
    /** The instance's address. */
    readonly address: string;
  };
  /** The containers it backs up. */
  readonly containers: {
    /** How many, when the list is literal. */
    readonly count?: number;
    /** Their names, when the list is literal. */
    readonly names?: readonly string[];
    /** The expression, when the list is only known at plan time. */
    readonly expression?: string;
    /** Containers this configuration creates that the instance depends on. */
    readonly waitedFor: readonly string[];
  };
  /** The policy's name. */
  readonly policy: string;
  /** The grant that gives the vault backup access on the account. */
  readonly backupGrant?: {
    /** The account the grant is on. */
    readonly scope: string;
    /** The role assignment's stack. */
    readonly stack: string;
    /** The role assignment's address. */
    readonly address: string;
  };
  /** The role propagation wait the instance depends on. */
  readonly wait?: {
    /** `create_duration`, as written. */
    readonly duration: string;
    /** The duration in words. */
    readonly words: string;
    /** The `time_sleep`'s address. */
    readonly address: string;
  };
  /** Role → wait → instance: whether it holds, in words, and what is missing. */
  readonly ordering: {
    /** Whether the chain holds. */
    readonly ok: boolean;
    /** The ordering column, in words. */
    readonly status: string;
    /** What is missing, in words. */
    readonly problems: readonly string[];
  };
  /** Whether the instance has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
  /** The instance's `lifecycle.precondition`s, in short. */
  readonly preconditions: readonly string[];
}

/** A Storage Account Backup Contributor grant. */
export interface GrantReport {
  /** The account's name. */
  readonly account: string;
  /** The account's key. */
  readonly key: string;
  /** How the grant's scope names the account. */
  readonly via: AccountVia;
  /** The account's resource group, when known. */
  readonly resourceGroup?: string;
  /** What it is for. */
  readonly kind: 'backup' | 'restore';
  /** The role assignment's stack. */
  readonly stack: string;
  /** The role assignment's address. */
  readonly address: string;
  /** The `principal_id`, as written. */
  readonly principal: string;
  /** Its `lifecycle.precondition`s, in short. */
  readonly preconditions: readonly string[];
}

/** The ordering diagram of one backup instance. */
export interface OrderingReport {
  /** The account's name. */
  readonly account: string;
  /** The instance, as `<stack>:<address>`. */
  readonly instance: string;
  /** Role → wait → instance holds. */
  readonly ok: boolean;
  /** The chain's shape: equal shapes draw the same. */
  readonly shape: string;
  /** The resources drawn. */
  readonly nodes: readonly OrderingNode[];
  /** `[from, to]` node IDs. */
  readonly edges: readonly (readonly [string, string])[];
}

/** A vault's warning. */
export interface WarningReport {
  /** The vault's name. */
  readonly vault: string;
  /** The vault's stack. */
  readonly stack: string;
  /** The warning in one sentence. */
  readonly message: string;
}

/** A name or tag that Terraform evaluates as an expression. */
export interface InterpolationReport extends Interpolation {
  /** The warning in one sentence, as the markdown prints it. */
  readonly message: string;
}
