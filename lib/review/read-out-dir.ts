import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../cli/input-error';

/** One stack of a synthesized cdktf output directory. */
export interface SynthesizedStack {
  /** The stack's name, as the manifest lists it. */
  readonly name: string;
  /** The stack file, relative to the output directory (`stacks/<name>/cdk.tf.json`). */
  readonly file: string;
  /** The Terraform JSON configuration. */
  readonly json: TerraformJson;
}

/** The parts of a Terraform JSON configuration the review reads. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Args>>;
  readonly data?: Record<string, Record<string, Args>>;
  readonly output?: Record<string, { readonly value?: unknown }>;
  readonly [key: string]: unknown;
}

/** The arguments of one resource or data source, as written in the JSON. */
export type Args = Record<string, unknown>;

/**
 * Loads `<dir>/manifest.json` and every stack it lists, sorted by name. Bad input is an `InputError` that names
 * the path (as the user gave it) and what is wrong, never a stack trace.
 * @param what how the directory is called in messages: `output directory` or `base`
 */
export function readOutDir(dir: string, what: string): SynthesizedStack[] {
  if (!fs.existsSync(dir)) throw new InputError(`${what} ${dir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new InputError(`${what} ${dir} is not a directory`);
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new InputError(
      `${manifestPath} not found: ${dir} is not a synthesized cdktf output directory (run \`cdktf synth\` first)`,
    );
  }
  const manifest = readJson(manifestPath, 'manifest');
  const stacks = isObject(manifest) ? manifest.stacks : undefined;
  if (!isObject(stacks)) throw new InputError(`${manifestPath} has no "stacks" object: it is not a cdktf manifest`);

  return Object.keys(stacks)
    .sort()
    .map((key) => {
      const entry = stacks[key];
      const file = isObject(entry) ? entry.synthesizedStackPath : undefined;
      if (typeof file !== 'string' || file === '') {
        throw new InputError(`${manifestPath}: stack "${key}" has no "synthesizedStackPath"`);
      }
      const stackPath = path.join(dir, file);
      if (!fs.existsSync(stackPath)) throw new InputError(`${stackPath} not found: manifest.json lists it for stack "${key}"`);
      const json = readJson(stackPath, `stack "${key}"`);
      if (!isObject(json)) throw new InputError(`${stackPath} is not a Terraform JSON object (stack "${key}")`);
      const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : key;
      return { name, file, json: json as TerraformJson };
    });
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file} cannot be read (${what}): ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON (${what}): ${(e as Error).message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
