// The browser's session: the REST session key in an HttpOnly, SameSite=Strict cookie (scripts
// never see it), and a CSRF token derived from it that every changing request must echo in a
// header. The token is an HMAC of the key under the session secret, so no process keeps a table
// of them; a request from another origin can send the cookie but can neither read nor forge the token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_SECONDS, type SessionKeys } from '../security/sessions.ts';

export const SESSION_COOKIE = 'spelunk_session';
export const CSRF_HEADER = 'x-csrf-token';

export function sessionCookie(key: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The session key the request's cookie holds, if any. */
export function sessionKeyOf(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' || value.length > 1024 ? undefined : value;
    }
  }
  return undefined;
}

export function csrfToken(sessions: SessionKeys, key: string): string {
  return sessions.derive('csrf', key);
}

export function csrfValid(sessions: SessionKeys, key: string, request: IncomingMessage): boolean {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfToken(sessions, key));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A changing request must come from the UI's own origin: browsers send `Origin` on every POST,
 * and `Sec-Fetch-Site` tells a cross-site request apart even where `Origin` is missing. A request
 * with neither is not from a browser (curl), so no cookie of a victim rides on it.
 */
export function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
