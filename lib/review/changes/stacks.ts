// Stacks that leave or join the manifest: what decides a stack's state and subscription comes first.
import { compare } from '../read/configuration';
import type { Matching } from './matching';
import { stackSettingChanges } from './stack-settings';
import type { ChangesReport, DroppedStack } from './types';

/** Stacks removed from and added to the manifest, and the backend and provider changes of the others. */
export function stackChanges(m: Matching): ChangesReport['stacks'] {
  const baseStacks = new Set(m.base.stacks.map((s) => s.name));
  return {
    removed: [...m.dropped].sort(compare).map((stack) => droppedStack(m, stack)),
    added: m.next.stacks
      .map((s) => s.name)
      .filter((name) => !baseStacks.has(name))
      .sort(compare),
    settings: stackSettingChanges(m.base, m.next),
  };
}

/** What a stack no longer synthesized still holds: its resources are listed under it, never as removed. */
function droppedStack(m: Matching, stack: string): DroppedStack {
  return {
    stack,
    vaults: m.base.vaults
      .filter((v) => !v.outside && v.block!.stack === stack)
      .map((v) => v.name)
      .sort(compare),
    accounts: m.base.vaults
      .flatMap((v) => v.instances)
      .filter((i) => i.block.stack === stack)
      .map((i) => i.account.name)
      .sort(compare),
  };
}
