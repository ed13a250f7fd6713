import { MONITOR_RULES, monitorDiagnosticSettingName, monitorValidateWorkspaceID } from '../stand-in/rules/monitor';
import type { Value } from '../stand-in/rules/rule';
import { validateConfig } from '../stand-in/validate';
import { argumentRule, checkRows, pathsExist, sdkKey } from './harness';
import type { Row } from './harness';

const DIR = 'internal/services/monitor';
const rulesOf = (type: string) => MONITOR_RULES.find((r) => r.type === type)!;
const ACTION_GROUP = rulesOf('azurerm_monitor_action_group');
const DIAGNOSTIC = rulesOf('azurerm_monitor_diagnostic_setting');
const QUERY_ALERT = rulesOf('azurerm_monitor_scheduled_query_rules_alert_v2');

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers';
const UUID = '00000000-0000-0000-0000-000000000001';
const notEmpty = (path: string): Row => ({
  path,
  ok: 'x',
  bad: '',
  messages: [`expected "${sdkKey(path)}" to not be an empty string, got `],
});
const uuid = (path: string): Row => ({
  path,
  ok: UUID,
  bad: 'x',
  messages: [`expected "${sdkKey(path)}" to be a valid UUID, got x`],
});
/** IsURLWithScheme's two rules, before and after v4.76.0 (Go 1.26's net/url). */
const urls = (path: string, schemes: string, ok: string, bad: string): Row[] =>
  ['< 4.76.0', '>= 4.76.0'].map((versions) => ({
    path,
    versions,
    ok,
    bad,
    messages: [`expected "${sdkKey(path)}" to have a url with schema of: "${schemes}", got ${bad}`],
  }));
const LONG_TAG = { ['k'.repeat(513)]: 'v' };
const TAG_MESSAGE = `the maximum length for a tag key is 512 characters: "${'k'.repeat(513)}" is 513 characters`;
const rg: Row = {
  path: 'resource_group_name',
  ok: 'rg-data',
  bad: 'rg.',
  messages: ['"resource_group_name" may not end with a period'],
};

describe(`${DIR}/monitor_action_group_resource.go`, () => {
  checkRows(ACTION_GROUP, [
    notEmpty('name'),
    rg,
    {
      path: 'location',
      ok: 'global',
      bad: '',
      messages: ['expected "location" to not be an empty string, got ', 'expected location to be one of ["global"], got '],
    },
    {
      path: 'short_name',
      ok: 'ops',
      bad: 'thirteenchars',
      messages: ['expected length of short_name to be in the range (1 - 12), got thirteenchars'],
    },
    ...[
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
    ].map(notEmpty),
    {
      path: 'itsm_receiver.workspace_id',
      ok: `${UUID}|${UUID}`,
      bad: 'x',
      messages: ['expected "itsm_receiver.0.workspace_id" in the format {<subscription id}|{workSpace id} but got "x"'],
    },
    uuid('itsm_receiver.connection_id'),
    {
      path: 'itsm_receiver.ticket_configuration',
      ok: '{"PayloadRevision":0}',
      bad: '{',
      messages: ['"itsm_receiver.0.ticket_configuration" contains an invalid JSON: unexpected end of JSON input'],
    },
    ...urls('webhook_receiver.service_uri', 'http,https', 'https://example.com/hook', 'ftp://x'),
    uuid('webhook_receiver.aad_auth.object_id'),
    ...urls('webhook_receiver.aad_auth.identifier_uri', 'api,https', 'api://backup', 'http://x'),
    uuid('webhook_receiver.aad_auth.tenant_id'),
    {
      path: 'automation_runbook_receiver.automation_account_id',
      ok: `${SUB}/Microsoft.Automation/automationAccounts/a`,
      bad: `${SUB}/Microsoft.Automation/automationAccount/a`,
      messages: [
        expect.stringContaining(
          `parsing "${SUB}/Microsoft.Automation/automationAccount/a": parsing segment "staticAutomationAccounts": parsing the AutomationAccount ID: the segment at position 6 didn't match`,
        ),
      ],
    },
    ...urls('automation_runbook_receiver.service_uri', 'http,https', 'https://example.com/runbook', 'ftp://x'),
    ...urls('logic_app_receiver.callback_url', 'http,https', 'https://example.com/logic', 'ftp://x'),
    {
      path: 'azure_function_receiver.function_app_resource_id',
      ok: `${SUB}/Microsoft.Web/sites/f`,
      bad: `${SUB}/Microsoft.Web/site/f`,
      messages: [
        expect.stringContaining(
          `parsing "${SUB}/Microsoft.Web/site/f": parsing segment "staticSites": parsing the AppService ID: the segment at position 6 didn't match`,
        ),
      ],
    },
    ...urls('azure_function_receiver.http_trigger_url', 'http,https', 'https://example.com/fn', 'ftp://x'),
    uuid('arm_role_receiver.role_id'),
    uuid('event_hub_receiver.tenant_id'),
    uuid('event_hub_receiver.subscription_id'),
    { path: 'tags', ok: { team: 'data' }, bad: LONG_TAG, messages: [TAG_MESSAGE] },
  ]);

  test(`${DIR}/monitor_action_group_resource.go: the colon rule of net/url differs between the two URL rules`, () => {
    const [go125, go126] = ['< 4.76.0', '>= 4.76.0'].map((v) => argumentRule(ACTION_GROUP, 'webhook_receiver.service_uri', v));
    // Go 1.26 refuses a second colon in an http(s) host; Go 1.25 took the last one for the port.
    expect(go125.check('https://a:b:443/x', 'k')).toEqual([]);
    expect(go126.check('https://a:b:443/x', 'k')).not.toEqual([]);
  });

  test(`${DIR}/validate/workspace_id.go WorkspaceID: both UUIDs`, () => {
    expect(monitorValidateWorkspaceID(`x|${UUID}`, 'k')).toEqual([
      'expected the <subscription id> in "k" to be a valid UUID, but got "x"',
    ]);
    expect(monitorValidateWorkspaceID(`${UUID}|x`, 'k')).toEqual([
      'expected the <workSpace id> in "k" to be a valid UUID, but got "x"',
    ]);
    expect(monitorValidateWorkspaceID(`${UUID}|${UUID}|${UUID}`, 'k')).toHaveLength(1);
  });

  test(`${DIR}/monitor_action_group_resource.go: ForceNew`, () => {
    expect((ACTION_GROUP.forceNew ?? []).map((f) => f.path)).toEqual(['name', 'resource_group_name', 'location']);
  });
});

