// The fleet spec's JSON Schema (draft-07), built from the rules the constructs apply (lib/private/rules) and their
// public enums. This module is the one source: the command checks specs against what it returns, and the published
// file lib/fleet/fleet-spec.schema.json (what editors read) is written from it by scripts/generate-spec-schema.ts
// (`npm run schema`), and test/spec-schema-generated.test.ts fails when the committed file differs. The TypeScript
// types of a spec are lib/fleet/spec.ts, held to this schema by test/spec-schema-types.test.ts.
//
// Every rule with a pattern carries `patternErrorMessage` and every `oneOf`/`anyOf` an `errorMessage` (the words an
// editor and the command show, schema-check.ts); `description` is documentation. The keys are written in the order
// the hand-written schema had, so that the published file reads as before.
import { AbsoluteCriteria, MonthOfYear, WeekOfMonth } from '../retention';
import { DayOfWeek } from '../schedule';
import { Immutability, Redundancy, SoftDelete } from '../vault';
import { DEFAULT_ROLE_PROPAGATION_WAIT } from '../data-lake-backup';
import { IrreversibleSetting } from '../irreversible-settings';
import { STORAGE_ACCOUNT_ID_SHAPE } from '../private/resource-id';
import {
  ADLS_BACKUP_REGIONS,
  CONTAINER_NAME,
  CONTAINER_NAME_RULE,
  DEFAULT_CONTAINER_LIMIT,
  GUID,
  GUID_RULE,
  INSTANCE_NAME,
  INSTANCE_NAME_RULE,
  MAX_SCHEDULE_INTERVALS,
  normalizeRegion,
  POLICY_NAME,
  POLICY_NAME_KEY_RULE,
  POLICY_TIME_ZONES,
  REGION_KEY,
  REGION_KEY_RULE,
  REGION_NAME_RULE,
  REGION_SHAPE,
  RESOURCE_GROUP_NAME,
  RESOURCE_GROUP_NAME_RULE,
  RESOURCE_GROUP_NAME_TEMPLATE,
  RESOURCE_GROUP_NAME_TEMPLATE_RULE,
  RETENTION_DURATION_TEXT,
  RETENTION_DURATION_TEXT_RULE,
  RETENTION_RULE_NAME,
  RETENTION_RULE_NAME_RULE,
  SOFT_DELETE_RETENTION_DAYS,
  STORAGE_ACCOUNT_NAME,
  STORAGE_ACCOUNT_NAME_RULE,
  UTC_OFFSET,
  UTC_OFFSET_RULE,
  VAULT_NAME_TEMPLATE,
  VAULT_NAME_TEMPLATE_RULE,
  WAIT_RULE,
  WAIT_TEXT,
  WAIT_TEXT_RULE,
} from '../private/rules';
import { ProblemCode } from '../private/rules/codes';
import { CODE_KEYWORD } from './schema-code';

/** A JSON Schema object, as written to the file. */
export type JsonSchema = { [keyword: string]: unknown };

