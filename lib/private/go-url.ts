// Whether Go's net/url.Parse accepts a URL, as the azurerm provider checks webhook URLs (the SDK's
// validation.IsURLWithScheme: url.Parse, then a host, then the scheme). JavaScript's URL parser is more forgiving
// (it repairs spaces, braces and bad percent escapes), so a URL it accepts can still fail `terraform plan`.
// Only what decides acceptance is reproduced, not Go's error texts.

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Every `%` starts a two-digit hex escape (Go's unescape refuses "%zz" and a trailing "%"). */
function escapesValid(s: string): boolean {
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    if (!HEX.test(s.slice(i + 1, i + 3))) return false;
  }
  return true;
}

// validUserinfo: unreserved, sub-delims, ':', '@' and '%' (escapes), and any non-ASCII byte.
const USERINFO = /^[A-Za-z0-9\-._~!$&'()*+,;=:%@\u0080-\uffff]*$/;
// shouldEscape(c, encodeHost) is false for these ASCII bytes; any other ASCII byte in a host is refused.
const HOST = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%\u0080-\uffff]*$/;

/** The reason Go's url.Parse refuses `raw` with scheme and host, or undefined when it accepts it. */
export function goUrlProblem(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return 'a control character';
  const hash = raw.indexOf('#');
  const beforeFragment = hash >= 0 ? raw.slice(0, hash) : raw;
  if (hash >= 0 && !escapesValid(raw.slice(hash + 1))) return 'an invalid percent escape in the fragment';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(beforeFragment);
  if (!scheme) return 'no scheme';
  const rest = beforeFragment.slice(scheme[0].length).split('?')[0];
  if (!rest.startsWith('//')) return 'no host';
  const afterSlashes = rest.slice(2);
  const slash = afterSlashes.indexOf('/');
  const authority = slash >= 0 ? afterSlashes.slice(0, slash) : afterSlashes;
  const path = slash >= 0 ? afterSlashes.slice(slash) : '';
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : '';
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (!USERINFO.test(userinfo) || !escapesValid(userinfo)) return 'invalid user info';
  // url.parseHost as Go 1.26 has it (the provider's toolchain): a "[" only at the start (an IPv6 literal), and for
  // http and https the first colon starts the port.
  let host = hostPort;
  const open = hostPort.lastIndexOf('[');
  if (open > 0) return 'an invalid IP literal';
  if (open === 0) {
    const close = hostPort.indexOf(']');
    if (close < 0) return 'a missing "]" in the host';
    const port = hostPort.slice(close + 1);
    if (port !== '' && !/^:\d*$/.test(port)) return 'an invalid port';
    host = hostPort.slice(1, close);
    if (!/^[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%25.*)?$/.test(host) || !isIPv6(host.split('%25')[0])) return 'an invalid IP literal';
    return escapesValid(path) ? undefined : 'an invalid percent escape in the path';
  }
  const colon = hostPort.indexOf(':');
  if (colon >= 0) {
    if (!/^\d*$/.test(hostPort.slice(colon + 1))) return 'an invalid port';
    host = hostPort.slice(0, colon);
  }
  if (!HOST.test(host) || !escapesValid(host)) return 'an invalid character or escape in the host';
  // In a host, Go allows an escape only for a non-ASCII byte (or "%25"): "%41" is refused.
  if (/%[0-7][0-9A-Fa-f]/.test(host.replaceAll('%25', ''))) return 'an escaped ASCII character in the host';
  if (!escapesValid(path)) return 'an invalid percent escape in the path';
  if (host === '') return 'no host';
  return undefined;
}

/** An IPv6 address in text (eight groups, or fewer with one "::", an IPv4 tail allowed). */
function isIPv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = halves.flatMap(groups);
  const last = all[all.length - 1] ?? '';
  const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(last) && last.split('.').every((n) => Number(n) <= 255 && !/^0\d/.test(n));
  const hex = (v4 ? all.slice(0, -1) : all).every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g));
  const count = all.length + (v4 ? 1 : 0);
  return hex && (halves.length === 2 ? count < 8 : count === 8);
}
