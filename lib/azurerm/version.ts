import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { stackOverride } from '../private/host-internals';
import { ProviderFamily } from './binding';

/**
 * The azurerm versions every argument this library writes is valid in: the ADLS backup instance first ships in
 * 4.68.0, and 5.0 changed none of the types the library writes in a way it uses (checked against the 4.68.0, 4.79.0
 * and 5.x schemas in the tests).
 */
export const AZURERM_VERSION_CONSTRAINT = '>= 4.68.0, < 6.0.0';

/**
 * The Terraform versions that read everything the library writes: `lifecycle.precondition` needs 1.2. Nothing newer
 * is needed, so pipelines on any Terraform from 1.2 keep working.
 */
export const TERRAFORM_VERSION_CONSTRAINT = '>= 1.2.0';

/** hashicorp/time: `time_sleep` with `create_duration` and `triggers`, as in 0.13 (the schema the binding is from). */
export const TIME_VERSION_CONSTRAINT = '>= 0.13.0, < 1.0.0';

const AZURERM_PATH = ['terraform', 'required_providers', 'azurerm', 'version'];
const TERRAFORM_PATH = ['terraform', 'required_version'];

/** The stack's azurerm version constraint as the user or the library set it, or undefined when none is set. */
export function azurermConstraintOf(scope: IConstruct): string | undefined {
  const current = stackOverride(TerraformStack.of(scope), AZURERM_PATH);
  return typeof current === 'string' && current.trim() !== '' ? current : undefined;
}

/** Adds `constraint` to the stack override at `path`, keeping what the user set there (joined with a comma). */
function requireOverride(stack: TerraformStack, path: readonly string[], constraint: string): void {
  const current = stackOverride(stack, path);
  if (typeof current === 'string' && current.includes(constraint)) return;
  const joined = typeof current === 'string' && current.trim() !== '' ? `${current}, ${constraint}` : constraint;
  stack.addOverride(path.join('.'), joined);
}

/**
 * Sets the stack's azurerm version constraint and its Terraform `required_version`. A prebuilt `AzurermProvider`
 * writes the version it was generated from (4.55.0 for `@cdktf/provider-azurerm` 14.x, 4.73.0 for
 * `@cdktn/provider-azurerm` 16.x), which would refuse both older and newer providers for no reason of this library's;
 * the override replaces it. A constraint the user set as an override (`~> 4.79`) is kept and joined with ours.
 */
function requireAzurermVersion(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  requireOverride(stack, AZURERM_PATH, AZURERM_VERSION_CONSTRAINT);
  requireOverride(stack, TERRAFORM_PATH, TERRAFORM_VERSION_CONSTRAINT);
}

/** hashicorp/azurerm, as the generated bindings declare it. */
export const AZURERM: ProviderFamily = {
  providerName: 'azurerm',
  // The prebuilt providers write `azurerm`; the same spelling keeps one entry when both are in a stack.
  source: 'azurerm',
  versionConstraint: AZURERM_VERSION_CONSTRAINT,
  onElementCreated: requireAzurermVersion,
};

/** hashicorp/time, for `time_sleep`. */
export const TIME: ProviderFamily = {
  providerName: 'time',
  source: 'hashicorp/time',
  versionConstraint: TIME_VERSION_CONSTRAINT,
};
