// The azurerm provider's plan-time rules for the Azure Monitor types this library writes, read from
// internal/services/monitor/ at v4.68.0, v4.79.0 and v5.2.0. Differences: the diagnostic setting's deprecated
// `metric` block and the `retention_policy` blocks exist in 4.x only (`!features.FivePointOh()`), and the
// scheduled query rule's `action.email_subject` arrived in v4.69.0.
//
// Left out, as they run at apply: the scheduled query rule's "auto mitigation must be disabled when mute action
// duration is set" (Create and Update), the diagnostic setting's "at least one type of Log or Metric must be
// enabled" and the action group's ticket_configuration JSON expansion.
import {
  azureValidateResourceID,
  commonidsValidateFunctionAppID,
  commonidsValidateManagementGroupID,
  commonidsValidateStorageAccountID,
  IDENTITY_TYPES_SYSTEM_OR_USER,
  identityRules,
  locationEnhancedValidate,
  resourceGroupSegment,
  resourceGroupValidateName,
  resourceProviderSegment,
  staticSegment,
  subscriptionIdSegment,
  tagsValidate,
  userSpecifiedSegment,
  validateResourceIdType,
  workspacesValidateWorkspaceID,
} from './azure';
import type { ResourceIdType } from './azure';
import type { ArgumentRule, Check, CrossRule, TypeRules } from './rule';
import {
  any,
  GO_1_25_URL_VALIDATORS,
  goQuote,
  intAtLeast,
  intBetween,
  isURLWithScheme,
  isUUID,
  listItemsBetween,
  stringInSlice,
  stringIsJSON,
  stringIsNotEmpty,
  stringLenBetween,
  stringMatch,
} from './validation';

const DIR = 'internal/services/monitor';
const ACTION_GROUP = `${DIR}/monitor_action_group_resource.go`;
const DIAGNOSTIC = `${DIR}/monitor_diagnostic_setting_resource.go`;
const QUERY_ALERT = `${DIR}/monitor_scheduled_query_rules_alert_v2_resource.go`;

/** The `/subscriptions/{id}/resourceGroups/{name}/providers/{rp}/...` segments of a generated SDK ID. */
function resourceManagerId(name: string, rp: string, parts: readonly [string, string][]): ResourceIdType {
  return {
    name,
    segments: [
      staticSegment('staticSubscriptions', 'subscriptions', 'subscriptions'),
      subscriptionIdSegment('subscriptionId', '12345678-1234-9876-4563-123456789012'),
      staticSegment('staticResourceGroups', 'resourceGroups', 'resourceGroups'),
      resourceGroupSegment('resourceGroupName', 'example-resource-group'),
      staticSegment('staticProviders', 'providers', 'providers'),
      resourceProviderSegment(`static${rp.replace('.', '')}`, rp, rp),
      ...parts.flatMap(([collection, segment]) => [
        staticSegment(`static${collection[0].toUpperCase()}${collection.slice(1)}`, collection, collection),
        userSpecifiedSegment(segment, segment),
      ]),
    ],
  };
}

// not in ./azure yet: automation/2022-08-08/automationaccount.ValidateAutomationAccountID.
const automationAccountValidateAutomationAccountID = validateResourceIdType(
  resourceManagerId('AutomationAccount', 'Microsoft.Automation', [['automationAccounts', 'automationAccountName']]),
);

// not in ./azure yet: eventhub/2021-11-01/authorizationrulesnamespaces.ValidateAuthorizationRuleID.
const authorizationRulesNamespacesValidateAuthorizationRuleID = validateResourceIdType(
  resourceManagerId('AuthorizationRule', 'Microsoft.EventHub', [
    ['namespaces', 'namespaceName'],
    ['authorizationRules', 'authorizationRuleName'],
  ]),
);

/** validate/workspace_id.go WorkspaceID: `<subscription id>|<workspace id>`, two UUIDs. */
export const monitorValidateWorkspaceID: Check = (value, key) => {
  if (typeof value !== 'string') return [`expected ${goQuote(key)} to be a string`];
  const segments = value.split('|');
  if (segments.length !== 2) {
    return [`expected ${goQuote(key)} in the format {<subscription id}|{workSpace id} but got ${goQuote(value)}`];
  }
  if (isUUID(segments[0], key).length > 0) {
    return [`expected the <subscription id> in ${goQuote(key)} to be a valid UUID, but got ${goQuote(segments[0])}`];
  }
  if (isUUID(segments[1], key).length > 0) {
    return [`expected the <workSpace id> in ${goQuote(key)} to be a valid UUID, but got ${goQuote(segments[1])}`];
  }
  return [];
};

