import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SWAP_JOURNAL } from '../../private/out-dir-layout';
import { crashPoint } from './crash-point';
import { InputError } from '../../cli/input-error';
import { isStackFile } from './previous-output';
import { fsyncPath, kindAt, refuseLink, sameEntry, walk } from './tree';

/**
 * Where one run keeps its work inside --out. The swap is three renames: the old `stacks/` is parked, the staged
 * one takes its place, the staged manifest replaces the old one. A journal written (and flushed) before the
 * first rename lets the next run finish a swap a kill interrupted, so the output never stays half old, half new.
 */
export interface SwapLayout {
  readonly out: string;
  readonly state: string;
  /** The staged output: cdktf's App writes here (manifest.json, stacks/). */
  readonly staging: string;
  readonly journal: string;
}

interface Journal {
  /** Files of the old output synth wrote, relative to --out: removed from the parked copy after the swap. */
  readonly owned: string[];
  /** Where the old `stacks/` is parked, relative to the state folder. */
  readonly parked: string;
}

export function layoutOf(out: string, state: string): SwapLayout {
  return { out, state, staging: join(state, 'next'), journal: join(state, SWAP_JOURNAL) };
}

/** Swaps the staged output in. On an error (not a kill) every rename done is undone and the error rethrown. */
export function commit(layout: SwapLayout, owned: ReadonlySet<string>, notes: string[]): void {
  const journal: Journal = { owned: [...owned].sort(), parked: `previous-${Date.now()}` };
  writeFileSync(layout.journal, JSON.stringify(journal), { flag: 'wx' });
  fsyncPath(layout.journal);
  fsyncPath(layout.state);
  crashPoint('journal-written');
  const done: (() => void)[] = [];
  try {
    swapIn(layout, journal, done);
  } catch (e) {
    for (const undo of done.reverse()) undo();
    rmSync(layout.journal, { force: true });
    throw e;
  }
  cleanUp(layout, journal, notes);
}

/**
 * Finishes what the journal of an interrupted run started (every step checks what is already done), then
 * cleans up. Returns whether there was anything to finish.
 */
export function recover(layout: SwapLayout, notes: string[]): boolean {
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
      `${layout.journal} is not a journal synth wrote (its parked folder or owned files lie outside ${layout.state} and stacks/): synth will not act on it; move it away`,
    );
  }
  for (const folder of [layout.staging, join(layout.state, journal.parked)]) {
    const kind = kindAt(folder);
    if (kind === 'link') refuseLink(folder, 'nothing: synth makes this folder itself');
    if (kind !== undefined && kind !== 'dir') throw new InputError(`${folder} is not a folder synth made; move it away`);
  }
  swapIn(layout, journal, []);
  notes.push('a previous synth was stopped while it swapped its output in: its swap is now finished');
  cleanUp(layout, journal, notes);
  return true;
}

// The journal is read back from --out, where anyone may have written: it is acted on only in the shape synth
// writes, so that it can never name a path outside the state folder or a file outside stacks/<stack>/.
function isJournal(x: unknown): x is Journal {
  const j = x as Journal;
  return (
    typeof j === 'object' &&
    j !== null &&
    typeof j.parked === 'string' &&
    /^previous-\d+$/.test(j.parked) &&
    Array.isArray(j.owned) &&
    j.owned.every((rel) => typeof rel === 'string' && (rel === 'manifest.json' || isStackFile(rel)))
  );
}

function swapIn(layout: SwapLayout, journal: Journal, done: (() => void)[]): void {
  const { out, state, staging } = layout;
  const parked = join(state, journal.parked);
  const [oldStacks, newStacks, parkedStacks] = [join(out, 'stacks'), join(staging, 'stacks'), join(parked, 'stacks')];
  if (kindAt(newStacks) === 'dir') {
    if (kindAt(oldStacks) !== undefined && kindAt(parkedStacks) === undefined) {
      mkdirSync(parked, { recursive: true });
      done.push(() => tryRmdir(parked));
      renameSync(oldStacks, parkedStacks);
      done.push(() => renameSync(parkedStacks, oldStacks));
      crashPoint('old-stacks-parked');
    }
    renameSync(newStacks, oldStacks);
    done.push(() => renameSync(oldStacks, newStacks));
    crashPoint('new-stacks-in');
  }
  const newManifest = join(staging, 'manifest.json');
  if (kindAt(newManifest) === 'file') {
    renameSync(newManifest, join(out, 'manifest.json'));
    fsyncPath(out);
    crashPoint('manifest-in');
  }
}

// The parked old stacks/ holds what synth wrote (removed) and hard links to what it carried over (removed: the
// new stacks/ has the same files). Anything else appeared during the run and is kept, with a note.
function cleanUp(layout: SwapLayout, journal: Journal, notes: string[]): void {
  const parked = join(layout.state, journal.parked);
  const parkedStacks = join(parked, 'stacks');
  const owned = new Set(journal.owned);
  const kept: string[] = [];
  if (kindAt(parkedStacks) === 'dir') {
    for (const entry of walk(parkedStacks).reverse()) {
      const here = join(parkedStacks, entry.rel);
      if (entry.kind === 'dir') {
        if (!tryRmdir(here)) kept.push(`stacks/${entry.rel}/`);
      } else if (owned.has(`stacks/${entry.rel}`) || sameEntry(here, entry, join(layout.out, 'stacks', entry.rel))) {
        rmSync(here);
      } else {
        kept.push(`stacks/${entry.rel}`);
      }
    }
    tryRmdir(parkedStacks);
  }
  tryRmdir(parked);
  rmSync(layout.staging, { recursive: true, force: true });
  rmSync(layout.journal, { force: true });
  crashPoint('cleaned');
  const files = kept.filter((k) => !k.endsWith('/'));
  if (files.length > 0) {
    notes.push(
      `kept ${files.length} file(s) of the previous output that appeared while synth ran and are not in the new one, in ${parked}: ${files.slice(0, 5).join(', ')}`,
    );
  }
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
