import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { InputError } from '../../cli/input-error';
import { carryOver } from './carry-over';
import { crashPoint } from './crash-point';
import { acquireLock } from './lock';
import { readPreviousOutput, STATE_DIR } from './previous-output';
import { commit, layoutOf, recover, SwapLayout } from './swap';
import { fsyncPath, kindAt, refuseLink, walk } from './tree';

/**
 * Replaces the output in `out` with what `produce` writes into the staging folder it is given, atomically:
 * at every moment `out` holds the whole old output or the whole new one (a kill during the three renames of the
 * swap is finished by the next run), and any failure before the swap leaves the old output byte-identical.
 * Files under `stacks/` that synth did not write (Terraform's `.terraform/`, state, lock file, a user's files)
 * are kept. Nothing outside `out` is written, and no link in it is followed. Returns `produce`'s result and
 * notes for the user (a stopped run finished, a dropped stack's folder kept).
 */
export function writeOutput<T>(out: string, produce: (staging: string) => T): { readonly result: T; readonly notes: string[] } {
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
    const dropped = carryOver(join(out, 'stacks'), join(layout.staging, 'stacks'), previous.owned, stackNames(layout.staging));
    for (const stack of dropped) {
      notes.push(
        `stacks/${stack}/ is no longer in the spec and was kept, since it holds files synth did not write (Terraform's working files or state): its resources are not destroyed by dropping it; destroy or move them, then delete the folder`,
      );
    }
    flush(layout.staging);
    crashPoint('staged');
    commit(layout, previous.owned, notes);
    succeeded = true;
    return { result, notes };
  } finally {
    // A run refused by the lock never touches what the lock holder is writing.
    if (release && !succeeded && kindAt(layout.journal) === undefined) rmSync(layout.staging, { recursive: true, force: true });
    release?.();
    // Leave nothing behind that was not there: a clean run's state folder is empty, and a failed first run
    // removes the --out it created.
    if (succeeded || createdState) tryRemoveEmpty(state);
    if (!succeeded && createdOut) tryRemoveEmpty(out);
  }
}

/** Checks `out` and creates it when missing (never its parents). Returns whether it was created. */
function prepareOut(out: string): boolean {
  if (out === '') throw new InputError('--out must name a directory, got: ""');
  const kind = kindAt(out);
  if (kind === 'link') refuseLink(out, 'a directory (or pass the directory it points to)');
  if (kind === 'dir') return false;
  if (kind !== undefined) throw new InputError(`--out ${out}: exists and is not a directory`);
  const parent = dirname(resolve(out));
  if (kindAt(parent) === undefined || !isDirectory(parent)) {
    throw new InputError(`--out ${out}: its parent folder ${parent} does not exist; create it first`);
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
  if (kind !== undefined) throw new InputError(`${state} is not a folder: synth keeps its lock and staging there; move it`);
  try {
    mkdirSync(state);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

// The staging folder of a run that was killed before its swap holds only what it wrote and hard links to files
// that are still in the old output: removing it loses nothing. A parked copy kept by an earlier run is reported.
function clearStale(layout: SwapLayout, notes: string[]): void {
  if (kindAt(layout.staging) !== undefined) {
    rmSync(layout.staging, { recursive: true, force: true });
    notes.push('removed the unfinished staging folder of a synth that was stopped before its swap');
  }
  for (const name of readdirSync(layout.state).filter((n) => n.startsWith('previous-'))) {
    notes.push(
      `${join(layout.state, name)} holds files of an earlier output that were not in the one after it: look at them, then delete it`,
    );
  }
}

function stackNames(staging: string): string[] {
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
  return Object.keys(manifest.stacks);
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
