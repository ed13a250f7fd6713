/**
 * Writes the TypeScript of one binding (a resource, a data source or a provider) from its common schema: the
 * config interfaces, the classes that read attributes as Terraform references, and the argument schema that
 * `lib/azurerm/render.ts` renders from.
 */
import { camelCase, pascalCase, RESERVED_MEMBERS } from './names';
import { CtyType, SchemaAttribute, SchemaBlock, SchemaBlockType } from './terraform-schema';

export type BindingKind = 'resource' | 'dataSource' | 'provider';

/** What the generator knows of one binding before writing it. */
export interface BindingSpec {
  readonly kind: BindingKind;
  /** `azurerm_storage_account`, or `azurerm` for a provider. */
  readonly terraformType: string;
  readonly className: string;
  /** The provider family constant in lib/azurerm/version.ts: `AZURERM` or `TIME`. */
  readonly family: string;
  /** The registry's documentation page. */
  readonly docs: string;
  readonly block: SchemaBlock;
}

type ValueKind =
  'string' | 'number' | 'bool' | 'stringList' | 'stringSet' | 'numberList' | 'numberSet' | 'stringMap' | 'numberMap' | 'boolMap';

interface Primitive {
  readonly kind: ValueKind;
  /** The TypeScript type of the config member (and of the getter, which must match it). */
  readonly tsType: string;
  /** The expression that reads the attribute as a reference, on `this`. */
  readonly read: (name: string) => string;
}

const PRIMITIVES: Record<string, Primitive> = {
  string: { kind: 'string', tsType: 'string', read: (n) => `this.getStringAttribute('${n}')` },
  number: { kind: 'number', tsType: 'number', read: (n) => `this.getNumberAttribute('${n}')` },
  bool: { kind: 'bool', tsType: 'boolean | cdktf.IResolvable', read: (n) => `this.getBooleanAttribute('${n}')` },
  '["list","string"]': { kind: 'stringList', tsType: 'string[]', read: (n) => `this.getListAttribute('${n}')` },
  // A set is read as a list (`tolist`), as cdktf's bindings do, so that it can be indexed.
  '["set","string"]': { kind: 'stringSet', tsType: 'string[]', read: (n) => `cdktf.Fn.tolist(this.getListAttribute('${n}'))` },
  '["list","number"]': { kind: 'numberList', tsType: 'number[]', read: (n) => `this.getNumberListAttribute('${n}')` },
  '["set","number"]': {
    kind: 'numberSet',
    tsType: 'number[]',
    read: (n) => `cdktf.Token.asNumberList(cdktf.Fn.tolist(this.getNumberListAttribute('${n}')))`,
  },
  '["map","string"]': {
    kind: 'stringMap',
    tsType: '{ [key: string]: string }',
    read: (n) => `this.getStringMapAttribute('${n}')`,
  },
  '["map","number"]': {
    kind: 'numberMap',
    tsType: '{ [key: string]: number }',
    read: (n) => `this.getNumberMapAttribute('${n}')`,
  },
  '["map","bool"]': {
    kind: 'boolMap',
    tsType: '{ [key: string]: boolean | cdktf.IResolvable }',
    read: (n) => `this.getBooleanMapAttribute('${n}')`,
  },
};

/** A list or set of objects that Terraform computes: read through a generated list class. */
interface ObjectCollection {
  readonly wrapsSet: boolean;
  readonly fields: Record<string, CtyType>;
}

function primitiveOf(type: CtyType): Primitive | undefined {
  return PRIMITIVES[typeof type === 'string' ? type : JSON.stringify(type)];
}

function objectCollectionOf(type: CtyType): ObjectCollection | undefined {
  if (!Array.isArray(type) || (type[0] !== 'list' && type[0] !== 'set')) return undefined;
  const element = type[1];
  if (!Array.isArray(element) || element[0] !== 'object') return undefined;
  return { wrapsSet: type[0] === 'set', fields: element[1] as Record<string, CtyType> };
}

/** The TypeScript of a file, built from parts: declarations are collected and written in order. */
class Writer {
  private readonly parts: string[] = [];
  private readonly names = new Set<string>();

