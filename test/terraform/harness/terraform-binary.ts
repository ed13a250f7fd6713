// Which Terraform the suite runs, and the one explicit way to run without it. The Terraform checks are part of
// `npm test`: a machine without Terraform fails them with instructions, never skips them silently.
import { execFileSync } from 'child_process';

export const SKIP_VARIABLE = 'ADLS_BACKUP_SKIP_TERRAFORM';

export function skippingTerraform(): boolean {
  return process.env[SKIP_VARIABLE] === '1';
}

/** `TERRAFORM_BINARY`, or `terraform` on PATH. */
export function terraformBinary(): string {
  return process.env.TERRAFORM_BINARY || 'terraform';
}

/** The binary's version, or an error that says how to install Terraform or how to skip on purpose. */
export function checkTerraform(): string {
  const binary = terraformBinary();
  try {
    const { TF_CLI_CONFIG_FILE: _ignored, ...env } = process.env; // the machine's may name a file that does not exist
    const out = execFileSync(binary, ['version', '-json'], { encoding: 'utf8', env: { ...env, CHECKPOINT_DISABLE: '1' } });
    return (JSON.parse(out) as { terraform_version: string }).terraform_version;
  } catch (error) {
    throw new Error(
      [
        `The Terraform checks need the terraform CLI, and "${binary}" did not run (${(error as Error).message.split('\n')[0]}).`,
        'Install Terraform 1.2 or later (https://developer.hashicorp.com/terraform/install; these tests use 1.11.4) and put it',
        'on PATH, or name the binary in TERRAFORM_BINARY. To run the rest of the suite without them, on purpose,',
        `set ${SKIP_VARIABLE}=1: the run then says loudly that the Terraform checks did not run.`,
      ].join('\n'),
      { cause: error },
    );
  }
}

export const SKIP_BANNER = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  `!!! ${SKIP_VARIABLE}=1: the Terraform checks (init, validate, plan, apply) DID NOT RUN. !!!`,
  '!!! This run proves nothing about what Terraform makes of the synthesized stacks.       !!!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');
