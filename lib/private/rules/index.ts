// The rules the constructs and the fleet spec (its JSON Schema is built from this module: lib/fleet/spec-schema.ts)
// apply to names, limits, durations and lists of allowed values, each written once; the review reads the one rule it
// applies, the container limit, from lib/azurerm/container-limit.ts, as the construct does. A rule is the test (a
// pattern, a range) and its words as the messages print them; where the schema states a rule in other words than a
// construct (a template's words, the name of what is described), both wordings are here, built from the same
// numbers, so that a change to a limit is made in one place.
//
// BackupMonitoring and its queries (lib/monitoring/) read their limits and patterns from the section Monitoring.
//
// Enumerations that are public enums stay where they are declared (lib/vault.ts: Redundancy, SoftDelete,
// Immutability; lib/irreversible-settings.ts: IrreversibleSetting; lib/schedule.ts: DayOfWeek; lib/retention.ts:
// WeekOfMonth, MonthOfYear, AbsoluteCriteria) and the schema reads their values; the lists that are data (regions,
// time zones) are re-exported here from lib/regions.ts and lib/time-zones.ts, which read lib/data/.
import { containerLimitFor } from '../../azurerm/container-limit';
import { AZURERM_VERSION_CONSTRAINT } from '../../azurerm/version';

export { ADLS_BACKUP_REGIONS, normalizeRegion } from '../../regions';
export { POLICY_TIME_ZONES } from '../../time-zones';

// ---------------------------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------------------------

// How many containers one backup instance may list is a function of the stack's azurerm version constraint:
// containerLimitFor in lib/azurerm/container-limit.ts (100, or 1000 when the constraint starts at 4.79.0 or later),
// which the construct and the review call with the stack's constraint, and the fleet's schema with the library's.

/**
 * The container limit of a stack that carries only the library's own azurerm constraint (the fleet's stacks, whose
 * spec sets no constraint): what the fleet spec's schema allows per account.
 */
export const DEFAULT_CONTAINER_LIMIT = containerLimitFor(AZURERM_VERSION_CONSTRAINT);

/**
 * An Azure blob container name that ADLS backup accepts: Azure Storage's rule (3-63 lowercase letters, digits and
 * hyphens, starting and ending with a letter or digit, no two hyphens in a row). azurerm's own ValidateFunc for
 * `storage_container_names` is looser (`^[0-9a-z][0-9a-z-]*$`, 3-63: it lets `a--b` and `ab-` through), but Azure
 * refuses to create such a container, so no existing one has such a name: the stricter rule loses nothing and
 * catches the typo before `terraform apply`. The fleet applies it to the state container as well.
 */
export const CONTAINER_NAME = /^[0-9a-z](?:[0-9a-z]|-(?=[0-9a-z])){2,62}$/;

/** How the container name rule reads in a message. */
export const CONTAINER_NAME_RULE = '3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit';

// ---------------------------------------------------------------------------------------------------------------
// Names of resources
// ---------------------------------------------------------------------------------------------------------------

/** Azure's storage account name rule (storage/validate StorageAccountName in azurerm). */
export const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

/** How the storage account name rule reads in a message. */
export const STORAGE_ACCOUNT_NAME_RULE = '3-24 lowercase letters and digits';

const VAULT_NAME_CHARACTERS = '-a-zA-Z0-9';
const VAULT_NAME_LENGTH = { min: 2, max: 50 } as const;
// A template is held to the name's characters (and the braces of {region}) and a little more length: the name it
// makes is checked by the vault itself once {region} is filled in.
const VAULT_TEMPLATE_SLACK = 10;

/** data_protection_backup_vault_resource.go's name rule (FACTS.md section 4). */
export const VAULT_NAME = new RegExp(`^[${VAULT_NAME_CHARACTERS}]{${VAULT_NAME_LENGTH.min},${VAULT_NAME_LENGTH.max}}$`);

/** How the vault name rule reads in a message. */
export const VAULT_NAME_RULE = `${VAULT_NAME_LENGTH.min}-${VAULT_NAME_LENGTH.max} letters, digits or hyphens`;

/** A vault name or a template of one with `{region}` (the fleet's `vaults.name`). */
export const VAULT_NAME_TEMPLATE = new RegExp(
  `^[${VAULT_NAME_CHARACTERS}{}]{${VAULT_NAME_LENGTH.min},${VAULT_NAME_LENGTH.max + VAULT_TEMPLATE_SLACK}}$`,
);

/** How the vault name template rule reads in the fleet's schema. */
export const VAULT_NAME_TEMPLATE_RULE = `a vault name (${VAULT_NAME_LENGTH.min}-${VAULT_NAME_LENGTH.max} letters, digits and hyphens once {region} is filled in) or a template with {region}`;

