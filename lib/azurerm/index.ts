export * from './backup-policy-data-lake-storage';
export * from './backup-instance-data-lake-storage';
export { AZURERM_VERSION_CONSTRAINT } from './version';