describe(`${DIR}/monitor_diagnostic_setting_resource.go`, () => {
  const WORKSPACE = `${SUB}/Microsoft.OperationalInsights/workspaces/w`;
  checkRows(DIAGNOSTIC, [
    {
      path: 'name',
      ok: 'to-workspace',
      bad: 'a/b',
      messages: ['characters <, >, *, %, &, :, \\, ?, +, / are not allowed in "name": "a/b"'],
    },
    {
      path: 'target_resource_id',
      ok: '/providers/Microsoft.Management/managementGroups/mg',
      bad: 'x',
      messages: [
        'cannot parse "target_resource_id" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request',
        expect.stringContaining('parsing "x": parsing the ManagementGroup ID:'),
      ],
    },
    {
      path: 'eventhub_name',
      ok: 'hub.one_2',
      bad: '-x',
      messages: [
        'invalid value for eventhub_name (The event hub name can contain only letters, numbers, periods (.), hyphens (-),and underscores (_), up to 256 characters, and it must begin and end with a letter or number.)',
      ],
    },
    {
      path: 'eventhub_authorization_rule_id',
      ok: `${SUB}/Microsoft.EventHub/namespaces/n/authorizationRules/r`,
      bad: `${SUB}/Microsoft.EventHub/namespaces/n`,
      messages: [expect.stringContaining("parsing the AuthorizationRule ID: the number of segments didn't match")],
    },
    {
      path: 'log_analytics_workspace_id',
      ok: WORKSPACE,
      bad: `${SUB}/Microsoft.OperationalInsights/workspace/w`,
      messages: [expect.stringContaining('parsing the Workspace ID:')],
    },
    {
      path: 'storage_account_id',
      ok: `${SUB}/Microsoft.Storage/storageAccounts/s`,
      bad: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg',
      messages: [expect.stringContaining('parsing the StorageAccount ID:')],
    },
    {
      path: 'partner_solution_id',
      ok: `${SUB}/Microsoft.Datadog/monitors/m`,
      bad: 'x',
      messages: [
        'cannot parse "partner_solution_id" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request',
      ],
    },
    {
      path: 'log_analytics_destination_type',
      ok: 'Dedicated',
      bad: 'Shared',
      messages: ['expected log_analytics_destination_type to be one of ["Dedicated" "AzureDiagnostics"], got Shared'],
    },
    notEmpty('enabled_log.category'),
    notEmpty('enabled_log.category_group'),
    notEmpty('enabled_metric.category'),
    {
      path: 'enabled_log.retention_policy.days',
      versions: '< 5.0.0',
      ok: 0,
      bad: -1,
      messages: ['expected enabled_log.0.retention_policy.0.days to be at least (0), got -1'],
    },
    { ...notEmpty('metric.category'), versions: '< 5.0.0' },
    {
      path: 'metric.retention_policy.days',
      versions: '< 5.0.0',
      ok: 30,
      bad: -1,
      messages: ['expected metric.0.retention_policy.0.days to be at least (0), got -1'],
    },
  ]);

  test(`${DIR}/validate/monitor_diagnostic_setting.go MonitorDiagnosticSettingName: length in bytes, both messages`, () => {
    expect(monitorDiagnosticSettingName('é'.repeat(130), 'name')).toEqual([]);
    expect(monitorDiagnosticSettingName(`${'é'.repeat(130)}a`, 'name')).toHaveLength(1);
    expect(monitorDiagnosticSettingName('', 'name')).toEqual(['"name" must be between 1 and 260 characters: ""']);
    expect(monitorDiagnosticSettingName(`?${'a'.repeat(260)}`, 'name')).toHaveLength(2);
  });

  const messages = (config: { [key: string]: Value }, version: string) =>
    validateConfig(DIAGNOSTIC, config, version).map((p) => p.summary);
  const destinations = {
    eventhub_authorization_rule_id: null,
    log_analytics_workspace_id: null,
    storage_account_id: null,
    partner_solution_id: null,
  };

  test(`${DIR}/monitor_diagnostic_setting_resource.go: a destination AtLeastOneOf, reported by each of the four`, () => {
    const base = {
      name: 'd',
      target_resource_id: WORKSPACE,
      enabled_log: [{ category: 'Audit' }],
      enabled_metric: null,
      metric: null,
    };
    expect(messages({ ...base, ...destinations, log_analytics_workspace_id: WORKSPACE }, '5.2.0')).toEqual([]);
    const none = messages({ ...base, ...destinations }, '5.2.0');
    expect(none).toHaveLength(4);
    expect(none[0]).toBe(
      '"eventhub_authorization_rule_id": one of `eventhub_authorization_rule_id,log_analytics_workspace_id,storage_account_id,partner_solution_id` must be specified',
    );
  });

  test(`${DIR}/monitor_diagnostic_setting_resource.go: enabled_log or enabled_metric (or, in 4.x, metric) AtLeastOneOf`, () => {
    const base = { name: 'd', target_resource_id: WORKSPACE, ...destinations, log_analytics_workspace_id: WORKSPACE };
    expect(messages({ ...base, enabled_log: [], enabled_metric: [{ category: 'AllMetrics' }], metric: null }, '5.2.0')).toEqual(
      [],
    );
    expect(messages({ ...base, enabled_log: [], enabled_metric: [], metric: [{ category: 'AllMetrics' }] }, '4.79.0')).toEqual(
      [],
    );
    expect(messages({ ...base, enabled_log: [], enabled_metric: [] }, '5.2.0')).toEqual([
      '"enabled_log": one of `enabled_log,enabled_metric` must be specified',
      '"enabled_metric": one of `enabled_metric,enabled_log` must be specified',
    ]);
    expect(messages({ ...base, enabled_log: [], enabled_metric: [], metric: [] }, '4.79.0')).toHaveLength(3);
  });

  test(`${DIR}/monitor_diagnostic_setting_resource.go: enabled_metric and metric ConflictsWith (4.x)`, () => {
    const base = {
      name: 'd',
      target_resource_id: WORKSPACE,
      ...destinations,
      log_analytics_workspace_id: WORKSPACE,
      enabled_log: [],
    };
    const both = { ...base, enabled_metric: [{ category: 'AllMetrics' }], metric: [{ category: 'AllMetrics' }] };
    expect(messages(both, '4.79.0')).toEqual([
      '"enabled_metric": conflicts with metric',
      '"metric": conflicts with enabled_metric',
    ]);
    expect(messages({ ...base, enabled_metric: [{ category: 'AllMetrics' }], metric: null }, '4.79.0')).toEqual([]);
  });

  test(`${DIR}/monitor_diagnostic_setting_resource.go: ForceNew`, () => {
    expect((DIAGNOSTIC.forceNew ?? []).map((f) => f.path)).toEqual(['name', 'target_resource_id']);
  });
});

