// Session keys that need no session table: the user and an expiry, signed with HMAC-SHA256 under
// a secret kept in the store. Any process holding the store can check them, and they survive a
// restart: the search role keeps no login state of its own.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_SECRET_SETTING = 'auth.session-secret';

/** Splunk's default session timeout is one hour of inactivity; a key here lives 8 hours. */
export const SESSION_SECONDS = 8 * 3600;

export function newSessionSecret(): string {
  return randomBytes(32).toString('base64');
}

export class SessionKeys {
  private readonly secret: Buffer;
  private readonly now: () => number;

  constructor(secret: string, now: () => number = () => Date.now() / 1000) {
    this.secret = Buffer.from(secret, 'base64');
    this.now = now;
  }

  issue(user: string, seconds = SESSION_SECONDS): string {
    const payload = Buffer.from(
      JSON.stringify({
        u: user,
        e: Math.floor(this.now() + seconds),
        n: randomBytes(6).toString('base64'),
      }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The user of a valid, unexpired key. */
  verify(key: string): string | undefined {
    const dot = key.indexOf('.');
    if (dot <= 0 || key.length > 1024) return undefined;
    const payload = key.slice(0, dot);
    const given = Buffer.from(key.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        u?: unknown;
        e?: unknown;
      };
      if (typeof claims.u !== 'string' || typeof claims.e !== 'number') return undefined;
      return claims.e > this.now() ? claims.u : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
