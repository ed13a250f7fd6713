/**
 * The keyword beside a rule of the fleet spec's schema that gives its problem code (`x-problem-code`): spec-schema.ts
 * writes it, schema-check.ts reports it. JSON Schema ignores keywords it does not know, and so do editors.
 */
export const CODE_KEYWORD = 'x-problem-code';
