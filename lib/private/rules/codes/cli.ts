import { CodeEntry } from './entry';

// The command line itself, the output directory synth writes and the directory review reads.
export const CLI_CODES = {
  'ADLSBK-CLI-USAGE': {
    title: 'A command, option or argument the command line does not take',
    why: 'The usage is printed with the problem.',
    example: {
      kind: 'cli',
      wrong: 'adls-backup validate --config backup.yaml --format yml',
      right: 'adls-backup validate --config backup.yaml --format json',
    },
  },
  'ADLSBK-OUT-DIR': {
    title: 'An --out directory synth will not write',
    why: 'synth never writes, deletes or follows a link outside --out, and never replaces what it did not write there.',
    example: {
      kind: 'cli',
      given: "notes/, a folder of the user's own with notes.txt in it",
      wrong: 'adls-backup synth --config backup.yaml --out notes',
      right: 'adls-backup synth --config backup.yaml --out cdktf.out',
    },
  },
  'ADLSBK-OUT-LOCKED': {
    title: 'Another synth is writing the same --out',
    why: 'Two runs writing one directory would mix their outputs: the second waits for the first.',
    example: {
      kind: 'cli',
      given: 'cdktf.out/.adls-backup/lock, held by a running synth',
      wrong: 'adls-backup synth --config backup.yaml --out cdktf.out',
      right: 'adls-backup synth --config backup.yaml --out cdktf.other',
    },
  },
  'ADLSBK-REVIEW-INPUT': {
    title: 'A directory review cannot read as a synthesized output',
    why: 'review reads manifest.json and the stack files it lists, and nothing outside the directory.',
    example: {
      kind: 'cli',
      wrong: 'adls-backup review missing.out',
      right: 'adls-backup review cdktf.out',
      given: 'cdktf.out, written by adls-backup synth --config backup.yaml --out cdktf.out',
    },
  },
} as const satisfies Record<string, CodeEntry>;
