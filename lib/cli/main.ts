import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { parseArgs, ParseArgsConfig } from 'util';
import { loadFleetSpec, synthFleet, validateFleet, FleetResult, FleetWarning, warningLine } from '../fleet';
import { reviewOutDir, ReviewFormat } from '../review';
import { COMMAND_HELP, USAGE } from './help';
import { AdlsBackupError, InputError, Problem } from '../errors';
import { echoValue } from '../private/echo';
import { problem } from '../private/problems';

/** Where the command writes: the process's streams, or a test's buffers. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Receives the problems of a refused input (exit code 2) as data, for a program that runs the command line in
   * its own process; the text on stderr is the same.
   */
  readonly problems?: (problems: readonly Problem[]) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

/** Runs `adls-backup <argv>` and returns the exit code. Never throws. */
export function run(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (rest[0] !== undefined && !COMMAND_HELP[rest[0]]) throw usageError('help', unknownCommand(), rest[0], USAGE);
      io.stdout(rest[0] ? COMMAND_HELP[rest[0]] : USAGE);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    const handler = COMMANDS[command];
    if (!handler) throw usageError('command', unknownCommand(), command, USAGE);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(COMMAND_HELP[command]);
      return EXIT_OK;
    }
    return handler(rest, io);
  } catch (e) {
    return report(e, io);
  }
}

type Handler = (args: string[], io: CliIo) => number;

const COMMANDS: Record<string, Handler> = {
  synth(args, io) {
    const { values } = parse('synth', args, { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' } });
    const config = required('synth', values.config, '--config');
    const out = (values.out as string | undefined) ?? io.env?.CDKTF_OUTDIR ?? 'cdktf.out';
    const result = synthFleet(loadFleetSpec(config), out);
    printWarnings(result, io);
    io.stdout(
      `${summary(result)}\nWrote ${result.built.stacks.length} stack(s) to ${out}/stacks/: ${result.built.plan.stackNames.join(', ')}\n`,
    );
    return EXIT_OK;
  },
  validate(args, io) {
    // Asked for JSON, every refusal is a JSON document, the arguments' own included: a pipeline reads one format.
    if (asksForJson(args)) return validateAsJson(args, io);
    const config = validateArguments(args);
    const result = validateFleet(loadFleetSpec(config));
    printWarnings(result, io);
    io.stdout(`${config}: valid. ${summary(result)}\n`);
    return EXIT_OK;
  },
  review(args, io) {
    const { values, positionals } = parse(
      'review',
      args,
      { base: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) {
      throw usageError(
        'arguments',
        'must be one synthesized directory',
        `${positionals.length} directories`,
        COMMAND_HELP.review,
        false,
      );
    }
    const format = (values.format as string | undefined) ?? 'md';
    if (format !== 'md' && format !== 'json') throw usageError('--format', 'must be md or json', format, COMMAND_HELP.review);
    const text = reviewOutDir(positionals[0], { base: values.base as string | undefined, format: format as ReviewFormat });
    const output = values.output as string | undefined;
    if (output) {
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, text);
    } else {
      io.stdout(text);
    }
    return EXIT_OK;
  },
};

interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

function parse(command: string, args: string[], options: ParseArgsConfig['options'], allowPositionals = false): Parsed {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw usageError('arguments', (e as Error).message, undefined, COMMAND_HELP[command]);
  }
}

function required(command: string, value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') {
    throw usageError(
      flag,
      `must name a file: ${command} needs ${flag} <file>`,
      value === '' ? '' : undefined,
      COMMAND_HELP[command],
    );
  }
  return value;
}

/** The problems of the spec as JSON on stdout, for a pipeline: `valid`, `problems` (each a `Problem`), `warnings`. */
// `--format json` or `--format=json`, before the arguments are read (a mistake in them is then JSON too).
function asksForJson(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

// Reads validate's arguments: the spec file. A format other than text or json is a usage error.
function validateArguments(args: string[]): string {
  const { values } = parse('validate', args, { config: { type: 'string', short: 'c' }, format: { type: 'string' } });
  const format = String(values.format ?? 'text');
  if (format !== 'text' && format !== 'json') {
    throw usageError('--format', 'must be text or json', format, COMMAND_HELP.validate);
  }
  return required('validate', values.config, '--config');
}

/** The problems of the spec as JSON on stdout, for a pipeline: `valid`, `problems` (each a `Problem`), `warnings`. */
function validateAsJson(args: string[], io: CliIo): number {
  let config: string | undefined;
  try {
    config = validateArguments(args);
    const result = validateFleet(loadFleetSpec(config));
    io.stdout(validateReport(config, [], result.warnings));
    return EXIT_OK;
  } catch (e) {
    if (!AdlsBackupError.isAdlsBackupError(e)) throw e;
    io.problems?.(e.problems);
    io.stdout(validateReport(config ?? null, e.problems, []));
    return EXIT_INVALID_INPUT;
  }
}

/** The version of `validate --format json`'s document; raised when a field changes meaning or goes away. */
const VALIDATE_REPORT_VERSION = 1;

function validateReport(file: string | null, problems: readonly Problem[], warnings: readonly FleetWarning[]): string {
  const report = { schemaVersion: VALIDATE_REPORT_VERSION, file, valid: problems.length === 0, problems, warnings };
  return `${JSON.stringify(report, null, 2)}\n`;
}

// A mistake on the command line: the problem, then the usage of the command.
function usageError(path: string, rule: string, value: string | undefined, help: string, quote = true): InputError {
  const made = problem('ADLSBK-CLI-USAGE', path, rule, value === undefined ? undefined : quote ? echoValue(value) : value);
  return new InputError([made], `${made.message}\n\n${help}`);
}

function unknownCommand(): string {
  return `must be a command of adls-backup: ${Object.keys(COMMANDS).join(', ')}`;
}

function summary({ built }: FleetResult): string {
  const accounts = built.plan.regions.reduce((n, r) => n + r.accounts.length, 0);
  const regions = built.plan.regions.map((r) => `${r.region} (${r.vault.name}, ${r.accounts.length} accounts)`);
  return `${accounts} accounts in ${regions.length} regions, one vault each: ${regions.join(', ')}.`;
}

function printWarnings(result: FleetResult, io: CliIo): void {
  for (const warning of result.warnings) io.stderr(`warning: ${warningLine(warning)}\n`);
}

// Mistakes in the input exit 2 with their message; anything else exits 1, with the trace only on request.
function report(e: unknown, io: CliIo): number {
  if (AdlsBackupError.isAdlsBackupError(e)) {
    io.problems?.(e.problems);
    io.stderr(`adls-backup: ${e.message}\n`);
    return EXIT_INVALID_INPUT;
  }
  const error = e instanceof Error ? e : new Error(String(e));
  io.stderr(`adls-backup: failed: ${error.message}\n`);
  if (io.env?.ADLS_BACKUP_DEBUG) io.stderr(`${error.stack}\n`);
  else io.stderr('(set ADLS_BACKUP_DEBUG=1 to see where)\n');
  return EXIT_FAILURE;
}

// The package root is two levels up from lib/cli in the sources and three from dist/lib/cli: look upwards.
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
