// The terraform-plugin-sdk v2 `helper/validation` functions (vendor/github.com/hashicorp/terraform-plugin-sdk/v2/
// helper/validation/*.go in the azurerm repository), and the few the provider adds in internal/tf/validation, as
// Check builders named as in Go, taking the same parameters in the same order, with the SDK's messages.
//
// Go semantics kept: `len(s)` counts UTF-8 bytes; `%q` is strconv.Quote (goQuote); a value of the wrong type gets
// the SDK's "expected type of ..." message. Validators that the SDK writes as diagnostics (the map ones, and the
// MinItems/MaxItems check of a list) return `<Summary>: <Detail>`. Where Go would panic (NoZeroValues on a bool),
// the check throws: a panic in a ValidateFunc crashes the provider, it is not a validation message.
import { goQuote, netipParseAddr, parse } from './go-url';
import type { GoURL } from './go-url';
import type { Check, Unknown, Value } from './rule';

export { goQuote };

/** Whether a value is known (not the `{ unknown: true }` placeholder). */
export function isKnown(value: Value): value is Exclude<Value, Unknown> {
  return !(value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Unknown).unknown === true);
}

/** Go's `len` of a string: UTF-8 bytes. */
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Go's `%q` of a []string: `["a" "b"]`. */
export function goQuoteSlice(values: readonly string[]): string {
  return `[${values.map(goQuote).join(' ')}]`;
}

/** Go's `%v` of a []string or []int: `[a b]`. */
export function goSliceV(values: readonly (string | number)[]): string {
  return `[${values.join(' ')}]`;
}

/** Go's `%f`: six decimals. */
const goF = (n: number): string => n.toFixed(6);

/** A string check with the SDK's type message, which differs in quoting from one function to the next. */
function stringCheck(quotedKey: boolean, body: (v: string, k: string) => string[]): Check {
  return (value, k) => {
    if (typeof value !== 'string') return [`expected type of ${quotedKey ? goQuote(k) : k} to be string`];
    return body(value, k);
  };
}

function intCheck(body: (v: number, k: string) => string[]): Check {
  return (value, k) => (typeof value === 'number' ? body(value, k) : [`expected type of ${k} to be integer`]);
}

function floatCheck(typeName: string, body: (v: number, k: string) => string[]): Check {
  return (value, k) => (typeof value === 'number' ? body(value, k) : [`expected type of ${k} to be ${typeName}`]);
}

// ---------------------------------------------------------------------------------------------------------------
// strings.go

export const stringIsNotEmpty: Check = stringCheck(true, (v, k) =>
  v === '' ? [`expected ${goQuote(k)} to not be an empty string, got ${v}`] : [],
);

