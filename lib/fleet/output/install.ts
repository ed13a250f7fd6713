import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { InputError } from '../../cli/input-error';
import { SWAP_JOURNAL } from '../../private/out-dir-layout';
import { crashPoint } from './crash-point';
import { isStackFile, PreviousOutput } from './previous-output';
import { fsyncPath, kindAt, refuseLink } from './tree';

// Putting a staged output in place without ever exposing a stack folder without its stack file.
//
// Two names cannot be swapped atomically (Linux's renameat2(RENAME_EXCHANGE) would, but Node does not expose
// it), so the unit that changes atomically is what a reader uses: a stack folder, which Terraform reads whole
// (`terraform -chdir=stacks/<stack>`). Each stack changes with one rename: a new stack's folder moves in whole,
// a kept stack's `cdk.tf.json` is replaced by the new one. The manifest moves in last, and the stack files of
// stacks the spec dropped are removed only after it. So at every instant each stack folder holds a complete stack
// file (its old one or its new one), and the manifest names only stacks whose file is there. Folders are never
// recreated: Terraform's `.terraform/`, state, lock file, a user's files, and the folders' own mode, owner and
// inode stay exactly as they were. A journal written before the first rename lets the next run finish what a
// kill interrupted; an error (not a kill) undoes the renames done, from hard links to the old files.

/** Where one run keeps its work inside --out. */
export interface InstallLayout {
  readonly out: string;
  readonly state: string;
  /** The staged output: cdktf's App writes here (manifest.json, stacks/). */
  readonly staging: string;
  /** Hard links to the old files the renames replace, for undoing them after an error. */
  readonly saved: string;
  readonly journal: string;
}

/** What a run puts in place, written to the journal before the first rename. Paths are relative to --out. */
interface Journal {
  /**
   * Moved from the staging folder, in this order: `stacks` (into an output that has none), the folder of each new
   * stack (`stacks/<stack>`), the stack file of each kept stack (`stacks/<stack>/cdk.tf.json`), `manifest.json`.
   */
  readonly moves: string[];
  /** Stack files of the old output that the new one does not have: removed once the manifest is in. */
  readonly drops: string[];
}

export function layoutOf(out: string, state: string): InstallLayout {
  return { out, state, staging: join(state, 'next'), saved: join(state, 'saved'), journal: join(state, SWAP_JOURNAL) };
}

/**
 * Works out the renames that put the staged output in place, refusing (before anything changes) a stack folder
 * that is a link or not a folder, and a file synth did not write where a stack file goes.
 */
export function planInstall(layout: InstallLayout, previous: PreviousOutput): Journal {
  const stagedStacks = join(layout.staging, 'stacks');
  const stacks = readdirSync(stagedStacks).sort();
  const newFiles = new Set(stacks.map((stack) => `stacks/${stack}/cdk.tf.json`));
  for (const stack of stacks) {
    // The fleet's stacks hold one file; anything else would be an asset the next run could not tell from a user's.
    const staged = readdirSync(join(stagedStacks, stack));
    if (staged.length !== 1 || staged[0] !== 'cdk.tf.json') {
      throw new Error(`stack ${stack} was synthesized with ${staged.join(', ')}: the fleet writes only cdk.tf.json`);
    }
  }
  const drops = [...previous.owned].filter((rel) => rel !== 'manifest.json' && !newFiles.has(rel)).sort();
  if (!previous.hasStacks) return { moves: ['stacks', 'manifest.json'], drops };
  const folders: string[] = [];
  const files: string[] = [];
  for (const stack of stacks) {
    const folder = join(layout.out, 'stacks', stack);
    const kind = kindAt(folder);
    if (kind === undefined) {
      folders.push(`stacks/${stack}`);
      continue;
    }
    if (kind === 'link') refuseLink(folder, "a real folder for the stack's files");
    if (kind !== 'dir') throw new InputError(`${folder} is not a folder, and the new output puts stack ${stack} there; move it`);
    const rel = `stacks/${stack}/cdk.tf.json`;
    const file = join(layout.out, rel);
    const there = kindAt(file);
    if (there === 'link') refuseLink(file, 'the file synth wrote, or delete it');
    if (there !== undefined && (there !== 'file' || !previous.owned.has(rel))) {
      throw new InputError(
        `${file} was not written by synth (the previous manifest does not list it), and the new output writes ${rel} in its place; move it, then run synth again`,
      );
    }
    files.push(rel);
  }
  return { moves: [...folders, ...files, 'manifest.json'], drops };
}

/**
 * Puts the staged output in place. On an error (not a kill) every rename done is undone and the error rethrown,
 * so the old output is byte-identical. Returns notes for the user (a dropped stack's folder kept).
 */
export function install(layout: InstallLayout, journal: Journal, notes: string[]): void {
  saveOldFiles(layout, journal);
  writeFileSync(layout.journal, JSON.stringify(journal), { flag: 'wx' });
  fsyncPath(layout.journal);
  fsyncPath(layout.state);
  crashPoint('journal-written');
  const done: string[] = [];
  try {
    moveIn(layout, journal, done);
  } catch (e) {
    undo(layout, done);
    rmSync(layout.journal, { force: true });
    throw e;
  }
  finish(layout, journal, notes);
}

