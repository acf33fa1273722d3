// HEC tokens: looked up by a hash of the value (no early-exit string compare an attacker could
// time), and the request's credentials read the ways Splunk's clients send them.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HecTokenConfig } from '../../config/config-schema.ts';
import type { RateLimit } from '../../http/rate-limiter.ts';
import { HecError } from './hec-codes.ts';

export interface HecToken {
  readonly name: string;
  readonly index?: string;
  /** Indexes it may write; undefined = every index the server has. */
  readonly indexes?: ReadonlySet<string>;
  readonly source?: string;
  readonly sourcetype?: string;
  readonly host?: string;
  readonly useAck: boolean;
  readonly disabled: boolean;
  /** Events per second. */
  readonly rateLimit?: RateLimit;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export class HecTokenTable {
  private readonly byDigest = new Map<string, HecToken>();

  constructor(tokens: readonly HecTokenConfig[]) {
    for (const t of tokens) {
      this.byDigest.set(digest(t.token), {
        name: t.name,
        ...(t.index === undefined ? {} : { index: t.index }),
        ...(t.indexes === undefined ? {} : { indexes: new Set(t.indexes) }),
        ...(t.source === undefined ? {} : { source: t.source }),
        ...(t.sourcetype === undefined ? {} : { sourcetype: t.sourcetype }),
        ...(t.host === undefined ? {} : { host: t.host }),
        useAck: t.useAck,
        disabled: t.disabled,
        ...(t.rateLimit === undefined
          ? {}
          : {
              rateLimit: {
                perSecond: t.rateLimit.perSecond,
                burst: t.rateLimit.burst ?? t.rateLimit.perSecond,
              },
            }),
      });
    }
  }

  get size(): number {
    return this.byDigest.size;
  }

  /**
   * The token of a request: `Authorization: Splunk <token>`, Basic auth with the token as the
   * password (`curl -u x:<token>`), or `?token=` when the config allows it.
   */
  authenticate(
    request: IncomingMessage,
    query: URLSearchParams,
    allowQueryToken: boolean,
  ): HecToken {
    const value = credential(request, query, allowQueryToken);
    const token = this.byDigest.get(digest(value));
    if (token === undefined) throw new HecError('invalidToken');
    if (token.disabled) throw new HecError('tokenDisabled');
    return token;
  }
}

function credential(
  request: IncomingMessage,
  query: URLSearchParams,
  allowQueryToken: boolean,
): string {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    const fromQuery = query.get('token');
    if (fromQuery === null) throw new HecError('tokenRequired');
    if (!allowQueryToken) throw new HecError('queryAuthDisabled');
    return fromQuery;
  }
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2];
  if (value === undefined) throw new HecError('invalidAuthorization');
  if (scheme === 'splunk') return value;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new HecError('invalidAuthorization');
    return decoded.slice(colon + 1);
  }
  throw new HecError('invalidAuthorization');
}
