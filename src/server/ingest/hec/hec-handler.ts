// The HTTP Event Collector endpoints as Splunk's clients and forwarders call them:
// `/services/collector/event` (also `/services/collector` and `/event/1.0`), `/raw`, `/ack`,
// `/health`. Content-Type is ignored (splunk-logging sends JSON as form-urlencoded). With a
// token's acknowledgement on, the reply carries an ackId that turns true only once the events are
// committed; without it, the reply itself waits for the commit. Bodies are parsed on worker
// threads (hec-parse-pool.ts): the main thread reads requests, answers them and writes the store.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { isJsonObject, type JsonValue } from '../../../ingest/index.ts';
import type { RateLimiter } from '../../http/rate-limiter.ts';
import {
  BadEncodingError,
  BodyTooLargeError,
  ClientAbortedError,
  closeAfterReply,
  readBody,
} from '../../http/read-body.ts';
import { requestUrl, sendJson } from '../../http/reply.ts';
import type { IndexRegistry } from '../../indexes.ts';
import { encodedSize } from '../../store/encoded-events.ts';
import { type IngestService, ServerBusyError } from '../ingest-service.ts';
import { HecError } from './hec-codes.ts';
import type { HecMetadata } from './hec-metadata.ts';
import { type HecParseRequest, MAX_LOGGED_WARNINGS, parseFailure } from './hec-parse.ts';
import type { HecParsePool } from './hec-parse-pool.ts';
import type { HecToken, HecTokenTable } from './hec-tokens.ts';

export interface HecDeps {
  readonly tokens: HecTokenTable;
  readonly ingest: IngestService;
  readonly indexes: IndexRegistry;
  readonly rateLimiter: RateLimiter;
  /** Where bodies are parsed (worker threads). */
  readonly parser: HecParsePool;
  readonly maxBodyBytes: number;
  readonly allowQueryToken: boolean;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/services\/collector(?:\/(event|raw|ack|health)(?:\/1\.0)?)?$/;

export function createHecHandler(deps: HecDeps) {
  const serverHost = hostname();
  const now = deps.now ?? (() => Date.now() / 1000);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { path, query } = requestUrl(request);
    const route = ROUTE.exec(path);
    try {
      if (route === null) {
        request.resume();
        sendJson(response, 404, {
          text: 'The requested URL was not found on this server.',
          code: 404,
        });
        return;
      }
      const endpoint = route[1] ?? 'event';
      if (endpoint === 'health') {
        request.resume();
        const [code, text, status] = deps.ingest.full()
          ? [18, 'HEC is unhealthy, queues are full', 503]
          : [17, 'HEC is healthy', 200];
        sendJson(response, status, { text, code });
        return;
      }
      if (request.method !== 'POST') {
        request.resume();
        sendJson(response, 405, { text: 'Method Not Allowed', code: 405 }, { Allow: 'POST' });
        return;
      }
      const token = deps.tokens.authenticate(request, query, deps.allowQueryToken);
      const channel = requestChannel(request, query);
      if (endpoint === 'ack') {
        await answerAcks(request, response, deps, token, channel);
        return;
      }
      if (token.useAck && channel === undefined) throw new HecError('channelMissing');
      // A request waits for room in the queue before its body is read and parsed (the body stays
      // in the socket meanwhile), and is refused with code 9 only when none comes in time: parsing
      // bodies only to refuse them took as much CPU as the accepted ones, and refusing at once
      // left the parse worker idle while the senders slept before retrying. (One declared over
      // the size limit is left to readBody: 413, and the connection closed.)
      const declared = Number(request.headers['content-length']);
      const known = Number.isFinite(declared) ? declared : 0;
      let release = known > deps.maxBodyBytes ? () => {} : await admit(deps.ingest, request, known);
      let result: Awaited<ReturnType<HecParsePool['parse']>>;
      try {
        const body = await readBody(request, deps.maxBodyBytes);
        // The body's bytes count against the queue's bound from here until they are queued.
        if (body.length !== known) {
          release();
          release = deps.ingest.hold(body.length);
        }
        result = await deps.parser.parse(
          parseRequest(
            endpoint === 'raw' ? 'raw' : 'event',
            body,
            query,
            token,
            deps,
            serverHost,
            now(),
          ),
        );
      } finally {
        release();
      }
      if (!result.ok) throw parseFailure(result);
      logWarnings(token, result.warnings, result.warningCount, deps.log);
      const encoded = result.encoded;
      if (
        token.rateLimit &&
        !deps.rateLimiter.take(`hec:${token.name}`, token.rateLimit, encoded.count)
      ) {
        throw new HecError('serverBusy', {
          detail: `the token ${token.name} is over its rate limit`,
        });
      }
      const submission = {
        events: [],
        encoded: [encoded],
        bytes: encodedSize(encoded),
        held: true,
      };
      if (token.useAck && channel !== undefined) {
        const { ackId } = deps.ingest.submitWithAck(submission, channel);
        sendJson(response, 200, { text: 'Success', code: 0, ackId });
      } else {
        await deps.ingest.submit(submission);
        sendJson(response, 200, { text: 'Success', code: 0 });
      }
    } catch (error) {
      sendHecError(response, error, deps.log);
    }
  };
}

