/**
 * cdktf records, for every token it creates, the full JavaScript stack it was created from (a debugging aid shown
 * when a token fails to resolve). Formatting those stacks is most of the cost of building a large fleet, and
 * keeping them most of its memory. Between `quietTokenStacks()` and the `restore()` it returns, the stacks cdktf
 * asks for come back empty: the library wraps its own constructors in it, so the tokens it creates carry none.
 * Errors keep their stacks: V8 formats an error's stack when it is first read, after `restore()`.
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

function emptyStack(): string {
  return '';
}
