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

const VERSION_PATH = 'terraform.required_providers.azurerm.version';

/**
 * Sets the stack's `terraform.required_providers.azurerm.version` to `AZURERM_VERSION_CONSTRAINT`.
 * The prebuilt `AzurermProvider` (built for 4.55.0) would otherwise pin a version without these resources.
 * A constraint the user already set as an override (e.g. `~> 4.75`) is kept and joined with ours.
 */
export function requireAzurermVersion(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  // cdktf keeps overrides in a field it does not type; reading it is the only way to keep a user's pin.
  const current: unknown = (stack as unknown as { rawOverrides?: any }).rawOverrides?.terraform?.required_providers?.azurerm
    ?.version;
  if (typeof current === 'string' && current.includes(AZURERM_VERSION_CONSTRAINT)) return;
  const joined =
    typeof current === 'string' && current.trim() !== ''
      ? `${current}, ${AZURERM_VERSION_CONSTRAINT}`
      : AZURERM_VERSION_CONSTRAINT;
  stack.addOverride(VERSION_PATH, joined);
}
