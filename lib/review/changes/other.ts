// Resources the other concerns do not cover: added, removed or changed, by address.
import type { Model } from '../model';
import { WAIT_TYPE } from '../model';
import { Block, compare } from '../read/configuration';
import { canonical } from './compare';
import { grantsOf, Matching } from './matching';
import type { OtherChange } from './types';

/**
 * Resources the other sections do not cover. A stack no longer synthesized is left out (nothing in it changes); a
 * wait told about under its account counts only for its other arguments.
 * @param waitsTold the waits the wait changes tell about
 */
export function otherChanges(m: Matching, waitsTold: ReadonlySet<Block>): OtherChange[] {
  const old = uncovered(m.base, m.dropped);
  const now = uncovered(m.next, new Set());
  const argsOf = (block: Block) => {
    const { ['//']: _metadata, ...args } = block.args;
    if (block.type !== WAIT_TYPE || !waitsTold.has(block)) return args;
    const { create_duration: _told, ...rest } = args;
    return rest;
  };
  const changes: OtherChange[] = [];
  for (const [key, block] of now) {
    const before = old.get(key);
    if (!before) {
      if (!waitsTold.has(block)) changes.push({ stack: block.stack, address: block.address, change: 'added' });
    } else if (canonical(argsOf(before)) !== canonical(argsOf(block))) {
      changes.push({ stack: block.stack, address: block.address, change: 'changed' });
    }
  }
  for (const [key, block] of old) {
    if (!now.has(key) && !waitsTold.has(block)) changes.push({ stack: block.stack, address: block.address, change: 'removed' });
  }
  return changes.sort((a, b) => compare(a.stack, b.stack) || compare(a.address, b.address));
}

/** The blocks of the model no concern covers, by `<stack>|<address>`, in the order the stacks write them. */
function uncovered(model: Model, dropped: ReadonlySet<string>): Map<string, Block> {
  const covered = coveredBlocks(model);
  const map = new Map<string, Block>();
  for (const stack of model.stacks) {
    if (dropped.has(stack.name)) continue;
    for (const [isData, section] of [
      [false, stack.json.resource],
      [true, stack.json.data],
    ] as const) {
      for (const [type, byName] of Object.entries(section ?? {})) {
        for (const name of Object.keys(byName ?? {})) {
          const block = model.config.block(stack.name, `${isData ? 'data.' : ''}${type}.${name}`);
          if (block && !covered.has(block)) map.set(`${stack.name}|${block.address}`, block);
        }
      }
    }
  }
  return map;
}

/** Vaults, policies, instances, locks and grants: the blocks the other concerns tell about. */
function coveredBlocks(model: Model): Set<Block> {
  const blocks = new Set<Block>();
  for (const v of model.vaults) {
    if (v.block) blocks.add(v.block);
    v.policies.forEach((p) => blocks.add(p.block));
    v.instances.forEach((i) => blocks.add(i.block));
    v.locks.forEach((l) => blocks.add(l.block));
  }
  grantsOf(model).forEach((g) => blocks.add(g.block));
  return blocks;
}
