import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { TimeProvider } from '@cdktf/provider-time/lib/provider';

const AUTO_PROVIDER_ID = 'AdlsBackupTimeProvider';

/**
 * Makes sure the stack has a default (unaliased) hashicorp/time provider for `time_sleep`, adding one when the
 * user has none, so users only ever configure the AzurermProvider themselves.
 */
export function ensureTimeProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  const present = stack.node
    .findAll()
    .some((c) => c instanceof TerraformProvider && c.terraformResourceType === 'time' && !c.alias);
  if (!present) new TimeProvider(stack, AUTO_PROVIDER_ID, {});
}
