// Storage accounts as backup instances, grants and containers name them: one identity however they are referenced.
import { Configuration, isExpression } from '../read/configuration';
import { optionalText } from './lifecycle';
import { ACCOUNT_TYPE } from './resource-types';
import type { Account } from './types';
import { verbatim } from '../words';

const STORAGE_ACCOUNT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i;

/** `<resource group>/<name>`, lower case: one key for an account however it is referenced. */
function accountKey(resourceGroup: string, name: string): string {
  return `${resourceGroup.toLowerCase()}/${name.toLowerCase()}`;
}

/** The account a `storage_account_id` (or a grant's `scope`) names. */
export function accountOf(config: Configuration, stack: string, value: unknown): Account {
  if (typeof value === 'string' && !isExpression(value)) {
    const m = STORAGE_ACCOUNT_ID.exec(value);
    return {
      key: m ? accountKey(m[1], m[2]) : value,
      name: m ? m[2] : value,
      resourceGroup: m?.[1],
      via: 'ID',
      resolvedId: value,
    };
  }
  const ref = config.ref(stack, value);
  if (ref && ref.block.type === ACCOUNT_TYPE && ref.attr === 'id') {
    const { block } = ref;
    const name = config.literal(block.stack, block.args.name);
    const resourceGroup = config.literal(block.stack, block.args.resource_group_name);
    const subscription = config.literal(block.stack, config.providerOf(block)?.subscription_id);
    const known = name !== undefined && resourceGroup !== undefined;
    return {
      key: known ? accountKey(resourceGroup, name) : `${block.stack}/${block.address}`,
      name: name ?? verbatim(block.args.name),
      resourceGroup: resourceGroup ?? optionalText(block.args.resource_group_name),
      via: block.isData ? 'data source' : 'resource',
      address: block.address,
      stack: block.stack,
      location: block.isData ? undefined : config.literal(block.stack, block.args.location),
      // azurerm's storage account (resource and data source) sets this ID, with the group and name as written.
      resolvedId:
        known && subscription !== undefined
          ? `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${name}`
          : undefined,
    };
  }
  const text = verbatim(value);
  return { key: `${stack}: ${text}`, name: text, via: 'expression' };
}
