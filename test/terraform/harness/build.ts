// Builds the stand-in provider for one test run: its TypeScript transpiled to JavaScript (no type-check: that is
// `npm run typecheck`), its protocol files and the schemas it serves beside it, and a TLS certificate for
// Terraform's AutoMTLS. The result is a folder the filesystem mirrors' launchers point at.
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';

export const REPO = join(__dirname, '..', '..', '..');
const SOURCES = [join(REPO, 'test', 'terraform', 'stand-in'), join(REPO, 'codegen', 'terraform-schema.ts')];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

function transpile(file: string, out: string): void {
  const output = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  }).outputText;
  const target = join(out, relative(REPO, file)).replace(/\.ts$/, '.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, output);
}

function copy(file: string, out: string): void {
  const target = join(out, relative(REPO, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

/**
 * A self-signed certificate for localhost, as go-plugin makes its own (CA, server and client use), or false where
 * openssl is missing: Terraform then runs with TF_DISABLE_PLUGIN_TLS=1 (workspace.ts), plain gRPC on loopback.
 */
function makeCertificate(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/O=stand-in/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign',
        '-addext',
        'extendedKeyUsage=serverAuth,clientAuth',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch (error) {
    process.stderr.write(
      `stand-in: no TLS certificate (${(error as Error).message.split('\n')[0]}); Terraform runs it without TLS\n`,
    );
    return false;
  }
}

/** Builds the stand-in into `out`: the path of its entry point, and whether it has a TLS certificate. */
export function buildStandIn(out: string): { entry: string; tls: boolean } {
  for (const file of SOURCES.flatMap(filesUnder)) {
    if (file.endsWith('.ts')) transpile(file, out);
    else if (file.endsWith('.proto') || file.endsWith('.json')) copy(file, out);
  }
  for (const schema of filesUnder(join(REPO, 'codegen', 'schema'))) copy(schema, out);
  const standIn = join(out, 'test', 'terraform', 'stand-in');
  const tls = makeCertificate(join(standIn, 'tls'));
  return { entry: join(standIn, 'main.js'), tls };
}
