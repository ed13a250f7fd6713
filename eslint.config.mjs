// ESLint (flat config) with typescript-eslint's recommended rules, without type information (fast: the type check
// is `tsc --noEmit`), and Prettier owning the formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const PROVIDER_ROOT =
  'Import the resource submodule instead, e.g. @cdktf/provider-azurerm/lib/role-assignment: the package root loads every azurerm resource (about 1.5 s and 400 MiB per process).';

export default tseslint.config(
  { ignores: ['dist/', 'cdktf.out/', 'coverage/', 'node_modules/', '.gen/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@cdktf/provider-azurerm', message: PROVIDER_ROOT },
            { name: '@cdktf/provider-azurerm/lib', message: PROVIDER_ROOT },
            { name: '@cdktf/provider-azurerm/lib/index', message: PROVIDER_ROOT },
          ],
        },
      ],
      // Tests and the review read synthesized JSON, which has no type.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
