// The web UI's listener (127.0.0.1:8000 by default): the built single-page app, and its API.
// `/api/ui/*` are the UI's own calls (login, session, editor help, the Data page);
// `/api/services/*` is Splunk's REST API itself (search jobs, indexes, and every REST route the
// server has), reached with the session cookie instead of an Authorization header. Every request
// but login needs the cookie; every changing request the CSRF token and the UI's own origin.
// Every response carries a strict Content-Security-Policy: scripts and styles from this origin only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttackCatalog } from '../../detection/index.ts';
import type { Workspace } from '../../engine/index.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import { clientAddress, requestUrl, sendJson } from '../http/reply.ts';
import type { RestAuth } from '../rest/rest-auth.ts';
import { RestError, sendRestError } from '../rest/rest-errors.ts';
import type { SessionKeys } from '../security/sessions.ts';
import type { EventStore } from '../store/event-store.ts';
import type { IngestRate } from './ingest-rate.ts';
import type { UiAsset } from './ui-assets.ts';
import { contentOverview } from './ui-content.ts';
import { dataOverview } from './ui-data.ts';
import { editorVocabulary, parseForEditor } from './ui-search-help.ts';
import {
  clearedSessionCookie,
  csrfToken,
  csrfValid,
  sameOrigin,
  sessionCookie,
  sessionKeyOf,
} from './ui-session.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface UiDeps {
  readonly assets: ReadonlyMap<string, UiAsset>;
  readonly auth: RestAuth;
  readonly sessions: SessionKeys;
  /** The REST API's handler, which `/api/services/*` is passed to. */
  readonly rest: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  readonly store: EventStore;
  /** The content and search library now (live detection reloads it when its files change). */
  readonly workspace: () => Workspace;
  /** A full ATT&CK catalogue the user gave (`serve --attack`), if any. */
  readonly attack?: AttackCatalog;
  readonly rate: IngestRate;
  /** Cookies get `Secure` when the UI is served over TLS. */
  readonly secure: boolean;
  readonly maxBodyBytes: number;
  readonly log: (line: string) => void;
}

type UiCall = (body: () => Promise<unknown>, user: string, key: string) => Promise<unknown>;

export function createUiHandler(deps: UiDeps) {
  const api: Readonly<Record<string, { method: string; call: UiCall }>> = {
    session: {
      method: 'GET',
      call: async (_body, user, key) => ({ user, csrf: csrfToken(deps.sessions, key) }),
    },
    parse: {
      method: 'POST',
      call: async (body) => {
        const json = await body();
        return parseForEditor(deps.workspace(), {
          spl: textMember(json, 'spl'),
          earliest: optionalText(json, 'earliest'),
          latest: optionalText(json, 'latest'),
          now: Date.now() / 1000,
        });
      },
    },
    vocabulary: { method: 'GET', call: async () => editorVocabulary(deps.workspace()) },
    data: { method: 'GET', call: () => dataOverview(deps.store, deps.workspace(), deps.rate) },
    content: { method: 'GET', call: async () => contentOverview(deps.workspace(), deps.attack) },
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = requestUrl(request);
    const method = request.method ?? 'GET';
    try {
      if (!url.path.startsWith('/api/')) {
        serveAsset(request, response, url.path, deps.assets);
        return;
      }
      response.setHeader('Cache-Control', 'no-store');
      const changing = method !== 'GET' && method !== 'HEAD';
      if (changing && !sameOrigin(request)) {
        throw new RestError(403, 'cross-origin request refused');
      }
      if (url.path === '/api/ui/login') {
        if (method !== 'POST') throw new RestError(405, 'use POST to log in');
        const body = await jsonBody(request, deps.maxBodyBytes);
        const key = await deps.auth.login(
          textMember(body, 'username'),
          textMember(body, 'password'),
          clientAddress(request),
        );
        const user = textMember(body, 'username');
        sendJson(
          response,
          200,
          { user, csrf: csrfToken(deps.sessions, key) },
          { 'Set-Cookie': sessionCookie(key, deps.secure) },
        );
        return;
      }
      // The cookie is the only credential here: an Authorization header is not taken.
      delete request.headers.authorization;
      const key = sessionKeyOf(request);
      if (key === undefined) throw new RestError(401, 'not logged in', { type: 'WARN' });
      request.headers.authorization = `Splunk ${key}`;
      const user = await deps.auth.authenticate(request, clientAddress(request));
      if (changing && !csrfValid(deps.sessions, key, request)) {
        throw new RestError(403, 'missing or wrong CSRF token (X-CSRF-Token)');
      }
      if (url.path === '/api/ui/logout') {
        request.resume();
        sendJson(response, 200, {}, { 'Set-Cookie': clearedSessionCookie(deps.secure) });
        return;
      }
      if (url.path.startsWith('/api/services/') || url.path.startsWith('/api/servicesNS/')) {
        request.url = (request.url ?? '').slice('/api'.length);
        await deps.rest(request, response);
        return;
      }
      const route = url.path.startsWith('/api/ui/')
        ? api[url.path.slice('/api/ui/'.length)]
        : undefined;
      if (route === undefined) throw new RestError(404, `Not Found: ${url.path.slice(0, 200)}`);
      if (route.method !== method) throw new RestError(405, `use ${route.method}`);
      if (method === 'GET') request.resume();
      const answer = await route.call(() => jsonBody(request, deps.maxBodyBytes), user, key);
      sendJson(response, 200, answer);
    } catch (error) {
      if (error instanceof RestError) {
        request.resume();
        sendRestError(response, error);
        return;
      }
      deps.log(
        `UI internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendRestError(response, new RestError(500, 'internal error (see the server log)'));
    }
  };
}

function serveAsset(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  assets: ReadonlyMap<string, UiAsset>,
): void {
  request.resume();
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') throw new RestError(405, 'use GET');
  // The app routes in the URL's hash; every other page path is the app itself.
  const asset =
    assets.get(path) ?? (path.startsWith('/assets/') ? undefined : assets.get('/index.html'));
  if (asset === undefined) throw new RestError(404, `Not Found: ${path.slice(0, 200)}`);
  if (request.headers['if-none-match'] === asset.etag) {
    response.writeHead(304, { ETag: asset.etag });
    response.end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': String(asset.body.length),
    ETag: asset.etag,
    'Cache-Control': 'no-cache',
  });
  response.end(method === 'HEAD' ? undefined : asset.body);
}

async function jsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  // A JSON content type cannot be sent cross-site without a CORS preflight, which is never granted.
  if (!/^application\/json\b/i.test(type)) {
    request.resume();
    throw new RestError(415, 'send the body as application/json');
  }
  let body: Buffer;
  try {
    body = await readBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new RestError(413, error.message);
    throw error;
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new RestError(400, `the body is not JSON: ${(error as Error).message}`);
  }
}

function textMember(body: unknown, name: string): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string') throw new RestError(400, `"${name}" (text) is required`);
  return value;
}

function optionalText(body: unknown, name: string): string | undefined {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
