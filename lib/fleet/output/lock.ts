import { readFileSync, rmSync, Stats, writeFileSync } from 'fs';
import { hostname } from 'os';
import { fileError } from '../../private/problems';
import { lstatOrUndefined, refuseLink } from './tree';

// One synth at a time per --out: two runs writing the same directory would move each other's files in.
//
// A lock whose process is gone is taken over, and taking over is itself exclusive: two runs that both find the
// same dead lock must not both remove it, or the slower one would remove the faster one's fresh lock. So the
// taker first creates `<lock>.break` exclusively, checks that the lock is still the very file it judged dead
// (same inode and time), removes it, and lets go; only then does it create its own.

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

// A `.break` older than this was left by a run killed while taking over (that takes two system calls).
const BREAK_STALE_MS = 10_000;

/** Takes the lock at `file` (created exclusively), or refuses while another live run holds it. */
export function acquireLock(file: string, notes: string[]): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const seen = lstatOrUndefined(file);
    if (seen === undefined) continue; // released a moment ago
    if (seen.isSymbolicLink()) refuseLink(file, 'nothing: synth writes its lock itself');
    const owner = readOwner(file);
    if (owner ? !isGone(owner) : Date.now() - seen.mtimeMs < BREAK_STALE_MS) {
      throw fileError(
        'ADLSBK-OUT-LOCKED',
        file,
        `is held by another adls-backup synth (${owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : 'starting now'}), which is writing this --out; wait for it to finish, or delete the lock if that process is gone`,
      );
    }
    if (takeOver(file, seen)) {
      notes.push(
        `a previous synth${owner ? ` (process ${owner.pid}, started ${owner.started})` : ''} stopped without finishing; its lock was removed`,
      );
    }
  }
  throw fileError('ADLSBK-OUT-LOCKED', file, 'cannot be taken: the lock keeps reappearing; is another synth starting?');
}

// Removes the dead lock `seen` if it is still the one there. Returns whether this run removed it.
function takeOver(file: string, seen: Stats): boolean {
  const breaker = `${file}.break`;
  try {
    writeFileSync(breaker, `${process.pid}\n`, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const stats = lstatOrUndefined(breaker);
    if (stats && !stats.isSymbolicLink() && Date.now() - stats.mtimeMs > BREAK_STALE_MS) rmSync(breaker, { force: true });
    else if (stats?.isSymbolicLink()) refuseLink(breaker, 'nothing: synth writes this file itself');
    throw fileError(
      'ADLSBK-OUT-LOCKED',
      file,
      'is being taken over from a stopped run by another adls-backup synth just now; try again',
    );
  }
  try {
    const now = lstatOrUndefined(file);
    if (now === undefined || now.ino !== seen.ino || now.dev !== seen.dev || now.mtimeMs !== seen.mtimeMs) return false;
    rmSync(file);
    return true;
  } finally {
    rmSync(breaker, { force: true });
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string'
      ? owner
      : undefined;
  } catch {
    return undefined; // a lock cut short by a kill between its creation and its write
  }
}

// Only a process on this machine can be checked; a lock from another host (a shared volume) is left to a person.
// A lock with this very process number is stale when it is older than this process (a restarted container reuses
// process numbers); a newer one is another container's with the same host name and number, and is live.
function isGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return Date.parse(owner.started) < Date.now() - process.uptime() * 1000;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
