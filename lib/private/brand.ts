/**
 * Marks the instances of a library class so that code of another copy of the library recognises them: an app can
 * hold two copies (two packages depending on different versions), and `instanceof` only knows its own. cdktf and
 * constructs do the same with `Symbol.for` (`TerraformStack.isStack`, `Construct.isConstruct`).
 */
export function brand(cls: { readonly prototype: object }, name: string): void {
  Object.defineProperty(cls.prototype, symbolOf(name), { value: true });
}

/** Whether `x` is an instance of the class branded `name`, made by any copy of the library. */
export function isBranded(x: unknown, name: string): boolean {
  return typeof x === 'object' && x !== null && symbolOf(name) in x;
}

function symbolOf(name: string): symbol {
  return Symbol.for(`cdktf-adls-backup.${name}`);
}
