/**
 * The suite runs twice, once per flavour of the library (one source, two npm packages):
 * - cdktf: as written, against cdktf and @cdktf/provider-azurerm;
 * - cdktn: every import of `cdktf` (the library's, the tests', the examples') resolved to CDK Terrain's `cdktn`, and
 *   the examples' and tests' `@cdktf/provider-azurerm` to `@cdktn/provider-azurerm`, as the cdktn-adls-backup
 *   package and a CDK Terrain app have them. Both share the snapshots: the Terraform must be the same bytes.
 * @type {import('jest').Config}
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking is its own step (`npm run typecheck`): with `isolatedModules` in tsconfig.json, ts-jest only transpiles.
    '^.+\\.ts$': ['ts-jest', {}],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'cdktf', globals: { ADLS_BACKUP_FLAVOUR: 'cdktf' } },
    {
      ...base,
      displayName: 'cdktn',
      globals: { ADLS_BACKUP_FLAVOUR: 'cdktn' },
      moduleNameMapper: {
        '^cdktf$': 'cdktn',
        '^@cdktf/provider-azurerm/(.*)$': '@cdktn/provider-azurerm/$1',
      },
    },
  ],
};
