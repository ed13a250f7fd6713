import { mkdirSync, renameSync } from 'fs';
import { dirname, join } from 'path';
import { fileError } from '../../private/problems';
import { crashPoint } from './crash-point';
import { InstallLayout, isStackFolder, Journal } from './journal';
import { isStackFile } from './previous-output';
import { kindAt, refuseLink, refuseLinksOnTheWay } from './tree';

// The renames of a journal, forwards (putting the staged output in place) and backwards (undoing them after an
// error). Both can run again on what a kill left half done: each step looks at what is there before it acts.

/** Makes the journal's moves that are not made yet, in order. */
export function moveIn(layout: InstallLayout, journal: Journal): void {
  const stackMoves = journal.moves.filter((rel) => rel !== 'manifest.json').length;
  let moved = 0;
  for (const rel of journal.moves) {
    const { from, to } = endsOf(layout, rel);
    const kind = kindAt(from);
    if (kind === undefined) continue; // made by the run a kill stopped
    if (kind === 'link') refuseLink(from, 'nothing: synth makes this folder itself');
    if (isStackFolder(rel) && kindAt(to) !== undefined) {
      if (!mergeInto(from, to)) continue;
    } else {
      // A stack's folder removed by hand after a kill: it is synth's, and the stack file needs it.
      if (isStackFile(rel) && kindAt(dirname(to)) === undefined) mkdirSync(dirname(to));
      renameSync(from, to);
    }
    moved += 1;
    if (rel === 'manifest.json') crashPoint('manifest-in');
    else if (moved === 1) crashPoint('first-stack-in');
    if (moved === stackMoves) crashPoint('stacks-in');
  }
}

/** Undoes the journal's moves that were made, last first: a replaced file gets its saved old self back. */
export function rollBack(layout: InstallLayout, journal: Journal): void {
  for (const rel of [...journal.moves].reverse()) {
    const { from, to } = endsOf(layout, rel);
    if (journal.replaces.includes(rel)) {
      const saved = join(layout.saved, rel);
      if (kindAt(from) === undefined && kindAt(saved) === 'file') renameSync(saved, to);
    } else if (isStackFolder(rel) && kindAt(from) === 'dir') {
      // Merged into a folder that was already there: only its stack file moves back.
      const [file, target] = [join(from, 'cdk.tf.json'), join(to, 'cdk.tf.json')];
      if (kindAt(file) === undefined && kindAt(target) === 'file') renameSync(target, file);
    } else if (kindAt(from) === undefined && kindAt(to) !== undefined) {
      renameSync(to, from);
    }
  }
}

// Where a move goes from and to, refusing a link on the way to either end: lstat of a path follows links in its
// folders, and the journal may be a stopped run's, read back from a directory anyone can write.
function endsOf(layout: InstallLayout, rel: string): { readonly from: string; readonly to: string } {
  refuseLinksOnTheWay(layout.staging, rel, 'nothing: synth makes this folder itself');
  refuseLinksOnTheWay(layout.out, rel, "a real folder for the stack's files");
  return { from: join(layout.staging, rel), to: join(layout.out, rel) };
}

// A new stack's folder appeared since the run was planned (made by hand after a kill, or just now): the stack file
// moves into it, unless a file someone else wrote is there. Returns whether a file moved.
function mergeInto(from: string, to: string): boolean {
  if (kindAt(to) !== 'dir')
    throw fileError('ADLSBK-OUT-DIR', to, `is not a folder, and the new output puts a stack there; move it`);
  const [file, target] = [join(from, 'cdk.tf.json'), join(to, 'cdk.tf.json')];
  if (kindAt(file) === undefined) return false;
  if (kindAt(target) !== undefined) {
    throw fileError(
      'ADLSBK-OUT-DIR',
      target,
      `was not written by synth, and the new output writes its stack file there; move it, then run synth again`,
    );
  }
  renameSync(file, target);
  return true;
}