/** The fleet's own rules: they apply to the spec alone, so they live with it. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
const STACK_NAME_RULE = 'a stack name: a letter, then up to 62 letters, digits, _ or -';
const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const TIME_OF_DAY_RULE = 'a time of day HH:MM (00:00-23:59)';

// A string held to `pattern`: the rule in words ("must be <words>"), and a description that opens with the same
// words, then says what the field is for (`more`).
function patterned(code: ProblemCode, pattern: RegExp | string, words: string, more?: string, description?: string): JsonSchema {
  return {
    type: 'string',
    ...patternOf(code, pattern, words),
    description: description ?? `${words}.${more === undefined ? '' : ` ${more}`}`,
  };
}

function patternOf(code: ProblemCode, pattern: RegExp | string, words: string): JsonSchema {
  return {
    pattern: typeof pattern === 'string' ? pattern : pattern.source,
    patternErrorMessage: `must be ${words}`,
    ...coded(code),
  };
}

// The problem code of the rule beside it (schema-check.ts reports it): `x-problem-code`, a keyword editors ignore.
const coded = (code: ProblemCode): JsonSchema => ({ [CODE_KEYWORD]: code });

const values = (e: Record<string, string>): string[] => Object.values(e);

function described(schema: JsonSchema, description: string | undefined): JsonSchema {
  return description === undefined ? schema : { ...schema, description };
}

const ref = (name: string, description?: string): JsonSchema => described({ $ref: `#/definitions/${name}` }, description);

const uniqueList = (items: JsonSchema, minItems?: number): JsonSchema => ({
  type: 'array',
  ...(minItems === undefined ? {} : { minItems }),
  uniqueItems: true,
  items,
});

// The pattern of a whole resource ID of `shape`, its name held to the shape's own rule. A string, not a RegExp,
// whose source would escape every `/`.
function resourceIdPattern(shape: typeof STORAGE_ACCOUNT_ID_SHAPE): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = shape.name.source.replace(/^\^/, '').replace(/\$$/, '');
  return `^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${escape(shape.namespace)}/${escape(shape.type)}/${name}$`;
}

// The settings of a vault, the same at the top of `vaults` and for one region; only the words of `tags` differ.
function vaultSettings(tagsDescription: string): Record<string, JsonSchema> {
  return {
    name: patterned('ADLSBK-VAULT-NAME', VAULT_NAME_TEMPLATE, VAULT_NAME_TEMPLATE_RULE, 'Default: bv-adls-{region}.'),
    resourceGroupName: patterned(
      'ADLSBK-RESOURCE-GROUP-NAME',
      RESOURCE_GROUP_NAME_TEMPLATE,
      RESOURCE_GROUP_NAME_TEMPLATE_RULE,
      "The vault's resource group. Default: rg-backup-{region}.",
    ),
    createResourceGroup: {
      type: 'boolean',
      description: "Create the resource group (azurerm_resource_group) in the vault's region. Default: false (it exists).",
    },
    redundancy: {
      enum: values(Redundancy),
      description: `Backup storage redundancy; cannot change once an item is protected. Default: ${Redundancy.GEO_REDUNDANT}.`,
    },
    softDelete: {
      enum: values(SoftDelete),
      description: `Default: ${SoftDelete.ON}. ${SoftDelete.ALWAYS_ON} is irreversible and must be acknowledged.`,
    },
    softDeleteRetentionDays: {
      type: 'integer',
      minimum: SOFT_DELETE_RETENTION_DAYS.min,
      maximum: SOFT_DELETE_RETENTION_DAYS.max,
      ...coded('ADLSBK-SOFT-DELETE-RETENTION'),
      description: `How long soft-deleted backup data is kept. Default: ${SOFT_DELETE_RETENTION_DAYS.default}.`,
    },
    immutability: {
      enum: values(Immutability),
      description: `Default: ${Immutability.DISABLED}. ${Immutability.LOCKED} is irreversible and must be acknowledged.`,
    },
    crossRegionRestore: {
      type: 'boolean',
      description: `${Redundancy.GEO_REDUNDANT} only; cannot be turned off once on (acknowledge ${IrreversibleSetting.CROSS_REGION_RESTORE}).`,
    },
    acknowledgeIrreversible: {
      ...uniqueList({ enum: values(IrreversibleSetting) }),
      description: 'The irreversible settings you mean to set.',
    },
    preventDestroy: { type: 'boolean', description: 'lifecycle.prevent_destroy on the vault and its backups. Default: true.' },
    deletionLock: { type: 'boolean', description: 'A CanNotDelete management lock on the vault. Default: false.' },
    tags: { type: 'object', additionalProperties: { type: 'string' }, description: tagsDescription },
  };
}

// The name of a retention rule, held to the construct's rule in its words (RetentionRule's `name`). The construct
// also refuses "Default" (azurerm's name for the default rule), which this pattern leaves to it: the spec reports
// that at the rule's name (build-fleet.ts locates a construct's problem at the spec's field).
const retentionRuleName = (more: string): JsonSchema =>
  patterned('ADLSBK-RETENTION-RULE-NAME', RETENTION_RULE_NAME, RETENTION_RULE_NAME_RULE, more);

// A policy named where it is used (`defaults.policy`, `accounts[].policy`): a key of `policies`, so the same rule
// and words as the keys; spec-rules.ts then checks that the spec has a policy of that name.
const policyReference = (more: string): JsonSchema => patterned('ADLSBK-POLICY-NAME', POLICY_NAME, POLICY_NAME_KEY_RULE, more);

// A retention rule that keeps the first backup of each period, as a duration or a mapping with `keep`; `criteria`
// are the lists that narrow which backups are kept, in the order they are listed.
function namedRule(example: string, what: string, criteria: JsonSchema): JsonSchema {
  return {
    description: `a duration such as ${example}, or an object with \`keep\`. ${what}`,
    oneOf: [
      ref('retentionDuration'),
      {
        type: 'object',
        additionalProperties: false,
        required: ['keep'],
        properties: {
          keep: ref('retentionDuration', 'How long the picked backups are kept.'),
          name: retentionRuleName("The rule's name in the policy."),
          daysOfWeek: ref('daysOfWeek', 'Keep the backups of these days instead of the first one.'),
          ...criteria,
        },
      },
    ],
    errorMessage: `must be a duration such as ${example}, or a mapping with \`keep\``,
    ...coded('ADLSBK-RETENTION-DURATION'),
  };
}

function policy(): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['schedule', 'retention'],
    properties: {
      schedule: {
        type: 'object',
        additionalProperties: false,
        required: ['frequency', 'time'],
        properties: {
          frequency: { enum: ['daily', 'weekly'] },
          time: patterned('ADLSBK-SCHEDULE-TIME', TIME_OF_DAY, TIME_OF_DAY_RULE, undefined, `${TIME_OF_DAY_RULE}, at utcOffset.`),
          days: ref('daysOfWeek', `Weekly only: the days (at most ${MAX_SCHEDULE_INTERVALS}).`),
          utcOffset: patterned(
            'ADLSBK-SCHEDULE-TIME',
            UTC_OFFSET,
            UTC_OFFSET_RULE,
            undefined,
            `${UTC_OFFSET_RULE}: the offset \`time\` is given in (the portal writes +01:00 beside W. Europe Standard Time). Default: +00:00.`,
          ),
        },
        if: { properties: { frequency: { const: 'weekly' } } },
        then: { required: ['days'] },
      },
      timeZone: {
        enum: [...POLICY_TIME_ZONES],
        ...coded('ADLSBK-TIME-ZONE'),
        description: 'Windows time-zone name of the schedule.',
      },
      retention: {
        type: 'object',
        additionalProperties: false,
        required: ['default'],
        properties: {
          default: ref('retentionDuration', 'How long every backup is kept.'),
          weekly: namedRule('P12W', 'Keep the first backup of each week (or of daysOfWeek).', {}),
          monthly: namedRule('P12M', 'Keep the first backup of each month (or daysOfWeek in weeksOfMonth).', {
            weeksOfMonth: ref('weeksOfMonth'),
          }),
          yearly: namedRule('P10Y', 'Keep the first backup of each year (or daysOfWeek in weeksOfMonth of monthsOfYear).', {
            weeksOfMonth: ref('weeksOfMonth'),
            monthsOfYear: ref('monthsOfYear'),
          }),
          custom: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'keep'],
              properties: {
                name: retentionRuleName("The rule's name in the policy."),
                keep: ref('retentionDuration'),
                absoluteCriteria: { enum: values(AbsoluteCriteria) },
                daysOfWeek: ref('daysOfWeek'),
                weeksOfMonth: ref('weeksOfMonth'),
                monthsOfYear: ref('monthsOfYear'),
                scheduledBackupTimes: uniqueList({ type: 'string' }, 1),
              },
            },
          },
        },
      },
    },
  };
}

function account(): JsonSchema {
  const idRule = `a storage account resource ID: /subscriptions/<id>/resourceGroups/<group>/providers/${STORAGE_ACCOUNT_ID_SHAPE.namespace}/${STORAGE_ACCOUNT_ID_SHAPE.type}/<name> (${STORAGE_ACCOUNT_ID_SHAPE.nameRule})`;
  const containerRule = `a container name: ${CONTAINER_NAME_RULE}`;
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'region', 'containers'],
    properties: {
      id: patterned('ADLSBK-RESOURCE-ID', resourceIdPattern(STORAGE_ACCOUNT_ID_SHAPE), idRule),
      region: ref('region'),
      containers: {
        type: 'array',
        minItems: 1,
        // The fleet's stacks carry the library's azurerm constraint: the limit is the one that constraint allows.
        maxItems: DEFAULT_CONTAINER_LIMIT.max,
        ...coded('ADLSBK-CONTAINER-COUNT'),
        uniqueItems: true,
        items: patterned('ADLSBK-CONTAINER-NAME', CONTAINER_NAME, containerRule),
        description: 'Containers to protect (they must exist).',
      },
      policy: policyReference('A name under policies. Default: defaults.policy, or the only policy.'),
      instanceName: patterned(
        'ADLSBK-INSTANCE-NAME',
        INSTANCE_NAME,
        INSTANCE_NAME_RULE,
        "The backup instance's name. Default: the account's name.",
      ),
      rolePropagationWait: ref('wait'),
      grantAccess: { type: 'boolean', description: 'Grant the vault Storage Account Backup Contributor here. Default: true.' },
      preventDestroy: { type: 'boolean' },
    },
  };
}

function definitions(): Record<string, JsonSchema> {
  const regions = ADLS_BACKUP_REGIONS.map(normalizeRegion).sort();
  return {
    guid: patterned('ADLSBK-RESOURCE-ID', GUID, GUID_RULE),
    retentionDuration: patterned('ADLSBK-RETENTION-DURATION', RETENTION_DURATION_TEXT, RETENTION_DURATION_TEXT_RULE),
    wait: {
      oneOf: [{ type: 'string', ...patternOf('ADLSBK-ROLE-WAIT', WAIT_TEXT, WAIT_TEXT_RULE) }, { const: false }],
      errorMessage: `must be ${WAIT_RULE}`,
      ...coded('ADLSBK-ROLE-WAIT'),
      description: `${WAIT_RULE}. Waits after the role assignment before the backup instance is created. Default: ${DEFAULT_ROLE_PROPAGATION_WAIT.toIsoString()}.`,
    },
    daysOfWeek: uniqueList({ enum: values(DayOfWeek) }, 1),
    weeksOfMonth: uniqueList({ enum: values(WeekOfMonth) }, 1),
    monthsOfYear: uniqueList({ enum: values(MonthOfYear) }, 1),
    region: {
      type: 'string',
      ...patternOf('ADLSBK-REGION', REGION_SHAPE, REGION_NAME_RULE),
      anyOf: [{ enum: regions }, { type: 'string' }],
      errorMessage: `must be ${REGION_NAME_RULE}`,
      description: `${REGION_NAME_RULE}: the storage account's region.`,
    },
    policy: policy(),
    account: account(),
  };
}

/** The fleet spec's JSON Schema, built anew on each call (callers may keep or change their copy). */
export function fleetSpecSchema(): JsonSchema {
  const regionKey = { ...patternOf('ADLSBK-REGION', REGION_KEY, REGION_KEY_RULE), description: `${REGION_KEY_RULE}.` };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cdktf-adls-backup fleet spec',
    description:
      'The data lake accounts to protect with Azure Backup vaulted backup, their policies and vault settings. One vault per region is created.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'policies', 'accounts'],
    properties: {
      $schema: { type: 'string' },
      version: { const: 1, description: 'Version of this spec format.' },
      stackName: patterned(
        'ADLSBK-STACK-NAME',
        STACK_NAME,
        STACK_NAME_RULE,
        "The stack's name, or the prefix of one stack per region (<stackName>-<region>). Default: adls-backup.",
      ),
      stackPerRegion: { type: 'boolean', description: 'One stack (and Terraform state) per region. Default: false.' },
      provider: {
        type: 'object',
        additionalProperties: false,
        properties: { subscriptionId: ref('guid', 'Subscription of the vaults (else ARM_SUBSCRIPTION_ID).') },
      },
      backend: {
        type: 'object',
        additionalProperties: false,
        required: ['azurerm'],
        properties: {
          azurerm: {
            type: 'object',
            additionalProperties: false,
            required: ['resourceGroupName', 'storageAccountName', 'containerName', 'key'],
            properties: {
              // Written into the backend block, which Terraform reads at init: the rule of any resource group, so
              // that a typo stops here rather than at `terraform init`.
              resourceGroupName: patterned(
                'ADLSBK-RESOURCE-GROUP-NAME',
                RESOURCE_GROUP_NAME,
                RESOURCE_GROUP_NAME_RULE,
                "The resource group of the state's storage account.",
              ),
              storageAccountName: patterned(
                'ADLSBK-STORAGE-ACCOUNT-NAME',
                STORAGE_ACCOUNT_NAME,
                `a storage account name: ${STORAGE_ACCOUNT_NAME_RULE}`,
              ),
              // The state's container is a container like any other: the same rule as the protected ones.
              containerName: patterned('ADLSBK-CONTAINER-NAME', CONTAINER_NAME, `a container name: ${CONTAINER_NAME_RULE}`),
              key: {
                type: 'string',
                minLength: 1,
                description: "State blob name; {stack} is replaced by the stack's name, e.g. adls-backup/{stack}.tfstate.",
              },
              subscriptionId: ref('guid'),
              useAzureadAuth: { type: 'boolean' },
            },
          },
        },
      },
      checkAccountsAtPlan: {
        type: 'boolean',
        description:
          'Read every account with a data source so terraform plan stops when its region, hierarchical namespace, NFS, kind or tier is wrong. Default: true.',
      },
      vaults: {
        type: 'object',
        additionalProperties: false,
        description: 'Settings of the vaults, one per region.',
        properties: {
          ...vaultSettings("Tags of the vault (and of the resource group when created). A region's tags are merged over these."),
          regions: {
            type: 'object',
            description: "Settings for one region's vault, over the ones above.",
            propertyNames: regionKey,
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: vaultSettings('Tags of the vault (and of the resource group when created).'),
            },
          },
        },
      },
      policies: {
        type: 'object',
        minProperties: 1,
        description: 'Backup policies by name; each is created in every regional vault.',
        propertyNames: {
          ...patternOf('ADLSBK-POLICY-NAME', POLICY_NAME, POLICY_NAME_KEY_RULE),
          description: `${POLICY_NAME_KEY_RULE}.`,
        },
        additionalProperties: ref('policy'),
      },
      defaults: {
        type: 'object',
        additionalProperties: false,
        properties: {
          policy: policyReference('Policy of accounts that name none.'),
          rolePropagationWait: ref('wait'),
          allowUnlistedRegions: {
            ...uniqueList({ type: 'string', ...regionKey }),
            description: 'Regions missing from the support list (2025-11-18) to accept, with a warning.',
          },
        },
      },
      accounts: { type: 'array', minItems: 1, items: ref('account') },
    },
    definitions: definitions(),
  };
}

/** The published file's text: the schema as 2-space JSON with a final newline. */
export function fleetSpecSchemaText(): string {
  return `${JSON.stringify(fleetSpecSchema(), null, 2)}\n`;
}