/** validate/monitor_diagnostic_setting.go MonitorDiagnosticSettingName: both checks, both messages. */
export const monitorDiagnosticSettingName: Check = (value, key) => {
  const name = String(value);
  const errors: string[] = [];
  if (/[<>*%&:\\?+/]+/.test(name)) {
    errors.push(`characters <, >, *, %, &, :, \\, ?, +, / are not allowed in ${goQuote(key)}: ${goQuote(name)}`);
  }
  const length = Buffer.byteLength(name, 'utf8');
  if (length < 1 || length > 260) errors.push(`${goQuote(key)} must be between 1 and 260 characters: ${goQuote(name)}`);
  return errors;
};

/** internal/services/eventhub/validate ValidateEventHubName. */
const eventHubName = stringMatch(
  /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$/,
  'The event hub name can contain only letters, numbers, periods (.), hyphens (-),and underscores (_), up to 256 characters, and it must begin and end with a letter or number.',
);

/**
 * validation.IsURLWithScheme on `path`, as two rules: azurerm became a Go 1.26 module in v4.76.0, and net/url's
 * stricter colon rule came with it (see go-url.ts).
 */
function urlWithScheme(file: string, path: string, schemes: readonly string[]): ArgumentRule[] {
  const source = `${file}: ${path} ValidateFunc validation.IsURLWithScheme(${schemes.join(', ')})`;
  return [
    { path, check: GO_1_25_URL_VALIDATORS.isURLWithScheme(schemes), source: `${source} (Go 1.25 net/url)`, versions: '< 4.76.0' },
    { path, check: isURLWithScheme(schemes), source: `${source} (Go 1.26 net/url)`, versions: '>= 4.76.0' },
  ];
}

/** `rule(path, check, what)`: an ArgumentRule of `file`, its source naming the argument and the Go function. */
function ruleOf(file: string) {
  return (path: string, check: Check, what: string, versions?: string): ArgumentRule => ({
    path,
    check,
    source: `${file}: ${path} ${what}`,
    ...(versions === undefined ? {} : { versions }),
  });
}

function forceNew(file: string, paths: readonly string[]) {
  return paths.map((path) => ({ path, source: `${file}: ${path} ForceNew` }));
}

