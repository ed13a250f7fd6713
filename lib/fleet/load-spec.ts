import { readFileSync } from 'fs';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, YAMLError } from 'yaml';
import { withInheritedNote } from './inherited';
import { schemaProblems } from './schema-check';
import { FleetSpec } from './spec';
import { ruleProblems } from './spec-rules';
import { echoValue, SpecError, SpecLocator, SpecProblem, SpecWarning } from './spec-problems';
import { fileError } from '../private/problems';

/** A spec that passed the schema and the cross-field rules, with the locator that maps paths to lines. */
export interface LoadedSpec {
  readonly file: string;
  readonly spec: FleetSpec;
  readonly locator: SpecLocator;
  /** Things worth a reviewer's look that are not errors (an override for a region without accounts, ...). */
  readonly warnings: readonly SpecWarning[];
}

type Path = (string | number)[];

// A syntax error's first report is the one to trust: the parser's reading of what follows is a guess. At most this
// many are printed (the first and two after it), then how many more there were.
const SYNTAX_ERRORS_SHOWN = 3;

/**
 * Reads a fleet spec (YAML or JSON: JSON is read by the same parser, so both get line numbers) and checks it
 * against the JSON Schema and the rules a schema cannot say. Throws `SpecError` listing every problem.
 */
export function loadFleetSpec(file: string): LoadedSpec {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw fileError(
      'ADLSBK-SPEC-FILE',
      file,
      `cannot be read as the fleet spec (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  return parseFleetSpec(decodeUtf8(bytes, file), file);
}

/**
 * As `loadFleetSpec`, from text already read; `file` names it in messages, and a name ending in `.json` holds the
 * text to JSON's own syntax first (YAML would accept a trailing comma, comments, single quotes).
 */
export function parseFleetSpec(text: string, file: string): LoadedSpec {
  if (/\.json$/i.test(file)) checkJsonSyntax(text, file);
  const lines = new LineCounter();
  // Duplicate keys are found by `documentProblems`, which also sees `1` and "1" as the same name.
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (docs.length > 1) {
    const message = `holds ${docs.length} YAML documents (a \`---\` line starts a new one): a fleet spec must be one document`;
    throw new SpecError(file, [{ code: 'ADLSBK-SPEC-SYNTAX', path: [], rule: message, ...at(docs[1].range[0]) }]);
  }
  const syntax = syntaxProblems(
    docs.flatMap((d) => d.errors),
    text,
    at,
  );
  if (syntax.length > 0) throw new SpecError(file, syntax, { source: text, show: SYNTAX_ERRORS_SHOWN });
  const doc = nonEmpty(docs[0], file);
  const lossy = [...documentProblems(doc, text, at), ...doc.warnings.filter(isReported).map((w) => warningProblem(w, at))];
  if (lossy.length > 0) throw new SpecError(file, lossy);

  const locator = new SpecLocator(doc, lines, text);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that expand past the limit (a "billion laughs" document) are input, not a failure of the command.
    throw new SpecError(file, [
      { code: 'ADLSBK-SPEC-AMBIGUOUS', path: [], rule: `cannot be read: ${(e as Error).message}`, line: 1, column: 1 },
    ]);
  }
  const problems = schemaProblems(value, locator).map((p) => withInheritedNote(value, p));
  if (problems.length > 0) throw new SpecError(file, problems);
  const spec = withoutPrototypes(value) as FleetSpec;
  const { errors, warnings } = ruleProblems(spec, locator);
  if (errors.length > 0) throw new SpecError(file, errors);
  return { file, spec, locator, warnings };
}

type At = (offset: number) => { line: number; column: number };

// Nothing but comments, or a lone `---`: no mapping at all (an explicit `null` is left to the schema's words).
function nonEmpty(doc: Document.Parsed | undefined, file: string): Document.Parsed {
  const contents = doc?.contents;
  if (doc === undefined || contents === null || (isScalar(contents) && contents.value === null && contents.source === '')) {
    const message = 'is empty: a fleet spec must be a mapping with `version`, `policies` and `accounts`';
    throw new SpecError(file, [{ code: 'ADLSBK-SPEC-SYNTAX', path: [], rule: message, line: 1, column: 1 }]);
  }
  return doc;
}

