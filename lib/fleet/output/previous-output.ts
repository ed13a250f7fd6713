import { readdirSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { fileError } from '../../private/problems';
import { SYNTH_STATE_DIR } from '../../private/out-dir-layout';
import { kindAt, refuseLink, walk } from './tree';

/** The state folder synth keeps inside --out while it runs (lock, staging, journal); gone after a clean run. */
export const STATE_DIR = SYNTH_STATE_DIR;

/** What the previous synthesis in --out holds, as far as synth may touch it. */
export interface PreviousOutput {
  /** Files the previous synth wrote, relative to --out (`manifest.json`, `stacks/<stack>/cdk.tf.json`). */
  readonly owned: ReadonlySet<string>;
  readonly hasStacks: boolean;
}

// The stack file cdktf writes: stacks/<one plain segment>/cdk.tf.json. (Its manifest also names a metadata.json,
// which only HCL output writes: a metadata.json beside a JSON stack is someone else's and is kept.)
const STACK_FILE = /^stacks\/([^/\\]+)\/cdk\.tf\.json$/;

/** Whether `rel` (relative to --out) is a stack file synth writes. */
export function isStackFile(rel: string): boolean {
  const match = STACK_FILE.exec(rel);
  return match !== null && match[1] !== '.' && match[1] !== '..';
}

/**
 * Reads what is in --out and refuses, before anything changes, a directory synth did not make: anything at the
 * top level but `manifest.json`, `stacks/` and its own state folder; a `stacks/` without a manifest that holds
 * files; a manifest whose paths leave `stacks/`; a link where synth reads or writes (`stacks/`, the manifest, a
 * stack's folder or file). Everything else under `stacks/` is someone else's and is never looked into.
 */
export function readPreviousOutput(out: string): PreviousOutput {
  const foreign = readdirSync(out).filter((name) => name !== 'manifest.json' && name !== 'stacks' && name !== STATE_DIR);
  if (foreign.length > 0) {
    throw fileError(
      'ADLSBK-OUT-DIR',
      out,
      `holds ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}, which synth did not write (a previous synthesis holds only manifest.json and stacks/); choose another directory, or move them`,
    );
  }
  const stacksPath = join(out, 'stacks');
  const stacks = kindAt(stacksPath);
  if (stacks === 'link') refuseLink(stacksPath, 'a directory');
  if (stacks !== undefined && stacks !== 'dir') throw fileError('ADLSBK-OUT-DIR', out, `stacks is not a directory`);

  const manifestPath = join(out, 'manifest.json');
  const manifest = kindAt(manifestPath);
  if (manifest === 'link') refuseLink(manifestPath, 'the file');
  if (manifest === undefined) {
    // A stacks/ with nothing but empty folders is what an older version left after a refused spec.
    const file = stacks === 'dir' ? walk(stacksPath).find((e) => e.kind !== 'dir') : undefined;
    if (file) {
      throw fileError(
        'ADLSBK-OUT-DIR',
        out,
        `stacks/ holds ${file.rel} but there is no manifest.json, so it is not a previous synthesis; choose another directory`,
      );
    }
    return { owned: new Set(), hasStacks: stacks === 'dir' };
  }
  if (manifest !== 'file') throw fileError('ADLSBK-OUT-DIR', out, `manifest.json is not a file`);
  const owned = new Set(['manifest.json', ...listedStackFiles(out, manifestPath)]);
  for (const rel of owned) {
    // The folder first: lstat of a path through a linked folder would follow the link.
    const folder = dirname(join(out, rel));
    const folderKind = kindAt(folder);
    if (folder !== out && folderKind === 'link') refuseLink(folder, "a real folder for the stack's files");
    if (folder !== out && folderKind !== undefined && folderKind !== 'dir')
      throw fileError('ADLSBK-OUT-DIR', folder, `synth made a stack's folder here, and it is now a ${folderKind}; move it`);
    const kind = kindAt(join(out, rel));
    if (kind === 'link') refuseLink(join(out, rel), 'the file synth wrote, or delete it');
    if (kind !== undefined && kind !== 'file')
      throw fileError('ADLSBK-OUT-DIR', join(out, rel), `synth wrote a file here, and it is now a ${kind}`);
  }
  return { owned, hasStacks: stacks === 'dir' };
}

function listedStackFiles(out: string, manifestPath: string): string[] {
  const notOurs = (why: string) =>
    fileError(
      'ADLSBK-OUT-DIR',
      out,
      `manifest.json ${why}, so the directory is not a previous synthesis; choose another directory`,
    );
  let manifest: { version?: unknown; stacks?: unknown };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    throw notOurs('is not JSON');
  }
  const stacks = manifest?.stacks;
  if (typeof manifest?.version !== 'string' || typeof stacks !== 'object' || stacks === null || Array.isArray(stacks)) {
    throw notOurs('is not a cdktf manifest (a version and stacks)');
  }
  const files: string[] = [];
  for (const [name, stack] of Object.entries(stacks as Record<string, Record<string, unknown>>)) {
    const path = stack?.synthesizedStackPath;
    if (typeof path !== 'string' || !isStackFile(path)) {
      throw notOurs(
        `lists synthesizedStackPath ${JSON.stringify(path)} for stack ${JSON.stringify(name)}, outside stacks/<stack>/`,
      );
    }
    files.push(path);
  }
  return files;
}
