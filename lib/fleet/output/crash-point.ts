// Crash testing: the kill test (test/synth-kill.test.ts) stops a real `synth` process at each named moment of
// putting its output in place, to prove that every instant leaves each stack complete (old or new) and a manifest
// that names only stacks whose file is there, and that the next run finishes. Without ADLS_BACKUP_CRASH_AT in the
// environment this does nothing.

/** The moments a run can be killed at, in the order they happen. */
export type CrashPoint = 'staged' | 'journal-written' | 'first-stack-in' | 'stacks-in' | 'manifest-in' | 'cleaned';

/** Kills this process with SIGKILL (no handler, no cleanup, as the OOM killer or a CI timeout would) at `point`. */
export function crashPoint(point: CrashPoint): void {
  if (process.env.ADLS_BACKUP_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
