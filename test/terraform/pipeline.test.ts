// The commands README's pipeline section gives, run as a pipeline runs them: `cdktf synth`, `cdktf diff` and
// `cdktf deploy --auto-approve` on the quickstart app (cdktf-cli, a dev dependency), and `terraform init` and
// `plan` in each stack folder the fleet command line writes. Against the stand-in provider, from the mirror.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { describeTerraform } from './harness/describe-terraform';
import { REPO } from './harness/build';
import { EXAMPLE_WORLD, synthFleet } from './harness/stacks';
import { runCommand, terraformEnv } from './harness/workspace';
import { terraformBinary } from './harness/terraform-binary';

const CDKTF = join(REPO, 'node_modules', '.bin', 'cdktf');

/** The commands of README's "In a pipeline" block, split into words, comments dropped. */
function readmePipeline(): { cdktf: string[][]; terraform: string[][] } {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## In a pipeline'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  const commands = block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
  return {
    cdktf: commands.filter((c) => c[0] === 'npx' && c[1] === 'cdktf').map((c) => c.slice(2)),
    terraform: commands.filter((c) => c[0] === 'terraform').map((c) => c.slice(1)),
  };
}
const README = readmePipeline();
// eslint-disable-next-line no-control-regex -- Terraform's colours, to read its output as text
const ANSI = /\u001b\[[0-9;]*m/g;

/** A cdktf project folder whose app is the quickstart example, run from source. */
function quickstartProject(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(process.env.ADLS_STANDIN_ROOT!, 'cdktf-project-'));
  const app = `node -r ${join(REPO, 'test', 'terraform', 'harness', 'ts-register.js')} ${join(REPO, 'examples', 'quickstart', 'main.ts')}`;
  writeFileSync(
    join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app, output: 'cdktf.out', sendCrashReports: 'false' }),
  );
  const world = join(dir, 'world.json');
  writeFileSync(world, JSON.stringify({}));
  const env = terraformEnv('5.2.0', world, { CI: 'true', NODE_PATH: join(REPO, 'node_modules'), FORCE_COLOR: '0' });
  return { dir, env };
}

async function cdktf(dir: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = await runCommand(CDKTF, args, dir, env);
  return { ...run, output: (run.stdout + run.stderr).replace(ANSI, '') };
}

describeTerraform('cdktf synth, diff and deploy on the quickstart app', () => {
  const { dir, env } = quickstartProject();

  test('synth writes the stack; diff plans five resources; deploy applies them; a second diff has nothing to do', async () => {
    const synth = await cdktf(dir, env, 'synth');
    expect(synth.output).toContain('Generated Terraform code for the stacks: quickstart');
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'quickstart', 'cdk.tf.json'))).toBe(true);

    // README's two commands, with --skip-provider-lock: cdktf otherwise runs `terraform providers lock`, which
    // asks the public registry; a pipeline behind a mirror (as here) passes it too, as README says.
    expect(README.cdktf).toEqual([['diff'], ['deploy', '--auto-approve']]);
    const diff = await cdktf(dir, env, ...README.cdktf[0], '--skip-provider-lock');
    expect(diff.code).toBe(0);
    expect(diff.output).toContain('Plan: 5 to add, 0 to change, 0 to destroy.');

    const deploy = await cdktf(dir, env, ...README.cdktf[1], '--skip-provider-lock');
    expect(deploy.code).toBe(0);
    expect(deploy.output).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.');
    // The wait starts after the role assignment is created, and the instance after the wait is over.
    const at = (re: RegExp) => deploy.output.search(re);
    const roleDone = at(/azurerm_role_assignment\.[^:\n]+: Creation complete/);
    const waitStarts = at(/time_sleep\.[^:\n]+: Creating\.\.\./);
    const waitDone = at(/time_sleep\.[^:\n]+: Creation complete/);
    const instanceStarts = at(/azurerm_data_protection_backup_instance_data_lake_storage\.[^:\n]+: Creating\.\.\./);
    expect(roleDone).toBeGreaterThan(0);
    expect(waitStarts).toBeGreaterThan(roleDone);
    expect(instanceStarts).toBeGreaterThan(waitDone);
    expect(waitDone).toBeGreaterThan(waitStarts);

    // cdktf's local backend keeps the state beside cdktf.json.
    const state = JSON.parse(readFileSync(join(dir, 'terraform.quickstart.tfstate'), 'utf8'));
    expect(state.resources.map((r: { type: string }) => r.type).sort()).toEqual([
      'azurerm_data_protection_backup_instance_data_lake_storage',
      'azurerm_data_protection_backup_policy_data_lake_storage',
      'azurerm_data_protection_backup_vault',
      'azurerm_role_assignment',
      'time_sleep',
    ]);

    const again = await cdktf(dir, env, 'diff', '--skip-provider-lock');
    expect(again.code).toBe(0);
    expect(again.output).toContain('No changes. Your infrastructure matches the configuration.');
  }, 180_000);
});

describeTerraform('terraform init and plan in the folders adls-backup synth writes', () => {
  const fleet = synthFleet();

  test('README runs init, plan and apply in a stack folder', () => {
    expect(README.terraform.map((c) => c[1])).toEqual(['init', 'plan', 'apply']);
    expect(new Set(README.terraform.map((c) => c[0]))).toEqual(new Set(['-chdir=cdktf.out/stacks/lake-backup-westeurope']));
  });

  test.each(fleet.stacks.map((s) => [s.name, s.dir]))(
    "%s: README's terraform -chdir=<out>/stacks/<stack> init, plan and apply",
    async (name, dir) => {
      // The only addition: the state in a local file, where the spec's azurerm backend names Azure Storage, which
      // these machines cannot reach (an override file, so the synthesized JSON stays as written).
      writeFileSync(
        join(dir, 'backend_override.tf.json'),
        JSON.stringify({ terraform: { backend: { local: { path: join(dir, 'terraform.tfstate') } } } }),
      );
      const world = join(dir, '..', `${name}-world.json`);
      writeFileSync(world, JSON.stringify(EXAMPLE_WORLD));
      const env = terraformEnv('4.79.0', world);
      const runs: Awaited<ReturnType<typeof runCommand>>[] = [];
      for (const [, ...args] of README.terraform) {
        const run = await runCommand(terraformBinary(), [`-chdir=${dir}`, ...args], fleet.out, env);
        runs.push({ ...run, stdout: run.stdout.replace(ANSI, '') });
      }
      const [initRun, planRun, applyRun] = runs;
      expect(initRun.stdout).toContain('Terraform has been successfully initialized!');
      expect(planRun.stderr).toBe('');
      expect(planRun.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
      expect(applyRun.code).toBe(0);
      expect(applyRun.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
    },
    120_000,
  );
});
