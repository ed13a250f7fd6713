// Construct ids the fleet gives its own objects in each stack. A region's constructs are scoped under the
// region's name, so a region must never be one of these: constructs keeps children in a plain object, where
// "constructor" already exists (the crash "There is already a Construct with name 'constructor'"), and the
// provider and cdktf's backend take "azurerm" and "backend".

/** The id of each stack's default azurerm provider. */
export const PROVIDER_ID = 'azurerm';

/** Names a region (a construct scope and a map key) can never take. */
export const RESERVED_SCOPE_IDS: readonly string[] = [PROVIDER_ID, 'backend', ...Object.getOwnPropertyNames(Object.prototype)];
