// `review` reads only regular files inside the directory it reviews (and inside --base): a manifest from a pull
// request must not make it read, or quote, files elsewhere on the machine. Each case checks the exit code, the
// message (manifest, stack, path, rule) and that the outside file's text appears nowhere in what was printed.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { cli, CliRun } from './support/cli';
import { synthExamples } from './support/example-output';

// What the outside files hold: none of it may reach stdout or stderr.
const SECRET = 'OUTSIDE-SECRET-7f3a9c';
const OUTSIDE_JSON = JSON.stringify({ resource: { azurerm_resource_group: { Leak: { name: SECRET } } } });
const RULE = 'the review reads only regular files inside the directory it reviews';

let tmp: string;
let examples: string;
let outsideDir: string;
let outsideJson: string;
let outsideText: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-out-dir-'));
  examples = path.join(tmp, 'examples');
  synthExamples(examples);
  // Files beside the reviewed directories, as /etc/passwd or a home directory would be.
  outsideDir = path.join(tmp, 'outside');
  fs.mkdirSync(path.join(outsideDir, 'complete'), { recursive: true });
  outsideJson = path.join(outsideDir, 'outside.json');
  fs.writeFileSync(outsideJson, OUTSIDE_JSON);
  fs.writeFileSync(path.join(outsideDir, 'complete', 'cdk.tf.json'), OUTSIDE_JSON);
  outsideText = path.join(outsideDir, 'passwd');
  fs.writeFileSync(outsideText, `root:x:0:0:${SECRET}:/root:/bin/bash\n`);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the examples' output; `edit` changes it in place. */
function copy(edit: (dir: string) => void): string {
  const dir = path.join(tmp, `copy-${++copies}`);
  fs.cpSync(examples, dir, { recursive: true });
  edit(dir);
  return dir;
}

/** Sets stack `stack`'s synthesizedStackPath in `<dir>/manifest.json`. */
function pointStack(dir: string, stack: string, file: string): void {
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.stacks[stack].synthesizedStackPath = file;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

/** `review` exits 2 with `message` (whole, after the program name), and no outside text in its output. */
function refused(run: CliRun, message: string): void {
  expect(run).toEqual({ code: EXIT_INVALID_INPUT, stdout: '', stderr: `adls-backup: ${message}\n` });
  expectNoLeak(run);
}

function expectNoLeak(run: CliRun): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('root:x');
  }
}

describe('manifest paths that leave the directory are refused', () => {
  test('the untouched examples are read', () => {
    const run = cli(['review', copy(() => undefined)]);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stderr).toBe('');
  });

  test('"../" up to a JSON file beside the directory: refused, not read into the report', () => {
    const dir = copy((d) => pointStack(d, 'complete', path.relative(d, outsideJson)));
    expect(path.relative(dir, outsideJson)).toBe('../outside/outside.json');
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "../outside/outside.json", which is refused: ` +
        `it leaves ${dir} through ".."; ${RULE}`,
    );
    refused(
      cli(['review', dir, '--format', 'json']),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "../outside/outside.json", which is refused: ` +
        `it leaves ${dir} through ".."; ${RULE}`,
    );
  });

  test('"../../../../etc/passwd"-style: refused, the first bytes of the file are not echoed', () => {
    const up = '../'.repeat(12);
    const file = `${up}${outsideText.replace(/^\//, '')}`;
    const dir = copy((d) => pointStack(d, 'quickstart', file));
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "quickstart" at synthesizedStackPath ${JSON.stringify(file)}, which is refused: ` +
        `it leaves ${dir} through ".."; ${RULE}`,
    );
  });

  test('a ".." that comes back inside is refused too: through a link, ".." is not where it seems', () => {
    const dir = copy((d) => pointStack(d, 'complete', 'stacks/../stacks/complete/cdk.tf.json'));
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/../stacks/complete/cdk.tf.json", which is refused: ` +
        `it has a ".." component (cdktf writes stacks/<stack>/cdk.tf.json; through a symbolic link, ".." is not where it seems); ${RULE}`,
    );
  });

  test('an absolute path: refused, even to a file inside', () => {
    const outside = copy((d) => pointStack(d, 'complete', outsideText));
    refused(
      cli(['review', outside]),
      `${path.join(outside, 'manifest.json')} lists stack "complete" at synthesizedStackPath ${JSON.stringify(outsideText)}, which is refused: ` +
        `it is an absolute path, not one relative to ${outside}; ${RULE}`,
    );
    let inside = '';
    const dir = copy((d) => {
      inside = path.join(fs.realpathSync(d), 'stacks', 'complete', 'cdk.tf.json');
      pointStack(d, 'complete', inside);
    });
    expect(cli(['review', dir]).stderr).toContain(
      `synthesizedStackPath ${JSON.stringify(inside)}, which is refused: it is an absolute path`,
    );
  });

  test('a NUL in the path is refused as input, not a crash', () => {
    const dir = copy((d) => pointStack(d, 'complete', 'stacks/complete/cdk.tf.json\u0000.txt'));
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/complete/cdk.tf.json\\u0000.txt", which is refused: ` +
        `it holds a NUL character; ${RULE}`,
    );
  });

  test('the same rules hold for --base', () => {
    const base = copy((d) => pointStack(d, 'complete', '../outside/outside.json'));
    refused(
      cli(['review', examples, '--base', base]),
      `${path.join(base, 'manifest.json')} lists stack "complete" at synthesizedStackPath "../outside/outside.json", which is refused: ` +
        `it leaves ${base} through ".."; ${RULE}`,
    );
  });
});

