// The "Changes against base" section of the markdown, most dangerous first: one function per subsection.
import type { ArgChange, ChangesReport, ReferenceChange } from '../changes';
import { joinWords } from '../words';
import { argLines, containerWords, ticked } from './markdown-text';

/** The changes section. */
export function renderChanges(c: ChangesReport): string[] {
  const lines: string[] = ['## Changes against base', '', `Base: \`${c.base}\`.`, ''];
  if (c.none) return [...lines, 'No changes against base.', ''];
  return [
    ...lines,
    ...stackLines(c.stacks),
    ...replacedPolicyLines(c.replacedPolicies),
    ...vaultLines(c.vaults),
    ...accountLines(c.accounts),
    ...containerAndPolicyLines(c),
    ...waitLines(c.waits),
    ...grantLines(c.grants),
    ...(c.other.length > 0
      ? ['### Other resources', '', ...c.other.map((o) => `- ${o.change}: \`${o.address}\` (stack \`${o.stack}\`)`), '']
      : []),
  ];
}

/** A subsection: its heading, its lines and a blank line; nothing when it has no lines. */
function section(title: string, lines: readonly string[], intro: readonly string[] = []): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...intro, ...lines, ''];
}

function stackLines(st: ChangesReport['stacks']): string[] {
  const lines: string[] = [];
  for (const x of st.removed) {
    lines.push(
      `- Stack no longer synthesized: \`${x.stack}\` — its resources are not destroyed by this change; they stay until someone runs destroy on that state.`,
    );
    const held = [
      x.vaults.length > 0 ? `${x.vaults.length === 1 ? 'vault' : 'vaults'} ${joinWords(ticked(x.vaults))}` : '',
      x.accounts.length > 0 ? `backups of ${joinWords(ticked(x.accounts))}` : '',
    ].filter(Boolean);
    if (held.length > 0) lines.push(`  - still there: ${held.join('; ')}`);
  }
  if (st.added.length > 0) lines.push(`- New stacks: ${ticked(st.added).join(', ')}`);
  for (const x of st.settings) lines.push(`- Stack \`${x.stack}\`:`, ...argLines(x.changes));
  return section('Stacks and state', lines);
}

function replacedPolicyLines(policies: ChangesReport['replacedPolicies']): string[] {
  const lines: string[] = [];
  for (const p of policies) {
    const use =
      p.usedInBaseBy.length > 0
        ? `in use by ${joinWords(ticked(p.usedInBaseBy))}: expect the apply to fail`
        : 'used by no backup instance in the base';
    lines.push(
      `- \`${p.policy}\` (vault \`${p.vault}\`, stack \`${p.stack}\`), ${use}.${p.vaultReplaced ? ' Its vault is replaced.' : ''}`,
      ...argLines(p.changes),
    );
  }
  const intro =
    'Every argument of `azurerm_data_protection_backup_policy_data_lake_storage` forces replacement, and Azure refuses to delete a policy ' +
    'that backup instances use (`UserErrorDppPolicyObjectInUse`): a changed policy in use typically fails at apply. ' +
    'Instead, add a policy under a new name, move the backups to it, apply, then remove the old policy in a later change.';
  return section('Policies that will be replaced', lines, [intro, '']);
}

function vaultLines(v: ChangesReport['vaults']): string[] {
  const lines: string[] = [];
  for (const x of v.replaced) {
    const backups = x.accounts.length > 0 ? ` (backups of ${joinWords(ticked(x.accounts))})` : '';
    lines.push(
      `- **Replaced**: \`${x.vault}\` (stack \`${x.stack}\`): deleting the vault deletes every recovery point in it${backups}. ` +
        guard(x.preventDestroy, x.changes),
      ...argLines(x.changes),
    );
  }
  for (const x of v.removed) {
    lines.push(
      `- **Removed**: \`${x.vault}\` (stack \`${x.stack}\`): Terraform deletes the vault with every recovery point; its \`prevent_destroy\` goes with its code.`,
    );
  }
  for (const x of v.updated) lines.push(`- Changed in place: \`${x.vault}\` (stack \`${x.stack}\`)`, ...argLines(x.changes));
  for (const x of v.added) lines.push(`- New: \`${x.vault}\` (stack \`${x.stack}\`)${x.alsoIn ? `, ${stillIn(x.alsoIn)}` : ''}`);
  return section('Vaults', lines);
}

