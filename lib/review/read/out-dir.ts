// The read stage: a synthesized cdktf output directory to plain data (the manifest's stacks and their Terraform
// JSON), safely: nothing outside the directory is read, and bad input is an `InputError`.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../errors';
import { fileError } from '../../private/problems';
import { SWAP_JOURNAL, SYNTH_STATE_DIR } from '../../private/out-dir-layout';

/** One stack of a synthesized cdktf output directory. */
export interface SynthesizedStack {
  /** The stack's name, as the manifest lists it. */
  readonly name: string;
  /** The stack file, relative to the output directory (`stacks/<name>/cdk.tf.json`). */
  readonly file: string;
  /** The Terraform JSON configuration. */
  readonly json: TerraformJson;
}

/** The parts of a Terraform JSON configuration the review reads. */
export interface TerraformJson {
  /** Resources, by type and name. */
  readonly resource?: Record<string, Record<string, Args>>;
  /** Data sources, by type and name. */
  readonly data?: Record<string, Record<string, Args>>;
  /** Outputs, by name. */
  readonly output?: Record<
    string,
    {
      /** The output's value, as written. */
      readonly value?: unknown;
    }
  >;
  /** The rest (`terraform`, `provider`, `locals`, ...), as written. */
  readonly [key: string]: unknown;
}

/** The arguments of one resource or data source, as written in the JSON. */
export type Args = Readonly<Record<string, unknown>>;

// The review runs on directories from pull requests: a manifest is input, and its paths must not make the review
// read (and quote into an error or the report) files elsewhere on the machine that runs it.
const INSIDE_ONLY = 'the review reads only regular files inside the directory it reviews';

/**
 * Loads `<dir>/manifest.json` and every stack it lists, sorted by name. Bad input is an `InputError` that names
 * the path (as the user gave it) and what is wrong, never a stack trace. Every file is read inside `dir` only (see
 * `locate`), and an error never quotes a file's text.
 * @param what how the directory is called in messages: `output directory` or `base`
 */
export function readOutDir(dir: string, what: string): SynthesizedStack[] {
  if (!fs.existsSync(dir)) throw fileError('ADLSBK-REVIEW-INPUT', dir, `does not exist (the ${what})`);
  if (!fs.statSync(dir).isDirectory()) throw fileError('ADLSBK-REVIEW-INPUT', dir, `is not a directory (the ${what})`);
  // Compared with the directory's real path, so that a directory given through a symbolic link still works.
  const root = fs.realpathSync(dir);
  if (fs.existsSync(path.join(dir, SYNTH_STATE_DIR, SWAP_JOURNAL))) {
    throw fileError(
      'ADLSBK-REVIEW-INPUT',
      dir,
      `(${what}) holds a synth that was stopped while it put its output in place (${path.join(SYNTH_STATE_DIR, SWAP_JOURNAL)}): run \`adls-backup synth\` again to finish it, then review`,
    );
  }
  const manifestPath = path.join(dir, 'manifest.json');
  const manifestFile = locate(dir, root, 'manifest.json');
  if (manifestFile.kind === 'missing') {
    throw fileError(
      'ADLSBK-REVIEW-INPUT',
      manifestPath,
      `not found: ${dir} is not a synthesized cdktf output directory (run \`cdktf synth\` first)`,
    );
  }
  if (manifestFile.kind === 'refused')
    throw fileError('ADLSBK-REVIEW-INPUT', manifestPath, `is refused: ${manifestFile.rule}; ${INSIDE_ONLY}`);
  const manifest = readJson(manifestFile.real, manifestPath, 'manifest');
  const stacks = isObject(manifest) ? manifest.stacks : undefined;
  if (!isObject(stacks))
    throw fileError('ADLSBK-REVIEW-INPUT', manifestPath, `has no "stacks" object: it is not a cdktf manifest`);

  return Object.keys(stacks)
    .sort()
    .map((key) => {
      const stack = `stack ${quoted(key)}`;
      const entry = stacks[key];
      const file = isObject(entry) ? entry.synthesizedStackPath : undefined;
      if (typeof file !== 'string' || file === '') {
        throw fileError('ADLSBK-REVIEW-INPUT', manifestPath, `lists ${stack} without "synthesizedStackPath"`);
      }
      const stackPath = path.join(dir, file);
      const location = locate(dir, root, file);
      if (location.kind === 'refused') {
        throw fileError(
          'ADLSBK-REVIEW-INPUT',
          manifestPath,
          `lists ${stack} at synthesizedStackPath ${quoted(file)}, which is refused: ${location.rule}; ${INSIDE_ONLY}`,
        );
      }
      if (location.kind === 'missing')
        throw fileError('ADLSBK-REVIEW-INPUT', stackPath, `not found: manifest.json lists it for ${stack}`);
      const json = readJson(location.real, stackPath, stack);
      if (!isObject(json)) throw fileError('ADLSBK-REVIEW-INPUT', stackPath, `is not a Terraform JSON object (${stack})`);
      const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : key;
      return { name, file, json: json as TerraformJson };
    });
}