// azurerm's resource group rule (resourcegroups.ValidateName; Go's \w is ASCII): 1-90 letters, digits, `_ - . ( )`,
// not ending in `.`. Azure itself also takes non-ASCII letters (`données`), but azurerm refuses them in every
// resource_group_name this library writes (the vault's and the data sources'), so the plan would fail: the rule here
// is azurerm's, and says ASCII.
const RESOURCE_GROUP_CHARACTERS = '-\\w.()';
const RESOURCE_GROUP_MAX = 90;

/**
 * A resource group name: 1-90 of its characters, the last not a period. The whole rule in one pattern, so that the
 * fleet's schema (`backend.azurerm.resourceGroupName`) and `isResourceGroupName` apply the same test.
 */
export const RESOURCE_GROUP_NAME = new RegExp(
  `^[${RESOURCE_GROUP_CHARACTERS}]{0,${RESOURCE_GROUP_MAX - 1}}[${RESOURCE_GROUP_CHARACTERS.replace('.', '')}]$`,
);

/** How the resource group rule reads in a message. */
export const RESOURCE_GROUP_NAME_RULE = `1-${RESOURCE_GROUP_MAX} ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period`;

/** A resource group name or a template of one with `{region}` (the fleet's `vaults.resourceGroupName`). */
export const RESOURCE_GROUP_NAME_TEMPLATE = new RegExp(`^[${RESOURCE_GROUP_CHARACTERS}{}]{1,${RESOURCE_GROUP_MAX}}$`);

/** How the resource group template rule reads in the fleet's schema. */
export const RESOURCE_GROUP_NAME_TEMPLATE_RULE = `a resource group name (up to ${RESOURCE_GROUP_MAX} letters, digits, underscores, periods, parentheses or hyphens) or a template with {region}`;

const POLICY_NAME_LENGTH = { min: 3, max: 150 } as const;

/** data_protection_backup_policy_data_lake_storage_resource.go's name rule (FACTS.md section 2). */
export const POLICY_NAME = new RegExp(`^[a-zA-Z][-a-zA-Z0-9]{${POLICY_NAME_LENGTH.min - 1},${POLICY_NAME_LENGTH.max - 1}}$`);

/** How the policy name rule reads in a message. */
export const POLICY_NAME_RULE = `${POLICY_NAME_LENGTH.min}-${POLICY_NAME_LENGTH.max} letters, digits or hyphens, starting with a letter`;

/** How the policy name rule reads in the fleet's schema (the keys of `policies`). */
export const POLICY_NAME_KEY_RULE = `a policy name: a letter, then ${POLICY_NAME_LENGTH.min - 1} to ${POLICY_NAME_LENGTH.max - 1} letters, digits or hyphens`;

// azurerm checks `retention_rule.name` with StringIsNotEmpty only, and Azure publishes no rule for the names of a
// policy's retention rules (FACTS.md: "not empty"). The name is a key inside the policy's JSON and shows in the
// portal and the review, so the library holds it to the rule of the policy's own name (a letter, then letters,
// digits and hyphens, at most 150): Azure's names for its own rules ("Default", "Weekly", "Monthly", "Yearly")
// follow it, and quotes, new lines, spaces at either end and a raw `${` cannot get in.
export const RETENTION_RULE_NAME = new RegExp(`^[a-zA-Z][-a-zA-Z0-9]{0,${POLICY_NAME_LENGTH.max - 1}}$`);

/** How the retention rule name rule reads in a message. */
export const RETENTION_RULE_NAME_RULE = `1-${POLICY_NAME_LENGTH.max} letters, digits or hyphens, starting with a letter`;

// The backup instance's name. azurerm checks it with StringIsNotEmpty only (FACTS.md: "not empty"), and Azure
// publishes no rule for backupInstances (resource-name-rules lists none). The portal and `az dataprotection
// backup-instance initialize` name instances `<account>-<account>-<GUID>`; the library's default is the account's
// name. So the rule kept here is the strict one those names follow: 1-150 (the limit the library has always applied)
// letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit. It keeps out what
// ARM cannot put in a URL path (`/ \ ? #`), spaces at either end (`' '`), quotes, new lines and a raw `${`.
export const INSTANCE_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9_.]{0,148}[a-zA-Z0-9])?$/;

/** How the instance name rule reads in a message. */
export const INSTANCE_NAME_RULE =
  '1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit';

/** A GUID written as Azure writes object and subscription IDs: 8-4-4-4-12 hexadecimal digits. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** How the GUID rule reads in the fleet's schema. */
export const GUID_RULE = 'a GUID such as 00000000-0000-0000-0000-000000000000';