describe(`${DIR}/monitor_scheduled_query_rules_alert_v2_resource.go`, () => {
  const inSlice = (path: string, ok: string, list: string): Row => ({
    path,
    ok,
    bad: 'Nope',
    messages: [`expected ${sdkKey(path)} to be one of [${list}], got Nope`],
  });
  const DURATIONS = '"PT1M" "PT5M" "PT10M" "PT15M" "PT30M" "PT45M" "PT1H" "PT2H" "PT3H" "PT4H" "PT5H" "PT6H" "P1D"';
  const between = (path: string, bad: number): Row => ({
    path,
    ok: 3,
    bad,
    messages: [`expected ${sdkKey(path)} to be in the range (1 - 6), got ${bad}`],
  });
  checkRows(QUERY_ALERT, [
    notEmpty('name'),
    rg,
    { path: 'location', ok: 'westeurope', bad: '', messages: ['expected "location" to not be an empty string, got '] },
    notEmpty('criteria.query'),
    inSlice('criteria.operator', 'GreaterThan', '"Equal" "GreaterThan" "GreaterThanOrEqual" "LessThan" "LessThanOrEqual"'),
    inSlice('criteria.time_aggregation_method', 'Count', '"Count" "Average" "Minimum" "Maximum" "Total"'),
    notEmpty('criteria.dimension.name'),
    inSlice('criteria.dimension.operator', 'Include', '"Include" "Exclude"'),
    notEmpty('criteria.dimension.values.*'),
    between('criteria.failing_periods.minimum_failing_periods_to_trigger_alert', 0),
    between('criteria.failing_periods.number_of_evaluation_periods', 7),
    notEmpty('criteria.metric_measure_column'),
    notEmpty('criteria.resource_id_column'),
    inSlice('evaluation_frequency', 'PT5M', DURATIONS),
    {
      path: 'scopes',
      ok: ['a'],
      bad: ['a', 'b'],
      messages: ['Too many list items: Attribute scopes supports 1 item maximum, but config has 2 declared.'],
    },
    {
      path: 'scopes.*',
      ok: `${SUB}/Microsoft.OperationalInsights/workspaces/w`,
      bad: 'x',
      messages: ['cannot parse "scopes.0" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request'],
    },
    { path: 'severity', ok: 0, bad: 5, messages: ['expected severity to be in the range (0 - 4), got 5'] },
    inSlice('window_duration', 'P2D', `${DURATIONS} "P2D"`),
    {
      path: 'action.action_groups.*',
      ok: `${SUB}/Microsoft.Insights/actionGroups/ag`,
      bad: 'x',
      messages: [
        'cannot parse "action.0.action_groups.0" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request',
      ],
    },
    { ...notEmpty('action.email_subject'), versions: '>= 4.69.0' },
    notEmpty('display_name'),
    inSlice('mute_actions_after_alert_duration', 'PT5M', `${DURATIONS.replace('"PT1M" ', '')} "P2D"`),
    inSlice(
      'query_time_range_override',
      'PT20M',
      '"PT5M" "PT10M" "PT15M" "PT20M" "PT30M" "PT45M" "PT1H" "PT2H" "PT3H" "PT4H" "PT5H" "PT6H" "P1D" "P2D"',
    ),
    {
      path: 'identity.type',
      ok: 'SystemAssigned',
      bad: 'SystemAssigned, UserAssigned',
      messages: ['expected identity.0.type to be one of ["UserAssigned" "SystemAssigned"], got SystemAssigned, UserAssigned'],
    },
    {
      path: 'identity.identity_ids.*',
      ok: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id',
      bad: 'x',
      messages: [expect.stringContaining('parsing "x": parsing the UserAssignedIdentity ID:')],
    },
    { path: 'tags', ok: { team: 'data' }, bad: LONG_TAG, messages: [TAG_MESSAGE] },
    notEmpty('target_resource_types.*'),
  ]);

  test(`${DIR}/monitor_scheduled_query_rules_alert_v2_resource.go: scopes has MinItems 1 too`, () => {
    expect(argumentRule(QUERY_ALERT, 'scopes').check([], 'scopes')).toEqual([
      'Not enough list items: Attribute scopes requires 1 item minimum, but config has only 0 declared.',
    ]);
  });

  test(`${DIR}/monitor_scheduled_query_rules_alert_v2_resource.go: ForceNew`, () => {
    expect((QUERY_ALERT.forceNew ?? []).map((f) => f.path)).toEqual(['name', 'resource_group_name', 'location', 'scopes']);
  });
});

test('every source names its file', () => {
  for (const rules of MONITOR_RULES) {
    for (const entry of [...rules.arguments, ...(rules.cross ?? []), ...(rules.forceNew ?? [])]) {
      expect(entry.source).toMatch(/^internal\/services\/monitor\/[a-z0-9_]+\.go[: ]/);
    }
  }
});

pathsExist(MONITOR_RULES);