/** Go's unicode.IsSpace set (White_Space): JavaScript's \s without U+FEFF, with U+0085. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ALL_SPACE = new RegExp(`^[${GO_SPACE}]*$`);

export const stringIsNotWhiteSpace: Check = stringCheck(true, (v, k) =>
  ALL_SPACE.test(v) ? [`expected ${goQuote(k)} to not be an empty string or whitespace`] : [],
);

export const stringIsEmpty: Check = stringCheck(true, (v, k) =>
  v !== '' ? [`expected ${goQuote(k)} to be an empty string: got ${v}`] : [],
);

export const stringIsWhiteSpace: Check = stringCheck(true, (v, k) =>
  ALL_SPACE.test(v) ? [] : [`expected ${goQuote(k)} to be an empty string or whitespace: got ${v}`],
);

export function stringLenBetween(minVal: number, maxVal: number): Check {
  return stringCheck(false, (v, k) =>
    bytes(v) < minVal || bytes(v) > maxVal
      ? [`expected length of ${k} to be in the range (${minVal} - ${maxVal}), got ${v}`]
      : [],
  );
}

/** A regexp as Go prints it (its source); JavaScript escapes `/` in `source`, Go's pattern does not. */
const goRegexpString = (r: RegExp): string => r.source.replace(/\\\//g, '/');

/**
 * StringMatch. `r` must mean in JavaScript what the Go pattern means in RE2: spell RE2's ASCII-only `\w`, `\d`, `\s`
 * as explicit classes, and `.` (which in RE2 matches anything but `\n`) as `[^\n]`.
 */
export function stringMatch(r: RegExp, message: string): Check {
  return stringCheck(false, (v, k) => {
    if (r.test(v)) return [];
    if (message !== '') return [`invalid value for ${k} (${message})`];
    return [`expected value of ${k} to match regular expression ${goQuote(goRegexpString(r))}, got ${v}`];
  });
}

export function stringDoesNotMatch(r: RegExp, message: string): Check {
  return stringCheck(false, (v, k) => {
    if (!r.test(v)) return [];
    if (message !== '') return [`invalid value for ${k} (${message})`];
    return [`expected value of ${k} to not match regular expression ${goQuote(goRegexpString(r))}, got ${v}`];
  });
}

/** strings.EqualFold, close enough: simple case folding of both sides. */
const equalFold = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();

export function stringInSlice(valid: readonly string[], ignoreCase: boolean): Check {
  return stringCheck(false, (v, k) =>
    valid.some((s) => v === s || (ignoreCase && equalFold(v, s)))
      ? []
      : [`expected ${k} to be one of ${goQuoteSlice(valid)}, got ${v}`],
  );
}

export function stringNotInSlice(invalid: readonly string[], ignoreCase: boolean): Check {
  return stringCheck(false, (v, k) =>
    invalid.some((s) => v === s || (ignoreCase && equalFold(v, s)))
      ? [`expected ${k} to not be any of ${goSliceV(invalid)}, got ${v}`]
      : [],
  );
}

/** StringDoesNotContainAny: strings.ContainsAny compares runes (code points). */
export function stringDoesNotContainAny(chars: string): Check {
  return stringCheck(false, (v, k) =>
    [...chars].some((c) => v.includes(c)) ? [`expected value of ${k} to not contain any of ${goQuote(chars)}, got ${v}`] : [],
  );
}

/** base64.StdEncoding.DecodeString: padded, `\r` and `\n` ignored anywhere, trailing bits not checked. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const stringIsBase64: Check = (value, k) => {
  const empty = stringIsNotEmpty(value, k);
  if (empty.length > 0) return empty;
  const v = value as string;
  return BASE64.test(v.replace(/[\r\n]/g, '')) ? [] : [`expected ${goQuote(k)} to be a base64 string, got ${v}`];
};

/** StringIsJSON: structure.NormalizeJsonString, which lets the empty string through. */
export const stringIsJSON: Check = stringCheck(false, (v, k) => {
  if (v === '') return [];
  const error = goJsonSyntaxError(v) ?? goJsonNumberError(v);
  return error === undefined ? [] : [`${goQuote(k)} contains an invalid JSON: ${error}`];
});

/**
 * json.Unmarshal into interface{} reads numbers as float64: the first one beyond its range is an error. The text is
 * valid JSON here, so with the strings blanked out every number is a token.
 */
function goJsonNumberError(text: string): string | undefined {
  const numbers = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/g) ?? [];
  const huge = numbers.find((n) => !Number.isFinite(Number(n)));
  return huge === undefined ? undefined : `json: cannot unmarshal number ${huge} into Go value of type float64`;
}

/** StringStartsWithOneOf (internal/tf/validation). */
export function stringStartsWithOneOf(...prefixs: string[]): Check {
  return stringCheck(false, (v, k) =>
    prefixs.some((p) => v.startsWith(p)) ? [] : [`expect ${k} to start with one of ${prefixs.join(', ')}, got ${goQuote(v)}`],
  );
}

