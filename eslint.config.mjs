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

// The library runs in the user's app with the user's provider packages: it writes its own generated bindings
// (lib/azurerm/generated) and recognises the user's resources by their Terraform type, never by class.
const PREBUILT = '^@(cdktf|cdktn)/provider-';
const LIBRARY_PREBUILT =
  "The library uses its own bindings (lib/azurerm/generated, `npm run generate`): a prebuilt provider package is the user's, in the user's version.";
const NO_INSTANCEOF = {
  selector: "BinaryExpression[operator='instanceof'][right.name!='Error']",
  message:
    "Recognise inputs by what they are: `X.isX(value)` for the library's classes (lib/private/brand.ts), `isResourceOfType` for Terraform resources, `Construct.isConstruct`; another copy of a package has other classes.",
};
const ROOT_RULES = [
  { selector: `ImportExpression[source.value=/${ROOT_IN_SELECTOR}/]`, message: PROVIDER_ROOT },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=/${ROOT_IN_SELECTOR}/]`, message: PROVIDER_ROOT },
];

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
      'no-restricted-syntax': ['error', ...ROOT_RULES],
      // Tests and the review read synthesized JSON, which has no type.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: PREBUILT, message: LIBRARY_PREBUILT },
            // The cdktn flavour is built by rewriting these imports (scripts/build-flavours.ts): write cdktf only.
            { regex: '^cdktn$', message: "Import 'cdktf': the CDK Terrain package is built from the same source." },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...ROOT_RULES, NO_INSTANCEOF],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