/** AtLeastOneOf on every argument of `list` (each carries it, and the SDK reports each). */
function atLeastOneOfEach(file: string, list: readonly string[], versions?: string): CrossRule[] {
  return list.map((self) => ({
    kind: 'atLeastOneOf',
    paths: [self, ...list.filter((p) => p !== self)],
    source: `${file}: ${self} AtLeastOneOf`,
    ...(versions === undefined ? {} : { versions }),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// azurerm_monitor_action_group: the same schema in all three releases.

const ag = ruleOf(ACTION_GROUP);
const NOT_EMPTY = 'ValidateFunc validation.StringIsNotEmpty';

/** The `name` of every receiver block, and the receivers' other non-empty strings. */
const RECEIVER_STRINGS = [
  'email_receiver.name',
  'email_receiver.email_address',
  'itsm_receiver.name',
  'itsm_receiver.region',
  'azure_app_push_receiver.name',
  'azure_app_push_receiver.email_address',
  'sms_receiver.name',
  'sms_receiver.country_code',
  'sms_receiver.phone_number',
  'webhook_receiver.name',
  'automation_runbook_receiver.name',
  'automation_runbook_receiver.runbook_name',
  'automation_runbook_receiver.webhook_resource_id',
  'voice_receiver.name',
  'voice_receiver.country_code',
  'voice_receiver.phone_number',
  'logic_app_receiver.name',
  'logic_app_receiver.resource_id',
  'azure_function_receiver.name',
  'azure_function_receiver.function_name',
  'arm_role_receiver.name',
  'event_hub_receiver.name',
  'event_hub_receiver.event_hub_name',
  'event_hub_receiver.event_hub_namespace',
];

const ACTION_GROUP_RULES: TypeRules = {
  type: 'azurerm_monitor_action_group',
  kind: 'resource',
  arguments: [
    ag('name', stringIsNotEmpty, NOT_EMPTY),
    ag('resource_group_name', resourceGroupValidateName, 'commonschema.ResourceGroupName() (resourcegroups.ValidateName)'),
    ag(
      'location',
      any(locationEnhancedValidate, stringInSlice(['global'], false)),
      'ValidateFunc validation.Any(location.EnhancedValidate, StringInSlice(global))',
    ),
    ag('short_name', stringLenBetween(1, 12), 'ValidateFunc validation.StringLenBetween(1, 12)'),
    ...RECEIVER_STRINGS.map((path) => ag(path, stringIsNotEmpty, NOT_EMPTY)),
    ag('itsm_receiver.workspace_id', monitorValidateWorkspaceID, 'ValidateFunc validate.WorkspaceID'),
    ag('itsm_receiver.connection_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ag('itsm_receiver.ticket_configuration', stringIsJSON, 'ValidateFunc validation.StringIsJSON'),
    ...urlWithScheme(ACTION_GROUP, 'webhook_receiver.service_uri', ['http', 'https']),
    ag('webhook_receiver.aad_auth.object_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ...urlWithScheme(ACTION_GROUP, 'webhook_receiver.aad_auth.identifier_uri', ['api', 'https']),
    ag('webhook_receiver.aad_auth.tenant_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ag(
      'automation_runbook_receiver.automation_account_id',
      automationAccountValidateAutomationAccountID,
      'ValidateFunc automationaccount.ValidateAutomationAccountID',
    ),
    ...urlWithScheme(ACTION_GROUP, 'automation_runbook_receiver.service_uri', ['http', 'https']),
    ...urlWithScheme(ACTION_GROUP, 'logic_app_receiver.callback_url', ['http', 'https']),
    ag(
      'azure_function_receiver.function_app_resource_id',
      commonidsValidateFunctionAppID,
      'ValidateFunc commonids.ValidateFunctionAppID',
    ),
    ...urlWithScheme(ACTION_GROUP, 'azure_function_receiver.http_trigger_url', ['http', 'https']),
    ag('arm_role_receiver.role_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ag('event_hub_receiver.tenant_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ag('event_hub_receiver.subscription_id', isUUID, 'ValidateFunc validation.IsUUID'),
    ag('tags', tagsValidate, 'commonschema.Tags() (tags.Validate)'),
  ],
  forceNew: forceNew(ACTION_GROUP, ['name', 'resource_group_name', 'location']),
};

// ---------------------------------------------------------------------------------------------------------------
// azurerm_monitor_diagnostic_setting

const ds = ruleOf(DIAGNOSTIC);
const FOUR = '< 5.0.0';
const DESTINATIONS = [
  'eventhub_authorization_rule_id',
  'log_analytics_workspace_id',
  'storage_account_id',
  'partner_solution_id',
];

const DIAGNOSTIC_SETTING_RULES: TypeRules = {
  type: 'azurerm_monitor_diagnostic_setting',
  kind: 'resource',
  arguments: [
    ds('name', monitorDiagnosticSettingName, 'ValidateFunc validate.MonitorDiagnosticSettingName'),
    ds(
      'target_resource_id',
      any(azureValidateResourceID, commonidsValidateManagementGroupID),
      'ValidateFunc validation.Any(azure.ValidateResourceID, commonids.ValidateManagementGroupID)',
    ),
    ds('eventhub_name', eventHubName, 'ValidateFunc eventhubValidate.ValidateEventHubName()'),
    ds(
      'eventhub_authorization_rule_id',
      authorizationRulesNamespacesValidateAuthorizationRuleID,
      'ValidateFunc authRuleParse.ValidateAuthorizationRuleID',
    ),
    ds('log_analytics_workspace_id', workspacesValidateWorkspaceID, 'ValidateFunc workspaces.ValidateWorkspaceID'),
    ds('storage_account_id', commonidsValidateStorageAccountID, 'ValidateFunc commonids.ValidateStorageAccountID'),
    ds('partner_solution_id', azureValidateResourceID, 'ValidateFunc azure.ValidateResourceID'),
    ds(
      'log_analytics_destination_type',
      stringInSlice(['Dedicated', 'AzureDiagnostics'], false),
      'ValidateFunc validation.StringInSlice',
    ),
    ds('enabled_log.category', stringIsNotEmpty, NOT_EMPTY),
    ds('enabled_log.category_group', stringIsNotEmpty, NOT_EMPTY),
    ds('enabled_metric.category', stringIsNotEmpty, NOT_EMPTY),
    ds('enabled_log.retention_policy.days', intAtLeast(0), 'ValidateFunc validation.IntAtLeast(0) (4.x only)', FOUR),
    ds('metric.category', stringIsNotEmpty, `${NOT_EMPTY} (4.x only)`, FOUR),
    ds('metric.retention_policy.days', intAtLeast(0), 'ValidateFunc validation.IntAtLeast(0) (4.x only)', FOUR),
  ],
  cross: [
    ...atLeastOneOfEach(DIAGNOSTIC, DESTINATIONS),
    ...atLeastOneOfEach(DIAGNOSTIC, ['enabled_log', 'enabled_metric'], '>= 5.0.0'),
    ...atLeastOneOfEach(DIAGNOSTIC, ['enabled_log', 'enabled_metric', 'metric'], FOUR),
    {
      kind: 'conflictsWith',
      paths: ['enabled_metric', 'metric'],
      source: `${DIAGNOSTIC}: enabled_metric ConflictsWith (4.x only)`,
      versions: FOUR,
    },
    {
      kind: 'conflictsWith',
      paths: ['metric', 'enabled_metric'],
      source: `${DIAGNOSTIC}: metric ConflictsWith (4.x only)`,
      versions: FOUR,
    },
  ],
  forceNew: forceNew(DIAGNOSTIC, ['name', 'target_resource_id']),
};

// ---------------------------------------------------------------------------------------------------------------
// azurerm_monitor_scheduled_query_rules_alert_v2 (a typed resource: Arguments())

const qa = ruleOf(QUERY_ALERT);
const IN_SLICE = 'ValidateFunc validation.StringInSlice';
const DURATIONS = ['PT1M', 'PT5M', 'PT10M', 'PT15M', 'PT30M', 'PT45M', 'PT1H', 'PT2H', 'PT3H', 'PT4H', 'PT5H', 'PT6H', 'P1D'];

const SCHEDULED_QUERY_RULES_ALERT_V2_RULES: TypeRules = {
  type: 'azurerm_monitor_scheduled_query_rules_alert_v2',
  kind: 'resource',
  arguments: [
    qa('name', stringIsNotEmpty, NOT_EMPTY),
    qa('resource_group_name', resourceGroupValidateName, 'commonschema.ResourceGroupName() (resourcegroups.ValidateName)'),
    qa('location', locationEnhancedValidate, 'commonschema.Location() (location.EnhancedValidate)'),
    qa('criteria.query', stringIsNotEmpty, NOT_EMPTY),
    qa(
      'criteria.operator',
      stringInSlice(['Equal', 'GreaterThan', 'GreaterThanOrEqual', 'LessThan', 'LessThanOrEqual'], false),
      IN_SLICE,
    ),
    qa('criteria.time_aggregation_method', stringInSlice(['Count', 'Average', 'Minimum', 'Maximum', 'Total'], false), IN_SLICE),
    qa('criteria.dimension.name', stringIsNotEmpty, NOT_EMPTY),
    qa('criteria.dimension.operator', stringInSlice(['Include', 'Exclude'], false), IN_SLICE),
    qa('criteria.dimension.values.*', stringIsNotEmpty, NOT_EMPTY),
    qa(
      'criteria.failing_periods.minimum_failing_periods_to_trigger_alert',
      intBetween(1, 6),
      'ValidateFunc validation.IntBetween(1, 6)',
    ),
    qa('criteria.failing_periods.number_of_evaluation_periods', intBetween(1, 6), 'ValidateFunc validation.IntBetween(1, 6)'),
    qa('criteria.metric_measure_column', stringIsNotEmpty, NOT_EMPTY),
    qa('criteria.resource_id_column', stringIsNotEmpty, NOT_EMPTY),
    qa('evaluation_frequency', stringInSlice(DURATIONS, false), IN_SLICE),
    qa('scopes', listItemsBetween(1, 1), 'MinItems 1, MaxItems 1'),
    qa('scopes.*', azureValidateResourceID, 'Elem ValidateFunc azure.ValidateResourceID'),
    qa('severity', intBetween(0, 4), 'ValidateFunc validation.IntBetween(0, 4)'),
    qa('window_duration', stringInSlice([...DURATIONS, 'P2D'], false), IN_SLICE),
    qa('action.action_groups.*', azureValidateResourceID, 'Elem ValidateFunc azure.ValidateResourceID'),
    qa('action.email_subject', stringIsNotEmpty, NOT_EMPTY, '>= 4.69.0'),
    qa('display_name', stringIsNotEmpty, NOT_EMPTY),
    qa('mute_actions_after_alert_duration', stringInSlice([...DURATIONS.slice(1), 'P2D'], false), IN_SLICE),
    qa(
      'query_time_range_override',
      stringInSlice(
        ['PT5M', 'PT10M', 'PT15M', 'PT20M', 'PT30M', 'PT45M', 'PT1H', 'PT2H', 'PT3H', 'PT4H', 'PT5H', 'PT6H', 'P1D', 'P2D'],
        false,
      ),
      IN_SLICE,
    ),
    ...identityRules('identity', IDENTITY_TYPES_SYSTEM_OR_USER, QUERY_ALERT),
    qa('tags', tagsValidate, 'commonschema.Tags() (tags.Validate)'),
    qa('target_resource_types.*', stringIsNotEmpty, `Elem ${NOT_EMPTY}`),
  ],
  forceNew: forceNew(QUERY_ALERT, ['name', 'resource_group_name', 'location', 'scopes']),
};

export const MONITOR_RULES: readonly TypeRules[] = [
  ACTION_GROUP_RULES,
  DIAGNOSTIC_SETTING_RULES,
  SCHEDULED_QUERY_RULES_ALERT_V2_RULES,
];
