// Once per `jest` run, for the terraform project: checks Terraform, builds the stand-in provider and one filesystem
// mirror per azurerm version in a temporary folder, and tells the test workers where (ADLS_STANDIN_ROOT).
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildStandIn } from './build';
import { AZURERM_VERSIONS, writeMirror } from './mirror';
import { checkTerraform, SKIP_BANNER, skippingTerraform } from './terraform-binary';

export default function globalSetup(): void {
  if (skippingTerraform()) {
    process.stderr.write(SKIP_BANNER);
    return;
  }
  const version = checkTerraform();
  const root = mkdtempSync(join(tmpdir(), 'adls-standin-'));
  const entry = buildStandIn(join(root, 'build'));
  for (const azurerm of AZURERM_VERSIONS) writeMirror(root, azurerm, entry);
  process.env.ADLS_STANDIN_ROOT = root;
  process.env.ADLS_STANDIN_TERRAFORM_VERSION = version;
}
