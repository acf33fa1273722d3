// REST authentication: `POST /services/auth/login` gives a session key; every other request
// carries `Authorization: Splunk <key>`, `Bearer <key>` or Basic credentials (curl -u). Failed
// logins are rate-limited per client address, requests per user.
import type { IncomingMessage } from 'node:http';
import type { RateLimiter } from '../http/rate-limiter.ts';
import type { SessionKeys } from '../security/sessions.ts';
import type { UserTable } from '../security/users.ts';
import { RestError } from './rest-errors.ts';

export interface RestAuthLimits {
  readonly loginsPerMinute: number;
  readonly requestsPerSecond: number;
}

const NOT_AUTHENTICATED = () =>
  new RestError(401, 'call not properly authenticated', {
    type: 'WARN',
    headers: { 'WWW-Authenticate': 'Basic realm="/splunk"' },
  });

export class RestAuth {
  private readonly users: UserTable;
  private readonly sessions: SessionKeys;
  private readonly limiter: RateLimiter;
  private readonly limits: RestAuthLimits;

  constructor(
    users: UserTable,
    sessions: SessionKeys,
    limiter: RateLimiter,
    limits: RestAuthLimits,
  ) {
    this.users = users;
    this.sessions = sessions;
    this.limiter = limiter;
    this.limits = limits;
  }

  /** Checks a username and password; returns a new session key. */
  async login(
    username: string | undefined,
    password: string | undefined,
    address: string,
  ): Promise<string> {
    this.checkLoginRate(address);
    if (
      username === undefined ||
      password === undefined ||
      !(await this.users.check(username, password))
    ) {
      this.failedLogin(address);
      throw new RestError(401, 'Login failed', {
        type: 'WARN',
        code: 'incorrect_username_or_password',
      });
    }
    return this.sessions.issue(username);
  }

  /** The user a request is made as; throws 401 when it carries no valid credentials. */
  async authenticate(request: IncomingMessage, address: string): Promise<string> {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
    if (match === null) throw NOT_AUTHENTICATED();
    const scheme = (match[1] as string).toLowerCase();
    const value = match[2] as string;
    let user: string | undefined;
    if (scheme === 'splunk' || scheme === 'bearer') {
      user = this.sessions.verify(value);
      if (user !== undefined && !this.users.has(user)) user = undefined;
    } else if (scheme === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        this.checkLoginRate(address);
        const name = decoded.slice(0, colon);
        if (await this.users.check(name, decoded.slice(colon + 1))) user = name;
        else this.failedLogin(address);
      }
    }
    if (user === undefined) throw NOT_AUTHENTICATED();
    const limit = {
      perSecond: this.limits.requestsPerSecond,
      burst: this.limits.requestsPerSecond * 2,
    };
    if (!this.limiter.take(`rest:${user}`, limit)) {
      throw new RestError(
        429,
        `too many requests from ${user}: at most ${this.limits.requestsPerSecond} per second (limits.restRequestsPerSecond)`,
        {
          headers: { 'Retry-After': '1' },
        },
      );
    }
    return user;
  }

  private loginLimit() {
    return { perSecond: this.limits.loginsPerMinute / 60, burst: this.limits.loginsPerMinute };
  }

  private checkLoginRate(address: string): void {
    const key = `login:${address}`;
    const wait = this.limiter.retryAfter(key, this.loginLimit());
    if (wait > 0) {
      throw new RestError(429, `too many failed logins from ${address}: try again in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
  }

  private failedLogin(address: string): void {
    this.limiter.take(`login:${address}`, this.loginLimit());
  }
}
