/**
 * The render stage on its own: the renderers only format the report. The markdown of a report is the markdown of
 * that report read back from its JSON, and every word in it comes from the report.
 */
import { findingsOf } from '../lib/review/findings';
import { buildModel } from '../lib/review/model';
import type { SynthesizedStack } from '../lib/review/read';
import { DIAGRAM_LIMIT, renderJson, renderMarkdown } from '../lib/review/render';
import { buildReport, ReviewReport } from '../lib/review/report';

const accountId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;

/** One vault protecting `count` accounts, none of them with a grant or a wait. */
function reportOf(count: number): ReviewReport {
  const instances = Object.fromEntries(
    Array.from({ length: count }, (_, n) => [
      `i${n}`,
      {
        name: `lake${n}`,
        location: 'westeurope',
        data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.v.id}',
        backup_policy_data_lake_storage_id: 'daily',
        storage_account_id: accountId(`lake${String(n).padStart(2, '0')}`),
        storage_container_names: ['raw'],
      },
    ]),
  );
  const stack: SynthesizedStack = {
    name: 's',
    file: 'stacks/s/cdk.tf.json',
    json: {
      resource: {
        azurerm_data_protection_backup_vault: { v: { name: 'bv', resource_group_name: 'rg', location: 'westeurope' } },
        azurerm_data_protection_backup_instance_data_lake_storage: instances,
      },
    },
  };
  const model = buildModel([stack]);
  return buildReport(model, findingsOf(model));
}

describe('renderers', () => {
  test('JSON: the report, indented, one newline at the end', () => {
    const report = reportOf(1);
    expect(renderJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  test('markdown only formats: the same from the report read back from its JSON', () => {
    const report = reportOf(3);
    expect(renderMarkdown(JSON.parse(renderJson(report)))).toBe(renderMarkdown(report));
  });

  test('markdown prints what the report says, escaped for a table cell', () => {
    const report = reportOf(1);
    const vault = report.vaults[0];
    const edited: ReviewReport = {
      ...report,
      findings: [{ ...report.findings[0], message: 'a warning only the report holds' }],
      vaults: [{ ...vault, accounts: [{ ...vault.accounts[0], policy: 'a|b' }] }],
    };
    const markdown = renderMarkdown(edited);
    expect(markdown).toContain('### Warnings\n\n- ⚠ a warning only the report holds\n');
    expect(markdown).toContain('⚠ Warnings by vault: `bv` (s): 1.');
    expect(markdown).toContain('`a\\|b`');
    expect(markdown).not.toContain('## Changes against base');
    expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
  });

  test("markdown prints each finding where it applies, from `findings` alone: version 1's lists are not read", () => {
    const model = buildModel([
      {
        name: 's',
        file: 'stacks/s/cdk.tf.json',
        json: {
          resource: {
            azurerm_data_protection_backup_vault: {
              v: { name: 'bv', resource_group_name: 'rg', location: 'westeurope', tags: { when: '${timestamp()}' } },
              w: { name: 'bv', resource_group_name: 'rg2', location: 'westeurope' },
            },
          },
        },
      },
    ]);
    const report = buildReport(model, findingsOf(model));
    expect(report.findings.map((f) => [f.code, f.vaultKey])).toEqual([
      ['REVIEW-INTERPOLATION', undefined],
      ['REVIEW-VAULT-NO-PREVENT-DESTROY', 'bv in rg'],
      ['REVIEW-VAULT-NO-PREVENT-DESTROY', 'bv in rg2'],
    ]);
    const markdown = renderMarkdown(report);
    const sections = markdown.split(/^## /m);
    // Two vaults of one name and stack: each section has its own finding, by the vault's key.
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '# Backup review',
      'Expressions in names and tags',
      'Vault `bv` (stack `s`)',
      'Vault `bv` (stack `s`)',
    ]);
    const warnings = (section: string) =>
      section
        .slice(Math.max(0, section.indexOf('### Warnings')))
        .split('\n')
        .filter((l) => l.startsWith('- ⚠'));
    expect(warnings(sections[1])).toEqual([`- ⚠ ${report.findings[0].message}`]);
    expect(warnings(sections[2])).toEqual([`- ⚠ ${report.findings[1].message}`]);
    expect(warnings(sections[3])).toEqual([`- ⚠ ${report.findings[2].message}`]);
    // The lists of version 1 hold the same sentences, but the markdown reads the findings.
    const emptied: ReviewReport = {
      ...report,
      interpolations: report.interpolations.map((i) => ({ ...i, message: 'not this' })),
      vaults: report.vaults.map((v) => ({ ...v, warnings: ['not this'] })),
      warnings: [],
    };
    expect(renderMarkdown(emptied)).toBe(markdown);
    expect(renderMarkdown({ ...report, findings: [] })).not.toContain('- ⚠');
  });

  test('the changes section, when nothing changes', () => {
    const report = reportOf(1);
    const none = { base: 'old', none: true } as unknown as NonNullable<ReviewReport['changes']>;
    expect(renderMarkdown({ ...report, changes: none })).toContain(
      '## Changes against base\n\nBase: `old`.\n\nNo changes against base.\n',
    );
  });

  test(`the ordering diagram draws ${DIAGRAM_LIMIT} instances and counts the rest of the same shape`, () => {
    const markdown = renderMarkdown(reportOf(DIAGRAM_LIMIT + 2));
    expect(markdown.match(/^ {2}backup_/gm)).toHaveLength(DIAGRAM_LIMIT);
    expect(markdown).toContain('… and 2 more instances with the same ordering as drawn above.');
  });
});