// ---------------------------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------------------------

/**
 * A region as the constructs and the fleet's schema take it: a letter, then letters, digits and spaces, 2-50 from
 * the letter to the last letter or digit (`West Europe`, `westeurope`). Spaces around the name are allowed:
 * azurerm's location.Normalize drops every space. Other white space (a newline, a tab) is not dropped by azurerm,
 * and is refused.
 */
export const REGION_SHAPE = /^ *[A-Za-z][A-Za-z0-9 ]{0,48}[A-Za-z0-9] *$/;

/** How the region rule reads in a construct's message. */
export const REGION_SHAPE_RULE = 'an Azure region such as "West Europe" or "westeurope"';

/** How the region rule reads in the fleet's schema (the same rule as REGION_SHAPE_RULE, in the spec's words). */
export const REGION_NAME_RULE = 'an Azure region name, such as westeurope or West Europe';

/** A region in the normalised form the fleet uses as a key (`vaults.regions`, `defaults.allowUnlistedRegions`). */
export const REGION_KEY = /^[a-z0-9]+$/;

/** How the normalised region rule reads. */
export const REGION_KEY_RULE = 'a region in lowercase without spaces, such as westeurope';

// ---------------------------------------------------------------------------------------------------------------
// Durations and limits
// ---------------------------------------------------------------------------------------------------------------

/** The longest role propagation wait, in seconds (`rolePropagationWait`). */
export const MAX_WAIT_SECONDS = 3600;

/** How the wait's range reads in a message ("from 1 second to 60 minutes"). */
export const WAIT_RANGE_RULE = `from 1 second to ${MAX_WAIT_SECONDS / 60} minutes`;

/** A wait as the fleet spec writes it: an ISO 8601 duration of seconds, minutes or hours. */
export const WAIT_TEXT = /^PT[1-9][0-9]*[SMH]$/;

/** How the wait text rule reads. */
export const WAIT_TEXT_RULE = 'an ISO 8601 duration in seconds, minutes or hours, such as PT30S, PT5M or PT1H';

/** How the whole wait rule (text or false) reads in the fleet's schema. */
export const WAIT_RULE = `an ISO 8601 duration of 1 second to ${MAX_WAIT_SECONDS / 60} minutes (PT30S, PT5M, PT1H), or false for no wait`;

/** A retention duration as the fleet spec writes it: days, weeks, months or years. */
export const RETENTION_DURATION_TEXT = /^P[1-9][0-9]*[DWMY]$/;

/** How the retention duration rule reads. */
export const RETENTION_DURATION_TEXT_RULE =
  'an ISO 8601 duration in days, weeks, months or years, such as P30D, P12W, P12M or P10Y';

// The amount and unit letter of a duration written in one of the two text forms above: the amount is what stands
// between the designators (`P`, `PT`) and the unit, the last letter.
function durationTextParts<Unit extends string>(pattern: RegExp, text: string): { amount: number; unit: Unit } | undefined {
  if (!pattern.test(text)) return undefined;
  return { amount: Number(/[0-9]+/.exec(text)![0]), unit: text.slice(-1) as Unit };
}

/** `PT5M` → `{ amount: 5, unit: 'M' }`; undefined for a text WAIT_TEXT refuses. */
export function waitTextParts(text: string): { amount: number; unit: 'S' | 'M' | 'H' } | undefined {
  return durationTextParts(WAIT_TEXT, text);
}

/** `P30D` → `{ amount: 30, unit: 'D' }`; undefined for a text RETENTION_DURATION_TEXT refuses. */
export function retentionDurationTextParts(text: string): { amount: number; unit: 'D' | 'W' | 'M' | 'Y' } | undefined {
  return durationTextParts(RETENTION_DURATION_TEXT, text);
}

/** How long a vault keeps soft-deleted backup data, in days (`retention_duration_in_days`). */
export const SOFT_DELETE_RETENTION_DAYS = { min: 14, max: 180, default: 14 } as const;

/** How many intervals a policy's schedule may hold (azurerm's `backup_repeating_time_intervals`): the days of a week. */
export const MAX_SCHEDULE_INTERVALS = 5;

// ---------------------------------------------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------------------------------------------

/**
 * A UTC offset as a schedule's start time carries it: a sign and HH:MM, from -14:00 to +14:00 (the time zones in
 * use lie within it). `BackupSchedule.daily`/`weekly` take it (`utcOffset`), the fleet's schema holds
 * `schedule.utcOffset` to it, and lib/private/date-time.ts holds the offset of a date-time written by hand to it
 * (`BackupSchedule.expression`, a custom rule's `scheduledBackupTimes`).
 */