  public declare(name: string, text: string): void {
    if (this.names.has(name)) throw new Error(`two generated declarations are named ${name}`);
    this.names.add(name);
    this.parts.push(text);
  }

  public toString(): string {
    return this.parts.join('\n');
  }
}

function member(name: string, where: string): string {
  const camel = camelCase(name);
  if (RESERVED_MEMBERS.has(camel)) throw new Error(`${where}: \`${name}\` would hide cdktf's member \`${camel}\``);
  return camel;
}

function settable(a: SchemaAttribute): boolean {
  return a.required === true || a.optional === true;
}

/** Whether a block is configured as one object: nesting single, or a list or set of at most one (not for providers). */
function isSingle(bt: SchemaBlockType, kind: BindingKind): boolean {
  if (kind === 'provider') return false; // cdktf's provider bindings keep every block a list
  return bt.nesting_mode === 'single' || bt.max_items === 1;
}

function requiredBlock(bt: SchemaBlockType): boolean {
  return (bt.min_items ?? 0) > 0;
}

function unsupported(where: string, what: string): never {
  throw new Error(`${where}: ${what} is not supported by the generator; extend codegen/emit-binding.ts`);
}

/** The argument names (Terraform order: sorted), without `id`, which every resource computes. */
function argumentNames(block: SchemaBlock, kind: BindingKind, top: boolean): string[] {
  const attributes = Object.entries(block.attributes ?? {})
    .filter(([name, a]) => settable(a) && !(top && kind !== 'provider' && name === 'id'))
    .map(([name]) => name);
  return [...attributes, ...Object.keys(block.block_types ?? {})];
}

// ---------------------------------------------------------------------------------------------------------------
// Config interfaces and the argument schema
// ---------------------------------------------------------------------------------------------------------------

function configMembers(block: SchemaBlock, prefix: string, kind: BindingKind, top: boolean, where: string): string[] {
  const lines: string[] = [];
  for (const name of argumentNames(block, kind, top)) {
    const attribute = block.attributes?.[name];
    if (attribute) {
      const primitive = primitiveOf(attribute.type) ?? unsupported(`${where}.${name}`, `type ${JSON.stringify(attribute.type)}`);
      const optional = attribute.required ? '' : '?';
      const notes = [
        attribute.required ? 'required' : 'optional',
        attribute.sensitive ? 'sensitive' : '',
        attribute.deprecated ? 'deprecated' : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`  /** \`${name}\` (${notes}). */`, `  readonly ${member(name, where)}${optional}: ${primitive.tsType};`);
    } else {
      const bt = block.block_types![name];
      const type = `${prefix}${pascalCase(name)}`;
      const single = isSingle(bt, kind);
      const optional = requiredBlock(bt) ? '' : '?';
      const limits = describeLimits(bt);
      lines.push(
        `  /** The \`${name}\` block${limits}. */`,
        `  readonly ${member(name, where)}${optional}: ${single ? type : `${type}[] | cdktf.IResolvable`};`,
      );
    }
  }
  return lines;
}

function describeLimits(bt: SchemaBlockType): string {
  const min = bt.min_items ?? 0;
  const max = bt.max_items;
  if (bt.nesting_mode === 'single') return '';
  if (max === 1) return min === 1 ? ' (required, one)' : ' (at most one)';
  if (min > 0 && max !== undefined) return ` (${min} to ${max})`;
  if (min > 0) return ` (at least ${min})`;
  if (max !== undefined) return ` (at most ${max})`;
  return '';
}

