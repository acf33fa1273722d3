// Writing JSON replies, and the request's URL split into a path and its query parameters.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

export interface RequestUrl {
  /** Decoded path without trailing slashes (`/` stays). */
  readonly path: string;
  readonly query: URLSearchParams;
}

export function requestUrl(request: IncomingMessage): RequestUrl {
  const url = new URL(request.url ?? '/', 'http://local');
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape stays as sent; no route matches it
  }
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query: url.searchParams };
}

/** The client's address, for rate limits and logs. */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
