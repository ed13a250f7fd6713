// The layers of lib/, bottom to top (docs/architecture.md draws them). A module imports only its own layer and
// the ones below; `npm run lint` fails on an upward import, on any import cycle (type-only imports included: a
// cycle of types is still two modules that cannot be understood apart), on lib/private used from outside, and on a
// module of lib/ that is in no layer (a new top-level folder or file nobody placed: add it to one below).
//
//   bindings      lib/azurerm/, lib/data/,           the azurerm and time bindings, data files, and what
//                 lib/private/host-internals.ts      the library relies on in cdktf beyond its public API
//   foundation    lib/errors.ts, lib/regions.ts,     errors and their catalog of codes, shared rules and
//                 lib/time-zones.ts,                 limits, the interfaces the constructs implement, helpers
//                 lib/interfaces.ts,
//                 lib/error-catalog.ts, lib/private/
//   constructs    lib/*.ts                           constructs and value objects
//   services      lib/compliance/, lib/monitoring/   built on the constructs
//   fleet         lib/fleet/                         the fleet spec and synthesizer
//   review        lib/review/                        the review of a synthesized output
//   cli           lib/cli/                           the command line
//
// The entry points (lib/index.ts and each folder's index.ts) only re-export, so the root one may gather layers.

// lib/private/host-internals.ts talks to cdktf alone: the bottom of everything, the bindings included.
const BINDINGS = '^lib/((azurerm|data)/|private/host-internals\\.ts$)';
const FOUNDATION = '^lib/((errors|error-catalog|regions|time-zones|interfaces)\\.ts$|private/(?!host-internals\\.ts$))';
const CONSTRUCTS = '^lib/(?!(errors|error-catalog|regions|time-zones|interfaces|index)\\.ts$)[^/]+\\.ts$';
const SERVICES = '^lib/(compliance|monitoring)/';
const FLEET = '^lib/fleet/';
const REVIEW = '^lib/review/';
const CLI = '^lib/cli/';

const LAYERS = [BINDINGS, FOUNDATION, CONSTRUCTS, SERVICES, FLEET, REVIEW, CLI];
const NAMES = ['bindings', 'foundation', 'constructs', 'services', 'fleet', 'review', 'cli'];
// The root entry point, above every layer (it only re-exports them).
const ROOT_ENTRY = '^lib/index\\.ts$';
// A path no module has: a `required` rule with it as its `to` is broken by every module it applies to.
const NOTHING = '^$';

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${NAMES[i]}-imports-no-layer-above`,
  comment: `lib/ is layered (see the top of this file): ${NAMES[i]} must not import ${NAMES.slice(i + 1).join(', ')}`,
  severity: 'error',
  from: { path: layer },
  to: { path: LAYERS.slice(i + 1) },
}));

// What tests may import besides the entry points, each with the reason.
const TEST_INTERNALS = [
  // Pure functions whose edge cases are tested directly, cheaper than through a construct.
  '^lib/private/(go-url|terraform-template|host-internals)\\.ts$',
  '^lib/review/((interpolations|findings|words)\\.ts$|report\\.schema\\.json$|(read|model|changes|report|render)/index\\.ts$)',
  '^lib/fleet/(load-spec|schema-check|spec-problems)\\.ts$',
  '^lib/azurerm/(version-constraint|container-limit)\\.ts$',
  // The generated bindings, which the Terraform tests build stacks from as a user of the prebuilt provider would.
  '^lib/azurerm/generated/',
  // Lists the root entry point also exports, and errors: the same module either way.
  '^lib/(regions|time-zones|errors|data-lake-backup)\\.ts$',
  '^lib/monitoring/index\\.ts$',
  // The catalog of problem codes (codes are its keys), which tests run and docs/errors.md is written from.
  '^lib/error-catalog\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle (type-only ones included) means two modules that cannot be understood or changed apart',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-root-entry-point-inside-lib',
      comment: 'lib/index.ts gathers every layer: a module of lib/ importing it would import the layers above its own',
      severity: 'error',
      from: { path: '^lib/', pathNot: ROOT_ENTRY },
      to: { path: ROOT_ENTRY },
    },
    {
      name: 'private-only-from-lib',
      comment: 'lib/private is the implementation: examples, scripts and benchmarks use the entry points',
      severity: 'error',
      from: { path: '^(bin|examples|scripts|bench)/' },
      to: { path: '^lib/private/' },
    },
    {
      name: 'tests-use-entry-points',
      comment: 'tests import the entry points (lib/index.ts, lib/<folder>/index.ts, lib/cli/main.ts) or a module listed with its reason in TEST_INTERNALS',
      severity: 'error',
      from: { path: '^test/' },
      to: {
        path: '^lib/',
        pathNot: ['^lib/index\\.ts$', '^lib/(azurerm|fleet|review|compliance)/index\\.ts$', '^lib/cli/main\\.ts$', ...TEST_INTERNALS],
      },
    },
  ],
  required: [
    {
      name: 'lib-module-in-a-layer',
      comment:
        'every module of lib/ is in one of the LAYERS (or is lib/index.ts): a module in none, such as one in a new top-level folder, would be checked by no layer rule; place it in the list at the top of this file',
      severity: 'error',
      module: { path: '^lib/', pathNot: [...LAYERS, ROOT_ENTRY] },
      to: { path: NOTHING },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|cdktf\\.out)/' },
  },
};