/**
 * Finishes what the journal of an interrupted run started (each rename checks whether it is done), then cleans up.
 * Returns whether there was anything to finish.
 */
export function recover(layout: InstallLayout, notes: string[]): boolean {
  if (kindAt(layout.journal) !== 'file') return false;
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(layout.journal, 'utf8'));
  } catch {
    // Killed while writing the journal: no rename had started, and the old output is whole.
    rmSync(layout.journal, { force: true });
    return false;
  }
  if (!isJournal(journal)) {
    throw new InputError(
      `${layout.journal} is not a journal synth wrote (it names paths other than stacks/, a stack's folder or file, and manifest.json): synth will not act on it; move it away`,
    );
  }
  const kind = kindAt(layout.staging);
  if (kind === 'link') refuseLink(layout.staging, 'nothing: synth makes this folder itself');
  if (kind !== undefined && kind !== 'dir') throw new InputError(`${layout.staging} is not a folder synth made; move it away`);
  moveIn(layout, journal, []);
  notes.push('a previous synth was stopped while it put its output in place: it is now finished');
  finish(layout, journal, notes);
  return true;
}

const STACK_FOLDER = /^stacks\/([^/\\]+)$/;

// The journal is read back from --out, where anyone may have written: it is acted on only in the shape synth
// writes, so that it can never name a path outside stacks/ and the manifest.
function isJournal(x: unknown): x is Journal {
  const j = x as Journal;
  const isMove = (rel: unknown) =>
    typeof rel === 'string' &&
    (rel === 'stacks' || rel === 'manifest.json' || isStackFile(rel) || (STACK_FOLDER.test(rel) && !/\/\.\.?$/.test(rel)));
  return (
    typeof j === 'object' &&
    j !== null &&
    Array.isArray(j.moves) &&
    j.moves.every(isMove) &&
    Array.isArray(j.drops) &&
    j.drops.every((rel) => typeof rel === 'string' && isStackFile(rel))
  );
}

// Hard links to the files the renames replace (the same data; a copy where a link cannot be made), so that an
// error part way can put each one back.
function saveOldFiles(layout: InstallLayout, journal: Journal): void {
  rmSync(layout.saved, { recursive: true, force: true });
  for (const rel of journal.moves) {
    const old = join(layout.out, rel);
    if (kindAt(old) !== 'file') continue;
    const saved = join(layout.saved, rel);
    mkdirSync(dirname(saved), { recursive: true });
    try {
      linkSync(old, saved);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw e;
      copyFileSync(old, saved);
    }
  }
}

function moveIn(layout: InstallLayout, journal: Journal, done: string[]): void {
  const stackMoves = journal.moves.filter((rel) => rel !== 'manifest.json').length;
  for (const rel of journal.moves) {
    const from = join(layout.staging, rel);
    const kind = kindAt(from);
    if (kind === undefined) continue; // moved by the run a kill interrupted
    if (kind === 'link') refuseLink(from, 'nothing: synth makes this folder itself');
    // The folder a stack file moves into is checked again here: the journal may be a stopped run's, read back.
    const parent = dirname(join(layout.out, rel));
    if (parent !== layout.out && kindAt(parent) === 'link') refuseLink(parent, "a real folder for the stack's files");
    renameSync(from, join(layout.out, rel));
    done.push(rel);
    if (rel === 'manifest.json') crashPoint('manifest-in');
    else if (done.length === 1) crashPoint('first-stack-in');
    if (done.length === stackMoves) crashPoint('stacks-in');
  }
}

// Last rename first: a replaced file gets its saved old self back; what was new moves back to the staging folder.
function undo(layout: InstallLayout, done: readonly string[]): void {
  for (const rel of [...done].reverse()) {
    const saved = join(layout.saved, rel);
    if (kindAt(saved) === 'file') renameSync(saved, join(layout.out, rel));
    else renameSync(join(layout.out, rel), join(layout.staging, rel));
  }
}

// After the manifest: each folder a rename changed reaches the disk, the stack files of dropped stacks go (their
// folders too when nothing else is in them), then synth's own work.
function finish(layout: InstallLayout, journal: Journal, notes: string[]): void {
  const changed = new Set(journal.moves.map((rel) => dirname(join(layout.out, rel))));
  for (const folder of changed) if (kindAt(folder) === 'dir') fsyncPath(folder);
  const kept: string[] = [];
  for (const rel of journal.drops) {
    const folder = dirname(join(layout.out, rel));
    if (kindAt(folder) !== 'dir') continue; // a link planted since: never followed
    rmSync(join(layout.out, rel), { force: true });
    if (!tryRmdir(folder)) kept.push(rel.split('/')[1]);
  }
  for (const stack of kept) {
    notes.push(
      `stacks/${stack}/ is no longer in the spec and was kept, since it holds files synth did not write (Terraform's working files or state): its resources are not destroyed by dropping it; destroy or move them, then delete the folder`,
    );
  }
  rmSync(layout.saved, { recursive: true, force: true });
  rmSync(layout.staging, { recursive: true, force: true });
  rmSync(layout.journal, { force: true });
  crashPoint('cleaned');
}

function tryRmdir(path: string): boolean {
  try {
    rmdirSync(path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw e;
  }
}
