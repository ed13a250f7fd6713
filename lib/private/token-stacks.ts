/**
 * cdktf records, for every token it creates, the full JavaScript stack it was created from (a debugging aid shown
 * when a token fails to resolve). Formatting those stacks is most of the cost of building a large fleet, and
 * keeping them most of its memory. Between `quietTokenStacks()` and the `restore()` it returns, the stacks cdktf
 * asks for come back empty: the library builds its resources in this window, so the tokens it creates carry none.
 * Most errors keep their stacks, since V8 formats an error's stack when it is first read, after `restore()`; one
 * whose stack is read inside the window (Node's AssertionError reads it at once, as do annotations' traces) keeps
 * only its first line, `Name: message`.
 * Set ADLS_BACKUP_TOKEN_STACKS=1 to keep the stacks while debugging a token that does not resolve.
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