function accountLines(a: ChangesReport['accounts']): string[] {
  const lines: string[] = [];
  for (const x of a.replaced) {
    lines.push(
      `- **Instance replaced**: \`${x.account}\` (vault \`${x.vault}\`, stack \`${x.stack}\`): protection stops and starts again with no recovery points. ` +
        guard(x.preventDestroy, x.changes),
      ...argLines(x.changes),
    );
  }
  for (const x of a.removed) {
    lines.push(
      `- **No longer protected**: \`${x.account}\` (vault \`${x.vault}\`, stack \`${x.stack}\`): Terraform deletes the backup instance and protection stops.`,
    );
  }
  for (const x of a.added) {
    lines.push(
      `- Newly protected: \`${x.account}\` (vault \`${x.vault}\`, stack \`${x.stack}\`, policy \`${x.policy}\`, containers: ${containerWords(x.containers)})` +
        (x.alsoIn ? `; its backup instance is ${stillIn(x.alsoIn)}` : ''),
    );
  }
  for (const x of a.referenceChanged) {
    lines.push(`- Reference changed: \`${x.account}\` (vault \`${x.vault}\`, stack \`${x.stack}\`): ${referenceWords(x)}`);
    if (x.location) lines.push(...argLines([x.location]));
  }
  return section('Protected accounts', lines);
}

function containerAndPolicyLines(c: ChangesReport): string[] {
  const lines: string[] = [];
  for (const x of c.containers) {
    const parts = [
      x.added.length > 0 ? `added ${ticked(x.added).join(', ')}` : '',
      x.removed.length > 0 ? `removed ${ticked(x.removed).join(', ')} (no longer backed up)` : '',
    ].filter(Boolean);
    lines.push(`- \`${x.account}\` (stack \`${x.stack}\`) containers: ${parts.join('; ')}`);
  }
  for (const x of c.policyMoves)
    lines.push(`- \`${x.account}\` (stack \`${x.stack}\`) moves from policy \`${x.from}\` to \`${x.to}\` (updated in place)`);
  for (const x of c.policies.removed) {
    const note =
      x.usedInBaseBy.length > 0
        ? `: it was used by ${joinWords(ticked(x.usedInBaseBy))}, and Azure refuses to delete a policy in use; if the apply fails, remove it in a later change`
        : '';
    lines.push(`- Policy removed: \`${x.policy}\` (vault \`${x.vault}\`)${note}`);
  }
  for (const x of c.policies.added) lines.push(`- Policy added: \`${x.policy}\` (vault \`${x.vault}\`)`);
  return section('Containers and policies', lines);
}

function waitLines(waits: ChangesReport['waits']): string[] {
  const lines: string[] = [];
  for (const w of waits) {
    lines.push(`- \`${w.account}\` (vault \`${w.vault}\`, stack \`${w.stack}\`)`);
    if (w.old === 'none') lines.push(`  - no wait → wait ${w.new} (created, so this apply waits once)`);
    else lines.push(`  - wait ${w.old} → ${w.new === 'none' ? 'no wait' : w.new}`);
  }
  const intro =
    '`time_sleep` takes a new `create_duration` in place, without waiting: it applies the next time the wait is created ' +
    '(a new account, or its role assignment created again).';
  return section('Role propagation waits', lines, [intro, '']);
}

function grantLines(g: ChangesReport['grants']): string[] {
  const words = (x: { kind?: string; account: string; vault?: string; address: string; stack: string }) =>
    `${x.kind} access on \`${x.account}\` for ${x.vault ? `vault \`${x.vault}\`` : 'an unknown vault'} (\`${x.address}\`, stack \`${x.stack}\`)`;
  return section('Grants', [
    ...g.removed.map((x) => `- Removed: ${words(x)}`),
    ...g.added.map((x) => `- Added: ${words(x)}`),
    ...g.referenceChanged.map((x) => `- Reference changed: ${words(x)}: ${referenceWords(x)}`),
  ]);
}

/** Whether prevent_destroy stops the replacement: not when the old address leaves the configuration with its guard. */
function guard(preventDestroy: boolean, changes: readonly ArgChange[]): string {
  if (changes.some((c) => c.argument === 'address' || c.argument === 'stack')) {
    return 'The old address leaves the configuration, and its `prevent_destroy` with it: nothing stops the destroy.';
  }
  return preventDestroy
    ? '`prevent_destroy` is set, so `terraform plan` fails (Instance cannot be destroyed).'
    : '`prevent_destroy` is not set: nothing stops the destroy.';
}

/** A new vault or backup instance whose old stack is no longer synthesized: its state still holds it. */
function stillIn(stack: string): string {
  return (
    `still in stack \`${stack}\`, which is no longer synthesized: it exists in Azure, so azurerm refuses to create it ` +
    "until it is moved into this stack's state (an `import` block, or `terraform state mv`)"
  );
}

/** The reference old → new, and what the plan will do with it. */
function referenceWords(x: ReferenceChange): string {
  const change = `\`${x.argument}\` ${x.old} → ${x.new}.`;
  if (x.forcesReplacement)
    return `${change} Another ID: the argument forces replacement, so Terraform replaces the ${x.argument === 'scope' ? 'role assignment' : 'instance'}.`;
  if (x.sameId !== undefined) {
    const id = x.old.includes(x.sameId) || x.new.includes(x.sameId) ? 'this ID' : `\`${x.sameId}\``;
    return `${change} Both give ${id}: no change expected (the argument forces replacement only when the ID changes).`;
  }
  return `${change} The argument forces replacement (azurerm ForceNew) if the ID differs from the one in the state: the plan shows whether it does.`;
}
