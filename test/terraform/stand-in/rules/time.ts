// hashicorp/time's time_sleep, as v0.13.1 declares it in internal/provider/resource_time_sleep.go with
// terraform-plugin-framework validators and plan modifiers. At plan time the provider checks the durations with a
// regular expression only; Go's time.ParseDuration runs later, in Create, Delete and ImportState, so it is exported
// here (parseDuration) for the stand-in's apply and import rather than used as a rule.
import type { CrossRule, TypeRules, Value } from './rule';

const SOURCE = 'internal/provider/resource_time_sleep.go';

// stringvalidator.RegexMatches with the provider's own message.
const DURATION = /^[0-9]+(\.[0-9]+)?(ms|s|m|h)$/;
const DURATION_MESSAGE =
  'must be a number immediately followed by ms (milliseconds), s (seconds), m (minutes), or h (hours). For example, "30s" for 30 seconds.';

// The framework's diagnostics have a summary and a detail; the stand-in reports one message, so it joins them.
function diagnostic(summary: string, detail: string): string {
  return `${summary}: ${detail}`;
}

/** stringvalidator.RegexMatches: validatordiag.InvalidAttributeValueMatchDiagnostic, the path being the key. */
function durationMatches(value: Value, key: string): string[] {
  if (typeof value !== 'string' || DURATION.test(value)) return [];
  return [diagnostic('Invalid Attribute Value Match', `Attribute ${key} ${DURATION_MESSAGE}, got: ${value}`)];
}

/**
 * stringvalidator.AtLeastOneOf(path.MatchRoot(other)) on `self`: passes when `self` or `other` is not null (an
 * unknown value is not null). The message lists the other path first, then `self` (Expressions.Append).
 * A framework validator sees null values, which an ArgumentRule does not, so this is a custom check.
 */
function atLeastOneOf(self: string, other: string): CrossRule {
  return {
    kind: 'custom',
    paths: [self, other],
    check: (config) => {
      const set = (name: string) => (config[name] ?? null) !== null;
      if (set(self) || set(other)) return [];
      return [diagnostic('Invalid Attribute Combination', `At least one attribute out of [${other},${self}] must be specified`)];
    },
    source: `${SOURCE}: ${self} Validators stringvalidator.AtLeastOneOf(path.MatchRoot("${other}"))`,
  };
}

export const TIME_RULES: readonly TypeRules[] = [
  {
    type: 'time_sleep',
    kind: 'resource',
    arguments: [
      {
        path: 'create_duration',
        check: durationMatches,
        source: `${SOURCE}: create_duration Validators stringvalidator.RegexMatches`,
      },
      {
        path: 'destroy_duration',
        check: durationMatches,
        source: `${SOURCE}: destroy_duration Validators stringvalidator.RegexMatches`,
      },
    ],
    cross: [atLeastOneOf('create_duration', 'destroy_duration'), atLeastOneOf('destroy_duration', 'create_duration')],
    forceNew: [{ path: 'triggers', source: `${SOURCE}: triggers PlanModifiers mapplanmodifier.RequiresReplace` }],
  },
];

// Go's time.ParseDuration (src/time/format.go), on the UTF-8 bytes as Go sees a string, in uint64 arithmetic.
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);
const LIMIT = 1n << 63n;
const NO_FRACTION = { value: 0n, scale: 1, end: 0 };
const DOT = 0x2e;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** A duration in nanoseconds, or Go's error message. */
export type ParsedDuration = { readonly nanoseconds: bigint } | { readonly error: string };

export function parseDuration(input: string): ParsedDuration {
  const bytes = Buffer.from(input, 'utf8');
  const invalid = { error: `time: invalid duration ${goTimeQuote(bytes)}` };
  let at = 0;
  let negative = false;
  if (bytes[0] === 0x2d || bytes[0] === 0x2b) {
    negative = bytes[0] === 0x2d;
    at = 1;
  }
  if (bytes.length - at === 1 && bytes[at] === 0x30) return { nanoseconds: 0n };
  if (at === bytes.length) return invalid;
  let total = 0n;
  while (at < bytes.length) {
    if (!(bytes[at] === DOT || isDigit(bytes[at]))) return invalid;
    const whole = leadingInt(bytes, at);
    if (whole === undefined) return invalid;
    at = whole.end;
    let fraction = NO_FRACTION;
    let digitsAfterDot = false;
    if (bytes[at] === DOT) {
      fraction = leadingFraction(bytes, at + 1);
      digitsAfterDot = fraction.end > at + 1;
      at = fraction.end;
    }
    if (whole.end === whole.start && !digitsAfterDot) return invalid; // no digits, e.g. ".s"
    const unitStart = at;
    while (at < bytes.length && bytes[at] !== DOT && !isDigit(bytes[at])) at++;
    if (at === unitStart) return { error: `time: missing unit in duration ${goTimeQuote(bytes)}` };
    // The unit ends at an ASCII byte, so it is whole UTF-8 and reads back as the string it came from.
    const unitBytes = bytes.subarray(unitStart, at);
    const unit = UNITS.get(unitBytes.toString('utf8'));
    if (unit === undefined) return { error: `time: unknown unit ${goTimeQuote(unitBytes)} in duration ${goTimeQuote(bytes)}` };
    const value = addFraction(whole.value, unit, fraction);
    if (value === undefined) return invalid;
    total += value;
    if (total > LIMIT) return invalid;
  }
  if (negative) return { nanoseconds: -total };
  return total > LIMIT - 1n ? invalid : { nanoseconds: total };
}

/** v*unit + f*unit/scale as Go computes it (the fraction through float64), undefined on overflow. */
function addFraction(v: bigint, unit: bigint, fraction: { value: bigint; scale: number }): bigint | undefined {
  if (v > LIMIT / unit) return undefined;
  let result = v * unit;
  if (fraction.value > 0n) {
    result += BigInt(Math.trunc(Number(fraction.value) * (Number(unit) / fraction.scale)));
    if (result > LIMIT) return undefined;
  }
  return result;
}

/** leadingInt: the leading [0-9]* as uint64, undefined when it overflows. */
function leadingInt(bytes: Buffer, start: number): { value: bigint; start: number; end: number } | undefined {
  let value = 0n;
  let i = start;
  for (; isDigit(bytes[i]); i++) {
    if (value > LIMIT / 10n) return undefined;
    value = value * 10n + BigInt(bytes[i] - 0x30);
    if (value > LIMIT) return undefined;
  }
  return { value, start, end: i };
}

/** leadingFraction: the digits after the dot; past uint64 precision they are consumed but no longer counted. */
function leadingFraction(bytes: Buffer, start: number): { value: bigint; scale: number; end: number } {
  let value = 0n;
  let scale = 1;
  let overflow = false;
  let i = start;
  for (; isDigit(bytes[i]); i++) {
    if (overflow) continue;
    if (value > (LIMIT - 1n) / 10n) {
      overflow = true;
      continue;
    }
    const next = value * 10n + BigInt(bytes[i] - 0x30);
    if (next > LIMIT) {
      overflow = true;
      continue;
    }
    value = next;
    scale *= 10;
  }
  return { value, scale, end: i };
}

/** The time package's own quote: printable ASCII as is (with \" and \\), every other byte of a rune as \xNN. */
function goTimeQuote(bytes: Buffer): string {
  let out = '"';
  for (const char of bytes.toString('utf8')) {
    const code = char.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const b of Buffer.from(char, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      out += char === '"' || char === '\\' ? `\\${char}` : char;
    }
  }
  return `${out}"`;
}
