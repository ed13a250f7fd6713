// Spec strings are data, as Terraform itself reads them: tags holding `${file(...)}`, `${timestamp()}` or a
// `%{ if }` directive plan as exactly the text the spec gives, and, as the control, the same JSON without the
// escapes makes Terraform evaluate them (the file's contents appear in the plan).
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { describeTerraform } from './harness/describe-terraform';
import { fleetAccounts, synthFleet, worldOf } from './harness/stacks';
import { Workspace } from './harness/workspace';

const VAULT = 'azurerm_data_protection_backup_vault';

describeTerraform('spec strings reach Terraform as literals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adls-literals-'));
  const secret = join(dir, 'accessTokens.json');
  writeFileSync(secret, 'SECRET-TOKEN');
  const tags = {
    owner: `\${file("${secret}")}`,
    stamp: '${timestamp()}',
    directive: '%{ if true }yes%{ endif }',
    '${upper("key")}': 'a key',
    escaped: '$${already}',
  };
  const spec = join(dir, 'spec.yaml');
  writeFileSync(
    spec,
    `version: 1
vaults: { tags: ${JSON.stringify(tags)} }
policies:
  daily: { schedule: { frequency: daily, time: "02:00" }, retention: { default: P30D } }
accounts:
  - id: /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lake01
    region: westeurope
    containers: [raw]
`,
  );
  const [stack] = synthFleet(spec).stacks;
  const world = worldOf(fleetAccounts(spec));

  async function plannedTags(json: object): Promise<Record<string, string>> {
    const ws = Workspace.create('4.79.0', { json }, world);
    await ws.init();
    const { run, plan } = await ws.plan();
    if (!plan) throw new Error(`plan failed:\n${run.stdout}\n${run.stderr}`);
    return plan.resource_changes!.find((c) => c.type === VAULT)!.change.after.tags;
  }

  test('the plan holds each tag exactly as the spec wrote it, key and value', async () => {
    const json = Workspace.create('4.79.0', stack).stack();
    expect(await plannedTags(json)).toEqual(tags);
  });

  test('control: the same tags unescaped are evaluated by Terraform (a file read on the agent)', async () => {
    const json = Workspace.create('4.79.0', stack).stack();
    const vault: any = Object.values(json.resource[VAULT])[0];
    vault.tags = Object.fromEntries(
      Object.entries<string>(vault.tags).map(([k, v]) => [k.replace(/\$\$\{/g, '${'), v.replace(/([$%])\1\{/g, '$1{')]),
    );
    const planned = await plannedTags(json);
    expect(planned.owner).toBe('SECRET-TOKEN');
    expect(planned.directive).toBe('yes');
    expect(planned.KEY).toBe('a key');
  });
});
