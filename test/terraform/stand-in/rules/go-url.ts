// Go's URL and IP address parsing, as the azurerm provider's validators rely on it: net/url's Parse and
// ParseRequestURI (the SDK's IsURLWith* and helpers/azure's resource ID parser call them), netip.ParseAddr (which
// url.Parse applies to a bracketed host, and net.ParseIP and net.ParseCIDR are built on), and strconv.Quote (Go's
// `%q`, which every message quoting a value uses).
//
// A bracketed host must be an IPv6 address (Go 1.25.2 and later, so every supported azurerm release). Since v4.76.0
// azurerm is a Go 1.26 module (go.mod `go 1.26.x`), whose default GODEBUG urlstrictcolons=1 lets an http or https
// host have one colon only; before, as a Go 1.25 module, the last colon started the port. `strictColons` picks.
//
// Go strings are bytes: the parsers below work on a "byte string" (one UTF-16 unit per UTF-8 byte), so that
// indexes, lengths and the text quoted in errors are Go's.

/** A JavaScript string as its UTF-8 bytes, one character per byte. */
function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** A byte string back to JavaScript (invalid UTF-8 becomes U+FFFD, as Go's string-to-rune conversion reads it). */
function fromBytes(b: string): string {
  return Buffer.from(b, 'latin1').toString('utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// strconv.Quote

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** One UTF-8 sequence at `i`: its code point and length, or undefined when the bytes are not valid UTF-8. */
function decodeRune(bytes: Uint8Array, i: number): { rune: number; size: number } | undefined {
  const b0 = bytes[i];
  if (b0 < 0x80) return { rune: b0, size: 1 };
  const size = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 ? 2 : 0;
  if (size === 0 || b0 > 0xf4 || i + size > bytes.length) return undefined;
  let rune = b0 & (0x7f >> size);
  for (let k = 1; k < size; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return undefined;
    rune = (rune << 6) | (b & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][size];
  if (rune < min || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) return undefined;
  return { rune, size };
}

function quoteRune(rune: number): string {
  if (rune === 0x22) return '\\"';
  if (rune === 0x5c) return '\\\\';
  if (rune === 0x20 || PRINTABLE.test(String.fromCodePoint(rune))) return String.fromCodePoint(rune);
  if (SHORT_ESCAPES[rune] !== undefined) return SHORT_ESCAPES[rune];
  if (rune < 0x20 || rune === 0x7f) return `\\x${rune.toString(16).padStart(2, '0')}`;
  return rune < 0x10000 ? `\\u${rune.toString(16).padStart(4, '0')}` : `\\U${rune.toString(16).padStart(8, '0')}`;
}

/** strconv.Quote of raw bytes: invalid UTF-8 bytes come out as `\xNN`. */
export function goQuoteBytes(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const decoded = decodeRune(bytes, i);
    if (decoded === undefined) {
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      out += quoteRune(decoded.rune);
      i += decoded.size;
    }
  }
  return `${out}"`;
}

/** Go's `%q` of a string (strconv.Quote): double quotes, Go escapes, printable Unicode kept. */
export function goQuote(s: string): string {
  return goQuoteBytes(Buffer.from(s, 'utf8'));
}

/** `%q` of a byte string from the parsers here. */
const quoteB = (b: string): string => goQuoteBytes(Buffer.from(b, 'latin1'));

// ---------------------------------------------------------------------------------------------------------------
// netip.ParseAddr

/** Why netip.ParseAddr refused a string, in its words: `ParseAddr("x"): msg (at "y")`. */
class AddrError {
  constructor(
    readonly input: string,
    readonly msg: string,
    readonly at = '',
  ) {}

  get message(): string {
    return `ParseAddr(${quoteB(this.input)}): ${this.msg}${this.at === '' ? '' : ` (at ${quoteB(this.at)})`}`;
  }
}

/** The kind of address netip.ParseAddr read: 4 (dotted decimal), 6 (IPv6) or 6 with a zone. */
export type AddrKind = { readonly is4: boolean; readonly zone: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const hexValue = (c: string): number => (/^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);

/** netip.parseIPv4Fields over `input[off:end]`: four decimal octets, no leading zeros, none above 255. */
function parseIPv4Fields(input: string, off: number, end: number): AddrError | undefined {
  const s = input.slice(off, end);
  let [val, pos, digits] = [0, 0, 0];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isDigit(c)) {
      if (digits === 1 && val === 0) return new AddrError(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + Number(c);
      digits++;
      if (val > 255) return new AddrError(input, 'IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        return new AddrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      if (pos === 3) return new AddrError(input, 'IPv4 address too long');
      [pos, val, digits] = [pos + 1, 0, 0];
    } else {
      return new AddrError(input, 'unexpected character', s.slice(i));
    }
  }
  return pos < 3 ? new AddrError(input, 'IPv4 address too short') : undefined;
}

/** One hex field of an IPv6 address at the start of `s`: its length, or the error. */
function hexField(input: string, s: string): number | AddrError {
  let [off, acc] = [0, 0];
  for (; off < s.length; off++) {
    const v = hexValue(s[off]);
    if (v < 0) break;
    acc = acc * 16 + v;
    if (off > 3) return new AddrError(input, 'each group must have 4 or less digits', s);
    if (acc > 0xffff) return new AddrError(input, 'IPv6 field has value >=2^16', s);
  }
  return off === 0 ? new AddrError(input, 'each colon-separated field must have at least one digit', s) : off;
}

/** netip.parseIPv6: eight hex fields, one `::`, an optional trailing IPv4 and an optional non-empty `%zone`. */
function parseIPv6(input: string): AddrError | { zone: string } {
  let s = input;
  let zone = '';
  const percent = s.indexOf('%');
  if (percent !== -1) {
    [s, zone] = [s.slice(0, percent), s.slice(percent + 1)];
    if (zone === '') return new AddrError(input, 'zone must be a non-empty string');
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return { zone };
  }
  let i = 0;
  while (i < 16) {
    const off = hexField(input, s);
    if (typeof off !== 'number') return off;
    if (s[off] === '.') {
      if (ellipsis < 0 && i !== 12) {
        return new AddrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      }
      if (i + 4 > 16) return new AddrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const end = zone === '' ? input.length : input.length - zone.length - 1;
      const v4 = parseIPv4Fields(input, end - s.length, end);
      if (v4 !== undefined) return v4;
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s[0] !== ':') return new AddrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) return new AddrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return new AddrError(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return new AddrError(input, 'trailing garbage after address', s);
  if (i < 16 && ellipsis < 0) return new AddrError(input, 'address string too short');
  if (i >= 16 && ellipsis >= 0) return new AddrError(input, 'the :: must expand to at least one field of zeros');
  return { zone };
}

/** netip.ParseAddr on a byte string: the address kind, or netip's error. */
function parseAddrBytes(s: string): AddrKind | AddrError {
  for (const c of s) {
    if (c === '.') return parseIPv4Fields(s, 0, s.length) ?? { is4: true, zone: '' };
    if (c === ':') {
      const v6 = parseIPv6(s);
      return 'zone' in v6 ? { is4: false, zone: v6.zone } : v6;
    }
    if (c === '%') return new AddrError(s, 'missing IPv6 address');
  }
  return new AddrError(s, 'unable to parse IP');
}

/** netip.ParseAddr: the address kind, or netip's error message. */
export function netipParseAddr(s: string): AddrKind | { readonly error: string } {
  const parsed = parseAddrBytes(toBytes(s));
  return 'msg' in parsed ? { error: parsed.message } : parsed;
}

// ---------------------------------------------------------------------------------------------------------------
// net/url

type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

const ALNUM = /^[0-9A-Za-z]$/;
/** Host bytes net/url leaves as they are beyond the unreserved ones (sub-delims, `:`, brackets, `<>"`). */
const HOST_ALLOWED = new Set(['!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"']);
const RESERVED = new Set(['$', '&', '+', ',', '/', ':', ';', '=', '?', '@']);

/** url.shouldEscape for an ASCII byte. */
function shouldEscape(c: string, mode: Mode): boolean {
  if (ALNUM.test(c)) return false;
  if ((mode === 'host' || mode === 'zone') && HOST_ALLOWED.has(c)) return false;
  if (c === '-' || c === '_' || c === '.' || c === '~') return false;
  if (RESERVED.has(c)) {
    if (mode === 'path') return c === '?';
    if (mode === 'userPassword') return c === '@' || c === '/' || c === '?' || c === ':';
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && (c === '!' || c === '(' || c === ')' || c === '*')) return false;
  return true;
}

/** Why net/url refused a URL (the error inside url.Error). */
interface UrlError {
  readonly why: string;
}

const urlError = (why: string): UrlError => ({ why });

const escapeError = (b: string) => urlError(`invalid URL escape ${quoteB(b)}`);

/**
 * url.unescape's checks (the decoded text is only needed for the host): a `%` needs two hex digits; in a host it
 * may only encode a non-ASCII byte (or be `%25`), and ASCII bytes that would need escaping are refused.
 */
function unescape(s: string, mode: Mode): string | UrlError {
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || hexValue(s[i + 1]) < 0 || hexValue(s[i + 2]) < 0) return escapeError(s.slice(i, i + 3));
      const triple = s.slice(i, i + 3);
      if (mode === 'host' && hexValue(s[i + 1]) < 8 && triple !== '%25') return escapeError(triple);
      if (mode === 'zone') {
        // Escapes in a zone may only produce bytes a host could hold as they are (Windows zones have spaces).
        const v = String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
        if (triple !== '%25' && v !== ' ' && (v >= '\x80' || shouldEscape(v, 'host'))) return escapeError(triple);
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < '\x80' && shouldEscape(c, mode)) {
        return urlError(`invalid character ${quoteB(c)} in host name`);
      }
      i += 1;
    }
  }
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** url.validOptionalPort: empty, or `:` and digits. */
const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);

/** url.validUserinfo: RFC 3986 userinfo characters, plus `%` (checked by unescape) and `@`. */
const validUserinfo = (s: string): boolean => /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);

const invalidPort = (colonPort: string) => urlError(`invalid port ${quoteB(colonPort)} after host`);

/** url.parseHost for a bracketed IP literal: an IPv6 address (with an optional zone) and an optional port. */
function parseBracketedHost(host: string): string | UrlError {
  const close = host.lastIndexOf(']');
  if (close < 0) return urlError("missing ']' in host");
  const colonPort = host.slice(close + 1);
  if (!validOptionalPort(colonPort)) return invalidPort(colonPort);
  const port = unescape(colonPort, 'host');
  if (typeof port !== 'string') return port;
  const hostname = host.slice(1, close);
  const zone = hostname.indexOf('%25');
  const address = zone >= 0 ? unescape(hostname.slice(0, zone), 'host') : unescape(hostname, 'host');
  if (typeof address !== 'string') return address;
  const zoned = zone >= 0 ? unescape(hostname.slice(zone), 'zone') : '';
  if (typeof zoned !== 'string') return zoned;
  const literal = address + zoned;
  // Only an IPv6 address may be bracketed: not an IPv4 one (an IPv4-mapped IPv6 address is fine).
  const parsed = parseAddrBytes(literal);
  if ('msg' in parsed) return urlError(`invalid host: ${parsed.message}`);
  if (parsed.is4) return urlError('invalid IP-literal');
  return `[${literal}]${port}`;
}

/** url.parseHost: host[:port], the port digits only; with strict colons, for http and https the first colon starts the port. */
function parseHost(scheme: string, host: string, strictColons: boolean): string | UrlError {
  const open = host.lastIndexOf('[');
  if (open > 0) return urlError('invalid IP-literal');
  if (open === 0) return parseBracketedHost(host);
  let colon = host.indexOf(':');
  if (colon >= 0) {
    // Hosts may list several host:port pairs (databases do) except for http and https (urlstrictcolons=1).
    if (!strictColons || (scheme !== 'http' && scheme !== 'https')) colon = host.lastIndexOf(':');
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) return invalidPort(colonPort);
  }
  return unescape(host, 'host');
}

