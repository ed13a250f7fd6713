// azurerm_log_analytics_workspace as internal/services/loganalytics/log_analytics_workspace_resource.go declares
// it at v4.68.0, v4.79.0 and v5.2.0. Differences: reservation_capacity_in_gb_per_day took three more levels in
// v4.72.0 (operationalinsights 2023-09-01); 4.x has the deprecated local_authentication_disabled, conflicting with
// local_authentication_enabled; 5.x replaced internet_{ingestion,query}_enabled by the *_access_type strings.
import {
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
} from './azure';
import type { ArgumentRule, Check, CrossRule, TypeRules, Value } from './rule';
import { floatAtLeast, intBetween, intInSlice, stringInSlice } from './validation';

const FILE = 'internal/services/loganalytics/log_analytics_workspace_resource.go';

/** validate/log_analytics_workspace_name.go LogAnalyticsWorkspaceName: both checks, both messages. */
export const logAnalyticsWorkspaceName: Check = (value, key) => {
  const name = String(value);
  const errors: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/.test(name)) {
    errors.push(
      `${key} can only contain alphabet, number, and '-' character. You can not use '-' as the start and end of the name`,
    );
  }
  const length = Buffer.byteLength(name, 'utf8');
  if (length > 63 || length < 4) errors.push(`${key} can only be between 4 and 63 letters`);
  return errors;
};

// not in ./azure yet: insights/2023-03-11/datacollectionrules.ValidateDataCollectionRuleID.
const dataCollectionRulesValidateDataCollectionRuleID = validateResourceIdType({
  name: 'DataCollectionRule',
  segments: [
    staticSegment('staticSubscriptions', 'subscriptions', 'subscriptions'),
    subscriptionIdSegment('subscriptionId', '12345678-1234-9876-4563-123456789012'),
    staticSegment('staticResourceGroups', 'resourceGroups', 'resourceGroups'),
    resourceGroupSegment('resourceGroupName', 'example-resource-group'),
    staticSegment('staticProviders', 'providers', 'providers'),
    resourceProviderSegment('staticMicrosoftInsights', 'Microsoft.Insights', 'Microsoft.Insights'),
    staticSegment('staticDataCollectionRules', 'dataCollectionRules', 'dataCollectionRules'),
    userSpecifiedSegment('dataCollectionRuleName', 'dataCollectionRuleName'),
  ],
});

// The enums as the schema lists them (the WorkspaceSkuNameEnum constants, then "Unlimited").
const SKUS = ['PerGB2018', 'PerNode', 'Premium', 'Standalone', 'Standard', 'CapacityReservation', 'LACluster', 'Unlimited'];
const CAPACITY_LEVELS = [100, 200, 300, 400, 500, 1000, 2000, 5000];
const ACCESS_TYPES = ['Enabled', 'Disabled', 'SecuredByPerimeter'];

const rule = (path: string, check: Check, what: string, versions?: string): ArgumentRule => ({
  path,
  check,
  source: `${FILE}: ${path} ${what}`,
  ...(versions === undefined ? {} : { versions }),
});

const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * resourceLogAnalyticsWorkspaceCustomDiff: a `sku` change to Standard or Premium is refused. The check sees the
 * configuration only, so it refuses those SKUs on every plan, where the provider does when `sku` changes (always on
 * a create; on an update, only when the SKU is being changed to one of them).
 */
function standardOrPremiumSku(config: { [key: string]: Value }): string[] {
  const sku = config.sku;
  if (typeof sku !== 'string' || !(equalFold(sku, 'Standard') || equalFold(sku, 'Premium'))) return [];
  return [
    'creation of log analytics workspaces with `Standard` or `Premium` SKUs is no longer supported by Azure - see https://learn.microsoft.com/en-us/azure/azure-monitor/logs/cost-logs#standard-and-premium-pricing-tiers',
  ];
}

