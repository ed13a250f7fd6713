// The report stage: the model, its findings and the changes as the JSON report's data.
export { buildReport, CHAIN_OK } from './build';
export { REPORT_SCHEMA_VERSION } from './types';
export type * from './types';
