import { refusesBelow } from './version-constraint';

/**
 * How many containers one ADLS backup instance may list (`storage_container_names`): at most 100 up to azurerm 4.78
 * (the support matrix's old limit), at most 1000 from 4.79.0. Used by the construct, the fleet and the review.
 */
export const CONTAINER_LIMIT = {
  /** The limit every supported azurerm version accepts. */
  everywhere: 100,
  /** The higher limit, and the azurerm version that introduced it. */
  raised: { max: 1000, since: '4.79.0' },
} as const;

/** The limit for a stack whose azurerm constraint is `constraint`, and the reason a reader should see. */
export interface ContainerLimit {
  readonly max: number;
  /** Why the limit is what it is, in a sentence that can follow the rule in an error message. */
  readonly reason: string;
}

/**
 * The raised limit applies only when the constraint refuses every version that predates it; otherwise a
 * `terraform init` could pick a provider that refuses the list at plan time.
 */
export function containerLimitFor(constraint: string | undefined): ContainerLimit {
  const { everywhere, raised } = CONTAINER_LIMIT;
  if (constraint !== undefined && safeRefusesBelow(constraint, raised.since)) {
    return {
      max: raised.max,
      reason: `azurerm's limit (the stack's azurerm constraint "${constraint}" starts at ${raised.since} or later)`,
    };
  }
  return {
    max: everywhere,
    reason:
      `azurerm accepts up to ${raised.max} only from ${raised.since}, and the stack's azurerm constraint ` +
      `${constraint === undefined ? '(none set)' : `"${constraint}"`} admits older versions; to list more, narrow it before ` +
      `creating the backup: stack.addOverride('terraform.required_providers.azurerm.version', '>= ${raised.since}')`,
  };
}

// A constraint Terraform would refuse anyway is not the library's to judge here: treat it as admitting old versions.
function safeRefusesBelow(constraint: string, version: string): boolean {
  try {
    return refusesBelow(constraint, version);
  } catch {
    return false;
  }
}
