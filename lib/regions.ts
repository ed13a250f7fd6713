import supportedRegions from './data/supported-regions.json';
import { codeOf } from './private/code-of';
import { refuse } from './private/problems';

/**
 * Regions where Azure Backup supports vaulted backup of ADLS Gen2 (support matrix of 2025-11-18).
 * The list grows: a region missing here can be allowed explicitly, with a warning.
 */
export const ADLS_BACKUP_REGIONS: readonly string[] = Object.freeze([...supportedRegions.regions]);

/** `West Europe`, `westeurope` and ` WestEurope ` all normalise to `westeurope`, as Azure compares them. */
export function normalizeRegion(region: string): string {
  if (typeof region !== 'string') {
    refuse(
      codeOf(region, false, 'ADLSBK-REGION'),
      'region',
      'must be a region name such as "West Europe"',
      region,
      'normalizeRegion',
    );
  }
  return region.replace(/\s+/g, '').toLowerCase();
}

/** True when `region` (any spelling) is in `ADLS_BACKUP_REGIONS`. */
export function isAdlsBackupRegion(region: string): boolean {
  if (typeof region !== 'string') return false;
  const wanted = normalizeRegion(region);
  return ADLS_BACKUP_REGIONS.some((r) => normalizeRegion(r) === wanted);
}
