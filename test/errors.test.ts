/**
 * The error family (lib/errors.ts): each class's name, and the message built from its problems, as a program or a
 * log shows them.
 */
import { AdlsBackupError, BackupConfigError, InputError, Problem } from '../lib';

const problem = (path: string): Problem => ({
  code: 'ADLSBK-TYPE',
  path,
  rule: 'must be a string',
  value: '42',
  message: `\`${path}\` must be a string, got: 42`,
});

test('each class names itself, as a stack trace or `String(e)` shows it', () => {
  expect(new AdlsBackupError([problem('a')], 'text').name).toBe('AdlsBackupError');
  expect(new BackupConfigError([problem('a')]).name).toBe('BackupConfigError');
  expect(new InputError([problem('a')]).name).toBe('InputError');
  expect(String(new InputError([problem('a')]))).toBe('InputError: `a` must be a string, got: 42');
});

test('a BackupConfigError says where, then its one problem or the count and a list', () => {
  expect(new BackupConfigError([problem('a')], "BackupVault 'Vault'").message).toBe(
    "BackupVault 'Vault': `a` must be a string, got: 42",
  );
  expect(new BackupConfigError([problem('a')]).message).toBe('`a` must be a string, got: 42');
  expect(new BackupConfigError([problem('a'), problem('b')], 'Duration.days(amount)').message).toBe(
    'Duration.days(amount): 2 problems:\n  - `a` must be a string, got: 42\n  - `b` must be a string, got: 42',
  );
});

test("an InputError's message is its problems' messages, one per line, unless it is given one", () => {
  expect(new InputError([problem('a'), problem('b')]).message).toBe(
    '`a` must be a string, got: 42\n`b` must be a string, got: 42',
  );
  expect(new InputError([problem('a')], 'usage: adls-backup ...').message).toBe('usage: adls-backup ...');
});
