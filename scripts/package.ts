// `npm run package`: the two npm packages from one source, as tarballs in dist/packages/:
//   cdktf-adls-backup-<version>.tgz  for CDK for Terraform apps (peers cdktf, constructs)
//   cdktn-adls-backup-<version>.tgz  for CDK Terrain apps (peers cdktn, constructs)
// Each flavour compiles a copy of lib/ whose `cdktf` imports are rewritten to the flavour's core package, against
// that package's own type declarations. Nothing else differs, and the build checks it: the compiled files of both
// flavours are identical once the core package's name is put back.
import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';

// Compiled, this runs from dist/scripts/; the tests read FLAVOURS from the source in scripts/.
const ROOT = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');
const STAGE = join(ROOT, 'dist', 'flavours');
export const PACKAGES_DIR = join(ROOT, 'dist', 'packages');

interface Flavour {
  /** The npm package name users install. */
  readonly name: string;
  /** The core package its imports name: `cdktf` or `cdktn`. */
  readonly core: 'cdktf' | 'cdktn';
  readonly description: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

export const FLAVOURS: readonly Flavour[] = [
  {
    name: 'cdktf-adls-backup',
    core: 'cdktf',
    description: manifest.description,
    peerDependencies: manifest.peerDependencies,
  },
  {
    name: 'cdktn-adls-backup',
    core: 'cdktn',
    description: manifest.description.replace('CDK for Terraform', 'CDK Terrain (cdktn)'),
    // CDK Terrain 0.24 declares constructs >=10.6.0 <10.8.0.
    peerDependencies: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' },
  },
];

/** Imports and requires of the core package (`from 'cdktf'`, `require("cdktf")`, `import('cdktf')`). */
const CORE_SPECIFIER = /((?:from|import|require)\s*\(?\s*)(['"])cdktf\2/g;
/** Any other module specifier starting with cdktf (a subpath) cannot be rewritten safely. */
const CORE_SUBPATH = /(?:from|import|require)\s*\(?\s*['"]cdktf\//;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** lib/ copied to `to`, its core imports naming `core`; how many were rewritten. */
export function rewriteSources(to: string, core: string): number {
  let rewritten = 0;
  for (const file of filesUnder(join(ROOT, 'lib'))) {
    const target = join(to, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      cpSync(file, target);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (CORE_SUBPATH.test(text)) throw new Error(`${relative(ROOT, file)} imports a cdktf subpath: import from 'cdktf' only`);
    writeFileSync(
      target,
      text.replace(CORE_SPECIFIER, (_, prefix: string, quote: string) => {
        rewritten++;
        return `${prefix}${quote}${core}${quote}`;
      }),
    );
  }
  return rewritten;
}

function compile(stage: string): void {
  writeFileSync(
    join(stage, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: relative(stage, join(ROOT, 'tsconfig.json')),
        compilerOptions: { rootDir: 'src', outDir: 'package/dist', types: ['node'], declaration: true },
        include: ['src/lib/**/*.ts', 'src/lib/**/*.json'],
        // The repository's config excludes dist/, where the stage is.
        exclude: [],
      },
      null,
      2,
    ),
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(stage, 'tsconfig.json')], {
    stdio: 'inherit',
  });
}

/** The published manifest: the repository's, less what only development needs, with the flavour's name and peers. */
function packageJson(flavour: Flavour): Record<string, unknown> {
  const { name, description, peerDependencies } = flavour;
  const keep = [
    'version',
    'license',
    'keywords',
    'engines',
    'main',
    'types',
    'exports',
    'typesVersions',
    'bin',
    'files',
    'dependencies',
  ];
  return {
    name,
    description,
    ...Object.fromEntries(keep.map((key) => [key, manifest[key]])),
    peerDependencies,
  };
}

/** Builds every flavour into dist/flavours/<core>/package and packs it into dist/packages/; returns the tarballs. */
export function buildPackages(): string[] {
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(PACKAGES_DIR, { recursive: true });
  const tarballs: string[] = [];
  for (const flavour of FLAVOURS) {
    const stage = join(STAGE, flavour.core);
    const rewritten = rewriteSources(join(stage, 'src'), flavour.core);
    if (rewritten < 10) throw new Error(`only ${rewritten} imports of cdktf found in lib/: the rewrite would miss some`);
    compile(stage);
    const pkg = join(stage, 'package');
    writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(packageJson(flavour), null, 2)}\n`);
    for (const file of ['README.md', 'LICENSE']) cpSync(join(ROOT, file), join(pkg, file));
    cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', PACKAGES_DIR], { cwd: pkg, encoding: 'utf8' });
    const [{ filename }] = JSON.parse(out) as { filename: string }[];
    tarballs.push(join(PACKAGES_DIR, filename));
  }
  checkSameCode();
  return tarballs;
}

/** Every compiled file of the cdktn flavour equals the cdktf one once the core package's name is read back. */
function checkSameCode(): void {
  const cdktf = join(STAGE, 'cdktf', 'package', 'dist');
  const cdktn = join(STAGE, 'cdktn', 'package', 'dist');
  const names = (dir: string) =>
    filesUnder(dir)
      .map((f) => relative(dir, f))
      .sort();
  if (JSON.stringify(names(cdktf)) !== JSON.stringify(names(cdktn)))
    throw new Error('the two flavours compiled to different files');
  for (const file of names(cdktf)) {
    const a = readFileSync(join(cdktf, file), 'utf8');
    // The compiler names a module's binding after it (`const cdktn_1 = require("cdktn")`).
    const b = readFileSync(join(cdktn, file), 'utf8')
      .replace(/(require\(|from\s+|import\()(['"])cdktn\2/g, '$1$2cdktf$2')
      .replace(/\bcdktn_(\d+)\b/g, 'cdktf_$1');
    if (a !== b) throw new Error(`dist/${file} differs between the flavours beyond the core package's name`);
  }
}

if (require.main === module) {
  for (const tarball of buildPackages()) console.log(`Packed ${relative(ROOT, tarball)}`);
}
