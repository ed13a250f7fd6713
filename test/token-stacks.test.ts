// The window in which cdktf's token creation stacks come back empty (see lib/private/host-internals.ts).
import { Tokenization } from 'cdktf';
import { BackupSchedule, BackupVault, DataLakeBackup, DataLakeBackupPolicy, DataLakeStorageAccount, Duration } from '../lib';
import { quietTokenStacks } from '../lib/private/host-internals';
import { newStack, storageAccountId } from './helpers';

function captured(): string {
  const target = { stack: '' };
  Error.captureStackTrace(target);
  return target.stack;
}

test('inside the window a captured stack is empty and an error read at once keeps its first line; after it, all is back', () => {
  const before = Error.prepareStackTrace;
  const restore = quietTokenStacks();
  let insideError: Error;
  let insideStack: string;
  try {
    expect(captured()).toBe('');
    insideError = new RangeError('out of range');
    insideStack = insideError.stack!;
  } finally {
    restore();
  }
  expect(insideStack).toBe('RangeError: out of range');
  expect(Error.prepareStackTrace).toBe(before);
  expect(new Error('after').stack).toMatch(/^Error: after\n\s+at /);
});

test('an error created inside the window but read after it keeps its whole stack', () => {
  const restore = quietTokenStacks();
  let error: Error;
  try {
    error = new Error('late read');
  } finally {
    restore();
  }
  expect(error.stack).toMatch(/^Error: late read\n\s+at /);
});

test('ADLS_BACKUP_TOKEN_STACKS=1 keeps the stacks', () => {
  process.env.ADLS_BACKUP_TOKEN_STACKS = '1';
  try {
    const restore = quietTokenStacks();
    try {
      expect(captured()).toMatch(/\n\s+at /);
    } finally {
      restore();
    }
  } finally {
    delete process.env.ADLS_BACKUP_TOKEN_STACKS;
  }
});

test('tokens a DataLakeBackup creates while building its resources carry no creation stack; later ones do', () => {
  const { stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-test', resourceGroupName: 'rg-backup', location: 'West Europe' });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  const backup = new DataLakeBackup(stack, 'Lake', {
    vault,
    policy,
    storageAccount: DataLakeStorageAccount.fromAttributes({
      storageAccountId: storageAccountId('lake01'),
      location: 'West Europe',
    }),
    containers: ['raw'],
  });
  const creationStack = (token: string) => (Tokenization.reverseString(token).firstToken as any).creationStack as string[];
  expect(creationStack(backup.propagationWait!.triggersInput!.role_assignment_id)).toEqual([]); // made in the constructor
  expect(creationStack(backup.roleAssignment!.id).length).toBeGreaterThan(0); // made here, after it
});