/** Where a path of the directory leads: a regular file inside it (its real path), nothing, or a refusal. */
type Location = { kind: 'file'; real: string } | { kind: 'missing' } | { kind: 'refused'; rule: string };

/**
 * Resolves `relative` (as the manifest writes it) inside `dir`, whose real path is `root`. Refused: a NUL, an
 * absolute path, any `..` component (cdktf writes none, and through a symbolic link `..` is not where it seems, so
 * the review would read another file than Terraform), a component that is a symbolic link leading out of the
 * directory (each is checked with lstat and realpath: a link that stays inside is followed), and anything but a
 * regular file at the end (a directory, a FIFO that would block the read, a device). A link to nothing counts as
 * missing when it points inside, as refused when it points out: the review never tells whether a file exists
 * outside.
 */
function locate(dir: string, root: string, relative: string): Location {
  if (relative.includes('\0')) return { kind: 'refused', rule: 'it holds a NUL character' };
  if (path.isAbsolute(relative)) return { kind: 'refused', rule: `it is an absolute path, not one relative to ${dir}` };
  const parts = relative.split(path.sep === '\\' ? /[\\/]/ : '/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    const leaves = !isInside(root, path.resolve(root, ...parts));
    return {
      kind: 'refused',
      rule: leaves
        ? `it leaves ${dir} through ".."`
        : 'it has a ".." component (cdktf writes stacks/<stack>/cdk.tf.json; through a symbolic link, ".." is not where it seems)',
    };
  }
  let real = root;
  let shown = dir;
  for (const part of parts) {
    const next = path.join(real, part);
    shown = path.join(shown, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(next);
    } catch (e) {
      if (isMissing(e)) return { kind: 'missing' };
      throw fileError('ADLSBK-REVIEW-INPUT', shown, `cannot be read: ${(e as Error).message}`);
    }
    if (!stat.isSymbolicLink()) {
      real = next;
      continue;
    }
    const leadsOut = { kind: 'refused', rule: `${shown} is a symbolic link that leads out of ${dir}` } as const;
    let target: string;
    try {
      target = fs.realpathSync(next);
    } catch (e) {
      if (!isMissing(e)) throw fileError('ADLSBK-REVIEW-INPUT', shown, `cannot be read: ${(e as Error).message}`);
      return isInside(root, path.resolve(real, readLink(next))) ? { kind: 'missing' } : leadsOut;
    }
    if (!isInside(root, target)) return leadsOut;
    real = target;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch (e) {
    if (isMissing(e)) return { kind: 'missing' };
    throw fileError('ADLSBK-REVIEW-INPUT', shown, `cannot be read: ${(e as Error).message}`);
  }
  if (!stat.isFile()) return { kind: 'refused', rule: `${shown} is ${kindOf(stat)}, not a regular file` };
  return { kind: 'file', real };
}

/** Where a link points, as written; a link gone since the lstat points nowhere (the empty string, inside). */
function readLink(link: string): string {
  try {
    return fs.readlinkSync(link);
  } catch {
    return '';
  }
}

/** True when `file` is `root` or below it. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/**
 * Reads and parses the file `locate` found (`shown` is its path as the user gave it, for messages). It is opened
 * without following a symbolic link and checked again on the open descriptor, so that a file swapped after the
 * check is not read; the non-blocking open keeps a FIFO from hanging the review.
 */
function readJson(real: string, shown: string, what: string): unknown {
  let text: string;
  let fd: number | undefined;
  try {
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
    fd = fs.openSync(real, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
    if (!fs.fstatSync(fd).isFile())
      throw fileError('ADLSBK-REVIEW-INPUT', shown, `is refused (${what}): it is not a regular file; ${INSIDE_ONLY}`);
    text = fs.readFileSync(fd, 'utf8');
  } catch (e) {
    if (InputError.isInputError(e)) throw e;
    throw fileError('ADLSBK-REVIEW-INPUT', shown, `cannot be read (${what}): ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fileError('ADLSBK-REVIEW-INPUT', shown, `is not valid JSON (${what}): ${jsonProblem(e, text)}`);
  }
}

/**
 * Where the JSON breaks, in words. Never the parser's message: V8 quotes the text around the error (`Unexpected
 * token 'r', "root:x:0:0"... is not valid JSON`), and the file may hold what its owner did not mean to show.
 */
function jsonProblem(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : '';
  const at = /\bat position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1])).split('\n');
    return `it breaks at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
  if (/unexpected end of JSON input/i.test(message)) return 'it ends before the JSON value does';
  return 'it holds an unexpected token (the text is not shown)';
}

/** A name from the manifest in messages: quoted, control characters escaped, cut at 200 characters. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
