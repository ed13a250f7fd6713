import { readFileSync, rmSync, writeFileSync } from 'fs';
import { hostname } from 'os';
import { InputError } from '../../cli/input-error';
import { lstatOrUndefined } from './tree';

// One synth at a time per --out: two runs writing the same directory would swap each other's halves in.

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/** Takes the lock at `file` (created exclusively), or refuses while another live run holds it. */
export function acquireLock(file: string, notes: string[]): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(file);
    if (owner ? !isGone(owner) : justCreated(file)) {
      throw new InputError(
        `another adls-backup synth (${owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : 'starting now'}) is writing this --out; wait for it to finish, or delete ${file} if that process is gone`,
      );
    }
    notes.push(
      `a previous synth${owner ? ` (process ${owner.pid}, started ${owner.started})` : ''} stopped without finishing; its lock was removed`,
    );
    rmSync(file, { force: true });
  }
  throw new InputError(`cannot take the lock ${file}: it keeps reappearing; is another synth starting?`);
}

// A lock without its owner yet is another run between creating the file and writing it, unless it is old: then it
// was cut short by a kill.
function justCreated(file: string): boolean {
  const stats = lstatOrUndefined(file);
  return stats !== undefined && Date.now() - stats.mtimeMs < 10_000;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined; // a lock cut short by a kill between its creation and its write
  }
}

// Only a process on this machine can be checked; a lock from another host (a shared volume) is left to a person.
// A lock naming this very process is stale too: a restarted container reuses process numbers.
function isGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