/**
 * resourceLogAnalyticsWorkspaceCustomDiff's d.ForceNew("sku"): a SKU change replaces the workspace, except from
 * LACluster (a cluster sets it) or from nothing, and between CapacityReservation and PerGB2018 either way.
 */
function skuChangeReplaces(prior: Value, planned: Value): boolean {
  if (typeof prior !== 'string' || typeof planned !== 'string' || prior === planned) return false;
  if (prior === '' || equalFold(prior, 'LACluster')) return false;
  const between = (a: string, b: string) => equalFold(prior, a) && equalFold(planned, b);
  return !between('CapacityReservation', 'PerGB2018') && !between('PerGB2018', 'CapacityReservation');
}

const localAuthenticationConflicts: CrossRule[] = [
  ['local_authentication_disabled', 'local_authentication_enabled'],
  ['local_authentication_enabled', 'local_authentication_disabled'],
].map(([self, other]) => ({
  kind: 'conflictsWith',
  paths: [self, other],
  source: `${FILE}: ${self} ConflictsWith (4.x only, !features.FivePointOh())`,
  versions: '< 5.0.0',
}));

export const LOGANALYTICS_RULES: readonly TypeRules[] = [
  {
    type: 'azurerm_log_analytics_workspace',
    kind: 'resource',
    arguments: [
      rule('name', logAnalyticsWorkspaceName, 'ValidateFunc validate.LogAnalyticsWorkspaceName'),
      rule('location', locationEnhancedValidate, 'commonschema.Location() (location.EnhancedValidate)'),
      rule('resource_group_name', resourceGroupValidateName, 'commonschema.ResourceGroupName() (resourcegroups.ValidateName)'),
      ...identityRules('identity', IDENTITY_TYPES_SYSTEM_OR_USER, FILE),
      rule(
        'internet_ingestion_access_type',
        stringInSlice(ACCESS_TYPES, false),
        'ValidateFunc validation.StringInSlice',
        '>= 5.0.0',
      ),
      rule('internet_query_access_type', stringInSlice(ACCESS_TYPES, false), 'ValidateFunc validation.StringInSlice', '>= 5.0.0'),
      rule('sku', stringInSlice(SKUS, false), 'ValidateFunc validation.StringInSlice'),
      rule(
        'reservation_capacity_in_gb_per_day',
        intInSlice(CAPACITY_LEVELS),
        'ValidateFunc validation.IntInSlice (operationalinsights 2022-10-01 levels)',
        '< 4.72.0',
      ),
      rule(
        'reservation_capacity_in_gb_per_day',
        intInSlice([...CAPACITY_LEVELS, 10000, 25000, 50000]),
        'ValidateFunc validation.IntInSlice',
        '>= 4.72.0',
      ),
      rule('retention_in_days', intBetween(30, 730), 'ValidateFunc validation.IntBetween(30, 730)'),
      rule('daily_quota_gb', floatAtLeast(-1.0), 'ValidateFunc validation.FloatAtLeast(-1.0)'),
      rule(
        'data_collection_rule_id',
        dataCollectionRulesValidateDataCollectionRuleID,
        'ValidateFunc datacollectionrules.ValidateDataCollectionRuleID',
      ),
      rule('tags', tagsValidate, 'commonschema.Tags() (tags.Validate)'),
    ],
    cross: [
      ...localAuthenticationConflicts,
      {
        kind: 'custom',
        paths: ['sku'],
        check: standardOrPremiumSku,
        source: `${FILE}: resourceLogAnalyticsWorkspaceCustomDiff (Standard or Premium sku)`,
      },
    ],
    forceNew: [
      { path: 'name', source: `${FILE}: name ForceNew` },
      { path: 'location', source: `${FILE}: location commonschema.Location() ForceNew` },
      { path: 'resource_group_name', source: `${FILE}: resource_group_name commonschema.ResourceGroupName() ForceNew` },
      { path: 'sku', source: `${FILE}: resourceLogAnalyticsWorkspaceCustomDiff d.ForceNew("sku")`, when: skuChangeReplaces },
    ],
  },
];
