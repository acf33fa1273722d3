// One HEC request body → its events, encoded for the store (store/encoded-events.ts). This is the
// work HEC's parse workers do (hec-parse-worker.ts): everything it needs comes in a plain
// message (the body's bytes, the query's metadata, the token's defaults and indexes) and
// everything it gives back is a plain message too (the encoded batch, the warnings to log, or
// the HecError to answer), so it runs the same on any thread. Given the live Sigma rules (a
// BatchMatcher), it matches each event as it is made and the batch carries the matches.
import type { BatchMatcher } from '../../detect/stream/batch-matcher.ts';
import type { EncodedEvents } from '../../store/encoded-events.ts';
import { EventEncoder, encodeEvents } from '../../store/event-encoder.ts';
import { forEachEnvelope, rawBodyEvents } from './hec-body.ts';
import { HEC_CODES, type HecCodeName, HecError } from './hec-codes.ts';
import { HecXmlRecords, hecEnvelopeToEvent } from './hec-event.ts';
import type { HecEventContext, HecMetadata } from './hec-metadata.ts';

export interface HecParseRequest {
  readonly endpoint: 'event' | 'raw';
  readonly body: Uint8Array;
  /** Metadata from the query parameters. */
  readonly request: HecMetadata;
  readonly token: {
    readonly name: string;
    readonly defaults: HecMetadata;
    /** The indexes the token may write; undefined: any. */
    readonly indexes?: readonly string[];
  };
  /** The indexes this server has. */
  readonly indexes: readonly string[];
  readonly serverHost: string;
  /** Receipt time, epoch seconds. */
  readonly now: number;
}

/** At most this many warnings of one request are logged, then how many more there were. */
export const MAX_LOGGED_WARNINGS = 20;

export type HecParseResult =
  | {
      readonly ok: true;
      readonly encoded: EncodedEvents;
      /** The first MAX_LOGGED_WARNINGS warnings, and how many there were. */
      readonly warnings: readonly string[];
      readonly warningCount: number;
    }
  | {
      readonly ok: false;
      readonly code: number;
      readonly detail?: string;
      readonly invalidEvent?: number;
    };

export function parseHecBody(request: HecParseRequest, matcher?: BatchMatcher): HecParseResult {
  const warnings: string[] = [];
  let warningCount = 0;
  const known = new Set(request.indexes);
  const allowed = request.token.indexes === undefined ? undefined : new Set(request.token.indexes);
  const context: HecEventContext = {
    request: request.request,
    token: request.token.defaults,
    defaultSource: `http:${request.token.name}`,
    defaultHost: request.serverHost,
    now: request.now,
    warn: (message) => {
      if (++warningCount <= MAX_LOGGED_WARNINGS) warnings.push(message);
    },
    checkIndex: (index, position) => {
      if (!known.has(index) || (allowed !== undefined && !allowed.has(index))) {
        throw new HecError('incorrectIndex', {
          detail: known.has(index)
            ? `the token ${request.token.name} may not write index "${index}"`
            : `no index "${index}" on this server`,
          invalidEvent: position,
        });
      }
    },
  };
  try {
    const body = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.length);
    let encoded: EncodedEvents;
    const matches = matcher?.batch();
    if (request.endpoint === 'raw') {
      const events = rawBodyEvents(body.toString('utf8'), context);
      events.forEach((event, row) => {
        matches?.add(event, row);
      });
      encoded = encodeEvents(events);
    } else {
      // Each envelope becomes an event and is encoded before the next is parsed: a body's
      // envelopes and events never live together (bench server-hec: GC was ~30% of the worker).
      const encoder = new EventEncoder(Math.min(4096, Math.ceil(body.length / 2048)));
      const xml = new HecXmlRecords();
      let row = 0;
      forEachEnvelope(body, context.warn, (envelope, position) => {
        const event = hecEnvelopeToEvent(envelope, position, context, xml);
        matches?.add(event, row++);
        encoder.add(event);
      });
      encoded = encoder.finish();
    }
    const found = matches?.finish();
    if (found !== undefined) encoded = { ...encoded, matches: found };
    return { ok: true, encoded, warnings, warningCount };
  } catch (error) {
    if (!(error instanceof HecError)) throw error;
    const detail = error.body['detail'];
    const invalidEvent = error.body['invalid-event-number'];
    return {
      ok: false,
      code: error.code,
      ...(typeof detail === 'string' ? { detail } : {}),
      ...(typeof invalidEvent === 'number' ? { invalidEvent } : {}),
    };
  }
}

/** The HecError a failed parse answers with. */
export function parseFailure(result: Extract<HecParseResult, { ok: false }>): HecError {
  const name = (Object.keys(HEC_CODES) as HecCodeName[]).find(
    (n) => HEC_CODES[n][0] === result.code,
  );
  return new HecError(name ?? 'internalError', {
    ...(result.detail === undefined ? {} : { detail: result.detail }),
    ...(result.invalidEvent === undefined ? {} : { invalidEvent: result.invalidEvent }),
  });
}
