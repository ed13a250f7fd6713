// The report as a reviewer reads it in a pull request: risky changes first, then one section per vault.
import type { ArgChange, ChangesReport, ReferenceChange } from './diff';
import type { AccountReport, GrantReport, ReviewReport, VaultReport } from './json-report';
import { orderingDiagram } from './mermaid';
import { joinWords } from './words';

const NAMES_SHOWN = 10;
const VIA: Record<AccountReport['via'], string> = {
  ID: 'by ID',
  resource: 'resource',
  'data source': 'data source',
  expression: 'expression',
};

export function renderMarkdown(report: ReviewReport): string {
  const lines: string[] = ['# Backup review', ''];
  lines.push(`Stacks: ${report.stacks.map((s) => `\`${s.name}\``).join(', ') || 'none'} (from manifest.json).`, '');
  const s = report.summary;
  lines.push(
    `**${count(s.vaults, 'vault')} · ${count(s.policies, 'policy', 'policies')} · ${count(s.protectedAccounts, 'protected account')} · ` +
      `${count(s.restoreGrants, 'restore grant')} · ${count(s.warnings, 'warning')}**`,
    '',
  );
  const byVault = report.vaults
    .filter((v) => v.warnings.length > 0)
    .map((v) => `\`${v.name}\` (${v.stack}): ${v.warnings.length}`);
  if (byVault.length > 0) lines.push(`⚠ Warnings by vault: ${byVault.join('; ')}.`, '');
  if (report.interpolations.length > 0) {
    lines.push(`⚠ Expressions in names and tags: ${report.interpolations.length}, listed first.`, '');
  }
  lines.push(
    'Policies read as: schedule, default retention, then the retention rules in priority order (the first matching rule wins).',
    '',
  );
  // Before the changes: Terraform runs these at plan, so they matter before anything this plan would change.
  if (report.interpolations.length > 0) {
    lines.push('## Expressions in names and tags', '');
    lines.push(
      'Terraform evaluates `${…}` and `%{…}` in any string at plan, on the machine that plans. The library writes a name or ' +
        'a tag as a literal or as one reference to a resource of the same stack; these are neither (write `$${` and `%%{` ' +
        'for the characters themselves):',
      '',
    );
    for (const i of report.interpolations) lines.push(`- ⚠ ${i.message}`);
    lines.push('');
  }
  if (report.changes) lines.push(...renderChanges(report.changes));
  for (const vault of report.vaults) lines.push(...renderVault(vault));
  if (report.otherGrants.length > 0) {
    lines.push('## Grants with an unknown vault', '');
    lines.push('Storage Account Backup Contributor grants whose principal is not the identity of a vault this review knows:', '');
    for (const g of report.otherGrants)
      lines.push(`- ${accountWords(g)}: principal \`${g.principal}\` (\`${g.address}\`, stack \`${g.stack}\`)`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function renderVault(vault: VaultReport): string[] {
  const lines: string[] = [];
  if (vault.outsideConfiguration) {
    lines.push(`## Vault \`${vault.name}\` (outside this configuration; used from stack \`${vault.stack}\`)`, '');
    const how = vault.id ? `ID \`${vault.id}\`` : vault.dataSource ? `the data source \`${vault.dataSource}\`` : 'an expression';
    lines.push(`Referenced by ${how}: its settings are not in this configuration.`, '');
  } else {
    lines.push(`## Vault \`${vault.name}\` (stack \`${vault.stack}\`)`, '');
    const locks = vault.deletionLocks.map(
      (l) => `\`${l.name}\` (${l.level})${l.stack === vault.stack ? '' : `, stack \`${l.stack}\``}`,
    );
    const soft = vault.softDelete!;
    lines.push(
      '| setting | value |',
      '|---|---|',
      `| address | \`${vault.address}\` |`,
      `| region | ${cell(vault.region ?? '(not set)')} |`,
      `| resource group | ${cell(vault.resourceGroup ?? '(not set)')} |`,
      `| redundancy | ${cell(vault.redundancy ?? '(not set)')} |`,
      `| soft delete | ${soft.mode}${soft.mode !== 'Off' && soft.retentionDays !== undefined ? `, ${count(soft.retentionDays, 'day')}` : ''}${soft.mode === 'AlwaysOn' ? ' (irreversible)' : ''} |`,
      `| immutability | ${vault.immutability}${vault.immutability === 'Locked' ? ' (irreversible)' : ''} |`,
      `| cross-region restore | ${vault.crossRegionRestore ? 'on (irreversible)' : 'off'} |`,
      `| deletion lock | ${locks.length > 0 ? locks.join(', ') : 'none'} |`,
      `| prevent_destroy | ${vault.preventDestroy ? '✔ set' : '✘ not set'} |`,
      '',
    );
  }

  lines.push('### Policies', '');
  if (vault.policies.length === 0) lines.push('None in this configuration.');
  for (const p of vault.policies) {
    const used =
      p.usedBy.length > 0 ? `Used by ${joinWords(p.usedBy.map((a) => `\`${a}\``))}.` : 'Used by no backup instance here.';
    lines.push(`- \`${p.name}\`: ${p.words}. ${used}`);
  }
  lines.push('');

  lines.push('### Protected accounts', '');
  if (vault.accounts.length === 0) lines.push('None.');
  else {
    lines.push(
      '| account | containers | policy | backup grant on | wait | ordering | prevent_destroy | checked at plan |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const a of vault.accounts) lines.push(accountRow(vault, a));
  }
  lines.push('');

  if (vault.restoreGrants.length > 0) {
    lines.push('### Restore grants', '');
    lines.push(
      "Storage Account Backup Contributor for the vault's identity on accounts it does not back up, so restores can write there:",
      '',
    );
    for (const g of vault.restoreGrants) {
      const checks = g.preconditions.length > 0 ? `; checked at plan: ${g.preconditions.join(', ')}` : '';
      lines.push(`- ${accountWords(g)}: \`${g.address}\`${g.stack === vault.stack ? '' : ` (stack \`${g.stack}\`)`}${checks}`);
    }
    lines.push('');
  }

  const diagram = orderingDiagram(vault, (account) => vault.accounts.find((a) => a.account === account)?.ordering.status ?? '');
  if (diagram.length > 0) lines.push('### Ordering', '', ...diagram, '');

  lines.push('### Warnings', '');
  if (vault.warnings.length === 0) lines.push('None.');
  for (const w of vault.warnings) lines.push(`- ⚠ ${w}`);
  lines.push('');
  return lines;
}

function accountRow(vault: VaultReport, a: AccountReport): string {
  const where = [
    VIA[a.via],
    ...(a.resourceGroup ? [a.resourceGroup] : []),
    a.regionKnownAtSynth ? a.region : 'region read at plan',
  ];
  if (a.stack !== vault.stack) where.push(`stack \`${a.stack}\``);
  const account = `\`${cell(a.account)}\`<br>${cell(where.join(' · '))}`;
  let containers: string;
  if (a.containers.names) {
    const names = a.containers.names;
    const shown =
      names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? `, … (+${names.length - NAMES_SHOWN})` : '');
    const waited = a.containers.waitedFor;
    const created =
      waited.length === 0 ? '' : waited.length === names.length ? ' (created here)' : ` (created here: ${waited.join(', ')})`;
    containers = `${names.length}: ${cell(shown)}${created}`;
  } else containers = `\`${cell(a.containers.expression ?? '')}\` (known at plan)`;
  const grant = a.backupGrant ? `\`${cell(a.backupGrant.scope)}\`` : '✘ none';
  const wait = a.wait ? a.wait.words : '—';
  const checks = a.preconditions.length > 0 ? `${a.preconditions.length}: ${cell(a.preconditions.join(', '))}` : '—';
  return `| ${account} | ${containers} | \`${cell(a.policy)}\` | ${grant} | ${wait} | ${cell(a.ordering.status)} | ${a.preventDestroy ? '✔' : '✘'} | ${checks} |`;
}

function accountWords(g: GrantReport): string {
  return `\`${g.account}\` (${[VIA[g.via], ...(g.resourceGroup ? [g.resourceGroup] : [])].join(' · ')})`;
}

function renderChanges(c: ChangesReport): string[] {
  const lines: string[] = ['## Changes against base', '', `Base: \`${c.base}\`.`, ''];
  if (c.none) return [...lines, 'No changes against base.', ''];

  const st = c.stacks;
  if (st.removed.length + st.added.length + st.settings.length > 0) {
    lines.push('### Stacks and state', '');
    for (const x of st.removed) {
      lines.push(
        `- Stack no longer synthesized: \`${x.stack}\` — its resources are not destroyed by this change; they stay until someone runs destroy on that state.`,
      );
      const held = [
        x.vaults.length > 0 ? `${x.vaults.length === 1 ? 'vault' : 'vaults'} ${joinWords(x.vaults.map((n) => `\`${n}\``))}` : '',
        x.accounts.length > 0 ? `backups of ${joinWords(x.accounts.map((n) => `\`${n}\``))}` : '',
      ].filter(Boolean);
      if (held.length > 0) lines.push(`  - still there: ${held.join('; ')}`);
    }
    if (st.added.length > 0) lines.push(`- New stacks: ${st.added.map((n) => `\`${n}\``).join(', ')}`);
    for (const x of st.settings) {
      lines.push(`- Stack \`${x.stack}\`:`);
      lines.push(...argLines(x.changes));
    }
    lines.push('');
  }

  if (c.replacedPolicies.length > 0) {
    lines.push('### Policies that will be replaced', '');
    lines.push(
      'Every argument of `azurerm_data_protection_backup_policy_data_lake_storage` forces replacement, and Azure refuses to delete a policy ' +
        'that backup instances use (`UserErrorDppPolicyObjectInUse`): a changed policy in use typically fails at apply. ' +
        'Instead, add a policy under a new name, move the backups to it, apply, then remove the old policy in a later change.',
      '',
    );
    for (const p of c.replacedPolicies) {
      const use =
        p.usedInBaseBy.length > 0
          ? `in use by ${joinWords(p.usedInBaseBy.map((a) => `\`${a}\``))}: expect the apply to fail`
          : 'used by no backup instance in the base';
      lines.push(
        `- \`${p.policy}\` (vault \`${p.vault}\`, stack \`${p.stack}\`), ${use}.${p.vaultReplaced ? ' Its vault is replaced.' : ''}`,
      );
      lines.push(...argLines(p.changes));
    }
    lines.push('');
  }

  const v = c.vaults;
  if (v.replaced.length + v.removed.length + v.added.length + v.updated.length > 0) {
    lines.push('### Vaults', '');
    for (const x of v.replaced) {
      lines.push(
        `- **Replaced**: \`${x.vault}\` (stack \`${x.stack}\`): deleting the vault deletes every recovery point in it${x.accounts.length > 0 ? ` (backups of ${joinWords(x.accounts.map((a) => `\`${a}\``))})` : ''}. ` +
          guard(x.preventDestroy, x.changes),
      );
      lines.push(...argLines(x.changes));
    }
    for (const x of v.removed) {
      lines.push(
        `- **Removed**: \`${x.vault}\` (stack \`${x.stack}\`): Terraform deletes the vault with every recovery point; its \`prevent_destroy\` goes with its code.`,
      );
    }
    for (const x of v.updated) {
      lines.push(`- Changed in place: \`${x.vault}\` (stack \`${x.stack}\`)`);
      lines.push(...argLines(x.changes));
    }
    for (const x of v.added)
      lines.push(`- New: \`${x.vault}\` (stack \`${x.stack}\`)${x.alsoIn ? `, ${stillIn(x.alsoIn)}` : ''}`);
    lines.push('');
  }

  const a = c.accounts;
  if (a.added.length + a.removed.length + a.replaced.length + a.referenceChanged.length > 0) {
    lines.push('### Protected accounts', '');
    for (const x of a.replaced) {
      lines.push(
        `- **Instance replaced**: \`${x.account}\` (vault \`${x.vault}\`, stack \`${x.stack}\`): protection stops and starts again with no recovery points. ` +
          guard(x.preventDestroy, x.changes),
      );
      lines.push(...argLines(x.changes));
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
    lines.push('');
  }

  if (c.containers.length + c.policyMoves.length + c.policies.added.length + c.policies.removed.length > 0) {
    lines.push('### Containers and policies', '');
    for (const x of c.containers) {
      const parts = [
        x.added.length > 0 ? `added ${x.added.map((n) => `\`${n}\``).join(', ')}` : '',
        x.removed.length > 0 ? `removed ${x.removed.map((n) => `\`${n}\``).join(', ')} (no longer backed up)` : '',
      ].filter(Boolean);
      lines.push(`- \`${x.account}\` (stack \`${x.stack}\`) containers: ${parts.join('; ')}`);
    }
    for (const x of c.policyMoves)
      lines.push(`- \`${x.account}\` (stack \`${x.stack}\`) moves from policy \`${x.from}\` to \`${x.to}\` (updated in place)`);
    for (const x of c.policies.removed) {
      const note =
        x.usedInBaseBy.length > 0
          ? `: it was used by ${joinWords(x.usedInBaseBy.map((n) => `\`${n}\``))}, and Azure refuses to delete a policy in use; if the apply fails, remove it in a later change`
          : '';
      lines.push(`- Policy removed: \`${x.policy}\` (vault \`${x.vault}\`)${note}`);
    }
    for (const x of c.policies.added) lines.push(`- Policy added: \`${x.policy}\` (vault \`${x.vault}\`)`);
    lines.push('');
  }

  if (c.waits.length > 0) {
    lines.push('### Role propagation waits', '');
    lines.push(
      '`time_sleep` takes a new `create_duration` in place, without waiting: it applies the next time the wait is created ' +
        '(a new account, or its role assignment created again).',
      '',
    );
    for (const w of c.waits) {
      lines.push(`- \`${w.account}\` (vault \`${w.vault}\`, stack \`${w.stack}\`)`);
      if (w.old === 'none') lines.push(`  - no wait → wait ${w.new} (created, so this apply waits once)`);
      else lines.push(`  - wait ${w.old} → ${w.new === 'none' ? 'no wait' : w.new}`);
    }
    lines.push('');
  }

  const g = c.grants;
  if (g.added.length + g.removed.length + g.referenceChanged.length > 0) {
    lines.push('### Grants', '');
    const words = (x: { kind?: string; account: string; vault?: string; address: string; stack: string }) =>
      `${x.kind} access on \`${x.account}\` for ${x.vault ? `vault \`${x.vault}\`` : 'an unknown vault'} (\`${x.address}\`, stack \`${x.stack}\`)`;
    for (const x of g.removed) lines.push(`- Removed: ${words(x)}`);
    for (const x of g.added) lines.push(`- Added: ${words(x)}`);
    for (const x of g.referenceChanged) lines.push(`- Reference changed: ${words(x)}: ${referenceWords(x)}`);
    lines.push('');
  }

  if (c.other.length > 0) {
    lines.push('### Other resources', '');
    for (const o of c.other) lines.push(`- ${o.change}: \`${o.address}\` (stack \`${o.stack}\`)`);
    lines.push('');
  }
  return lines;
}

/** Whether prevent_destroy stops the replacement: not when the old address leaves the configuration with its guard. */
function guard(preventDestroy: boolean, changes: ArgChange[]): string {
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

function argLines(changes: ArgChange[]): string[] {
  return changes.map((x) => `  - \`${x.argument}\`: ${x.old} → ${x.new}${x.note ? ` (${x.note})` : ''}`);
}

function containerWords(containers: string[] | string): string {
  if (!Array.isArray(containers)) return `\`${containers}\``;
  const shown = containers.slice(0, NAMES_SHOWN).join(', ');
  return containers.length > NAMES_SHOWN ? `${shown}, … (+${containers.length - NAMES_SHOWN})` : shown;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A table cell: a pipe or a line break would end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
