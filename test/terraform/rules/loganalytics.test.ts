import { LOGANALYTICS_RULES, logAnalyticsWorkspaceName } from '../stand-in/rules/loganalytics';
import type { Value } from '../stand-in/rules/rule';
import { customProblems, validateConfig } from '../stand-in/validate';
import { checkRows, pathsExist } from './harness';

const FILE = 'internal/services/loganalytics/log_analytics_workspace_resource.go';
const WORKSPACE = LOGANALYTICS_RULES.find((r) => r.type === 'azurerm_log_analytics_workspace')!;

describe(FILE, () => {
  const LEVELS = '[100 200 300 400 500 1000 2000 5000';
  checkRows(WORKSPACE, [
    {
      path: 'name',
      ok: 'law-data-weu',
      bad: '-law',
      messages: [
        "name can only contain alphabet, number, and '-' character. You can not use '-' as the start and end of the name",
      ],
    },
    { path: 'location', ok: 'westeurope', bad: '', messages: ['expected "location" to not be an empty string, got '] },
    { path: 'resource_group_name', ok: 'rg-data', bad: 'rg.', messages: ['"resource_group_name" may not end with a period'] },
    {
      path: 'identity.type',
      ok: 'UserAssigned',
      bad: 'None',
      messages: ['expected identity.0.type to be one of ["UserAssigned" "SystemAssigned"], got None'],
    },
    {
      path: 'identity.identity_ids.*',
      ok: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id',
      bad: 'x',
      messages: [expect.stringContaining('parsing "x": parsing the UserAssignedIdentity ID:')],
    },
    ...['internet_ingestion_access_type', 'internet_query_access_type'].map((path) => ({
      path,
      versions: '>= 5.0.0',
      ok: 'SecuredByPerimeter',
      bad: 'Private',
      messages: [`expected ${path} to be one of ["Enabled" "Disabled" "SecuredByPerimeter"], got Private`],
    })),
    {
      path: 'sku',
      ok: 'PerGB2018',
      bad: 'Free',
      messages: [
        'expected sku to be one of ["PerGB2018" "PerNode" "Premium" "Standalone" "Standard" "CapacityReservation" "LACluster" "Unlimited"], got Free',
      ],
    },
    {
      path: 'reservation_capacity_in_gb_per_day',
      versions: '< 4.72.0',
      ok: 5000,
      bad: 10000,
      messages: [`expected reservation_capacity_in_gb_per_day to be one of ${LEVELS}], got 10000`],
    },
    {
      path: 'reservation_capacity_in_gb_per_day',
      versions: '>= 4.72.0',
      ok: 50000,
      bad: 150,
      messages: [`expected reservation_capacity_in_gb_per_day to be one of ${LEVELS} 10000 25000 50000], got 150`],
    },
    { path: 'retention_in_days', ok: 30, bad: 7, messages: ['expected retention_in_days to be in the range (30 - 730), got 7'] },
    { path: 'daily_quota_gb', ok: -1, bad: -2, messages: ['expected daily_quota_gb to be at least (-1.000000), got -2.000000'] },
    {
      path: 'data_collection_rule_id',
      ok: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Insights/dataCollectionRules/dcr',
      bad: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Insights/dataCollectionRule/dcr',
      messages: [
        expect.stringContaining(
          'parsing segment "staticDataCollectionRules": parsing the DataCollectionRule ID: the segment at position 6 didn\'t match',
        ),
      ],
    },
    {
      path: 'tags',
      ok: { team: 'data' },
      bad: { team: 'v'.repeat(257) },
      messages: ['the maximum length for a tag value is 256 characters: the value for "team" is 257 characters'],
    },
  ]);

  test(`${FILE}: validate/log_analytics_workspace_name.go LogAnalyticsWorkspaceName, both checks`, () => {
    expect(logAnalyticsWorkspaceName('abcd', 'name')).toEqual([]);
    expect(logAnalyticsWorkspaceName('abc', 'name')).toEqual(['name can only be between 4 and 63 letters']);
    expect(logAnalyticsWorkspaceName('a', 'name')).toHaveLength(2);
    expect(logAnalyticsWorkspaceName('a'.repeat(64), 'name')).toEqual(['name can only be between 4 and 63 letters']);
  });

  test(`${FILE}: local_authentication_disabled and local_authentication_enabled ConflictsWith (4.x)`, () => {
    const config = { local_authentication_disabled: true, local_authentication_enabled: true };
    expect(validateConfig(WORKSPACE, config, '4.79.0').map((p) => p.summary)).toEqual([
      '"local_authentication_disabled": conflicts with local_authentication_enabled',
      '"local_authentication_enabled": conflicts with local_authentication_disabled',
    ]);
    expect(validateConfig(WORKSPACE, { local_authentication_enabled: true }, '4.79.0')).toEqual([]);
    expect(validateConfig(WORKSPACE, config, '5.2.0')).toEqual([]);
  });

  test(`${FILE}: resourceLogAnalyticsWorkspaceCustomDiff refuses Standard and Premium, in any case`, () => {
    const problems = (sku: Value) => customProblems(WORKSPACE, { sku }, '4.79.0').map((p) => p.summary);
    expect(problems('PerGB2018')).toEqual([]);
    expect(problems(null)).toEqual([]);
    expect(problems('premium')).toEqual([
      'creation of log analytics workspaces with `Standard` or `Premium` SKUs is no longer supported by Azure - see https://learn.microsoft.com/en-us/azure/azure-monitor/logs/cost-logs#standard-and-premium-pricing-tiers',
    ]);
    expect(problems('Standard')).toHaveLength(1);
  });

  test(`${FILE}: resourceLogAnalyticsWorkspaceCustomDiff d.ForceNew("sku") except from LACluster and between CapacityReservation and PerGB2018`, () => {
    const sku = WORKSPACE.forceNew!.find((f) => f.path === 'sku')!;
    expect(sku.when!('PerGB2018', 'Standalone')).toBe(true);
    expect(sku.when!('PerNode', 'PerGB2018')).toBe(true);
    expect(sku.when!('PerGB2018', 'PerGB2018')).toBe(false);
    expect(sku.when!('LACluster', 'PerGB2018')).toBe(false);
    expect(sku.when!('', 'PerGB2018')).toBe(false);
    expect(sku.when!('CapacityReservation', 'PerGB2018')).toBe(false);
    expect(sku.when!('pergb2018', 'capacityreservation')).toBe(false);
  });

  test(`${FILE}: ForceNew`, () => {
    expect(WORKSPACE.forceNew!.map((f) => f.path)).toEqual(['name', 'location', 'resource_group_name', 'sku']);
  });

  test('every source names the file', () => {
    for (const entry of [...WORKSPACE.arguments, ...(WORKSPACE.cross ?? []), ...(WORKSPACE.forceNew ?? [])]) {
      expect(entry.source.startsWith(FILE)).toBe(true);
    }
  });

  // The derived 5.x schema drops internet_{ingestion,query}_enabled but lacks the *_access_type arguments v5.0.0 added.
  pathsExist(LOGANALYTICS_RULES, [
    '5.x azurerm_log_analytics_workspace internet_ingestion_access_type',
    '5.x azurerm_log_analytics_workspace internet_query_access_type',
  ]);
});
