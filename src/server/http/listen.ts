// The two listeners: plain HTTP on loopback, HTTPS elsewhere (or plain with an explicit
// --insecure), with timeouts that keep slow or idle clients from holding connections.
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly cert: string; readonly key: string };
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Whether a listen address reaches only this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Refuses to listen beyond loopback in clear text unless told to. */
export function checkExposure(host: string, tls: boolean, insecure: boolean): string | undefined {
  if (isLoopback(host) || tls || insecure) return undefined;
  return `listening on ${host} (beyond this machine) needs a TLS certificate and key (tls: in the config, or --tls-cert/--tls-key), or --insecure to send passwords and data in clear text`;
}

export async function listen(options: ListenOptions, handler: RequestHandler): Promise<Server> {
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handler(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        { cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) },
        onRequest,
      )
    : createHttpServer(onRequest);
  server.headersTimeout = 30_000;
  server.requestTimeout = 300_000;
  server.keepAliveTimeout = 30_000;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
