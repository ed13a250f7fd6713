// What the library relies on in cdktf (and CDK Terrain) beyond their public API, in one place. Each item says why
// it cannot be had another way, the versions it was checked on, and the test that fails when the host changes
// (test/host-internals.test.ts). This module imports only cdktf, so every layer may use it (docs/architecture.md).
import { TerraformStack } from 'cdktf';

/**
 * Token creation stacks, quieted for a window.
 *
 * cdktf records, for every token it creates, the full JavaScript stack it was created from (a debugging aid shown
 * when a token fails to resolve; `captureStackTrace` in `tokens/private/stack-trace.js` raises
 * `Error.stackTraceLimit` to the maximum each time). Formatting those stacks is most of the cost of building a large
 * fleet, and keeping them most of its memory. cdktf has no switch for it (CDK Terrain 0.24 has
 * `CDKTN_DISABLE_CREATION_STACK`, but an environment variable is the user's process setting, not a library's).
 * Between `quietTokenStacks()` and the `restore()` it returns, `Error.prepareStackTrace` returns empty stacks: the
 * library builds its resources in this window, so the tokens it creates carry none. Most errors keep their stacks,
 * since V8 formats an error's stack when it is first read, after `restore()`; one whose stack is read inside the
 * window (Node's AssertionError reads it at once, as do annotations' traces) keeps only `Name: message`.
 * Set ADLS_BACKUP_TOKEN_STACKS=1 to keep the stacks while debugging a token that does not resolve.
 *
 * Checked on cdktf 0.21.0 and cdktn 0.24.0. The test fails when tokens stop carrying a stack outside the window
 * (then this is no longer needed) or still carry one inside it (then it no longer works).
 */
export function quietTokenStacks(): () => void {
  if (process.env.ADLS_BACKUP_TOKEN_STACKS === '1') return () => undefined;
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = emptyStack;
  return () => {
    Error.prepareStackTrace = previous;
  };
}

// cdktf captures into a plain object and drops the first line, so its stacks come back empty; an error keeps its message.
function emptyStack(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : '';
}

/**
 * A stack override (`stack.addOverride(path, value)`) as it stands, or undefined.
 *
 * The library pins the azurerm and Terraform versions with overrides and must keep a pin the user set the same way
 * (`~> 4.79`), which is only in the field cdktf keeps overrides in, `rawOverrides`: its types do not declare it,
 * and no public method reads an override back (`toTerraform()` would, at the cost of rendering the whole stack for
 * every resource). Checked on cdktf 0.21.0 and cdktn 0.24.0; the test fails when an override no longer shows here.
 */
export function stackOverride(stack: TerraformStack, path: readonly string[]): unknown {
  let node: unknown = (stack as unknown as { rawOverrides?: unknown }).rawOverrides;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
