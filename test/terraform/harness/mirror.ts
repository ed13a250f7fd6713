// A filesystem mirror per azurerm version (with time 0.13.1 beside it) and the Terraform CLI configuration that
// installs only from it. One mirror per version makes `terraform init` really resolve each stack's
// `required_providers`: a constraint that excludes the mirror's version fails init as it would against the registry.
import { chmodSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { REPO } from './build';

export const AZURERM_VERSIONS = ['4.68.0', '4.79.0', '5.2.0'] as const;
export type AzurermVersion = (typeof AZURERM_VERSIONS)[number];
export const TIME_VERSION = '0.13.1';

const PLATFORM = `linux_${process.arch === 'x64' ? 'amd64' : process.arch}`;

export interface Mirror {
  readonly azurerm: AzurermVersion;
  /** The CLI configuration to point TF_CLI_CONFIG_FILE at. */
  readonly cliConfig: string;
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

function addProvider(mirror: string, name: string, version: string, entry: string): void {
  const dir = join(mirror, 'registry.terraform.io', 'hashicorp', name, version, PLATFORM);
  mkdirSync(dir, { recursive: true });
  const launcher = join(dir, `terraform-provider-${name}_v${version}`);
  // The provider's node_modules are the repository's; the launcher runs the Node.js that runs the tests.
  writeFileSync(
    launcher,
    `#!/bin/sh\nNODE_PATH=${shellQuote(join(REPO, 'node_modules'))} exec ${shellQuote(process.execPath)} ${shellQuote(entry)} ${name} ${version}\n`,
  );
  chmodSync(launcher, 0o755);
}

/** Writes the mirror and CLI configuration for `azurerm` under `root`. */
export function writeMirror(root: string, azurerm: AzurermVersion, entry: string): Mirror {
  const mirror = join(root, `mirror-${azurerm}`);
  addProvider(mirror, 'azurerm', azurerm, entry);
  addProvider(mirror, 'time', TIME_VERSION, entry);
  const cliConfig = join(root, `terraformrc-${azurerm}`);
  writeFileSync(
    cliConfig,
    [
      'provider_installation {',
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/hashicorp/*"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/*/*"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return { azurerm, cliConfig };
}
