import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Document, Node as YamlNode } from 'yaml';
import { InputError, Problem } from '../errors';
import { problem } from '../private/problems';
import { ProblemCode } from '../private/rules/codes';
import { ECHO_LIMIT, echoValue, INVISIBLE } from '../private/echo';

export { echoValue };

/**
 * One thing wrong with a spec while it is read: the rule broken (`code`, and `rule` in words), where (path in the
 * document, line when known) and the value received. A `SpecError` makes each a `Problem` for its callers.
 */
export interface SpecProblem {
  /** The rule's code in the catalog (docs/errors.md). */
  readonly code: ProblemCode;
  /** Path segments from the document's root, e.g. `['accounts', 3, 'region']`. */
  readonly path: readonly (string | number)[];
  /** What the rule requires, in words. */
  readonly rule: string;
  /** The value received, as `echoValue` shows it; absent where nothing was received. */
  readonly value?: string;
  /** 1-based line and column, when the document gives them. */
  readonly line?: number;
  readonly column?: number;
  /** Said after the value, in parentheses: `inherited by 28 accounts`. */
  readonly note?: string;
}

/** Something in a spec that is allowed but probably not meant (an override no account uses), located. */
export interface SpecWarning {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** `accounts[3].region`, or `(document)` for the root. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const plain = segment.length <= ECHO_LIMIT && /^[A-Za-z_$][\w$-]*$/.test(segment);
      return plain ? (i === 0 ? segment : `.${segment}`) : `[${echoValue(segment)}]`;
    })
    .join('');
}

/** How a `SpecError` prints its problems. */
export interface SpecErrorOptions {
  /**
   * The spec's text: each located problem is printed with its source line and a caret under the column, as for a
   * syntax error, where the path says nothing.
   */
  readonly source?: string;
  /**
   * Print the first `show` problems (in line order) and say how many more there are. For syntax errors, after
   * the first of which the parser's reading of the rest is a guess: the others mostly follow from it.
   */
  readonly show?: number;
}

/**
 * A spec that breaks rules: every problem at once, each with file, line, path, code and rule (`problems`, as
 * `Problem`s). Exit code 2.
 */
export class SpecError extends InputError {
  constructor(
    public readonly file: string,
    problems: readonly SpecProblem[],
    options: SpecErrorOptions = {},
  ) {
    super(
      problems.map((p) => toProblem(file, p)),
      formatProblems(file, problems, options),
    );
    this.name = 'SpecError';
  }
}

/** The public form of a spec problem: its path written out, its message made by the one rule for messages. */
function toProblem(file: string, p: SpecProblem): Problem {
  const made = problem(p.code, formatPath(p.path), p.rule, p.value, { note: p.note });
  return { ...made, file, ...(p.line === undefined ? {} : { line: p.line, column: p.column ?? 1 }) };
}

/** The rule and the value, as a spec problem reads after its location: `must be ..., got: "x"`. */
function specText(p: Pick<SpecProblem, 'rule' | 'value' | 'note'>): string {
  const got = p.value === undefined ? '' : `, got: ${p.value}`;
  return `${p.rule}${got}${p.note === undefined ? '' : ` (${p.note})`}`;
}

