import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * The azurerm versions this library's ADLS bindings are written for: the ADLS backup instance first ships in
 * 4.68.0 (the policy in 4.67.0), and 5.x is untested.
 */
export const AZURERM_VERSION_CONSTRAINT = '>= 4.68.0, < 5.0.0';

/** Generator metadata shared by the hand-written ADLS bindings. */
export const AZURERM_GENERATOR_METADATA = {
  providerName: 'azurerm',
  providerVersionConstraint: AZURERM_VERSION_CONSTRAINT,
};

/**
 * Sets the stack's `terraform.required_providers.azurerm.version` to `AZURERM_VERSION_CONSTRAINT`.
 * The prebuilt `AzurermProvider` (built for 4.55.0) would otherwise pin a version without these resources.
 */
export function requireAzurermVersion(scope: IConstruct): void {
  TerraformStack.of(scope).addOverride('terraform.required_providers.azurerm.version', AZURERM_VERSION_CONSTRAINT);
}