/** Room for `bytes` in the queue, waited for with the body unread; code 9 when none comes. */
async function admit(
  ingest: IngestService,
  request: IncomingMessage,
  bytes: number,
): Promise<() => void> {
  try {
    return await ingest.admit(bytes);
  } catch (error) {
    request.resume();
    throw error;
  }
}

function requestChannel(request: IncomingMessage, query: URLSearchParams): string | undefined {
  const header = request.headers['x-splunk-request-channel'];
  const value = (Array.isArray(header) ? header[0] : header) ?? query.get('channel') ?? undefined;
  if (value === undefined || value === '') return undefined;
  if (!GUID.test(value)) throw new HecError('channelInvalid');
  return value.toLowerCase();
}

/** What a parse worker needs to know of the request, as a plain message. */
function parseRequest(
  endpoint: 'event' | 'raw',
  body: Buffer,
  query: URLSearchParams,
  token: HecToken,
  deps: HecDeps,
  serverHost: string,
  now: number,
): HecParseRequest {
  const param = (name: string) => {
    const value = query.get(name);
    return value === null || value === '' ? undefined : value;
  };
  return {
    endpoint,
    body,
    request: metadata(param('index'), param('host'), param('source'), param('sourcetype')),
    token: {
      name: token.name,
      defaults: metadata(token.index, token.host, token.source, token.sourcetype),
      ...(token.indexes === undefined ? {} : { indexes: [...token.indexes] }),
    },
    indexes: deps.indexes.all(),
    serverHost,
    now,
  };
}

function metadata(
  index: string | undefined,
  host: string | undefined,
  source: string | undefined,
  sourcetype: string | undefined,
): HecMetadata {
  return {
    ...(index === undefined ? {} : { index }),
    ...(host === undefined ? {} : { host }),
    ...(source === undefined ? {} : { source }),
    ...(sourcetype === undefined ? {} : { sourcetype }),
  };
}

/** Logs a request's warnings (HEC replies have none), the first MAX_LOGGED_WARNINGS of them. */
function logWarnings(
  token: HecToken,
  warnings: readonly string[],
  count: number,
  log: ((line: string) => void) | undefined,
): void {
  if (log === undefined) return;
  for (const message of warnings) log(`HEC warning (token ${token.name}): ${message}`);
  if (count > MAX_LOGGED_WARNINGS) {
    log(`HEC warning (token ${token.name}): more warnings in this request are not logged`);
  }
}

async function answerAcks(
  request: IncomingMessage,
  response: ServerResponse,
  deps: HecDeps,
  token: HecToken,
  channel: string | undefined,
): Promise<void> {
  if (!token.useAck) throw new HecError('ackDisabled');
  if (channel === undefined) throw new HecError('channelMissing');
  const body = await readBody(request, deps.maxBodyBytes);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(body.toString('utf8')) as JsonValue;
  } catch {
    throw new HecError('invalidDataFormat', { detail: 'the body must be {"acks":[id, ...]}' });
  }
  const acks = isJsonObject(parsed) ? parsed['acks'] : undefined;
  if (!Array.isArray(acks) || !acks.every((a) => typeof a === 'number') || acks.length > 10_000) {
    throw new HecError('invalidDataFormat', { detail: 'the body must be {"acks":[id, ...]}' });
  }
  const ids = acks as number[];
  const committed = await deps.ingest.committedAcks(channel, ids);
  const answer: Record<string, boolean> = {};
  for (const id of ids) answer[String(id)] = committed.has(id);
  sendJson(response, 200, { acks: answer });
}

function sendHecError(
  response: ServerResponse,
  error: unknown,
  log?: (line: string) => void,
): void {
  if (error instanceof HecError) {
    const headers: Record<string, string> = error.status === 503 ? { 'Retry-After': '1' } : {};
    sendJson(response, error.status, error.body, headers);
    return;
  }
  if (error instanceof ServerBusyError) {
    sendJson(response, 503, { text: 'Server is busy', code: 9 }, { 'Retry-After': '1' });
    return;
  }
  if (error instanceof BodyTooLargeError) {
    closeAfterReply(response);
    sendJson(response, 413, { text: 'Content too large', code: 6, detail: error.message });
    return;
  }
  if (error instanceof BadEncodingError) {
    sendJson(response, 400, { text: 'Invalid data format', code: 6, detail: error.message });
    return;
  }
  if (error instanceof ClientAbortedError) {
    response.destroy();
    return;
  }
  log?.(
    `HEC internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  sendJson(response, 500, { text: 'Internal server error', code: 8 });
}
