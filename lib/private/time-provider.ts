import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { TimeProvider } from '../azurerm/generated/provider-time';
import { refuse } from './problems';

const AUTO_PROVIDER_ID = 'AdlsBackupTimeProvider';
const provided = new WeakSet<TerraformStack>();

function isDefaultTimeProvider(c: IConstruct): boolean {
  return TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'time' && !c.alias;
}

/**
 * Makes sure the stack has a default (unaliased) hashicorp/time provider for `time_sleep`, adding one when the
 * user has none, so users only ever configure the AzurermProvider themselves.
 */
export function ensureTimeProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  // Searched once per stack: a search per backup would cost time growing with the square of the fleet.
  if (provided.has(stack)) return;
  provided.add(stack);
  if (stack.node.findAll().some(isDefaultTimeProvider)) return;
  const provider = new TimeProvider(stack, AUTO_PROVIDER_ID, {});
  // A TimeProvider the user adds later would make two default providers, which Terraform refuses: say so at synth.
  // A user's mistake, so a BackupConfigError with its code, as the constructs throw (not cdktf's list of strings).
  provider.node.addValidation({
    validate: () => {
      const own = stack.node.findAll().filter((c) => isDefaultTimeProvider(c) && c !== provider);
      if (own.length > 0) {
        refuse(
          'ADLSBK-TIME-PROVIDER-LATE',
          'TimeProvider',
          `must be created before the first DataLakeBackup of the stack, which added '${AUTO_PROVIDER_ID}' (Terraform refuses two default time providers), so that the library uses it`,
          own[0].node.path,
          stack.node.path,
        );
      }
      return [];
    },
  });
}
