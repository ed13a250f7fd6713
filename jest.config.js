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

// The flavour projects test the library; Terraform's own checks of what it writes run once (the two flavours write
// the same bytes, which the shared snapshots prove) in their own project, with the stand-in provider.
const flavour = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/terraform/'],
};

// Jest's default is one worker less than the cores: one on the 2 cores of the CI machines, where the suite then
// runs one file at a time. Most of its time is spent waiting for other processes (terraform, the command line
// killed mid-synth, npm), so two files at once use the two cores; more cores keep jest's default.
const { availableParallelism } = require('os');

module.exports = {
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...flavour, displayName: 'cdktf', globals: { ADLS_BACKUP_FLAVOUR: 'cdktf' } },
    {
      ...flavour,
      displayName: 'cdktn',
      globals: { ADLS_BACKUP_FLAVOUR: 'cdktn' },
      moduleNameMapper: {
        '^cdktf$': 'cdktn',
        '^@cdktf/provider-azurerm/(.*)$': '@cdktn/provider-azurerm/$1',
      },
    },
    {
      ...base,
      displayName: 'terraform',
      roots: ['<rootDir>/test/terraform'],
      globals: { ADLS_BACKUP_FLAVOUR: 'cdktf' },
      globalSetup: '<rootDir>/test/terraform/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/terraform/harness/global-teardown.ts',
    },
  ],
};
