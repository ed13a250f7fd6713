import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { fileError } from '../../private/problems';
import { SWAP_JOURNAL } from '../../private/out-dir-layout';
import { isStackFile } from './previous-output';
import { fsyncPath, kindAt, refuseLink } from './tree';

// The record of the renames a run makes to put its output in place, written and flushed before the first one, so
// that the run after a kill can finish them (or, when an error had started undoing them, finish the undoing).

/** Where one run keeps its work inside --out. */
export interface InstallLayout {
  readonly out: string;
  readonly state: string;
  /** The staged output: cdktf's App writes here (manifest.json, stacks/). */
  readonly staging: string;
  /** Hard links to the old files the renames replace, for undoing them after an error. */
  readonly saved: string;
  readonly journal: string;
  /** Present while an error's undoing is under way: the next run undoes the rest rather than finishing. */
  readonly undoing: string;
}

/** What a run puts in place. Paths are relative to --out. */
export interface Journal {
  /**
   * Moved from the staging folder, in this order: `stacks` (into an output that has none), the folder of each new
   * stack (`stacks/<stack>`), the stack file of each kept stack (`stacks/<stack>/cdk.tf.json`), `manifest.json`.
   */
  readonly moves: readonly string[];
  /** The moves that replace a file of the old output (saved beforehand), as opposed to adding one. */
  readonly replaces: readonly string[];
  /** Stack files of the old output that the new one does not have: removed once the manifest is in. */
  readonly drops: readonly string[];
}

export function layoutOf(out: string, state: string): InstallLayout {
  return {
    out,
    state,
    staging: join(state, 'next'),
    saved: join(state, 'saved'),
    journal: join(state, SWAP_JOURNAL),
    undoing: join(state, 'undoing'),
  };
}

/** Writes and flushes the journal; when that fails, nothing has been renamed and no journal is left. */
export function writeJournal(layout: InstallLayout, journal: Journal): void {
  try {
    writeFileSync(layout.journal, JSON.stringify(journal), { flag: 'wx' });
    fsyncPath(layout.journal);
    fsyncPath(layout.state);
  } catch (e) {
    rmSync(layout.journal, { force: true });
    throw e;
  }
}

/** Marks that the renames are being undone (flushed before the first undo). */
export function markUndoing(layout: InstallLayout): void {
  writeFileSync(layout.undoing, '', { flag: 'w' });
  fsyncPath(layout.undoing);
  fsyncPath(layout.state);
}

/**
 * The journal a stopped run left, or undefined. A journal cut short by a kill while it was written means no rename
 * had started: it is removed. One in a shape synth does not write is refused: synth never acts on it.
 */
export function readJournal(layout: InstallLayout): { readonly journal: Journal; readonly undoing: boolean } | undefined {
  for (const path of [layout.journal, layout.undoing]) {
    if (kindAt(path) === 'link') refuseLink(path, 'nothing: synth writes this file itself');
  }
  if (kindAt(layout.journal) !== 'file') return undefined;
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(layout.journal, 'utf8'));
  } catch {
    rmSync(layout.journal, { force: true });
    return undefined;
  }
  if (!isJournal(journal)) {
    throw fileError(
      'ADLSBK-OUT-DIR',
      layout.journal,
      `is not a journal synth wrote (it names paths other than stacks/, a stack's folder or file, and manifest.json): synth will not act on it; move it away`,
    );
  }
  return { journal, undoing: kindAt(layout.undoing) === 'file' };
}

/** Removes the journal, then the undo mark: the order a kill between them can be read back in. */
export function removeJournal(layout: InstallLayout): void {
  rmSync(layout.journal, { force: true });
  rmSync(layout.undoing, { force: true });
}

const STACK_FOLDER = /^stacks\/([^/\\]+)$/;

/** Whether `rel` is a stack's folder, `stacks/<stack>`. */
export function isStackFolder(rel: string): boolean {
  return STACK_FOLDER.test(rel) && rel !== 'stacks/.' && rel !== 'stacks/..';
}

// The journal is read back from --out, where anyone may have written: it is acted on only in the shape synth
// writes, so that it can never name a path outside stacks/ and the manifest.
function isJournal(x: unknown): x is Journal {
  const j = x as Journal;
  const isMove = (rel: unknown) =>
    typeof rel === 'string' && (rel === 'stacks' || rel === 'manifest.json' || isStackFile(rel) || isStackFolder(rel));
  const listOf = (list: unknown, ok: (rel: unknown) => boolean) => Array.isArray(list) && list.every(ok);
  return (
    typeof j === 'object' &&
    j !== null &&
    listOf(j.moves, isMove) &&
    listOf(j.replaces, (rel) => j.moves.includes(rel as string)) &&
    listOf(j.drops, (rel) => typeof rel === 'string' && isStackFile(rel))
  );
}
