import { Fn, Op } from 'cdktf';
import { normalizeRegion } from '../regions';
import { codeOf } from './code-of';
import { isLiteral, Problems } from './problems';
import type { IDataLakeStorageAccount, PlanTimeCheck } from '../interfaces';
import { REGION_SHAPE, REGION_SHAPE_RULE } from './rules';

/** Records a problem when a literal region is not shaped like an Azure region name. Tokens pass. */
export function checkRegionShape(problems: Problems, field: string, region: unknown): void {
  if (typeof region !== 'string' || (isLiteral(region) && !REGION_SHAPE.test(region))) {
    problems.add(codeOf(region, typeof region === 'string', 'ADLSBK-REGION'), field, `must be ${REGION_SHAPE_RULE}`, region);
  }
}

/** The Terraform expression that normalises a region known only at plan time; literals are normalised now. */
function normalizedRegionExpression(region: string): string {
  return isLiteral(region) ? normalizeRegion(region) : Fn.lower(Fn.replace(region, ' ', ''));
}

/** A Terraform condition that is true when both regions are the same after normalising. */
function sameRegionCondition(a: string, b: string): string {
  return Op.eq(normalizedRegionExpression(a), normalizedRegionExpression(b)) as unknown as string;
}

/**
 * The checks `terraform plan` must make before an account is used by a vault: the account's own plan-time
 * checks (those of a backup source; `withAccountChecks`), preceded by the same-region rule when either region is
 * only known then. `message` has two `%s`: the
 * vault's region and the account's.
 */
export function planTimeRegionChecks(
  vaultRegion: string,
  account: IDataLakeStorageAccount,
  message: string,
  withAccountChecks = true,
): PlanTimeCheck[] {
  const checks = withAccountChecks ? [...(account.planTimeChecks ?? [])] : [];
  if (!isLiteral(vaultRegion) || !isLiteral(account.location)) {
    checks.unshift({
      condition: sameRegionCondition(vaultRegion, account.location),
      errorMessage: Fn.format(message, [vaultRegion, account.location]),
    });
  }
  return checks;
}
