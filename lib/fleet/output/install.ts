import { copyFileSync, linkSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'fs';
import { dirname, join } from 'path';
import { InputError } from '../../errors';
import { fileError } from '../../private/problems';
import { crashPoint } from './crash-point';
import { InstallLayout, Journal, markUndoing, readJournal, removeJournal, writeJournal } from './journal';
import { PreviousOutput } from './previous-output';
import { moveIn, rollBack } from './renames';
import { fsyncPath, kindAt, refuseLink, refuseLinksOnTheWay } from './tree';

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
// kill interrupted (journal.ts); an error (not a kill) undoes the renames done, from hard links to the old files
// (renames.ts).

/** The renames a run will make, before the files they replace are saved. */
export type InstallPlan = Omit<Journal, 'replaces'>;

/**
 * Works out the renames that put the staged output in place, refusing (before anything changes) a stack folder
 * that is a link or not a folder, and a file synth did not write where a stack file goes.
 */
export function planInstall(layout: InstallLayout, previous: PreviousOutput): InstallPlan {
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
    if (kind !== 'dir')
      throw fileError('ADLSBK-OUT-DIR', folder, `is not a folder, and the new output puts stack ${stack} there; move it`);
    const rel = `stacks/${stack}/cdk.tf.json`;
    const file = join(layout.out, rel);
    const there = kindAt(file);
    if (there === 'link') refuseLink(file, 'the file synth wrote, or delete it');
    if (there !== undefined && (there !== 'file' || !previous.owned.has(rel))) {
      throw fileError(
        'ADLSBK-OUT-DIR',
        file,
        `was not written by synth (the previous manifest does not list it), and the new output writes ${rel} in its place; move it, then run synth again`,
      );
    }
    files.push(rel);
  }
  return { moves: [...folders, ...files, 'manifest.json'], drops };
}

/**
 * Puts the staged output in place. On an error (not a kill) every rename made is undone and the error rethrown,
 * so the old output is byte-identical. Adds notes for the user (a dropped stack's folder kept).
 */
export function install(layout: InstallLayout, plan: InstallPlan, notes: string[]): void {
  const journal: Journal = { ...plan, replaces: saveOldFiles(layout, plan.moves) };
  writeJournal(layout, journal);
  crashPoint('journal-written');
  try {
    moveIn(layout, journal);
  } catch (e) {
    markUndoing(layout);
    try {
      rollBack(layout, journal);
    } catch (undoError) {
      throw new Error(
        `${(e as Error).message}; undoing the renames failed too (${(undoError as Error).message}): the next synth undoes the rest`,
        { cause: undoError },
      );
    }
    rmSync(layout.saved, { recursive: true, force: true });
    removeJournal(layout);
    throw e;
  }
  finish(layout, journal, notes);
}

/**
 * Finishes what a stopped run's journal started (or the undoing an error had started), then cleans up. Returns
 * whether there was anything to finish.
 */
export function recover(layout: InstallLayout, notes: string[]): boolean {
  const found = readJournal(layout);
  if (found === undefined) return false;
  const staging = kindAt(layout.staging);
  if (staging === 'link') refuseLink(layout.staging, 'nothing: synth makes this folder itself');
  if (staging !== undefined && staging !== 'dir')
    throw fileError('ADLSBK-OUT-DIR', layout.staging, `is not a folder synth made; move it away`);
  const stacks = join(layout.out, 'stacks');
  if (kindAt(stacks) === 'link') refuseLink(stacks, 'a directory');
  if (found.undoing) {
    rollBack(layout, found.journal);
    notes.push(
      'a previous synth failed while it put its output in place and was stopped while undoing that: the previous output is back',
    );
  } else if (staging === undefined) {
    // The stopped run had made every rename and removed the dropped stacks' files: only its journal is left.
  } else {
    moveIn(layout, found.journal);
    notes.push('a previous synth was stopped while it put its output in place: it is now finished');
    finish(layout, found.journal, notes);
    return true;
  }
  for (const folder of [layout.saved, layout.staging]) rmSync(folder, { recursive: true, force: true });
  removeJournal(layout);
  return true;
}

// Hard links to the files the renames replace (the same data; a copy where a link cannot be made), so that an
// error part way can put each one back. Returns the moves that replace a file.
function saveOldFiles(layout: InstallLayout, moves: readonly string[]): string[] {
  rmSync(layout.saved, { recursive: true, force: true });
  const replaces: string[] = [];
  for (const rel of moves) {
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
    replaces.push(rel);
  }
  return replaces;
}

// After the manifest: each folder a rename changed reaches the disk, the stack files of dropped stacks go (their
// folders too when nothing else is in them), then synth's own work.
function finish(layout: InstallLayout, journal: Journal, notes: string[]): void {
  const kept: string[] = [];
  try {
    const changed = new Set(journal.moves.map((rel) => dirname(join(layout.out, rel))));
    for (const folder of changed) if (kindAt(folder) === 'dir') fsyncPath(folder);
    for (const rel of journal.drops) {
      refuseLinksOnTheWay(layout.out, rel, "a real folder for the stack's files");
      const folder = dirname(join(layout.out, rel));
      if (kindAt(folder) !== 'dir') continue;
      rmSync(join(layout.out, rel), { force: true });
      if (!tryRmdir(folder)) kept.push(rel.split('/')[1]);
    }
  } catch (e) {
    if (InputError.isInputError(e)) throw e;
    throw new Error(
      `the new output is in place, but removing what it no longer has failed (${(e as Error).message}); the next synth finishes it`,
      { cause: e },
    );
  }
  for (const stack of kept) {
    notes.push(
      `stacks/${stack}/ is no longer in the spec and was kept, since it holds files synth did not write (Terraform's working files or state): its resources are not destroyed by dropping it; destroy or move them, then delete the folder`,
    );
  }
  rmSync(layout.saved, { recursive: true, force: true });
  rmSync(layout.staging, { recursive: true, force: true });
  removeJournal(layout);
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
