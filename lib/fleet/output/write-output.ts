import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileError, inputError } from '../../private/problems';
import { crashPoint } from './crash-point';
import { install, planInstall, recover } from './install';
import { InstallLayout, layoutOf } from './journal';
import { acquireLock } from './lock';
import { readPreviousOutput, STATE_DIR } from './previous-output';
import { fsyncPath, kindAt, refuseLink, walk } from './tree';

/**
 * Replaces the output in `out` with what `produce` writes into the staging folder it is given. Any failure before
 * the renames that put it in place leaves the old output byte-identical; during them, each stack folder holds a
 * complete stack file, old or new, and the manifest moves in last (see install.ts); a kill there is finished by
 * the next run. Files under `stacks/` that synth did not write (Terraform's `.terraform/`, state, lock file, a
 * user's files) are never touched. Nothing outside `out` is written, and no link in it is followed. Returns
 * `produce`'s result and notes for the user (a stopped run finished, a dropped stack's folder kept).
 */
export function writeOutput<T>(
  outArg: string,
  produce: (staging: string) => T,
): { readonly result: T; readonly notes: string[] } {
  const out = withoutTrailing(outArg);
  const notes: string[] = [];
  const createdOut = prepareOut(out);
  const state = join(out, STATE_DIR);
  const createdState = prepareState(state);
  const layout = layoutOf(out, state);
  let release: (() => void) | undefined;
  let succeeded = false;
  try {
    release = acquireLock(join(state, 'lock'), notes);
    recover(layout, notes);
    clearStale(layout, notes);
    const previous = readPreviousOutput(out);
    mkdirSync(layout.staging);
    const result = produce(layout.staging);
    const journal = planInstall(layout, previous);
    flush(layout.staging);
    crashPoint('staged');
    install(layout, journal, notes);
    succeeded = true;
    return { result, notes };
  } finally {
    // A run refused by the lock never touches what the lock holder is writing.
    if (release && !succeeded && kindAt(layout.journal) === undefined) {
      for (const folder of [layout.staging, layout.saved]) rmSync(folder, { recursive: true, force: true });
    }
    release?.();
    // Leave nothing behind that was not there: a clean run's state folder is empty, and a failed first run
    // removes the --out it created.
    if (succeeded || createdState || release) tryRemoveEmpty(state);
    if (!succeeded && createdOut) tryRemoveEmpty(out);
  }
}

/** Checks `out` and creates it when missing (never its parents). Returns whether it was created. */
function prepareOut(out: string): boolean {
  if (out === '') throw inputError('ADLSBK-CLI-USAGE', '--out', 'must name a directory', '""');
  const kind = kindAt(out);
  if (kind === 'link') refuseLink(out, 'a directory (or pass the directory it points to)');
  if (kind === 'dir') return false;
  if (kind !== undefined) throw fileError('ADLSBK-OUT-DIR', out, `exists and is not a directory`);
  const parent = dirname(resolve(out));
  if (kindAt(parent) === undefined || !isDirectory(parent)) {
    throw fileError('ADLSBK-OUT-DIR', out, `its parent folder ${parent} does not exist; create it first`);
  }
  try {
    mkdirSync(out);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false; // another run made it a moment ago
    throw e;
  }
}

function prepareState(state: string): boolean {
  const kind = kindAt(state);
  if (kind === 'link') refuseLink(state, 'nothing: synth makes this folder itself');
  if (kind === 'dir') return false;
  if (kind !== undefined)
    throw fileError('ADLSBK-OUT-DIR', state, `is not a folder: synth keeps its lock and staging there; move it`);
  try {
    mkdirSync(state);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

// A run killed before its journal was written had renamed nothing: its staging folder holds only what it wrote,
// and its saved folder only hard links to files still in the output. Removing both loses nothing.
function clearStale(layout: InstallLayout, notes: string[]): void {
  for (const folder of [layout.staging, layout.saved]) {
    const kind = kindAt(folder);
    if (kind === undefined) continue;
    if (kind === 'link') refuseLink(folder, 'nothing: synth makes this folder itself');
    rmSync(folder, { recursive: true, force: true });
    if (folder === layout.staging)
      notes.push('removed the unfinished staging folder of a synth that was stopped before it put its output in place');
  }
  rmSync(layout.undoing, { force: true });
}

// `link/` and `link/.` make lstat follow the link: the name itself is what is checked, so those endings go.
function withoutTrailing(out: string): string {
  let name = out;
  while (name.length > 1 && /\/\.?$/.test(name)) name = name.replace(/\/\.?$/, '') || '/';
  return name;
}

// Every staged file and folder reaches the disk before the swap, so a power cut after it cannot expose half a file.
function flush(staging: string): void {
  for (const entry of walk(staging)) if (entry.kind === 'file' || entry.kind === 'dir') fsyncPath(join(staging, entry.rel));
  fsyncPath(staging);
}

function isDirectory(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function tryRemoveEmpty(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // not empty (another run's lock, a kept copy) or already gone: leave it
  }
}