export const UTC_OFFSET = /^[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)$/;

/** How the UTC offset rule reads in a message. */
export const UTC_OFFSET_RULE = 'a UTC offset from -14:00 to +14:00 written like "+01:00"';

// ---------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------

/**
 * loganalytics/validate/log_analytics_workspace_name.go: 4-63 letters, digits and hyphens, not starting or ending
 * with a hyphen (a new workspace's name, and the name in a workspace's resource ID).
 */
export const LOG_ANALYTICS_WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/;

/** How the workspace name rule reads in a message. */
export const LOG_ANALYTICS_WORKSPACE_NAME_RULE = '4-63 letters, digits and hyphens, starting and ending with a letter or digit';

/** How long a new workspace keeps the logs, in days (azurerm's `retention_in_days`). */
export const WORKSPACE_RETENTION_DAYS = { min: 30, max: 730, default: 90 } as const;

/**
 * Azure's rule for action group names (resource-name-rules, Microsoft.Insights): 1-260 characters, none of
 * `: < > + / & % \ ?` or a control character, not ending in a space or a period. Stricter here: no quotes and no
 * `${` (Terraform would read it as an interpolation), since the ID is written into Terraform and reports.
 */
// eslint-disable-next-line no-control-regex
export const ACTION_GROUP_NAME = /^(?!.*\$\{)[^:<>+/&%\\?"'`\x00-\x1f\x7f]{0,259}[^:<>+/&%\\?"'`\x00-\x1f\x7f. ]$/;

/** How the action group name rule reads in a message. */
export const ACTION_GROUP_NAME_RULE =
  '1-260 characters without : < > + / & % \\ ? quotes, ${ or control characters, not ending in a space or a period';

/**
 * An action group's short name, in bytes of UTF-8 (monitor_action_group_resource.go: StringLenBetween(1, 12), which
 * counts with Go's `len`), as Terraform sends it.
 */
export const ACTION_GROUP_SHORT_NAME_BYTES = { min: 1, max: 12 } as const;

/** How the short name rule reads in a message. */
export const ACTION_GROUP_SHORT_NAME_RULE = `${ACTION_GROUP_SHORT_NAME_BYTES.min}-${ACTION_GROUP_SHORT_NAME_BYTES.max} bytes of UTF-8 (azurerm counts bytes: an accented letter counts 2; \`$\${\` counts as \`\${\`)`;

/** An alert's severity: Azure Monitor's 0 (critical) to 4 (verbose); the library's default is 1 (error). */
export const ALERT_SEVERITY = { min: 0, max: 4, default: 1 } as const;

/** How the severity rule reads in a message. */
export const ALERT_SEVERITY_RULE = `a whole number from ${ALERT_SEVERITY.min} (critical) to ${ALERT_SEVERITY.max} (verbose)`;

/**
 * How many hours back a log query of an alert may look: a log alert reads two days at most (its window, P2D), and
 * the query is given whole hours below that.
 */
export const ALERT_LOOKBACK_HOURS = { min: 1, max: 47 } as const;

/** How the lookback rule reads in a message. */
export const ALERT_LOOKBACK_HOURS_RULE = `whole hours from ${ALERT_LOOKBACK_HOURS.min} to ${ALERT_LOOKBACK_HOURS.max} (a log alert reads two days at most)`;

/**
 * The missed-backup alert's grace, in whole hours past the schedule's day: a day plus the grace is how far its
 * query looks back, which must stay within ALERT_LOOKBACK_HOURS.
 */
export const MISSED_BACKUP_GRACE_HOURS = { min: 1, max: 18, default: 6 } as const;

/** How the grace rule reads in a message. */
export const MISSED_BACKUP_GRACE_RULE = `whole hours from Duration.hours(${MISSED_BACKUP_GRACE_HOURS.min}) to Duration.hours(${MISSED_BACKUP_GRACE_HOURS.max}) (a day plus the grace must fit in the two days a log alert can read)`;

/** An alert's email receiver: something@domain.tld, without white space. */
export const ALERT_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** How the email rule reads in a message. */
export const ALERT_EMAIL_RULE = 'an email address';

/** The start a webhook's URL must have (Go's URL parser then has the last word: lib/private/go-url.ts). */
export const ALERT_WEBHOOK_URL = /^https:\/\/[^\s/]+/;

/** How the webhook rule reads in a message. */
export const ALERT_WEBHOOK_URL_RULE =
  "an https:// URL that Go's URL parser accepts, as azurerm checks it (alerts carry resource details; plain http is refused)";