/** StringDoesNotStartWithOneOf (internal/tf/validation): its messages quote with backticks. */
export function stringDoesNotStartWithOneOf(...prefixes: string[]): Check {
  return (value, k) => {
    if (typeof value !== 'string') return [`expected type of \`${k}\` to be string`];
    if (!prefixes.some((p) => value.startsWith(p))) return [];
    return [`expected \`${k}\` to not start with one of ${prefixes.join(', ')}, got \`${value}\``];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// encoding/json's syntax errors, for StringIsJSON

/** encoding/json quoteChar: a byte as a quoted Go character. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return `'${goQuote(String.fromCharCode(c)).slice(1, -1)}'`;
}

type Step = (c: number) => string | undefined;

/**
 * encoding/json's scanner (checkValid), enough to give its first syntax error: `invalid character 'x' <context>`
 * or `unexpected end of JSON input`. Returns undefined for valid JSON.
 */
function goJsonSyntaxError(text: string): string | undefined {
  const data = Buffer.from(text, 'utf8');
  const stack: ('object' | 'key' | 'array')[] = [];
  let endTop = false;
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
  const fail = (c: number, context: string) => `invalid character ${quoteChar(c)} ${context}`;
  let step: Step;

  const endTopState: Step = (c) => (isSpace(c) ? undefined : fail(c, 'after top-level value'));
  const endValue: Step = (c) => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      endTop = true;
      step = endTopState;
      return endTopState(c);
    }
    // A number ends at the space, so the space moves the scanner on to what follows a value.
    step = endValue;
    if (isSpace(c)) return undefined;
    if (top === 'key') {
      if (c !== 0x3a) return fail(c, 'after object key');
      stack[stack.length - 1] = 'object';
      step = beginValue;
      return undefined;
    }
    if (top === 'object') {
      if (c === 0x2c) {
        stack[stack.length - 1] = 'key';
        step = beginString;
        return undefined;
      }
      if (c !== 0x7d) return fail(c, 'after object key:value pair');
    } else {
      if (c === 0x2c) {
        step = beginValue;
        return undefined;
      }
      if (c !== 0x5d) return fail(c, 'after array element');
    }
    stack.pop();
    step = endValue;
    return undefined;
  };
  const literal = (word: string, rest: string): Step => {
    const expect = rest.charCodeAt(0);
    return (c) => {
      if (c !== expect) return fail(c, `in literal ${word} (expecting ${quoteChar(expect)})`);
      step = rest.length === 1 ? endValue : literal(word, rest.slice(1));
      return undefined;
    };
  };
  const inString: Step = (c) => {
    if (c === 0x22) step = endValue;
    else if (c === 0x5c) step = inStringEsc;
    else if (c < 0x20) return fail(c, 'in string literal');
    return undefined;
  };
  const escU =
    (left: number): Step =>
    (c) => {
      if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
      step = left === 1 ? inString : escU(left - 1);
      return undefined;
    };
  const inStringEsc: Step = (c) => {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) step = inString;
    else if (c === 0x75) step = escU(4);
    else return fail(c, 'in string escape code');
    return undefined;
  };
  const exponentDigits: Step = (c) => (isDigit(c) ? undefined : endValue(c));
  const exponentSign: Step = (c) => {
    if (!isDigit(c)) return fail(c, 'in exponent of numeric literal');
    step = exponentDigits;
    return undefined;
  };
  const exponent: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = exponentSign;
      return undefined;
    }
    return exponentSign(c);
  };
  const fraction: Step = (c) => {
    if (isDigit(c)) return undefined;
    if (c === 0x65 || c === 0x45) {
      step = exponent;
      return undefined;
    }
    return endValue(c);
  };
  const dot: Step = (c) => {
    if (!isDigit(c)) return fail(c, 'after decimal point in numeric literal');
    step = fraction;
    return undefined;
  };
  const zero: Step = (c) => {
    if (c === 0x2e) step = dot;
    else if (c === 0x65 || c === 0x45) step = exponent;
    else return endValue(c);
    return undefined;
  };
  const digits: Step = (c) => (isDigit(c) ? undefined : zero(c));
  const negative: Step = (c) => {
    if (c === 0x30) step = zero;
    else if (c >= 0x31 && c <= 0x39) step = digits;
    else return fail(c, 'in numeric literal');
    return undefined;
  };
  const beginValue: Step = (c) => {
    if (isSpace(c)) return undefined;
    const next: Record<number, Step> = {
      0x22: inString,
      0x2d: negative,
      0x30: zero,
      0x74: literal('true', 'rue'),
      0x66: literal('false', 'alse'),
      0x6e: literal('null', 'ull'),
    };
    if (c === 0x7b) {
      stack.push('key');
      step = beginStringOrEmpty;
    } else if (c === 0x5b) {
      stack.push('array');
      step = beginValueOrEmpty;
    } else if (c >= 0x31 && c <= 0x39) step = digits;
    else if (next[c] !== undefined) step = next[c];
    else return fail(c, 'looking for beginning of value');
    return undefined;
  };
  const beginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return undefined;
    if (c === 0x5d) return endValue(c);
    return beginValue(c);
  };
  const beginString: Step = (c) => {
    if (isSpace(c)) return undefined;
    if (c !== 0x22) return fail(c, 'looking for beginning of object key string');
    step = inString;
    return undefined;
  };
  const beginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return undefined;
    if (c === 0x7d) {
      stack[stack.length - 1] = 'object';
      return endValue(c);
    }
    return beginString(c);
  };

  step = beginValue;
  for (const c of data) {
    const error = step(c);
    if (error !== undefined) return error;
  }
  // At the end Go feeds the scanner one space: a number ends there, a cut-off literal fails on it.
  if (endTop) return undefined;
  const error = step(0x20);
  if (endTop) return undefined;
  return error ?? 'unexpected end of JSON input';
}