function syntaxProblems(errors: YAMLError[], source: string, at: At): SpecProblem[] {
  // A document nested thousands deep overflows the parser's stack at every level past the limit, wherever the
  // overflow happens to land (the parser, or a tag's resolution): once is enough, and nothing else it says counts.
  const tooDeep = errors.find(isTooDeep);
  const kept = tooDeep ? [tooDeep] : errors;
  // An error the parser notices only at the end (a `]` never written) is shown just after the last character
  // written, where the missing part belongs, rather than on the empty line after it.
  const end = source.trimEnd().length;
  return kept.map((e) => ({
    code: 'ADLSBK-SPEC-SYNTAX',
    path: [],
    rule: syntaxMessage(e),
    ...at(Math.min(e.pos[0], end)),
  }));
}

const isTooDeep = (e: YAMLError) => e.code === 'RESOURCE_EXHAUSTION' || e.message.includes('Maximum call stack size exceeded');

function syntaxMessage(e: YAMLError): string {
  if (isTooDeep(e)) return 'is nested too deeply to be read';
  // A verbatim tag such as `!<constructor>` makes the parser fail in its own words ("tag.resolve is not a function").
  if (e.code === 'TAG_RESOLVE_FAILED') return `has a tag that YAML cannot resolve: remove it (${TAG_RULE})`;
  return `is not valid YAML: ${e.message.split('\n')[0]}`;
}

// Unresolved tags are reported by `documentProblems`, at the node, with what to do; other warnings (an unknown
// `%` directive) in the parser's words.
const isReported = (w: YAMLError) => w.code !== 'TAG_RESOLVE_FAILED';

function warningProblem(w: YAMLError, at: At): SpecProblem {
  return {
    code: 'ADLSBK-SPEC-AMBIGUOUS',
    path: [],
    rule: `cannot be read as written: ${w.message.split('\n')[0]}`,
    ...at(w.pos[0]),
  };
}

const CORE = 'tag:yaml.org,2002:';
const TAG_RULE = 'the values of a fleet spec are strings, numbers, true or false, null, lists and mappings';
// The tags of YAML's core schema, whose values are what JSON holds; `!` is YAML's "plain string" marker. Others
// (`!!binary`, `!!set`, `!!timestamp`, a custom `!Ref`) would read as a buffer, a set or a date, or as a string
// with the tag silently dropped.
// A Map, not an object: a verbatim tag `!<constructor>` must not find Object's constructor.
const ALLOWED_TAGS = new Map<string, (node: unknown) => boolean>([
  ['!', () => true],
  [`${CORE}str`, (node) => isScalar(node) && typeof node.value === 'string'],
  [`${CORE}int`, (node) => isScalar(node) && Number.isInteger(node.value)],
  [`${CORE}float`, (node) => isScalar(node) && typeof node.value === 'number'],
  [`${CORE}bool`, (node) => isScalar(node) && typeof node.value === 'boolean'],
  [`${CORE}null`, (node) => isScalar(node) && node.value === null],
  [`${CORE}map`, (node) => isMap(node)],
  [`${CORE}seq`, (node) => isSeq(node)],
]);

/**
 * What YAML would read differently from what it says, refused where it is written: a key given twice (YAML
 * keeps the last), a key that is not a name (`~`, `0x10`, a list), `__proto__` (which JavaScript objects treat as
 * their prototype), a tag the spec's values cannot hold, an alias to no anchor. The tree is walked with a stack
 * rather than recursion: it is as deep as the document.
 */
