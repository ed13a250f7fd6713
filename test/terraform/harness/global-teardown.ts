import { rmSync } from 'fs';
import { SKIP_BANNER, skippingTerraform } from './terraform-binary';

export default function globalTeardown(): void {
  // Said again at the end, where a reader of the log looks.
  if (skippingTerraform()) process.stderr.write(SKIP_BANNER);
  const root = process.env.ADLS_STANDIN_ROOT;
  if (root && !process.env.ADLS_STANDIN_KEEP) rmSync(root, { recursive: true, force: true });
}
