// Crash testing: the kill test (test/synth-atomic.test.ts) stops a real `synth` process at each named moment of
// the swap, to prove that every instant leaves either the old output or the new one (or a journal the next run
// completes). Without ADLS_BACKUP_CRASH_AT in the environment this does nothing.

/** The moments a run can be killed at, in the order they happen. */
export type CrashPoint = 'staged' | 'journal-written' | 'old-stacks-parked' | 'new-stacks-in' | 'manifest-in' | 'cleaned';

/** Kills this process with SIGKILL (no handler, no cleanup, as the OOM killer or a CI timeout would) at `point`. */
export function crashPoint(point: CrashPoint): void {
  if (process.env.ADLS_BACKUP_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