function documentProblems(doc: Document.Parsed, source: string, at: At): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const fail = (path: Path, message: string, offset: number | undefined) =>
    problems.push({ code: 'ADLSBK-SPEC-AMBIGUOUS', path, rule: message, ...(offset === undefined ? {} : at(offset)) });
  const written = (node: { range?: [number, number, number] | null }) =>
    node.range ? source.slice(node.range[0], node.range[1]) : '';
  const stack: { node: unknown; path: Path }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) {
        fail(path, `refers to the anchor &${node.source}, which is not defined before it`, node.range?.[0]);
      }
      continue;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined) {
      const allowed = ALLOWED_TAGS.get(tag);
      const shown = tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag;
      if (!allowed) {
        fail(
          path,
          `has the tag ${shown}, which a fleet spec does not read: remove it (${TAG_RULE})`,
          (node as Scalar).range?.[0],
        );
        continue;
      }
      if (!allowed(node)) {
        fail(
          path,
          `has the tag ${shown}, but YAML cannot read ${echoValue(written(node as Scalar))} as one`,
          (node as Scalar).range?.[0],
        );
        continue;
      }
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isMergeKey(key)) {
          // A merge key (`<<: *defaults`): its mappings' keys are checked where they are written.
          stack.push({ node: pair.value, path });
          continue;
        }
        const name = keyName(key, written, (message) => fail(path, message, (key as Scalar | null)?.range?.[0]));
        if (name === undefined) continue;
        const keyOffset = (key as Scalar).range?.[0];
        const first = seen.get(name);
        if (name === '__proto__') {
          fail(
            [...path, name],
            'is not allowed as a key: JavaScript objects take `__proto__` as their prototype, so the spec would not be read as written',
            keyOffset,
          );
        } else if (first !== undefined) {
          const { line, column } = at(first);
          fail(
            [...path, name],
            `is given twice in this mapping (first at line ${line}, column ${column}): a key may appear once`,
            keyOffset,
          );
        } else if (keyOffset !== undefined) {
          seen.set(name, keyOffset);
        }
        stack.push({ node: key, path: [...path, name] });
        stack.push({ node: pair.value, path: [...path, name] });
      }
    }
  }
  return problems;
}

// `<<` written plain, which the parser (with `merge: true`) gives as a symbol: the merge key of YAML 1.1 tools.
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== Scalar.PLAIN)) return false;
  return key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<');
}

// The name a mapping key stands for, or undefined (reported) when the key is not one: a list or mapping, an alias,
// or a scalar that YAML reads as something whose text is not what is written (`~` is null and becomes "", `0x10`
// becomes "16", `1.0` becomes "1"). A quoted or plain string, and a number or true/false written as it reads, are
// names.
function keyName(key: unknown, written: (node: Scalar) => string, fail: (message: string) => void): string | undefined {
  if (isScalar(key)) {
    if (typeof key.value === 'string') return key.value;
    const text = written(key);
    if (key.value !== null && String(key.value) === text) return text;
    fail(`has the key ${echoValue(text)}, which YAML reads as ${echoValue(key.value)}: write the name in quotes`);
    return undefined;
  }
  fail(
    isAlias(key)
      ? `has a key given as the alias *${key.source}: keys must be names written out`
      : 'has a key that is a list or a mapping: keys must be names',
  );
  return undefined;
}

/**
 * A copy of the parsed spec in which every mapping is an object without a prototype. Policy, region and tag names
 * are data: on a plain object, `policies[name]` for a policy named `constructor` or `toString` that the spec does
 * not define would find Object's, and code would read a function as a policy. Values an alias shares stay shared.
 */
function withoutPrototypes(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(withoutPrototypes(item, copies));
    return copy;
  }
  const copy = Object.create(null) as Record<string, unknown>;
  copies.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = withoutPrototypes(v, copies);
  return copy;
}

/**
 * The file's bytes as text, refused (with the line and column of the first bad byte) when they are not UTF-8:
 * a decoder that replaces them with U+FFFD would turn a Latin-1 `é` into a different name, silently.
 */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { offset, message } = firstInvalidUtf8(bytes);
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
    // The source shown under the problem is the lossy decoding, only for the excerpt: its line is the same up to
    // the bad byte, where the caret points at the replacement character.
    throw new SpecError(file, [{ code: 'ADLSBK-SPEC-SYNTAX', path: [], rule: message, line, column }], {
      source: new TextDecoder('utf-8').decode(bytes),
    });
  }
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Where UTF-8 decoding fails first, by the WHATWG decoder's rules (no overlong forms, surrogates or past U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; message: string } {
  const save = 'save the file as UTF-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      offset: 0,
      message: `is UTF-16 text (it starts with the byte order mark ${hex(bytes[0])} ${hex(bytes[1])}): ${save}`,
    };
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    const latin1 = 'it may be Latin-1 or Windows-1252 text';
    if (length === 0) {
      return { offset: i, message: `is not UTF-8: the byte ${hex(b)} cannot start a character (${latin1}): ${save}` };
    }
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) {
        return { offset: i, message: `is not UTF-8: the file ends inside a character (${hex(b)}...): ${save}` };
      }
      const c = bytes[i + k];
      if (c < (k === 1 ? lower : 0x80) || c > (k === 1 ? upper : 0xbf)) {
        const sequence = Array.from(bytes.subarray(i, i + k + 1), hex).join(' ');
        return { offset: i, message: `is not UTF-8: the bytes ${sequence} are not a character (${latin1}): ${save}` };
      }
    }
    i += length;
  }
  return { offset: bytes.length, message: `is not UTF-8: ${save}` };
}

