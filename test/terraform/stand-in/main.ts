// The stand-in provider's process, as Terraform starts it from the filesystem mirror: `node main.js <provider>
// <version>` (the mirror's launcher script passes both). It speaks go-plugin's handshake and serves the provider
// over gRPC on loopback, with mutual TLS when Terraform asks for it (AutoMTLS: Terraform's certificate is in
// PLUGIN_CLIENT_CERT; ours, made once per test run, lies beside this file).
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { StandInProvider } from './provider';
import { providerSchema, SERVED_VERSIONS } from './schema';
import type { ProviderName } from './schema';

// go-plugin's handshake: Terraform sets this cookie; a binary started any other way should say what it is.
const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const CORE_PROTOCOL = 1;
const PROVIDER_PROTOCOL = 6;

function load(file: string): grpc.GrpcObject {
  const definition = protoLoader.loadSync(join(__dirname, 'protocol', file), {
    keepCase: true,
    longs: Number,
    enums: Number,
    defaults: true,
    oneofs: false,
  });
  return grpc.loadPackageDefinition(definition);
}

type Handler = (request: never) => object;

/** A unary gRPC handler that turns a thrown error into a gRPC error, logged to stderr for Terraform's log. */
function unary(handler: Handler): grpc.handleUnaryCall<unknown, object> {
  return (call, callback) => {
    try {
      callback(null, handler(call.request as never));
    } catch (error) {
      process.stderr.write(`stand-in: ${(error as Error).stack ?? String(error)}\n`);
      callback({ code: grpc.status.INTERNAL, details: (error as Error).message });
    }
  };
}

function credentials(): { creds: grpc.ServerCredentials; certificate: string } {
  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  const certFile = join(__dirname, 'tls', 'cert.pem');
  if (!clientCert) return { creds: grpc.ServerCredentials.createInsecure(), certificate: '' };
  if (!existsSync(certFile)) {
    throw new Error(`Terraform asks for TLS (AutoMTLS) and the stand-in has no certificate at ${certFile}`);
  }
  const cert = readFileSync(certFile);
  const key = readFileSync(join(__dirname, 'tls', 'key.pem'));
  // The handshake carries the certificate as base64 DER without padding, which Terraform adds to its trust.
  const der = Buffer.from(
    cert
      .toString('utf8')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  );
  return {
    creds: grpc.ServerCredentials.createSsl(Buffer.from(clientCert), [{ cert_chain: cert, private_key: key }], true),
    certificate: der.toString('base64').replace(/=+$/, ''),
  };
}

function main(): void {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write("This is the test suite's stand-in Terraform provider: Terraform starts it from a filesystem mirror.\n");
    process.exit(1);
  }
  const [name, version] = process.argv.slice(2) as [ProviderName, string];
  if (!(name in SERVED_VERSIONS)) throw new Error(`unknown provider ${name}`);
  const provider = new StandInProvider(name, version, providerSchema(name, version));

  const tfplugin6 = load('tfplugin6.proto').tfplugin6 as grpc.GrpcObject;
  const plugin = load('go-plugin.proto').plugin as grpc.GrpcObject;
  const health = ((load('health.proto').grpc as grpc.GrpcObject).health as grpc.GrpcObject).v1 as grpc.GrpcObject;
  const server = new grpc.Server();

  const p = provider;
  server.addService((tfplugin6.Provider as grpc.ServiceClientConstructor).service, {
    GetMetadata: unary(() => p.getMetadata()),
    GetProviderSchema: unary(() => p.getProviderSchema()),
    ValidateProviderConfig: unary((r: never) => p.validateProviderConfig(r)),
    ValidateResourceConfig: unary((r: never) => p.validateResourceConfig(r)),
    ValidateDataResourceConfig: unary((r: never) => p.validateDataResourceConfig(r)),
    UpgradeResourceState: unary((r: never) => p.upgradeResourceState(r)),
    ConfigureProvider: unary((r: never) => p.configureProvider(r)),
    ReadResource: unary((r: never) => p.readResource(r)),
    PlanResourceChange: unary((r: never) => p.planResourceChange(r)),
    ApplyResourceChange: unary((r: never) => p.applyResourceChange(r)),
    ImportResourceState: unary((r: never) => p.importResourceState(r)),
    ReadDataSource: unary((r: never) => p.readDataSource(r)),
    StopProvider: unary(() => ({ Error: '' })),
  });
  server.addService((health.Health as grpc.ServiceClientConstructor).service, {
    Check: unary(() => ({ status: 1 })), // SERVING
  });
  const streams: grpc.ServerWritableStream<unknown, unknown>[] = [];
  server.addService((plugin.GRPCStdio as grpc.ServiceClientConstructor).service, {
    // Kept open and silent: the stand-in writes its own diagnostics to stderr, which go-plugin logs.
    StreamStdio: (stream: grpc.ServerWritableStream<unknown, unknown>) => streams.push(stream),
  });
  server.addService((plugin.GRPCController as grpc.ServiceClientConstructor).service, {
    Shutdown: unary(() => {
      setImmediate(() => {
        for (const s of streams) s.end();
        server.forceShutdown();
        process.exit(0);
      });
      return {};
    }),
  });

  const { creds, certificate } = credentials();
  server.bindAsync('127.0.0.1:0', creds, (error, port) => {
    if (error) throw error;
    process.stdout.write(`${CORE_PROTOCOL}|${PROVIDER_PROTOCOL}|tcp|127.0.0.1:${port}|grpc|${certificate}\n`);
  });
}

main();
