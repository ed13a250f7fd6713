// One vault's section of the markdown: settings, policies, protected accounts, restore grants, ordering, warnings.
import type { Finding } from '../findings';
import type { AccountReport, VaultReport } from '../report';
import { joinWords } from '../words';
import { accountWords, cell, count, NAMES_SHOWN, VIA } from './markdown-text';
import { orderingDiagram } from './mermaid';

/** The vault's section, ending with its findings (the report's, of this vault) as its warnings. */
export function renderVault(vault: VaultReport, findings: readonly Finding[]): string[] {
  const diagram = orderingDiagram(vault, (account) => vault.accounts.find((a) => a.account === account)?.ordering.status ?? '');
  return [
    ...headLines(vault),
    ...policyLines(vault),
    ...accountLines(vault),
    ...restoreGrantLines(vault),
    ...(diagram.length > 0 ? ['### Ordering', '', ...diagram, ''] : []),
    '### Warnings',
    '',
    ...(findings.length === 0 ? ['None.'] : findings.map((f) => `- ⚠ ${f.message}`)),
    '',
  ];
}

/** The heading, and the settings table (or how an outside vault is referenced). */
function headLines(vault: VaultReport): string[] {
  if (vault.outsideConfiguration) {
    const how = vault.id ? `ID \`${vault.id}\`` : vault.dataSource ? `the data source \`${vault.dataSource}\`` : 'an expression';
    return [
      `## Vault \`${vault.name}\` (outside this configuration; used from stack \`${vault.stack}\`)`,
      '',
      `Referenced by ${how}: its settings are not in this configuration.`,
      '',
    ];
  }
  const locks = vault.deletionLocks.map(
    (l) => `\`${l.name}\` (${l.level})${l.stack === vault.stack ? '' : `, stack \`${l.stack}\``}`,
  );
  const soft = vault.softDelete!;
  return [
    `## Vault \`${vault.name}\` (stack \`${vault.stack}\`)`,
    '',
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
  ];
}

function policyLines(vault: VaultReport): string[] {
  const lines = ['### Policies', ''];
  if (vault.policies.length === 0) lines.push('None in this configuration.');
  for (const p of vault.policies) {
    const used =
      p.usedBy.length > 0 ? `Used by ${joinWords(p.usedBy.map((a) => `\`${a}\``))}.` : 'Used by no backup instance here.';
    lines.push(`- \`${p.name}\`: ${p.words}. ${used}`);
  }
  return [...lines, ''];
}

function accountLines(vault: VaultReport): string[] {
  if (vault.accounts.length === 0) return ['### Protected accounts', '', 'None.', ''];
  return [
    '### Protected accounts',
    '',
    '| account | containers | policy | backup grant on | wait | ordering | prevent_destroy | checked at plan |',
    '|---|---|---|---|---|---|---|---|',
    ...vault.accounts.map((a) => accountRow(vault, a)),
    '',
  ];
}

function restoreGrantLines(vault: VaultReport): string[] {
  if (vault.restoreGrants.length === 0) return [];
  const lines = [
    '### Restore grants',
    '',
    "Storage Account Backup Contributor for the vault's identity on accounts it does not back up, so restores can write there:",
    '',
  ];
  for (const g of vault.restoreGrants) {
    const checks = g.preconditions.length > 0 ? `; checked at plan: ${g.preconditions.join(', ')}` : '';
    lines.push(`- ${accountWords(g)}: \`${g.address}\`${g.stack === vault.stack ? '' : ` (stack \`${g.stack}\`)`}${checks}`);
  }
  return [...lines, ''];
}

function accountRow(vault: VaultReport, a: AccountReport): string {
  const where = [
    VIA[a.via],
    ...(a.resourceGroup ? [a.resourceGroup] : []),
    a.regionKnownAtSynth ? a.region : 'region read at plan',
  ];
  if (a.stack !== vault.stack) where.push(`stack \`${a.stack}\``);
  const account = `\`${cell(a.account)}\`<br>${cell(where.join(' · '))}`;
  const grant = a.backupGrant ? `\`${cell(a.backupGrant.scope)}\`` : '✘ none';
  const wait = a.wait ? a.wait.words : '—';
  const checks = a.preconditions.length > 0 ? `${a.preconditions.length}: ${cell(a.preconditions.join(', '))}` : '—';
  return `| ${account} | ${containerCell(a)} | \`${cell(a.policy)}\` | ${grant} | ${wait} | ${cell(a.ordering.status)} | ${a.preventDestroy ? '✔' : '✘'} | ${checks} |`;
}

function containerCell(a: AccountReport): string {
  const names = a.containers.names;
  if (!names) return `\`${cell(a.containers.expression ?? '')}\` (known at plan)`;
  const shown =
    names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? `, … (+${names.length - NAMES_SHOWN})` : '');
  const waited = a.containers.waitedFor;
  const created =
    waited.length === 0 ? '' : waited.length === names.length ? ' (created here)' : ` (created here: ${waited.join(', ')})`;
  return `${names.length}: ${cell(shown)}${created}`;
}
