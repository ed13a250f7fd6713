import { copyFileSync, linkSync, mkdirSync, readlinkSync, symlinkSync } from 'fs';
import { join } from 'path';
import { InputError } from '../../cli/input-error';
import { kindAt, walk } from './tree';

/**
 * Puts everything under the old `stacks/` that synth did not write (Terraform's `.terraform/`, lock file and
 * state, a user's notes) into the staged `stacks/`, as hard links (the same data, not a copy), links recreated
 * as links (never followed). The old tree is not changed, so a failure here leaves the old output whole.
 * Returns the stack folders kept that the new output no longer has.
 */
export function carryOver(
  oldStacks: string,
  newStacks: string,
  owned: ReadonlySet<string>,
  newStackNames: readonly string[],
): string[] {
  if (kindAt(oldStacks) !== 'dir') return [];
  const kept = new Set<string>();
  const stackModes = new Map<string, number>();
  // A stack's own folder is synth's: made by cdktf for a stack in the spec, or here, only when a dropped stack
  // still holds someone's files; an emptied one is not kept.
  const ensureStack = (stack: string) => {
    const path = join(newStacks, stack);
    if (kindAt(path) === undefined) mkdirSync(path, { mode: stackModes.get(stack) });
  };
  for (const entry of walk(oldStacks)) {
    if (owned.has(`stacks/${entry.rel}`)) continue;
    const from = join(oldStacks, entry.rel);
    const to = join(newStacks, entry.rel);
    const stack = entry.rel.split('/')[0];
    if (entry.rel === stack && entry.kind === 'dir') {
      stackModes.set(stack, entry.stats.mode & 0o7777);
      continue;
    }
    if (entry.rel !== stack) ensureStack(stack);
    const there = kindAt(to);
    if (entry.kind === 'dir') {
      if (there === undefined) mkdirSync(to, { mode: entry.stats.mode & 0o7777 });
      else if (there !== 'dir') conflict(from, to);
      continue;
    }
    if (there !== undefined) conflict(from, to);
    if (entry.kind === 'link') symlinkSync(readlinkSync(from), to);
    else linkOrCopy(from, to);
    if (!newStackNames.includes(stack)) kept.add(stack);
  }
  return [...kept].sort();
}

// A hard link cannot cross a mount point inside stacks/, and some filesystems refuse them: copy then.
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw e;
    copyFileSync(from, to);
  }
}

function conflict(from: string, to: string): never {
  throw new InputError(
    `${from} was not written by synth, and the new output writes ${to.slice(to.lastIndexOf('/stacks/') + 1)} in its place; move it, then run synth again`,
  );
}