interface Authority {
  readonly host: string;
  readonly user?: { readonly username: string; readonly password?: string };
}

/** url.parseAuthority: the host after the last `@`, checked before the user info in front of it. */
function parseAuthority(scheme: string, authority: string, strictColons: boolean): Authority | UrlError {
  const at = authority.lastIndexOf('@');
  const host = parseHost(scheme, authority.slice(at + 1), strictColons);
  if (typeof host !== 'string') return host;
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!validUserinfo(userinfo)) return urlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  const username = unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'userPassword');
  if (typeof username !== 'string') return username;
  if (colon < 0) return { host, user: { username } };
  const password = unescape(userinfo.slice(colon + 1), 'userPassword');
  if (typeof password !== 'string') return password;
  return { host, user: { username, password } };
}

/** url.getScheme: letters, then letters, digits, `+`, `-` or `.`, up to a colon. */
function getScheme(raw: string): { scheme: string; rest: string } | UrlError {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? urlError('missing protocol scheme') : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

/** The parts of a URL the validators look at (Go's url.URL fields of the same names, as UTF-8 text). */
export interface GoURL {
  readonly scheme: string;
  readonly opaque: string;
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly fragment: string;
  readonly user?: { readonly username: string; readonly password?: string };
}

/** The query off `rest`: a lone trailing `?` forces an empty query. */
function splitQuery(rest: string): { rest: string; rawQuery: string } {
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) return { rest: rest.slice(0, -1), rawQuery: '' };
  const q = rest.indexOf('?');
  return q < 0 ? { rest, rawQuery: '' } : { rest: rest.slice(0, q), rawQuery: rest.slice(q + 1) };
}