// ---------------------------------------------------------------------------------------------------------------
// int.go, float.go

export function intBetween(minVal: number, maxVal: number): Check {
  return intCheck((v, k) =>
    v < minVal || v > maxVal ? [`expected ${k} to be in the range (${minVal} - ${maxVal}), got ${v}`] : [],
  );
}

export function intAtLeast(minVal: number): Check {
  return intCheck((v, k) => (v < minVal ? [`expected ${k} to be at least (${minVal}), got ${v}`] : []));
}

export function intAtMost(maxVal: number): Check {
  return intCheck((v, k) => (v > maxVal ? [`expected ${k} to be at most (${maxVal}), got ${v}`] : []));
}

export function intDivisibleBy(divisor: number): Check {
  return intCheck((v, k) => (v % divisor !== 0 ? [`expected ${k} to be divisible by ${divisor}, got: ${v}`] : []));
}

export function intInSlice(valid: readonly number[]): Check {
  return intCheck((v, k) => (valid.includes(v) ? [] : [`expected ${k} to be one of ${goSliceV(valid)}, got ${v}`]));
}

/** IntNotInSlice: one message per matching entry, as Go's loop does not stop. */
export function intNotInSlice(valid: readonly number[]): Check {
  return intCheck((v, k) =>
    valid.filter((n) => n === v).map(() => `expected ${k} to not be one of ${goSliceV(valid)}, got ${v}`),
  );
}

/** IntPositive (internal/tf/validation): IntAtLeast(1). */
export const intPositive: Check = intAtLeast(1);

export function floatBetween(minVal: number, maxVal: number): Check {
  return floatCheck('float64', (v, k) =>
    v < minVal || v > maxVal ? [`expected ${k} to be in the range (${goF(minVal)} - ${goF(maxVal)}), got ${goF(v)}`] : [],
  );
}

export function floatAtLeast(minVal: number): Check {
  return floatCheck('float', (v, k) => (v < minVal ? [`expected ${k} to be at least (${goF(minVal)}), got ${goF(v)}`] : []));
}

export function floatAtMost(maxVal: number): Check {
  return floatCheck('float', (v, k) => (v > maxVal ? [`expected ${k} to be at most (${goF(maxVal)}), got ${goF(v)}`] : []));
}