/**
 * Holds a `.json` spec to JSON's syntax (RFC 8259). `JSON.parse` decides; when it refuses, `jsonSyntaxError`
 * finds where and says why in words (V8's messages differ between Node.js versions and do not all give a position).
 */
function checkJsonSyntax(text: string, file: string): void {
  // A byte order mark is allowed before JSON (RFC 8259 lets a parser ignore it); YAML skips it too.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return; // reported as an empty spec, as for YAML
  try {
    JSON.parse(body);
    return;
  } catch (e) {
    const found = jsonSyntaxError(body) ?? { offset: 0, message: (e as Error).message };
    const offset = found.offset + (body === text ? 0 : 1);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    throw new SpecError(
      file,
      [{ code: 'ADLSBK-SPEC-SYNTAX', path: [], rule: `is not valid JSON: ${found.message}`, line, column }],
      {
        source: text,
      },
    );
  }
}

/** The first place `text` breaks JSON's grammar and why, or undefined if it is JSON. Iterative: nesting costs no stack. */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const open: string[] = [];
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => {
    if (i >= text.length) return 'the end of the file';
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const hint =
      char === '/' || char === '#'
        ? ' (JSON has no comments: a .yaml spec can have them)'
        : char === "'"
          ? ' (JSON strings take double quotes)'
          : '';
    return `${echoValue(char)}${hint}`;
  };
  const error = (message: string, offset = i) => ({ offset, message });
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          i++;
          state = 'after';
        } else {
          open.push(close);
          state = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      const problem = c === '"' ? scanString() : scanScalar();
      if (problem) return problem;
      state = 'after';
      continue;
    }
    if (state === 'key') {
      if (text[i] !== '"') return error(`expected a property name in double quotes, found ${found()}`);
      const problem = scanString();
      if (problem) return problem;
      skipSpace();
      if (text[i] !== ':') return error(`expected \`:\` after the property name, found ${found()}`);
      i++;
      state = 'value';
      continue;
    }
    // After a value: the end, or a comma or the closing bracket of the object or array it is in.
    const close = open[open.length - 1];
    if (close === undefined)
      return i < text.length ? error(`expected the end of the file after the value, found ${found()}`) : undefined;
    if (text[i] === close) {
      open.pop();
      i++;
      continue;
    }
    if (text[i] !== ',') {
      const what = close === '}' ? 'a property value' : 'an item';
      return error(`expected \`,\` or \`${close}\` after ${what}, found ${found()}`);
    }
    const comma = i;
    i++;
    skipSpace();
    if (text[i] === '}' || text[i] === ']') return error(`a trailing comma before \`${text[i]}\` (JSON allows none)`, comma);
    state = close === '}' ? 'key' : 'value';
  }

  function scanString(): { offset: number; message: string } | undefined {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20)
        return error(`a control character in a string (write it as \\n, \\t or \\u${code.toString(16).padStart(4, '0')})`);
      if (text[i] === '\\') {
        const escape = text[i + 1];
        if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(escape ?? 'x')) {
          return error(`\\${escape ?? ''} is not a JSON escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and 4 hex digits)`);
        }
        i += escape === 'u' ? 6 : 2;
      } else {
        i++;
      }
    }
    if (i >= text.length) return error('a string that is not closed (a `"` is missing)', start);
    i++;
    return undefined;
  }

  function scanScalar(): { offset: number; message: string } | undefined {
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
    }
    const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    number.lastIndex = i;
    const match = number.exec(text);
    if (match) {
      if (/^-?0$/.test(match[0]) && /[0-9]/.test(text[i + match[0].length] ?? '')) {
        return error('a number with a leading zero (JSON numbers have none)');
      }
      i += match[0].length;
      return undefined;
    }
    return error(
      `expected a value (a string in double quotes, a number, an object, an array, true, false or null), found ${found()}`,
    );
  }
}
