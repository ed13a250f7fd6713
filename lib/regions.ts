import { Fn, Op } from 'cdktf';
import supportedRegions from './data/supported-regions.json';
import { isLiteral, Problems } from './private/problems';

/**
 * Regions where Azure Backup supports vaulted backup of ADLS Gen2 (support matrix of 2025-11-18).
 * The list grows: a region missing here can be allowed explicitly, with a warning.
 */
export const ADLS_BACKUP_REGIONS: readonly string[] = Object.freeze([...supportedRegions.regions]);

/** `West Europe`, `westeurope` and ` WestEurope ` all normalise to `westeurope`, as Azure compares them. */
export function normalizeRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

/** True when `region` (any spelling) is in `ADLS_BACKUP_REGIONS`. */
export function isAdlsBackupRegion(region: string): boolean {
  const wanted = normalizeRegion(region);
  return ADLS_BACKUP_REGIONS.some((r) => normalizeRegion(r) === wanted);
}

const REGION_PATTERN = /^[A-Za-z][A-Za-z0-9 ]{1,49}$/;

/** Records a problem when a literal region is not shaped like an Azure region name. Tokens pass. */
export function checkRegionShape(problems: Problems, field: string, region: unknown): void {
  if (typeof region !== 'string' || (isLiteral(region) && !REGION_PATTERN.test(region.trim()))) {
    problems.add(field, 'must be an Azure region such as "West Europe" or "westeurope"', region);
  }
}

/** The Terraform expression that normalises a region known only at plan time; literals are normalised now. */
export function normalizedRegionExpression(region: string): string {
  return isLiteral(region) ? normalizeRegion(region) : Fn.lower(Fn.replace(region, ' ', ''));
}

/** A Terraform condition that is true when both regions are the same after normalising. */
export function sameRegionCondition(a: string, b: string): string {
  return Op.eq(normalizedRegionExpression(a), normalizedRegionExpression(b)) as unknown as string;
}
