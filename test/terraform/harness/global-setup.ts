// Once per `jest` run, for the terraform project: checks Terraform, builds the stand-in provider and one filesystem
// mirror per azurerm version in a temporary folder, and tells the test workers where (ADLS_STANDIN_ROOT).
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildStandIn } from './build';
import { AZURERM_VERSIONS, writeMirror } from './mirror';
import { checkTerraform, terraformBinary, SKIP_BANNER, SKIP_VARIABLE, skippingTerraform } from './terraform-binary';

export default function globalSetup(): void {
  if (skippingTerraform() && process.env.CI === 'true') {
    throw new Error(`CI runs the Terraform checks: unset ${SKIP_VARIABLE} (it is for a developer's machine without Terraform).`);
  }
  if (skippingTerraform()) {
    process.stderr.write(SKIP_BANNER);
    return;
  }
  const version = checkTerraform();
  const root = mkdtempSync(join(tmpdir(), 'adls-standin-'));
  const { entry, tls } = buildStandIn(join(root, 'build'));
  if (!tls) process.env.ADLS_STANDIN_NO_TLS = '1';
  for (const azurerm of AZURERM_VERSIONS) writeMirror(root, azurerm, entry);
  process.env.ADLS_STANDIN_ROOT = root;
  process.env.ADLS_STANDIN_TERRAFORM_VERSION = version;
  process.stderr.write(`\nTerraform checks: ${terraformBinary()} ${version}, stand-in provider in ${root}\n`);
}
