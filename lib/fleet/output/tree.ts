import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, Stats } from 'fs';
import { join } from 'path';
import { fileError } from '../../private/problems';

// Walking what is in --out without ever following a symbolic link: lstat only, links reported as links.

/** One entry under a root, by its path relative to the root (POSIX separators). */
export interface TreeEntry {
  readonly rel: string;
  readonly kind: 'file' | 'dir' | 'link' | 'other';
  readonly stats: Stats;
}

/** The kind of what is at `path`, without following a link; undefined when nothing is there. */
export function kindAt(path: string): TreeEntry['kind'] | undefined {
  const stats = lstatOrUndefined(path);
  return stats && kindOf(stats);
}

export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function kindOf(stats: Stats): TreeEntry['kind'] {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isDirectory()) return 'dir';
  if (stats.isFile()) return 'file';
  return 'other';
}

/** Every entry under `root` (not `root` itself), parents before children, in a stable order. */
export function walk(root: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const visit = (rel: string) => {
    for (const name of readdirSync(rel ? join(root, rel) : root).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(join(root, childRel));
      const entry: TreeEntry = { rel: childRel, kind: kindOf(stats), stats };
      entries.push(entry);
      if (entry.kind === 'dir') visit(childRel);
    }
  };
  visit('');
  return entries;
}

/** Flushes a file's or a directory's entries to the disk, so that a rename after it cannot expose half of it. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Refuses a symbolic link where synth needs a real directory or file, naming it and where it points. */
export function refuseLink(path: string, what: string): never {
  throw fileError(
    'ADLSBK-OUT-DIR',
    path,
    `is a symbolic link (to ${readlinkSync(path)}): synth never follows a link out of --out, so it will not read, clear or write through it; replace it with ${what}`,
  );
}

/**
 * Refuses a link at any folder between `root` (checked by the caller) and `rel` below it, so that nothing is read,
 * moved or removed through one: lstat of `a/b/c` follows a link at `a` or `a/b`.
 */
export function refuseLinksOnTheWay(root: string, rel: string, what: string): void {
  const parts = rel.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = join(root, ...parts.slice(0, i));
    if (kindAt(folder) === 'link') refuseLink(folder, what);
  }
}
