// Terraform reads every string of a `cdk.tf.json` as a template: an unescaped `${…}` or `%{…}` is evaluated at
// plan, on the machine that plans. In a name or a tag that is how a change slips past a reviewer who reads the
// names: `${file("~/.azure/accessTokens.json")}` copies a token into a tag (and into the plan's output),
// `${timestamp()}` gives a new name, hence a replacement, on every plan. The library writes names and tags as
// literals or as one reference to another resource of the stack; the review flags anything else there.
//
// What is checked, in every resource and data source (nested blocks included, meta-arguments such as `lifecycle`,
// `depends_on` and `provider` left out):
// - names: each argument called `name` or ending in `_name` (vault, policy, instance, lock, retention rule,
//   container, account, `resource_group_name`, `storage_account_name`...), and each string of an argument ending in
//   `_names` (the instance's `storage_container_names`);
// - tags: every key and every value of `tags`, or `tags` itself when it is one string.
// A value is flagged when it holds a `${` not written `$${`, or a `%{` not written `%%{` (Terraform's escapes), unless
// the whole value is exactly one reference `${<type>.<name>.<attribute>}` (or `${data.<type>.<name>.<attribute>}`,
// which is also how cdktf's cross-stack references arrive) to a block of the same stack: that is what the library
// writes, e.g. `resource_group_name = "${azurerm_resource_group.x.name}"`. Everything else with a template sequence
// is flagged: a function call, a directive, a variable or local, a reference to no block of the stack, several parts.
import { templateSequences } from '../private/terraform-template';
import type { Args } from './read/out-dir';
import { Block, compare, Configuration } from './read/configuration';

/** One name or tag that Terraform evaluates as an expression. */
export interface Interpolation {
  /** The block's stack. */
  readonly stack: string;
  /** The block's address. */
  readonly address: string;
  /** Where in the block: `name`, `retention_rule[0].name`, `storage_container_names[1]`, `tags.owner`, `tags (key)`. */
  readonly attribute: string;
  /** The value, cut to 100 characters, control characters escaped. */
  readonly value: string;
  /** What makes it an expression, in words. */
  readonly why: string;
}

/** How much of a value a report shows. */
const VALUE_SHOWN = 100;

// Meta-arguments: not names, and `lifecycle` holds preconditions whose messages are expressions on purpose.
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection']);
// The one form a name may take as an expression: a whole reference to an attribute of a block, `type.name.attr...`.
const ONE_REFERENCE = /^\$\{((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z0-9_-]+|\[\d+\])+)\}$/;
// A whole `${…}` with no other template sequence inside, to name what a stray reference points to.
const WHOLE_SEQUENCE = /^\$\{([^${}%]*)\}$/;
const FUNCTION_CALL = /[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*\s*\(/;

/** Every name and tag of the configuration that Terraform evaluates, by stack, then address, then attribute. */
export function findInterpolations(config: Configuration): Interpolation[] {
  const found: Interpolation[] = [];
  for (const stack of config.stacks) {
    for (const block of config.blocksOf(stack.name)) found.push(...inBlock(config, block));
  }
  return found;
}

function inBlock(config: Configuration, block: Block): Interpolation[] {
  const found: Interpolation[] = [];
  const check = (attribute: string, value: unknown): void => {
    if (typeof value !== 'string') return;
    const why = whyEvaluated(config, block.stack, value);
    if (why !== undefined) found.push({ stack: block.stack, address: block.address, attribute, value: shown(value), why });
  };
  const walk = (args: Args, prefix: string): void => {
    for (const key of Object.keys(args).sort(compare)) {
      if (prefix === '' && META.has(key)) continue;
      const value = args[key];
      const at = `${prefix}${key}`;
      if (key === 'tags') {
        if (typeof value === 'string') check(at, value);
        else if (isObject(value)) {
          for (const tag of Object.keys(value).sort(compare)) {
            check(`${at} (key)`, tag);
            check(`${at}${keyPath(tag)}`, value[tag]);
          }
        }
      } else if (key === 'name' || key.endsWith('_name')) {
        check(at, value);
      } else if (key.endsWith('_names')) {
        if (Array.isArray(value)) value.forEach((v, i) => check(`${at}[${i}]`, v));
        else check(at, value);
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (isObject(v)) walk(v, `${at}[${i}].`);
        });
      } else if (isObject(value)) walk(value, `${at}.`);
    }
  };
  walk(block.args, '');
  return found;
}

/** Why Terraform evaluates `value` as more than the library's one reference; undefined when it does not. */
function whyEvaluated(config: Configuration, stack: string, value: string): string | undefined {
  const { interpolation, directive, first } = templateSequences(value);
  if (!interpolation && !directive) return undefined;
  const ref = directive ? null : ONE_REFERENCE.exec(value);
  if (ref && config.block(stack, ref[1]) !== undefined) return undefined;
  if (directive) return 'a template directive (`%{`)';
  if (FUNCTION_CALL.test(value.slice(first))) return 'a function call';
  const whole = WHOLE_SEQUENCE.exec(value)?.[1].trim();
  if (whole !== undefined && /^[A-Za-z_][A-Za-z0-9_.[\]-]*$/.test(whole)) {
    return `a reference to \`${shown(whole, 60)}\`, not to a resource or data source of this stack`;
  }
  return 'an expression';
}

/**
 * `text` for a report: cut to `max` characters (whole code points) with `…`, and with control and bidirectional
 * characters written as escapes, so that a value cannot break the report's lines or rewrite a terminal.
 */
export function shown(text: string, max = VALUE_SHOWN): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `text` as a markdown code span, whatever backticks it holds. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both are spaces: the padding, not the value's own.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function keyPath(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(shown(key, 40))}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
