import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { TimeProvider } from '../azurerm/generated/provider-time';

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
  provider.node.addValidation({
    validate: () =>
      stack.node.findAll().filter(isDefaultTimeProvider).length > 1
        ? [
            `${stack.node.path} has its own TimeProvider, added after a DataLakeBackup added '${AUTO_PROVIDER_ID}': ` +
              'create your TimeProvider before the first DataLakeBackup, so that the library uses it.',
          ]
        : [],
  });
}
