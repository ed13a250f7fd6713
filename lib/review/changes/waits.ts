// Ordering: the role propagation wait before each backup instance (`time_sleep.create_duration`).
import type { Wait } from '../model';
import type { Block } from '../read/configuration';
import { goDurationWords } from '../words';
import { byName } from './compare';
import type { Matching } from './matching';
import type { WaitChange } from './types';

/** The wait changes, by account, and the waits they tell about (other changes leave those out). */
export interface WaitChanges {
  /** One per backup instance whose wait changes. */
  readonly changes: readonly WaitChange[];
  /** The `time_sleep` blocks (base and new) the changes tell about. */
  readonly told: ReadonlySet<Block>;
}

/** The waits that change before the backup instances of both outputs. */
export function waitChanges(m: Matching): WaitChanges {
  const changes: WaitChange[] = [];
  const told = new Set<Block>();
  for (const [b, n] of m.instances.pairs) {
    const wait = durationChange(b.ordering.wait, n.ordering.wait);
    if (!wait) continue;
    const address = (n.ordering.wait ?? b.ordering.wait)!.block.address;
    changes.push({ account: n.account.name, vault: m.vaultName(m.next, n.vaultKey), stack: n.block.stack, address, ...wait });
    for (const w of [b.ordering.wait, n.ordering.wait]) if (w) told.add(w.block);
  }
  return { changes: changes.sort(byName((w) => w.account)), told };
}

/** The wait before a backup instance, old and new, when its duration changes. */
function durationChange(b: Wait | undefined, n: Wait | undefined): Pick<WaitChange, 'old' | 'new'> | undefined {
  if (b?.duration === n?.duration) return undefined;
  const words = (w: Wait | undefined) => (w === undefined ? 'none' : goDurationWords(w.duration));
  if (b && n && words(b) === words(n)) return { old: `${words(b)} (${b.duration})`, new: `${words(n)} (${n.duration})` };
  return { old: words(b), new: words(n) };
}
