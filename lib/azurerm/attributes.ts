import * as cdktf from 'cdktf';

/** How one Terraform argument is typed, enough to render it to JSON and HCL as the generated bindings do. */
export type ArgumentSpec =
  | { readonly kind: 'string' }
  | { readonly kind: 'stringList' | 'stringSet' }
  | { readonly kind: 'block'; readonly fields: ArgumentSchema; readonly className: string }
  | { readonly kind: 'blockList'; readonly fields: ArgumentSchema; readonly className: string };

/** Terraform argument name -> its type. */
export type ArgumentSchema = Readonly<Record<string, ArgumentSpec>>;

/** Values keyed by Terraform argument name (snake_case). */
export type TerraformValues = Readonly<Record<string, unknown>>;

type HclAttribute = { value: unknown; isBlock: boolean; type: string; storageClassType: string };

/** Renders `values` to the JSON attributes of `cdk.tf.json`; undefined values are left out. */
export function renderJson(schema: ArgumentSchema, values: TerraformValues | undefined): Record<string, unknown> {
  if (!cdktf.canInspect(values) || cdktf.Tokenization.isResolvable(values) || values === undefined) return values as never;
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const value = values[name];
    switch (spec.kind) {
      case 'string':
        out[name] = cdktf.stringToTerraform(value);
        break;
      case 'stringList':
      case 'stringSet':
        out[name] = cdktf.listMapper(cdktf.stringToTerraform, false)(value);
        break;
      case 'block':
        out[name] = value === undefined ? undefined : renderJson(spec.fields, value as TerraformValues);
        break;
      case 'blockList':
        out[name] = cdktf.listMapper((v: TerraformValues) => renderJson(spec.fields, v), true)(value);
        break;
    }
  }
  return out;
}

/** Renders `values` to the HCL attribute descriptions cdktf uses for `hclOutput`. */
export function renderHcl(schema: ArgumentSchema, values: TerraformValues | undefined): Record<string, HclAttribute> {
  if (!cdktf.canInspect(values) || cdktf.Tokenization.isResolvable(values) || values === undefined) return values as never;
  const out: Record<string, HclAttribute> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const value = values[name];
    if (value === undefined) continue;
    switch (spec.kind) {
      case 'string':
        out[name] = { value: cdktf.stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
        break;
      case 'stringList':
      case 'stringSet':
        out[name] = {
          value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(value),
          isBlock: false,
          type: spec.kind === 'stringList' ? 'list' : 'set',
          storageClassType: 'stringList',
        };
        break;
      case 'block':
        out[name] = {
          value: renderHcl(spec.fields, value as TerraformValues),
          isBlock: true,
          type: 'struct',
          storageClassType: spec.className,
        };
        break;
      case 'blockList':
        out[name] = {
          value: cdktf.listMapperHcl((v: TerraformValues) => renderHcl(spec.fields, v), true)(value),
          isBlock: true,
          type: 'list',
          storageClassType: `${spec.className}List`,
        };
        break;
    }
  }
  return out;
}
