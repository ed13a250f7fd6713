// The catalog of problem codes, for what documents and tests it (scripts/error-docs.ts writes docs/errors.md from
// it, test/error-catalog.test.ts runs its examples): every code with what it is about, why, and a wrong and a
// right example. The catalog itself is lib/private/rules/codes/, where the rules it names live; this module is
// the one way in from outside lib/. Not part of the package's entry points: a program matches on `Problem.code`.
export { BASE_SPEC, CATALOG_PARTS, PROBLEM_CODES, specWith, TYPESCRIPT_SETUP } from './private/rules/codes';
export type { CodeEntry, CodeExample, ProblemCode } from './private/rules/codes';