/** url.stringContainsCTLByte: a byte below 0x20, or DEL. */
const hasControlByte = (raw: string): boolean => [...raw].some((c) => c < ' ' || c === '\x7f');

/** url.parse (unexported), on a byte string. */
function parseBytes(raw: string, viaRequest: boolean, strictColons: boolean): GoURL | UrlError {
  if (hasControlByte(raw)) return urlError('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) return urlError('empty url');
  const empty = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', fragment: '' };
  if (raw === '*') return { ...empty, path: '*' };
  const schemed = getScheme(raw);
  if (!('scheme' in schemed)) return schemed;
  const scheme = schemed.scheme.toLowerCase();
  const { rest, rawQuery } = splitQuery(schemed.rest);

  if (!rest.startsWith('/')) {
    // A rootless path after a scheme is opaque (RFC 3986).
    if (scheme !== '') return { ...empty, scheme, opaque: rest, rawQuery };
    if (viaRequest) return urlError('invalid URI for request');
    // Keeps `cache_object:foo/bar` from reading as a relative path.
    if (rest.split('/')[0].includes(':')) return urlError('first path segment in URL cannot contain colon');
  }

  let path = rest;
  let authority: Authority = { host: '' };
  if ((scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    const after = rest.slice(2);
    const slash = after.indexOf('/');
    const parsed = parseAuthority(scheme, slash < 0 ? after : after.slice(0, slash), strictColons);
    if ('why' in parsed) return parsed;
    authority = parsed;
    path = slash < 0 ? '' : after.slice(slash);
  }
  const unescaped = unescape(path, 'path');
  if (typeof unescaped !== 'string') return unescaped;
  return {
    ...empty,
    scheme,
    host: fromBytes(authority.host),
    user: decodeUser(authority.user),
    path: fromBytes(unescaped),
    rawQuery,
  };
}

function decodeUser(user: Authority['user']): GoURL['user'] {
  if (user === undefined) return undefined;
  return user.password === undefined
    ? { username: fromBytes(user.username) }
    : { username: fromBytes(user.username), password: fromBytes(user.password) };
}

/** url.Parse: the URL, or url.Error's text, `parse "<url>": <why>`. */
export function parse(rawURL: string, strictColons = true): GoURL | { readonly error: string } {
  const raw = toBytes(rawURL);
  const hash = raw.indexOf('#');
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  const url = parseBytes(u, false, strictColons);
  if ('why' in url) return { error: `parse ${quoteB(u)}: ${url.why}` };
  if (frag === '') return url;
  const fragment = unescape(frag, 'fragment');
  if (typeof fragment !== 'string') return { error: `parse ${quoteB(raw)}: ${fragment.why}` };
  return { ...url, fragment: fromBytes(fragment) };
}

/** url.ParseRequestURI: an absolute URI or an absolute path, no fragment. */
export function parseRequestURI(rawURL: string, strictColons = true): GoURL | { readonly error: string } {
  const raw = toBytes(rawURL);
  const url = parseBytes(raw, true, strictColons);
  return 'why' in url ? { error: `parse ${quoteB(raw)}: ${url.why}` } : url;
}