/** `backup.yaml:14:7: accounts[3].region`: where a problem is, as editors and CI logs link it. */
function formatLocation(file: string, p: Pick<SpecProblem, 'path' | 'line' | 'column'>): string {
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${formatPath(p.path)}`;
}

function formatProblems(file: string, problems: readonly SpecProblem[], options: SpecErrorOptions): string {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const shown = sorted.slice(0, options.show ?? sorted.length);
  const lines = shown.flatMap((p) => [
    `  ${formatLocation(file, p)}: ${specText(p)}`,
    ...(options.source !== undefined && p.line !== undefined
      ? sourceExcerpt(options.source, p.line, p.column ?? 1).map((l) => `    ${l}`)
      : []),
  ]);
  const more = sorted.length - shown.length;
  if (more > 0) {
    lines.push(`  (and ${more} more, which often follow from the first: correct it and run again)`);
  }
  const heading = `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the fleet spec:`;
  return [heading, ...lines].join('\n');
}

// Past this many characters a source line is shown as a window around the column.
const EXCERPT_WIDTH = 100;

/**
 * Line `line` of `source` and a caret under `column` (both 1-based, the column in UTF-16 code units as editors
 * count it), as a compiler shows a syntax error:
 *
 *     8 |    region: westeurope
 *       |    ^
 */
function sourceExcerpt(source: string, line: number, column: number): string[] {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', start);
    if (next < 0) return [];
    start = next + 1;
  }
  const newline = source.indexOf('\n', start);
  let text = source.slice(start, newline < 0 ? source.length : newline).replace(/\r$/, '');
  let at = Math.min(Math.max(column - 1, 0), text.length);
  // A minified JSON spec is one long line: show the part around the column.
  if (text.length > EXCERPT_WIDTH) {
    const from = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, text.length - EXCERPT_WIDTH));
    const to = Math.min(text.length, from + EXCERPT_WIDTH);
    text = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
    at = at - from + (from > 0 ? 1 : 0);
  }
  // Control and invisible characters would act on the terminal or take no column: one '?' each (they are one
  // code unit, one column in the editor) keeps the caret aligned.
  // Tabs stay, in the caret line too, so that the caret lands where the terminal puts the column.
  text = Array.from(text, (c) => (c < ' ' && c !== '\t' ? '?' : c))
    .join('')
    .replace(INVISIBLE, '?');
  const caret = `${text.slice(0, at).replace(/[^\t]/g, ' ')}^`;
  const number = String(line);
  return [`${number} | ${text}`, `${' '.repeat(number.length)} | ${caret}`];
}

/** Finds the line and column of a path in a parsed YAML (or JSON) document: the deepest node that exists. */
export class SpecLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    /** The document's text, for `written`. */
    private readonly source?: string,
  ) {}

  /** A problem at `path`, located at the value there (or at its key, or the nearest parent that exists). */
  public problem(
    code: ProblemCode,
    path: readonly (string | number)[],
    rule: string,
    value?: string,
    at: 'value' | 'key' = 'value',
  ): SpecProblem {
    return { code, path, rule, ...(value === undefined ? {} : { value }), ...this.locate(path, at) };
  }

  /** A warning at `path`, located as a problem is. */
  public warning(path: readonly (string | number)[], message: string, at: 'value' | 'key' = 'value'): SpecWarning {
    return { path, message, ...this.locate(path, at) };
  }

  /** The line and column of the value at `path` (or its key, or the nearest parent that exists), when known. */
  public locate(path: readonly (string | number)[], at: 'value' | 'key' = 'value'): { line?: number; column?: number } {
    const offset = this.offsetOf(path, at);
    if (offset === undefined) return {};
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /**
   * The source text of the number at exactly `path` (through an alias), or undefined: what `echoValue` shows
   * instead of the value, since a number has many spellings and JSON cannot write some (`1e309`, `.nan`).
   */
  public written(path: readonly (string | number)[]): string | undefined {
    if (this.source === undefined) return undefined;
    let node: unknown = this.doc.contents;
    for (const segment of path) {
      node = this.resolved(node);
      if (isMap(node)) {
        node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    node = this.resolved(node);
    if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return undefined;
    return this.source.slice(node.range[0], node.range[1]);
  }

  private resolved(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  private offsetOf(path: readonly (string | number)[], at: 'value' | 'key'): number | undefined {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node);
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return offset;
        const keyOffset = rangeStart(pair.key);
        node = pair.value;
        offset = last && at === 'key' ? keyOffset : (rangeStart(node) ?? keyOffset);
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
        offset = rangeStart(node) ?? offset;
      } else {
        return offset;
      }
    }
    return offset;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null)?.range;
  return range ? range[0] : undefined;
}
