// One Terraform working directory per stack under test: the synthesized cdk.tf.json copied in unchanged, a local
// backend in an override file (the stacks' own backends point at Azure Storage or at the repository), and the
// commands a pipeline runs, against the stand-in provider of one azurerm version.
import { execFile } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { AzurermVersion } from './mirror';
import { terraformBinary } from './terraform-binary';
import type { World } from '../stand-in/world';

/** The subscription a pipeline puts in ARM_SUBSCRIPTION_ID for stacks whose provider block names none. */
export const PIPELINE_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function standInRoot(): string {
  const root = process.env.ADLS_STANDIN_ROOT;
  if (!root)
    throw new Error('ADLS_STANDIN_ROOT is not set: run these tests through jest (test/terraform/harness/global-setup.ts)');
  return root;
}

/** The environment of every Terraform command: the mirror's CLI configuration and nothing from the machine's. */
export function terraformEnv(azurerm: AzurermVersion, worldFile: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(TF_|ARM_|CDKTF_)/.test(k)) env[k] = v;
  return {
    ...env,
    TF_CLI_CONFIG_FILE: join(standInRoot(), `terraformrc-${azurerm}`),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    ARM_SUBSCRIPTION_ID: PIPELINE_SUBSCRIPTION,
    STAND_IN_WORLD: worldFile,
    ...(process.env.ADLS_STANDIN_NO_TLS ? { TF_DISABLE_PLUGIN_TLS: '1' } : {}),
    ...extra,
  };
}

export function runCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export class Workspace {
  readonly dir: string;

  private constructor(
    readonly azurerm: AzurermVersion,
    dir: string,
    private readonly worldFile: string,
    private readonly extraEnv: NodeJS.ProcessEnv,
  ) {
    this.dir = dir;
  }

  /** A working directory holding `stackDir`'s cdk.tf.json (or the given JSON), for azurerm `azurerm`. */
  static create(
    azurerm: AzurermVersion,
    stack: { dir: string } | { json: object },
    world: World = {},
    env: NodeJS.ProcessEnv = {},
  ): Workspace {
    const dir = mkdtempSync(join(standInRoot(), 'work-'));
    if ('dir' in stack) cpSync(join(stack.dir, 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
    else writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(stack.json, null, 2));
    writeFileSync(
      join(dir, 'backend_override.tf.json'),
      JSON.stringify({ terraform: { backend: { local: { path: join(dir, 'terraform.tfstate') } } } }),
    );
    const worldFile = join(dir, 'stand-in-world.json');
    writeFileSync(worldFile, JSON.stringify(world));
    return new Workspace(azurerm, dir, worldFile, env);
  }

  /** Replaces the stack (a day-2 change) and, optionally, the world; state stays. */
  update(json: object, world?: World): void {
    writeFileSync(join(this.dir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    if (world) writeFileSync(this.worldFile, JSON.stringify(world));
  }

  stack(): any {
    return JSON.parse(readFileSync(join(this.dir, 'cdk.tf.json'), 'utf8'));
  }

  terraform(...args: string[]): Promise<Run> {
    return runCommand(terraformBinary(), args, this.dir, terraformEnv(this.azurerm, this.worldFile, this.extraEnv));
  }

  /** `terraform init` from the mirror; throws with Terraform's output when it fails. */
  async init(): Promise<void> {
    await ok(this.terraform('init', '-input=false', '-no-color'), 'terraform init');
  }

  /** `terraform validate -json`: its diagnostics. */
  async validate(): Promise<{ valid: boolean; diagnostics: { severity: string; summary: string; detail: string }[] }> {
    const run = await this.terraform('validate', '-json', '-no-color');
    return JSON.parse(run.stdout);
  }

  /** `terraform plan -out` then `show -json`: the plan as JSON, or the failed run. */
  async plan(...args: string[]): Promise<{ run: Run; plan?: PlanJson }> {
    const run = await this.terraform('plan', '-input=false', '-no-color', '-out=plan.bin', ...args);
    if (run.code !== 0) return { run };
    const shown = await ok(this.terraform('show', '-json', 'plan.bin'), 'terraform show -json');
    return { run, plan: JSON.parse(shown.stdout) as PlanJson };
  }

  async apply(): Promise<Run> {
    return ok(this.terraform('apply', '-input=false', '-no-color', '-auto-approve'), 'terraform apply');
  }

  /** `terraform graph`: the edges between resources (from -> to: `from` depends on `to`). */
  async graph(): Promise<Map<string, Set<string>>> {
    const run = await ok(this.terraform('graph'), 'terraform graph');
    const edges = new Map<string, Set<string>>();
    for (const m of run.stdout.matchAll(/"([^"]+)"\s*->\s*"([^"]+)"/g)) {
      const from = m[1].replace(/^\[root\] /, '').replace(/ \(expand\)$/, '');
      const to = m[2].replace(/^\[root\] /, '').replace(/ \(expand\)$/, '');
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
    return edges;
  }

  mkdir(name: string): string {
    const path = join(this.dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  }
}

export async function ok(pending: Promise<Run>, what: string): Promise<Run> {
  const run = await pending;
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** Whether `to` is reachable from `from` in a graph of `terraform graph` edges. */
export function reaches(edges: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (node === to) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    queue.push(...(edges.get(node) ?? []));
  }
  return false;
}

/** The parts of `terraform show -json <plan>` the tests read. */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly type: string;
    readonly mode: 'managed' | 'data';
    readonly change: {
      readonly actions: readonly string[];
      readonly before: any;
      readonly after: any;
      readonly after_unknown: any;
      readonly replace_paths?: readonly (readonly (string | number)[])[];
    };
  }[];
  readonly configuration: any;
}

/** Runs `tasks` with at most `limit` at a time (the machine has two cores; Terraform and the stand-in share them). */
export async function inParallel<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
