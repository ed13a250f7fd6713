// Which thing of the base is which of the new output. Things are matched by what they are in Azure (vault name and
// resource group, policy name in its vault, protected account by resource group and name however it is
// referenced), and by Terraform address as a fallback, because a renamed resource at the same address is a
// replacement. A stack the new manifest no longer lists is not planned: what it holds stays, in Azure and in its
// state, so its resources are left out of the pairing.
import type { Block } from '../read/configuration';
import type { Grant, Instance, Model, Policy, Vault } from '../model';
import { pair, Paired, sameKey } from './compare';

/** The base and the new model, with their things paired. Every change concern reads this. */
export interface Matching {
  /** The older model. */
  readonly base: Model;
  /** The new model. */
  readonly next: Model;
  /** Stacks of the base the new manifest no longer lists. */
  readonly dropped: ReadonlySet<string>;
  /** Vaults and backup instances of dropped stacks (`vault|<key>`, `instance|<account>|<vault>`), by their stack. */
  readonly stillIn: ReadonlyMap<string, string>;
  /** Vaults of the configuration (outside vaults are not the configuration's to change). */
  readonly vaults: Paired<Vault>;
  /** Policies, by vault and name, then by address. */
  readonly policies: Paired<Policy>;
  /** Backup instances, by account and vault, then by account. */
  readonly instances: Paired<Instance>;
  /** Backup role grants, by vault (or principal) and account. */
  readonly grants: Paired<Grant>;
  /** A base vault key as the new configuration knows the vault (a renamed vault keeps its address). */
  readonly newKey: (key: string) => string;
  /** A vault's name by key in one model (the key itself when the model has no such vault). */
  readonly vaultName: (model: Model, key: string) => string;
}

/** Every grant of a model, those of dropped stacks left out of the base. */
export function grantsOf(model: Model, keep: (block: Block) => boolean = () => true): Grant[] {
  return [...model.vaults.flatMap((v) => v.grants), ...model.strayGrants].filter((g) => keep(g.block));
}

/** Pairs everything of `base` with `next`. */
export function matchModels(base: Model, next: Model): Matching {
  const nextStacks = new Set(next.stacks.map((s) => s.name));
  const dropped = new Set(base.stacks.map((s) => s.name).filter((name) => !nextStacks.has(name)));
  const kept = (block: Block) => !dropped.has(block.stack);
  const vaults = pair(
    base.vaults.filter((v) => !v.outside && kept(v.block!)),
    next.vaults.filter((v) => !v.outside),
    [sameKey((v) => v.key), sameKey((v) => `${v.stack}|${v.block!.address}`)],
  );
  const keyMap = new Map(vaults.pairs.map(([b, n]) => [b.key, n.key]));
  const newKey = (key: string) => keyMap.get(key) ?? key;
  const policies = pair(
    base.vaults.flatMap((v) => v.policies).filter((p) => kept(p.block)),
    next.vaults.flatMap((v) => v.policies),
    [
      [(p) => `${newKey(p.vaultKey)}|${p.name}`, (p) => `${p.vaultKey}|${p.name}`],
      sameKey((p) => `${p.block.stack}|${p.block.address}`),
    ],
  );
  // Protected accounts: one backup instance per account, so the account is the instance's identity.
  const instances = pair(
    base.vaults.flatMap((v) => v.instances).filter((i) => kept(i.block)),
    next.vaults.flatMap((v) => v.instances),
    [[(i) => `${i.account.key}|${newKey(i.vaultKey)}`, (i) => `${i.account.key}|${i.vaultKey}`], sameKey((i) => i.account.key)],
  );
  const grantKey = (vaultKey: (key: string) => string) => (g: Grant) =>
    `${g.vaultKey === undefined ? `principal ${g.principal}` : vaultKey(g.vaultKey)}|${g.account.key}`;
  const grants = pair(grantsOf(base, kept), grantsOf(next), [[grantKey(newKey), grantKey((key) => key)]]);
  const stillIn = new Map<string, string>([
    ...base.vaults.filter((v) => !v.outside && !kept(v.block!)).map((v): [string, string] => [`vault|${v.key}`, v.block!.stack]),
    ...base.vaults
      .flatMap((v) => v.instances)
      .filter((i) => !kept(i.block))
      .map((i): [string, string] => [`instance|${i.account.key}|${i.vaultKey}`, i.block.stack]),
  ]);
  const vaultName = (model: Model, key: string) => model.vaults.find((v) => v.key === key)?.name ?? key;
  return { base, next, dropped, stillIn, vaults, policies, instances, grants, newKey, vaultName };
}
