// The markdown renderer: the report as a reviewer reads it in a pull request, risky changes first, then one
// section per vault. It only formats the report; every judgement is already in it: the warnings it prints are the
// report's `findings`, each where the finding says it applies.
import type { Finding } from '../findings';
import type { ReviewReport, VaultReport } from '../report';
import { renderChanges } from './markdown-changes';
import { accountWords, count } from './markdown-text';
import { renderVault } from './markdown-vault';

/** The whole report as markdown, ending with one newline. */
export function renderMarkdown(report: ReviewReport): string {
  const lines: string[] = [
    '# Backup review',
    '',
    ...summaryLines(report),
    ...interpolationLines(report),
    ...(report.changes ? renderChanges(report.changes) : []),
    ...report.vaults.flatMap((vault) => renderVault(vault, findingsOf(report, vault))),
    ...otherGrantLines(report),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The findings of one vault, in report order. */
function findingsOf(report: ReviewReport, vault: VaultReport): Finding[] {
  return report.findings.filter((f) => f.vaultKey === vault.key);
}

/** The findings of names and tags that Terraform evaluates. */
function interpolationFindings(report: ReviewReport): Finding[] {
  return report.findings.filter((f) => f.code === 'REVIEW-INTERPOLATION');
}

function summaryLines(report: ReviewReport): string[] {
  const s = report.summary;
  const lines = [
    `Stacks: ${report.stacks.map((st) => `\`${st.name}\``).join(', ') || 'none'} (from manifest.json).`,
    '',
    `**${count(s.vaults, 'vault')} · ${count(s.policies, 'policy', 'policies')} · ${count(s.protectedAccounts, 'protected account')} · ` +
      `${count(s.restoreGrants, 'restore grant')} · ${count(s.warnings, 'warning')}**`,
    '',
  ];
  const byVault = report.vaults
    .map((v) => ({ v, n: findingsOf(report, v).length }))
    .filter(({ n }) => n > 0)
    .map(({ v, n }) => `\`${v.name}\` (${v.stack}): ${n}`);
  if (byVault.length > 0) lines.push(`⚠ Warnings by vault: ${byVault.join('; ')}.`, '');
  const interpolations = interpolationFindings(report);
  if (interpolations.length > 0) {
    lines.push(`⚠ Expressions in names and tags: ${interpolations.length}, listed first.`, '');
  }
  lines.push(
    'Policies read as: schedule, default retention, then the retention rules in priority order (the first matching rule wins).',
    '',
  );
  return lines;
}

/** Before the changes: Terraform evaluates these at plan, so they matter before anything this plan would change. */
function interpolationLines(report: ReviewReport): string[] {
  const interpolations = interpolationFindings(report);
  if (interpolations.length === 0) return [];
  return [
    '## Expressions in names and tags',
    '',
    'Terraform evaluates `${…}` and `%{…}` in any string at plan, on the machine that plans. The library writes a name or ' +
      'a tag as a literal or as one reference to a resource of the same stack; these are neither (write `$${` and `%%{` ' +
      'for the characters themselves):',
    '',
    ...interpolations.map((f) => `- ⚠ ${f.message}`),
    '',
  ];
}

function otherGrantLines(report: ReviewReport): string[] {
  if (report.otherGrants.length === 0) return [];
  return [
    '## Grants with an unknown vault',
    '',
    'Storage Account Backup Contributor grants whose principal is not the identity of a vault this review knows:',
    '',
    ...report.otherGrants.map(
      (g) => `- ${accountWords(g)}: principal \`${g.principal}\` (\`${g.address}\`, stack \`${g.stack}\`)`,
    ),
    '',
  ];
}
