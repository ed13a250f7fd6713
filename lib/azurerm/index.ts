// The L1 bindings (generated from the provider schemas: see codegen/) and the versions they are valid for.
export * from './generated';
export { AZURERM_VERSION_CONSTRAINT, TERRAFORM_VERSION_CONSTRAINT, TIME_VERSION_CONSTRAINT } from './version';
