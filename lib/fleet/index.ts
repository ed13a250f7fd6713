// The fleet spec: one YAML or JSON file in, one vault per region and a backup per account out.
export { loadFleetSpec, parseFleetSpec } from './load-spec';
export type { LoadedSpec } from './load-spec';
export { buildFleet } from './build-fleet';
export type { BuiltFleet } from './build-fleet';
export { synthFleet, validateFleet } from './synth-fleet';
export type { FleetResult } from './synth-fleet';
export { warningLine } from './fleet-warning';
export type { FleetWarning } from './fleet-warning';
export { planFleet } from './plan-fleet';
export type { FleetPlan, PlannedRegion, PlannedAccount } from './plan-fleet';
export { SpecError, formatPath } from './spec-problems';
export { AdlsBackupError, InputError } from '../errors';
export type { Problem } from '../errors';
export type { SpecProblem, SpecErrorOptions, SpecWarning } from './spec-problems';
export type { SpecLocator } from './spec-problems';
export { FLEET_SPEC_SCHEMA } from './schema-check';
export type * from './spec';