describe('symbolic links', () => {
  test('a stack file that is a link to a file outside: refused', () => {
    const dir = copy((d) => {
      const file = path.join(d, 'stacks', 'complete', 'cdk.tf.json');
      fs.rmSync(file);
      fs.symlinkSync(outsideJson, file);
    });
    const shown = path.join(dir, 'stacks', 'complete', 'cdk.tf.json');
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/complete/cdk.tf.json", which is refused: ` +
        `${shown} is a symbolic link that leads out of ${dir}; ${RULE}`,
    );
  });

  test('a relative link out, and a link to a text file out: refused, never quoted', () => {
    const dir = copy((d) => {
      const file = path.join(d, 'stacks', 'quickstart', 'cdk.tf.json');
      fs.rmSync(file);
      fs.symlinkSync(path.relative(path.dirname(file), outsideText), file);
    });
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "quickstart" at synthesizedStackPath "stacks/quickstart/cdk.tf.json", which is refused: ` +
        `${path.join(dir, 'stacks', 'quickstart', 'cdk.tf.json')} is a symbolic link that leads out of ${dir}; ${RULE}`,
    );
  });

  test('a stacks/ directory that is a link to a directory outside: refused at the link', () => {
    const dir = copy((d) => {
      fs.rmSync(path.join(d, 'stacks'), { recursive: true });
      fs.symlinkSync(outsideDir, path.join(d, 'stacks'));
    });
    // The first stack in name order is the one refused; outside/complete/cdk.tf.json exists and is not read.
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/complete/cdk.tf.json", which is refused: ` +
        `${path.join(dir, 'stacks')} is a symbolic link that leads out of ${dir}; ${RULE}`,
    );
  });

  test('a link to nothing outside is refused as leading out, without telling whether the target exists', () => {
    const dir = copy((d) => {
      const file = path.join(d, 'stacks', 'complete', 'cdk.tf.json');
      fs.rmSync(file);
      fs.symlinkSync(path.join(outsideDir, 'missing.json'), file);
    });
    expect(cli(['review', dir]).stderr).toContain(
      `${path.join(dir, 'stacks', 'complete', 'cdk.tf.json')} is a symbolic link that leads out of ${dir}`,
    );
  });

  test('a manifest.json that is a link out: refused', () => {
    const dir = copy((d) => {
      fs.rmSync(path.join(d, 'manifest.json'));
      fs.symlinkSync(outsideText, path.join(d, 'manifest.json'));
    });
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} is refused: ${path.join(dir, 'manifest.json')} is a symbolic link that leads out of ${dir}; ${RULE}`,
    );
  });

  test('links that stay inside are followed; a directory given through a link is its target', () => {
    const dir = copy((d) => {
      // stacks/complete -> stacks/complete-real, and the stack file a link to a file beside it.
      fs.renameSync(path.join(d, 'stacks', 'complete'), path.join(d, 'stacks', 'complete-real'));
      fs.symlinkSync('complete-real', path.join(d, 'stacks', 'complete'));
      const file = path.join(d, 'stacks', 'complete-real', 'cdk.tf.json');
      fs.renameSync(file, path.join(d, 'stacks', 'complete-real', 'stack.json'));
      fs.symlinkSync('stack.json', file);
    });
    const linked = path.join(tmp, 'linked-dir');
    fs.symlinkSync(dir, linked);
    const direct = cli(['review', dir]);
    expect(direct.code).toBe(EXIT_OK);
    expect(direct.stdout).toBe(cli(['review', examples]).stdout);
    expect(cli(['review', linked])).toEqual(direct);
  });
});

describe('what is not a regular file is refused', () => {
  test('a directory', () => {
    const dir = copy((d) => pointStack(d, 'complete', 'stacks/complete'));
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/complete", which is refused: ` +
        `${path.join(dir, 'stacks', 'complete')} is a directory, not a regular file; ${RULE}`,
    );
    const itself = copy((d) => pointStack(d, 'complete', '.'));
    expect(cli(['review', itself]).stderr).toContain(`${itself} is a directory, not a regular file`);
  });

  const fifo = process.platform === 'win32' ? test.skip : test;
  fifo('a FIFO: refused at once, not read (the read would wait for a writer)', () => {
    const dir = copy((d) => {
      const file = path.join(d, 'stacks', 'complete', 'cdk.tf.json');
      fs.rmSync(file);
      execFileSync('mkfifo', [file]);
    });
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'manifest.json')} lists stack "complete" at synthesizedStackPath "stacks/complete/cdk.tf.json", which is refused: ` +
        `${path.join(dir, 'stacks', 'complete', 'cdk.tf.json')} is a FIFO (named pipe), not a regular file; ${RULE}`,
    );
  });
});

describe('a file that is not JSON is never quoted', () => {
  test('a stack file of text: the message says where it breaks, not what it holds', () => {
    const dir = copy((d) => fs.copyFileSync(outsideText, path.join(d, 'stacks', 'complete', 'cdk.tf.json')));
    const file = path.join(dir, 'stacks', 'complete', 'cdk.tf.json');
    refused(
      cli(['review', dir]),
      `${file} is not valid JSON (stack "complete"): it holds an unexpected token (the text is not shown)`,
    );
  });

  test('JSON that breaks after its start: line and column', () => {
    const dir = copy((d) =>
      fs.writeFileSync(path.join(d, 'stacks', 'complete', 'cdk.tf.json'), `{\n  "resource": {\n    "${SECRET}" 42\n}`),
    );
    refused(
      cli(['review', dir]),
      `${path.join(dir, 'stacks', 'complete', 'cdk.tf.json')} is not valid JSON (stack "complete"): it breaks at line 3, column ${
        SECRET.length + 8
      }`,
    );
  });

  test('JSON cut short, and a manifest that is not JSON', () => {
    const short = copy((d) => fs.writeFileSync(path.join(d, 'stacks', 'complete', 'cdk.tf.json'), `{ "${SECRET}": `));
    refused(
      cli(['review', short]),
      `${path.join(short, 'stacks', 'complete', 'cdk.tf.json')} is not valid JSON (stack "complete"): it ends before the JSON value does`,
    );
    const manifest = copy((d) => fs.copyFileSync(outsideText, path.join(d, 'manifest.json')));
    refused(
      cli(['review', manifest]),
      `${path.join(manifest, 'manifest.json')} is not valid JSON (manifest): it holds an unexpected token (the text is not shown)`,
    );
  });
});