/** FloatInSlice (internal/tf/validation): its type message prints the value where the key was meant. */
export function floatInSlice(valid: readonly number[]): Check {
  return (value, k) => {
    if (typeof value !== 'number') return [`expected type of ${String(value)} to be float`];
    return valid.includes(value) ? [] : [`expected ${k} to be one of ${goSliceV(valid)}, got ${goF(value)}`];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// list.go, map.go, and the SDK's MinItems/MaxItems check of a list or set attribute

/** Go's `%v` of a decoded value, for the messages that print one. */
function goV(value: Value): string {
  if (Array.isArray(value)) return goSliceV(value.map((v) => goV(v)));
  if (value !== null && typeof value === 'object')
    return `map[${Object.entries(value)
      .map(([k, v]) => `${k}:${goV(v as Value)}`)
      .join(' ')}]`;
  return value === null ? '<nil>' : String(value);
}

export const listOfUniqueStrings: Check = (value, k) => {
  if (!Array.isArray(value)) return [`expected type of ${goQuote(k)} to be List`];
  const notString = value.find((e) => typeof e !== 'string');
  if (notString !== undefined) return [`expected ${goQuote(k)} to only contain string elements, found :${goV(notString)}`];
  // Go reports the first element that has a twin anywhere in the list.
  const duplicate = value.find((e, i) => value.some((other, j) => other === e && j !== i));
  return duplicate === undefined ? [] : [`expected ${goQuote(k)} to not have duplicates: found 2 or more of ${goV(duplicate)}`];
};

/**
 * The SDK's length check of a TypeList or TypeSet attribute (schema.go validateList), skipped while any element is
 * unknown. The JSON schema carries MinItems/MaxItems for blocks only, so attribute lists need this rule.
 */
export function listItemsBetween(minItems: number, maxItems: number): Check {
  return (value, k) => {
    if (!Array.isArray(value) || value.some((v) => !isKnown(v))) return [];
    if (maxItems > 0 && value.length > maxItems) {
      return [`Too many list items: Attribute ${k} supports ${maxItems} item maximum, but config has ${value.length} declared.`];
    }
    if (minItems > 0 && value.length < minItems) {
      return [
        `Not enough list items: Attribute ${k} requires ${minItems} item minimum, but config has only ${value.length} declared.`,
      ];
    }
    return [];
  };
}

/** Go's sort.Strings order: by UTF-8 bytes. */
function sortedKeys(map: { [key: string]: Value }): string[] {
  return Object.keys(map).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

const asMap = (value: Value): { [key: string]: Value } | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && isKnown(value) ? value : undefined;

export function mapKeyLenBetween(minVal: number, maxVal: number): Check {
  return (value) => {
    const map = asMap(value) ?? {};
    return sortedKeys(map)
      .filter((key) => bytes(key) < minVal || bytes(key) > maxVal)
      .map(
        (key) =>
          `Bad map key length: Map key lengths should be in the range (${minVal} - ${maxVal}): ${key} (length = ${bytes(key)})`,
      );
  };
}

/** A map value that is not a string, as MapValueLenBetween and MapValueMatch report it. */
const badValueType = (key: string, val: Value) =>
  `Bad map value type: Map values should be strings: ${key} => ${goV(val)} (type = ${goTypeName(val)})`;

/** Go's `%T` of a value the SDK decoded: whole numbers of a TypeMap of TypeInt are ints. */
function goTypeName(val: Value): string {
  if (typeof val === 'number') return Number.isInteger(val) ? 'int' : 'float64';
  if (typeof val === 'boolean') return 'bool';
  if (Array.isArray(val)) return '[]interface {}';
  return val === null ? '<nil>' : 'map[string]interface {}';
}

export function mapValueLenBetween(minVal: number, maxVal: number): Check {
  return (value) => {
    const map = asMap(value) ?? {};
    return sortedKeys(map).flatMap((key) => {
      const val = map[key];
      if (typeof val !== 'string') return [badValueType(key, val)];
      const n = bytes(val);
      if (n >= minVal && n <= maxVal) return [];
      return [
        `Bad map value length: Map value lengths should be in the range (${minVal} - ${maxVal}): ${key} => ${val} (length = ${n})`,
      ];
    });
  };
}

export function mapKeyMatch(r: RegExp, message: string): Check {
  return (value) => {
    const map = asMap(value) ?? {};
    return sortedKeys(map)
      .filter((key) => !r.test(key))
      .map((key) =>
        message === ''
          ? `Invalid map key: Map key expected to match regular expression ${goQuote(goRegexpString(r))}: ${key}`
          : `Invalid map key: ${message}: ${key}`,
      );
  };
}

export function mapValueMatch(r: RegExp, message: string): Check {
  return (value) => {
    const map = asMap(value) ?? {};
    return sortedKeys(map).flatMap((key) => {
      const val = map[key];
      if (typeof val !== 'string') return [badValueType(key, val)];
      if (r.test(val)) return [];
      return [
        message === ''
          ? `Invalid map value: Map value expected to match regular expression ${goQuote(goRegexpString(r))}: ${key} => ${val}`
          : `Invalid map value: ${message}: ${key} => ${val}`,
      ];
    });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// meta.go

export const noZeroValues: Check = (value, k) => {
  if (value === '') return [`${k} must not be empty, got `];
  if (value === 0) return [`${k} must not be zero, got 0`];
  if (value === false) throw new Error(`panic: can't use NoZeroValues with bool attribute ${k}`);
  return [];
};

export function all(...validators: Check[]): Check {
  return (value, k) => validators.flatMap((validator) => validator(value, k));
}

/** Any: passes as soon as one validator passes; otherwise every validator's messages. */
export function any(...validators: Check[]): Check {
  return (value, k) => {
    const errors: string[] = [];
    for (const validator of validators) {
      const result = validator(value, k);
      if (result.length === 0) return [];
      errors.push(...result);
    }
    return errors;
  };
}

/** None (internal/tf/validation): one message per named validator that passes. Go ranges over a map: random order. */
export function none(validators: Readonly<Record<string, Check>>): Check {
  return (value, k) =>
    Object.entries(validators)
      .filter(([, validator]) => validator(value, k).length === 0)
      .map(([name]) => `ID cannot be a ${name}`);
}

// ---------------------------------------------------------------------------------------------------------------
// network.go: net.ParseIP and net.ParseCIDR are netip.ParseAddr without zones

/** net.ParseIP: an IPv4 or IPv6 address without a zone; `v4` when it is IPv4 or IPv4-mapped (To4 is not nil). */
function parseIP(s: string): { v4: boolean } | undefined {
  const addr = netipParseAddr(s);
  if ('error' in addr || addr.zone !== '') return undefined;
  return { v4: addr.is4 || isV4Mapped(s) };
}

/** Whether an IPv6 address is IPv4-mapped (::ffff:a.b.c.d), the other case where net.IP.To4 is not nil. */
function isV4Mapped(s: string): boolean {
  const groups = expandIPv6(s);
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function expandIPv6(s: string): number[] {
  const toGroups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const left = toGroups(head);
  if (tail === undefined) return left;
  const right = toGroups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

export const isIPAddress: Check = stringCheck(true, (v, k) =>
  parseIP(v) === undefined ? [`expected ${k} to contain a valid IP, got: ${v}`] : [],
);

/** IsIPv4Address: To4 is not nil, so an IPv4-mapped IPv6 address passes. */
export const isIPv4Address: Check = stringCheck(true, (v, k) =>
  parseIP(v)?.v4 === true ? [] : [`expected ${k} to contain a valid IPv4 address, got: ${v}`],
);

/** IsIPv6Address: To16 is not nil for any IP, so an IPv4 address passes too (as in the SDK). */
export const isIPv6Address: Check = stringCheck(true, (v, k) =>
  parseIP(v) === undefined ? [`expected ${k} to contain a valid IPv6 address, got: ${v}`] : [],
);

/** net's dtoi over a whole string: decimal digits (leading zeros allowed) below 0xFFFFFF. */
function dtoi(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  let n = 0;
  for (const c of s) {
    n = n * 10 + Number(c);
    if (n >= 0xffffff) return undefined;
  }
  return n;
}

/** net.ParseCIDR: an address without a zone, `/`, and a decimal prefix length within the address's bits. */
function parseCIDRError(s: string): string | undefined {
  const slash = s.indexOf('/');
  const invalid = `invalid CIDR address: ${s}`;
  if (slash < 0) return invalid;
  const addr = netipParseAddr(s.slice(0, slash));
  if ('error' in addr || addr.zone !== '') return invalid;
  const bits = dtoi(s.slice(slash + 1));
  return bits === undefined || bits > (addr.is4 ? 32 : 128) ? invalid : undefined;
}

export const isCIDR: Check = stringCheck(false, (v, k) => {
  const error = parseCIDRError(v);
  return error === undefined ? [] : [`expected ${goQuote(k)} to be a valid CIDR Value, got ${v}: ${error}`];
});

export const isPortNumber: Check = (value, k) => {
  if (typeof value !== 'number') return [`expected type of ${goQuote(k)} to be integer`];
  return value < 1 || value > 65535 ? [`expected ${goQuote(k)} to be a valid port number, got: ${value}`] : [];
};

export const isPortNumberOrZero: Check = (value, k) => {
  if (typeof value !== 'number') return [`expected type of ${goQuote(k)} to be integer`];
  return value < 0 || value > 65535 ? [`expected ${goQuote(k)} to be a valid port number or 0, got: ${value}`] : [];
};

// ---------------------------------------------------------------------------------------------------------------
// time.go, uuid.go

export function isDayOfTheWeek(ignoreCase: boolean): Check {
  return stringInSlice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], ignoreCase);
}

export function isMonth(ignoreCase: boolean): Check {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July'];
  return stringInSlice([...months, 'August', 'September', 'October', 'November', 'December'], ignoreCase);
}

export const isRFC3339Time: Check = stringCheck(true, (v, k) => {
  const error = goTimeParseRFC3339(v);
  return error === undefined ? [] : [`expected ${goQuote(k)} to be a valid RFC3339 date, got ${goQuote(v)}: ${error}`];
});

/** hashicorp/go-uuid ParseUUID: 36 bytes, dashes at 8, 13, 18 and 23, hex elsewhere (either case). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isUUID: Check = stringCheck(true, (v, k) =>
  UUID.test(v) ? [] : [`expected ${goQuote(k)} to be a valid UUID, got ${v}`],
);

// ---------------------------------------------------------------------------------------------------------------
// Go's time.Parse(time.RFC3339, v), with its error messages

const RFC3339 = '2006-01-02T15:04:05Z07:00';

/** The time package's own quote: bytes outside printable ASCII as `\xNN`, `"` and `\` escaped. */
function timeQuote(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b >= 0x80 || b < 0x20) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += (b === 0x22 || b === 0x5c ? '\\' : '') + String.fromCharCode(b);
  }
  return `${out}"`;
}

/** time.getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) return fixed ? undefined : { n: Number(s[0]), rest: s.slice(1) };
  return { n: Number(s.slice(0, 2)), rest: s.slice(2) };
}

const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

interface Elem {
  readonly prefix: string;
  readonly layout: string;
  /** Reads the element off the front of the value: the rest, and a range error, or undefined when it cannot. */
  readonly read: (v: string, fields: number[]) => { rest: string; range?: string } | undefined;
}

/** A two-digit field stored at `index`, with the range check time.Parse applies. */
function numberElem(
  prefix: string,
  layout: string,
  index: number,
  fixed: boolean,
  outOfRange?: (n: number) => string | undefined,
): Elem {
  return {
    prefix,
    layout,
    read: (v, fields) => {
      const got = getnum(v, fixed);
      if (got === undefined) return undefined;
      fields[index] = got.n;
      return { rest: got.rest, range: outOfRange?.(got.n) };
    },
  };
}

/** Seconds: a fraction after them is accepted (`.` or `,`) although the layout has none. */
const secondElem: Elem = {
  prefix: ':',
  layout: '05',
  read: (v) => {
    const got = getnum(v, true);
    if (got === undefined) return undefined;
    if (got.n >= 60) return { rest: got.rest, range: 'second' };
    const fraction = /^[.,][0-9]+/.exec(got.rest);
    return { rest: fraction === null ? got.rest : got.rest.slice(fraction[0].length) };
  },
};

/** Z07:00: `Z`, or a sign, two-digit hours, a colon and two-digit minutes (hours to 24 and minutes to 60 allowed). */
const zoneElem: Elem = {
  prefix: '',
  layout: 'Z07:00',
  read: (v) => {
    if (v.startsWith('Z')) return { rest: v.slice(1) };
    if (v.length < 6 || v[3] !== ':') return undefined;
    const hours = getnum(v.slice(1, 3), true);
    // Go reads the minutes only when the hours parsed, and checks the ranges before the errors.
    const minutes = hours === undefined ? undefined : getnum(v.slice(4, 6), true);
    const [hr, mm] = [hours?.n ?? 0, minutes?.n ?? 0];
    const range = mm > 60 ? 'time zone offset minute' : hr > 24 ? 'time zone offset hour' : undefined;
    if (range !== undefined) return { rest: v.slice(6), range };
    if (minutes === undefined || (v[0] !== '+' && v[0] !== '-')) return undefined;
    return { rest: v.slice(6) };
  },
};

const yearElem: Elem = {
  prefix: '',
  layout: '2006',
  read: (v, fields) => {
    if (v.length < 4 || !/^[0-9]{4}/.test(v)) return undefined;
    fields[0] = Number(v.slice(0, 4));
    return { rest: v.slice(4) };
  },
};

const RFC3339_ELEMS: readonly Elem[] = [
  yearElem,
  numberElem('-', '01', 1, true, (n) => (n <= 0 || n > 12 ? 'month' : undefined)),
  numberElem('-', '02', 2, true),
  numberElem('T', '15', 3, false, (n) => (n >= 24 ? 'hour' : undefined)),
  numberElem(':', '04', 4, true, (n) => (n >= 60 ? 'minute' : undefined)),
  secondElem,
  zoneElem,
];

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * time.Parse(time.RFC3339, value)'s error, or undefined when it parses. Go's generic parser is more lenient than
 * RFC 3339 (a one-digit hour, a comma before the fraction, offsets up to 24:60) and this follows it.
 */
export function goTimeParseRFC3339(value: string): string | undefined {
  const whole = timeQuote(value);
  const cannot = (valueElem: string, layoutElem: string) =>
    `parsing time ${whole} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`;
  const fields = [0, 0, 0];
  let rest = value;
  for (const elem of RFC3339_ELEMS) {
    if (!rest.startsWith(elem.prefix)) return cannot(rest, elem.prefix);
    rest = rest.slice(elem.prefix.length);
    const read = elem.read(rest, fields);
    if (read === undefined) return cannot(rest, elem.layout);
    if (read.range !== undefined) return `parsing time ${whole}: ${read.range} out of range`;
    rest = read.rest;
  }
  if (rest !== '') return `parsing time ${whole}: extra text: ${timeQuote(rest)}`;
  const [year, month, day] = fields;
  return day < 1 || day > daysIn(month, year) ? `parsing time ${whole}: day out of range` : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// web.go, and IsURLWithPath from internal/tf/validation

/** url.Parse for the IsURL* validators: the URL, or the SDK's message for a value that is not one. */
function parseForValidation(value: Value, k: string, strictColons: boolean): GoURL | string[] {
  if (typeof value !== 'string') return [`expected type of ${goQuote(k)} to be string`];
  if (value === '') return [`expected ${goQuote(k)} url to not be empty, got `];
  const u = parse(value, strictColons);
  return 'error' in u ? [`expected ${goQuote(k)} to be a valid url, got ${value}: ${u.error}`] : u;
}

/** The URL validators as a provider built with one or the other net/url colon rule has them (see go-url.ts). */
function urlValidators(strictColons: boolean) {
  const isURLWithScheme = (validSchemes: readonly string[]): Check => {
    return (value, k) => {
      const u = parseForValidation(value, k, strictColons);
      if (Array.isArray(u)) return u;
      if (u.host === '') return [`expected ${goQuote(k)} to have a host, got ${String(value)}`];
      if (validSchemes.includes(u.scheme)) return [];
      return [`expected ${goQuote(k)} to have a url with schema of: ${goQuote(validSchemes.join(','))}, got ${String(value)}`];
    };
  };
  /** IsURLWithPath (internal/tf/validation): any URL whose path is more than `/`. */
  const isURLWithPath: Check = (value, k) => {
    const u = parseForValidation(value, k, strictColons);
    if (Array.isArray(u)) return u;
    return u.path.replace(/^\//, '') === '' ? [`expected ${goQuote(k)} to have a non empty path got ${String(value)}`] : [];
  };
  return {
    isURLWithScheme,
    isURLWithHTTPS: isURLWithScheme(['https']),
    isURLWithHTTPorHTTPS: isURLWithScheme(['http', 'https']),
    isURLWithPath,
  };
}

/** The URL validators of azurerm >= 4.76.0, a Go 1.26 module: an http(s) host has at most one colon. */
export const { isURLWithScheme, isURLWithHTTPS, isURLWithHTTPorHTTPS, isURLWithPath } = urlValidators(true);

/** The URL validators of azurerm < 4.76.0, a Go 1.25 module: the last colon of a host starts the port. */
export const GO_1_25_URL_VALIDATORS = urlValidators(false);
