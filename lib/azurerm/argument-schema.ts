/**
 * How the generated bindings describe a Terraform block's arguments: enough to render configured values to
 * `cdk.tf.json` (and to cdktf's HCL output) the way cdktf's own generated bindings do. Written by `npm run generate`
 * into each binding as data; read by `render.ts`.
 */

/** The Terraform value types the bindings configure. */
export type ValueKind =
  'string' | 'number' | 'bool' | 'stringList' | 'stringSet' | 'numberList' | 'numberSet' | 'stringMap' | 'numberMap' | 'boolMap';

/** A configurable attribute: its TypeScript (camelCase) name and its Terraform type. */
export interface ValueArgument {
  readonly name: string;
  readonly kind: ValueKind;
}

/**
 * A nested block. `single` blocks (nesting mode single, or a list of at most one) are configured as one object and
 * rendered as one JSON object, as Terraform's JSON syntax allows; the others as a list of objects.
 */
export interface BlockArgument {
  readonly name: string;
  readonly kind: 'block';
  readonly single: boolean;
  /** `set` blocks render as HCL sets; `list` and `single` blocks as lists (cdktf's convention). */
  readonly nesting: 'single' | 'list' | 'set';
  /** The generated interface's name, which cdktf's HCL output records. */
  readonly className: string;
  readonly fields: ArgumentSchema;
}

/** Terraform argument name (snake_case) -> how it is configured. */
export type ArgumentSchema = Readonly<Record<string, ValueArgument | BlockArgument>>;
