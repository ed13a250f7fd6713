// ESLint (flat config) with typescript-eslint's recommended rules, without type information (fast: the type check
// is `tsc --noEmit`), and Prettier owning the formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Every spelling of the package root: '@cdktf/provider-azurerm', '.../lib', '.../lib/index', '.../lib/index.js', '.../'.
const ROOT_SPELLINGS = '^@cdktf/provider-azurerm(/lib(/index(\\.js)?)?)?/?$';
// esquery selectors write a regex between slashes, so the slashes inside it are escaped.
const ROOT_IN_SELECTOR = ROOT_SPELLINGS.replaceAll('/', '\\/');
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
      'no-restricted-imports': ['error', { patterns: [{ regex: ROOT_SPELLINGS, message: PROVIDER_ROOT }] }],
      // The same for `import('...')` and `require('...')`, which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${ROOT_IN_SELECTOR}/]`, message: PROVIDER_ROOT },
        { selector: `CallExpression[callee.name='require'][arguments.0.value=/${ROOT_IN_SELECTOR}/]`, message: PROVIDER_ROOT },
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
