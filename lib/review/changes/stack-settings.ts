// What decides where a stack's state is and which subscription it works in: its `terraform.backend` and its
// `provider` blocks. A change there changes what every resource of the stack means, so it comes first.
import type { Model } from '../model';
import { compare, providerConfigs } from '../read/configuration';
import type { Args, SynthesizedStack } from '../read/out-dir';
import { verbatim } from '../words';
import type { ArgChange, StackSettings } from './types';

// Backend arguments that choose which state it is; the others say how Terraform reaches it.
const STATE_LOCATION: Record<string, readonly string[]> = {
  azurerm: ['storage_account_name', 'container_name', 'key', 'environment'],
  local: ['path', 'workspace_dir'],
};
const ANOTHER_STATE =
  "another state: unless this stack's state was moved there first with `terraform init -migrate-state`, it holds none of the stack's " +
  'resources and the plan creates every one again';
const SAME_STATE = 'how Terraform reaches the state, not which state it is';
const META = new Set(['//', 'alias']);

/** The backend and provider changes of every stack synthesized in both. */
export function stackSettingChanges(base: Model, next: Model): StackSettings[] {
  const out: StackSettings[] = [];
  for (const now of next.stacks) {
    const before = base.stacks.find((s) => s.name === now.name);
    if (!before) continue;
    const changes = [...backendChanges(before, now), ...providerChanges(base, before, next, now)];
    if (changes.length > 0) out.push({ stack: now.name, changes });
  }
  return out;
}

function backendChanges(before: SynthesizedStack, now: SynthesizedStack): ArgChange[] {
  const [old, next] = [backendOf(before), backendOf(now)];
  if (old.type !== next.type) {
    return [
      { argument: 'terraform.backend', old: old.type ?? '(none: local)', new: next.type ?? '(none: local)', note: ANOTHER_STATE },
    ];
  }
  if (old.type === undefined) return [];
  const type = old.type;
  const changes: ArgChange[] = [];
  for (const key of unionKeys(old.args, next.args)) {
    const [a, b] = [old.args[key], next.args[key]];
    if (canonicalValue(a) === canonicalValue(b)) continue;
    // cdktf writes the local state's path absolute, from the directory it ran in: two checkouts of one change
    // differ there. Only another file name is another state.
    if (type === 'local' && key === 'path' && typeof a === 'string' && typeof b === 'string' && fileName(a) === fileName(b))
      continue;
    const location = STATE_LOCATION[type];
    const note =
      location === undefined
        ? `a setting of the \`${type}\` backend: if it chooses another state, the plan starts from that state`
        : location.includes(key)
          ? ANOTHER_STATE
          : SAME_STATE;
    changes.push({ argument: `terraform.backend.${type}.${key}`, old: shown(a), new: shown(b), note });
  }
  return changes;
}

function backendOf(stack: SynthesizedStack): { type?: string; args: Args } {
  const terraform = stack.json.terraform as Record<string, unknown> | undefined;
  const backend = terraform?.backend as Record<string, unknown> | undefined;
  const types = Object.keys(backend ?? {}).sort(compare);
  if (types.length === 0) return { args: {} };
  const args = backend![types[0]];
  return { type: types.join(', '), args: typeof args === 'object' && args !== null ? (args as Args) : {} };
}

function providerChanges(base: Model, before: SynthesizedStack, next: Model, now: SynthesizedStack): ArgChange[] {
  const changes: ArgChange[] = [];
  const section = (stack: SynthesizedStack) => (stack.json.provider ?? {}) as Record<string, unknown>;
  for (const name of unionKeys(section(before), section(now))) {
    const byAlias = (stack: SynthesizedStack) =>
      new Map(providerConfigs(section(stack), name).map((c) => [typeof c.alias === 'string' ? c.alias : '', c]));
    const [old, neu] = [byAlias(before), byAlias(now)];
    for (const alias of [...new Set([...old.keys(), ...neu.keys()])].sort(compare)) {
      const where = `provider.${name}${alias === '' ? '' : `.${alias}`}`;
      const [a, b] = [old.get(alias), neu.get(alias)];
      if (a === undefined) {
        const note = `a new provider configuration, used by ${usersWords(users(next, now, b!))}`;
        changes.push({ argument: where, old: '(none)', new: summary(b!), note });
      } else if (b === undefined) {
        changes.push({ argument: where, old: summary(a), new: '(none)', note: removedNote(users(base, before, a)) });
      } else {
        for (const key of unionKeys(a, b).filter((k) => !META.has(k))) {
          if (canonicalValue(a[key]) === canonicalValue(b[key])) continue;
          const note =
            key === 'subscription_id'
              ? subscriptionNote(users(next, now, b))
              : 'a provider setting: it applies to every resource and data source of the stack that uses this provider';
          changes.push({ argument: `${where}.${key}`, old: shown(a[key]), new: shown(b[key]), note });
        }
      }
    }
  }
  return changes;
}

interface Users {
  readonly resources: number;
  readonly dataSources: number;
}

/** How many resources and data sources of the stack use this provider configuration. */
function users(model: Model, stack: SynthesizedStack, config: Args): Users {
  const blocks = model.config.blocksOf(stack.name).filter((b) => model.config.providerOf(b) === config);
  return { resources: blocks.filter((b) => !b.isData).length, dataSources: blocks.filter((b) => b.isData).length };
}

function usersWords(u: Users): string {
  const parts = [
    u.resources > 0 ? `${u.resources} ${u.resources === 1 ? 'resource' : 'resources'}` : '',
    u.dataSources > 0 ? `${u.dataSources} ${u.dataSources === 1 ? 'data source' : 'data sources'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'nothing yet';
}

function subscriptionNote(u: Users): string | undefined {
  if (u.resources > 0) {
    return 'resources not yet in the state are created, and data sources read, in the new subscription; those already in the state keep their IDs, in the old one';
  }
  if (u.dataSources > 0)
    return `its ${usersWords(u)} read in the new subscription, and the plan fails for any they do not find there`;
  return undefined;
}

function removedNote(u: Users): string | undefined {
  if (u.resources > 0) {
    return 'resources it created that leave the configuration with it cannot be destroyed: the plan fails (`Provider configuration not present`)';
  }
  if (u.dataSources > 0)
    return 'only data sources used it in the base, and Terraform drops them from the state without touching Azure';
  return undefined;
}

function summary(config: Args): string {
  return typeof config.subscription_id === 'string' ? `subscription ${config.subscription_id}` : 'configured';
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compare);
}

function canonicalValue(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function shown(value: unknown): string {
  return value === undefined ? '(not set)' : verbatim(value);
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
