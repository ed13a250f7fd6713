import zones from './data/policy-time-zones.json';

/** The 142 Windows time-zone names azurerm accepts for an ADLS policy's `time_zone` (case-sensitive). */
export const POLICY_TIME_ZONES: readonly string[] = Object.freeze([...zones.timeZones]);

/** The accepted spelling of `name` when it differs only in case or spacing, e.g. `w. europe standard time` -> `W. Europe Standard Time`. */
export function suggestTimeZone(name: string): string | undefined {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return POLICY_TIME_ZONES.find((z) => squash(z) === squash(name));
}
