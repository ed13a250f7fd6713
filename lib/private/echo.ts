// How every message echoes the value it received: one rule for the library's problems and the fleet spec's.

// About the length at which a value echoed in a message is cut: enough for any real name, ID or duration, and a
// 10 MB value does not become 10 MB of stderr.
export const ECHO_LIMIT = 200;

// Characters JSON.stringify leaves as they are but a terminal or a code review would not show as written: DEL and
// the C1 controls (0x9B starts an escape sequence on some terminals), invisible formatting characters, line and
// paragraph separators, bidirectional overrides (which can make a value read as another) and the byte order mark.
export const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * A value as a problem shows it after `got:` (the library's problems and the fleet spec's alike): JSON, so strings are quoted and a newline or an escape
 * sequence in the input reaches the terminal as `\n` or `\u001b`; cut to about 200 characters with the full length
 * said, e.g. `"aaaa…" (10,485,760 characters)`. `written` is the value's text in the source, shown instead of the
 * value when given (a number as written: `1e309`, `.nan` or `0x1F`, which JSON would show as `null` or `31`).
 */
export function echoValue(value: unknown, written?: string): string {
  if (written !== undefined) return cutText(written.replace(INVISIBLE, escapeChar), ECHO_LIMIT, ' characters as written');
  if (typeof value === 'string') return quoteCut(value);
  // JSON has no Infinity or NaN (JSON.stringify writes them `null`); the value's own name is what it is.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return cutText(text.replace(INVISIBLE, escapeChar), ECHO_LIMIT, ' characters as JSON');
}

// A string quoted and escaped as JSON, cut after the characters that fit in the limit: only those are escaped,
// so a 10 MB string costs one pass to count its characters.
function quoteCut(value: string): string {
  let shown = '';
  let fits = true;
  for (const char of value) {
    const escaped = JSON.stringify(char).slice(1, -1).replace(INVISIBLE, escapeChar);
    if (shown.length + escaped.length > ECHO_LIMIT - 2) {
      fits = false;
      break;
    }
    shown += escaped;
  }
  return fits ? `"${shown}"` : `"${shown}…" (${grouped(codePoints(value))} characters)`;
}

function cutText(text: string, limit: number, unit: string): string {
  if (text.length <= limit) return text;
  // Never between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[limit - 1]) ? limit - 1 : limit;
  return `${text.slice(0, end)}… (${grouped(text.length)}${unit})`;
}

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** `10485760` as `10,485,760`, the same in every locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
