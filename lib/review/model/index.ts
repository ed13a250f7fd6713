// The model stage: the read stacks as an immutable model of vaults, policies, instances, grants and ordering.
export { buildModel } from './build';
export * from './resource-types';
export type * from './types';
