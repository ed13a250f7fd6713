// How Terraform reads a string of cdk.tf.json, defined once for the library (lengths and rules count what
// Terraform sends), the fleet (spec strings written as literals) and the review (names and tags it evaluates).
//
// Every string is a template: `${` opens an interpolation and `%{` a directive; `$${` and `%%{` are the escapes
// for a literal `${` and `%{`. Before a brace, a run of two or more `$` (or `%`) ends in that escape and one alone
// opens a sequence (HCL's scanner takes a `$` that another `$` follows as a literal `$`). Checked with
// terraform 1.11.4 on outputs: "a$${b}" printed a${b}, "a%%{b}" printed a%{b}, "a$$${b}" printed a$${b}.

/** Where `value` opens template sequences that Terraform evaluates (not escaped); `first` is -1 when none. */
export function templateSequences(value: string): { interpolation: boolean; directive: boolean; first: number } {
  let interpolation = false;
  let directive = false;
  let first = -1;
  for (let i = 1; i < value.length; i++) {
    if (value[i] !== '{') continue;
    const mark = value[i - 1];
    if (mark !== '$' && mark !== '%') continue;
    if (i >= 2 && value[i - 2] === mark) continue; // `$${`, `$$${`...: the last two and the brace are the escape
    if (mark === '$') interpolation = true;
    else directive = true;
    if (first < 0) first = i - 1;
  }
  return { interpolation, directive, first };
}

/**
 * The text Terraform sends for `value`: `$${` read as `${` and `%%{` as `%{`. Undefined when `value` opens an
 * interpolation or a directive: a template whose result is only known when Terraform evaluates it.
 */
export function terraformText(value: string): string | undefined {
  if (templateSequences(value).first >= 0) return undefined;
  return value.replace(/([$%])\1\{/g, '$1{');
}

/** `text` as a Terraform literal: every `${` written `$${` and `%{` written `%%{`, so Terraform sends back `text`. */
export function terraformLiteral(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}
