import { isMap, isPair, isScalar, isSeq, LineCounter, Document, Node as YamlNode } from 'yaml';
import { InputError } from '../cli/input-error';

/** One thing wrong with a spec: where (path in the document, line when known) and which rule. */
export interface SpecProblem {
  /** Path segments from the document's root, e.g. `['accounts', 3, 'region']`. */
  readonly path: readonly (string | number)[];
  /** The rule broken, with the value received. */
  readonly message: string;
  /** 1-based line and column, when the document gives them. */
  readonly line?: number;
  readonly column?: number;
}

/** `accounts[3].region`, or `(document)` for the root. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const plain = /^[A-Za-z_$][\w$-]*$/.test(segment);
      return plain ? (i === 0 ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** A spec that breaks rules: every problem at once, each with file, line, path and rule. Exit code 2. */
export class SpecError extends InputError {
  constructor(
    public readonly file: string,
    public readonly problems: readonly SpecProblem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'SpecError';
  }
}

/** `backup.yaml:14:7: accounts[3].region`: where a problem is, as editors and CI logs link it. */
export function formatLocation(file: string, p: Pick<SpecProblem, 'path' | 'line' | 'column'>): string {
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${formatPath(p.path)}`;
}

function formatProblems(file: string, problems: readonly SpecProblem[]): string {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const lines = sorted.map((p) => `${formatLocation(file, p)}: ${p.message}`);
  const heading = `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the fleet spec:`;
  return [heading, ...lines.map((l) => `  ${l}`)].join('\n');
}

/** Finds the line and column of a path in a parsed YAML (or JSON) document: the deepest node that exists. */
export class SpecLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** A problem at `path`, located at the value there (or at its key, or the nearest parent that exists). */
  public problem(path: readonly (string | number)[], message: string, at: 'value' | 'key' = 'value'): SpecProblem {
    const offset = this.offsetOf(path, at);
    if (offset === undefined) return { path, message };
    const { line, col } = this.lines.linePos(offset);
    return { path, message, line, column: col };
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
