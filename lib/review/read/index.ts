// The read stage: a synthesized output directory as plain data, and an index over its blocks.
export { readOutDir } from './out-dir';
export type { SynthesizedStack } from './out-dir';
export { Configuration, isExpression } from './configuration';
