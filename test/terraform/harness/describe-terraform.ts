// `describe` for tests that run Terraform: skipped only when ADLS_BACKUP_SKIP_TERRAFORM=1 says so (global-setup.ts
// prints the banner); without Terraform and without that variable, global setup has already failed the run.
import { skippingTerraform } from './terraform-binary';

export const describeTerraform: jest.Describe = skippingTerraform() ? describe.skip : describe;