function schemaLiteral(block: SchemaBlock, prefix: string, kind: BindingKind, top: boolean, indent: string): string {
  const lines: string[] = ['{'];
  for (const name of argumentNames(block, kind, top)) {
    const attribute = block.attributes?.[name];
    if (attribute) {
      lines.push(`${indent}  ${name}: { name: '${camelCase(name)}', kind: '${primitiveOf(attribute.type)!.kind}' },`);
    } else {
      const bt = block.block_types![name];
      const className = `${prefix}${pascalCase(name)}`;
      const nesting = bt.nesting_mode === 'single' ? 'single' : bt.nesting_mode === 'set' ? 'set' : 'list';
      const fields = schemaLiteral(bt.block, className, kind, false, `${indent}  `);
      lines.push(
        `${indent}  ${name}: { name: '${camelCase(name)}', kind: 'block', single: ${isSingle(bt, kind)}, nesting: '${nesting}', className: '${className}', fields: ${fields} },`,
      );
    }
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function writeBlockInterfaces(writer: Writer, block: SchemaBlock, prefix: string, spec: BindingSpec, where: string): void {
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    const type = `${prefix}${pascalCase(name)}`;
    const members = configMembers(bt.block, type, spec.kind, false, `${where}.${name}`);
    writer.declare(
      type,
      [`/** The \`${name}\` block of \`${spec.terraformType}\`. */`, `export interface ${type} {`, ...members, '}', ''].join(
        '\n',
      ),
    );
    writeBlockInterfaces(writer, bt.block, type, spec, `${where}.${name}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading attributes: getters on the resource, output references for blocks and computed objects
// ---------------------------------------------------------------------------------------------------------------

/** Getters that read a block's (or computed object's) attributes as Terraform references. */
function referenceGetters(
  writer: Writer,
  fields: Record<string, CtyType | SchemaBlockType>,
  prefix: string,
  where: string,
): string[] {
  const lines: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const camel = member(name, where);
    if (isBlockType(field)) {
      lines.push(...blockReferenceGetter(writer, name, field, `${prefix}${pascalCase(name)}`, `${where}.${name}`));
      continue;
    }
    const primitive = primitiveOf(field);
    if (primitive) {
      lines.push(
        `  /** \`${name}\` */`,
        `  public get ${camel}(): ${primitive.tsType} {`,
        `    return ${primitive.read(name)};`,
        '  }',
      );
      continue;
    }
    const collection = objectCollectionOf(field) ?? unsupported(`${where}.${name}`, `type ${JSON.stringify(field)}`);
    const type = `${prefix}${pascalCase(name)}`;
    writeReferenceClasses(writer, type, collection.fields, `${where}.${name}`, true);
    lines.push(
      `  /** \`${name}\` (computed) */`,
      `  public get ${camel}(): ${type}List {`,
      `    return new ${type}List(this, '${name}', ${collection.wrapsSet});`,
      '  }',
    );
  }
  return lines;
}

function isBlockType(field: CtyType | SchemaBlockType): field is SchemaBlockType {
  return typeof field === 'object' && !Array.isArray(field) && 'nesting_mode' in field;
}

function blockReferenceGetter(writer: Writer, name: string, bt: SchemaBlockType, type: string, where: string): string[] {
  const fields = fieldsOf(bt.block);
  const camel = camelCase(name);
  if (bt.nesting_mode === 'single' || bt.max_items === 1) {
    writeReferenceClasses(writer, type, fields, where, false);
    // A list of one is read at index 0 (`identity[0].principal_id`); a single block by its name.
    const at = bt.nesting_mode === 'single' ? '' : bt.nesting_mode === 'set' ? ', 0, true' : ', 0';
    return [
      `  /** The \`${name}\` block. */`,
      `  public get ${camel}(): ${type}OutputReference {`,
      `    return new ${type}OutputReference(this, '${name}'${at});`,
      '  }',
    ];
  }
  writeReferenceClasses(writer, type, fields, where, true);
  return [
    `  /** The \`${name}\` blocks. */`,
    `  public get ${camel}(): ${type}List {`,
    `    return new ${type}List(this, '${name}', ${bt.nesting_mode === 'set'});`,
    '  }',
  ];
}

function fieldsOf(block: SchemaBlock): Record<string, CtyType | SchemaBlockType> {
  const fields: Record<string, CtyType | SchemaBlockType> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) fields[name] = a.type;
  for (const [name, bt] of Object.entries(block.block_types ?? {})) fields[name] = bt;
  return fields;
}

function writeReferenceClasses(
  writer: Writer,
  type: string,
  fields: Record<string, CtyType | SchemaBlockType>,
  where: string,
  withList: boolean,
): void {
  const getters = referenceGetters(writer, fields, type, where);
  writer.declare(
    `${type}OutputReference`,
    [
      `/** Reads the attributes of one \`${where.split('.').slice(1).join('.')}\` as Terraform references. */`,
      `export class ${type}OutputReference extends cdktf.ComplexObject {`,
      '  /**',
      '   * @param complexObjectIndex the index in a list (0 for a list of at most one); none for a single block',
      '   * @param complexObjectIsFromSet whether the block is a set, read with `tolist`',
      '   */',
      '  public constructor(',
      '    terraformResource: cdktf.IInterpolatingParent,',
      '    terraformAttribute: string,',
      '    complexObjectIndex?: number,',
      '    complexObjectIsFromSet = false,',
      '  ) {',
      '    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);',
      '  }',
      ...(getters.length > 0 ? ['', ...getters] : []),
      '}',
      '',
    ].join('\n'),
  );
  if (!withList) return;
  writer.declare(
    `${type}List`,
    [
      `/** A list of \`${where.split('.').slice(1).join('.')}\`, read by index. */`,
      `export class ${type}List extends cdktf.ComplexList {`,
      '  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {',
      '    super(terraformResource, terraformAttribute, wrapsSet);',
      '  }',
      '',
      '  /** The element at `index`. */',
      `  public get(index: number): ${type}OutputReference {`,
      `    return new ${type}OutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The binding class
// ---------------------------------------------------------------------------------------------------------------

/** Setters (`put` for blocks), `reset` and `Input` getters for one argument, as cdktf's bindings offer them. */
function argumentAccessors(name: string, tsType: string, optional: boolean, block: boolean): string[] {
  const camel = camelCase(name);
  const pascal = pascalCase(name);
  const lines = block
    ? [
        `  /** Sets the \`${name}\` block. */`,
        `  public put${pascal}(value: ${tsType}): void {`,
        `    this.configured.${camel} = value;`,
        '  }',
      ]
    : [`  public set ${camel}(value: ${tsType}) {`, `    this.configured.${camel} = value;`, '  }'];
  if (optional) {
    lines.push(
      `  /** Leaves \`${name}\` unset. */`,
      `  public reset${pascal}(): void {`,
      `    delete this.configured.${camel};`,
      '  }',
    );
  }
  lines.push(
    `  /** \`${name}\` as configured, or undefined. */`,
    `  public get ${camel}Input(): ${tsType} | undefined {`,
    `    return this.configured.${camel} as ${tsType} | undefined;`,
    '  }',
  );
  return lines;
}

/** A provider has no attributes to reference: its getters return what was configured. */
function providerAccessors(name: string, tsType: string, optional: boolean, block: boolean): string[] {
  const camel = camelCase(name);
  const getter = [
    `  /** \`${name}\` as configured. */`,
    `  public get ${camel}(): ${tsType} | undefined {`,
    `    return this.configured.${camel} as ${tsType} | undefined;`,
    '  }',
  ];
  return [...getter, ...argumentAccessors(name, block ? tsType : `${tsType} | undefined`, optional, block)];
}

function classMembers(writer: Writer, spec: BindingSpec): string[] {
  const block = spec.block;
  const lines: string[] = [];
  const where = spec.terraformType;
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    const camel = member(name, where);
    const primitive = primitiveOf(attribute.type);
    if (spec.kind === 'provider') {
      lines.push(...providerAccessors(name, primitive!.tsType, !attribute.required, false));
      continue;
    }
    const configurable = settable(attribute) && name !== 'id';
    if (primitive) {
      lines.push(
        `  /** \`${name}\` */`,
        `  public get ${camel}(): ${primitive.tsType} {`,
        `    return ${primitive.read(name)};`,
        '  }',
      );
      if (configurable) lines.push(...argumentAccessors(name, primitive.tsType, !attribute.required, false));
      continue;
    }
    if (configurable) unsupported(`${where}.${name}`, `a configurable attribute of type ${JSON.stringify(attribute.type)}`);
    lines.push(...referenceGetters(writer, { [name]: attribute.type }, spec.className, where));
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    const type = `${spec.className}${pascalCase(name)}`;
    const tsType = isSingle(bt, spec.kind) ? type : `${type}[] | cdktf.IResolvable`;
    member(name, where);
    if (spec.kind === 'provider') {
      lines.push(...providerAccessors(name, tsType, !requiredBlock(bt), true));
      continue;
    }
    lines.push(...blockReferenceGetter(writer, name, bt, type, `${where}.${name}`));
    lines.push(...argumentAccessors(name, tsType, !requiredBlock(bt), true));
  }
  return lines;
}

const BASES: Record<BindingKind, { readonly base: string; readonly configBase: string }> = {
  resource: { base: 'BindingResource', configBase: 'cdktf.TerraformMetaArguments' },
  dataSource: { base: 'BindingDataSource', configBase: 'cdktf.TerraformMetaArguments' },
  provider: { base: 'BindingProvider', configBase: 'BindingProviderConfig' },
};

/** The whole file of one binding, after `header`. */
export function emitBinding(spec: BindingSpec, header: string): string {
  const writer = new Writer();
  const { base, configBase } = BASES[spec.kind];
  const what = spec.kind === 'provider' ? `the \`${spec.terraformType}\` provider block` : `\`${spec.terraformType}\``;
  const config = `${spec.className}Config`;
  const members = configMembers(spec.block, spec.className, spec.kind, true, spec.terraformType);
  // A provider without arguments still gets its config interface, as every binding does.
  const empty = members.length === 0 ? ['// eslint-disable-next-line @typescript-eslint/no-empty-object-type'] : [];
  writer.declare(
    config,
    [
      `/** The arguments of ${what}. */`,
      ...empty,
      `export interface ${config} extends ${configBase} {`,
      ...members,
      '}',
      '',
    ].join('\n'),
  );
  writeBlockInterfaces(writer, spec.block, spec.className, spec, spec.terraformType);
  const body = classMembers(writer, spec);
  const required = argumentNames(spec.block, spec.kind, true).some((n) => isRequired(spec.block, n));
  const staticMembers =
    spec.kind === 'provider'
      ? [`  /** The provider's local name. */`, `  public static readonly tfResourceType = '${spec.terraformType}';`]
      : [
          `  /** The Terraform type this class writes. */`,
          `  public static readonly tfResourceType = '${spec.terraformType}';`,
          ...(spec.kind === 'resource'
            ? [
                '',
                '  /** Adopts an existing resource: an `import` block for `importFromId` at the construct `importToId`. */',
                '  public static generateConfigForImport(',
                '    scope: Construct,',
                '    importToId: string,',
                '    importFromId: string,',
                '    provider?: cdktf.TerraformProvider,',
                '  ): cdktf.ImportableResource {',
                `    return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: '${spec.terraformType}', importId: importFromId, provider });`,
                '  }',
              ]
            : []),
        ];
  writer.declare(
    spec.className,
    [
      `/**`,
      ` * ${spec.kind === 'provider' ? `The \`${spec.terraformType}\` provider` : `\`${spec.terraformType}\``}.`,
      ` * @see ${spec.docs}`,
      ` */`,
      `export class ${spec.className} extends ${base} {`,
      ...staticMembers,
      '',
      `  public constructor(scope: Construct, id: string, config: ${config}${required ? '' : ' = {}'}) {`,
      `    super(scope, id, { terraformType: '${spec.terraformType}', family: ${spec.family}, schema: SCHEMA }, config);`,
      '  }',
      '',
      ...body,
      '}',
      '',
    ].join('\n'),
  );
  const schema = `const SCHEMA: ArgumentSchema = ${schemaLiteral(spec.block, spec.className, spec.kind, true, '')};\n`;
  const imports = [
    "import * as cdktf from 'cdktf';",
    "import { Construct } from 'constructs';",
    "import type { ArgumentSchema } from '../argument-schema';",
    `import { ${base}${spec.kind === 'provider' ? ', BindingProviderConfig' : ''} } from '../binding';`,
    `import { ${spec.family} } from '../version';`,
    '',
  ];
  return [header, ...imports, writer.toString(), schema].join('\n');
}

function isRequired(block: SchemaBlock, name: string): boolean {
  const attribute = block.attributes?.[name];
  if (attribute) return attribute.required === true;
  return requiredBlock(block.block_types![name]);
}
