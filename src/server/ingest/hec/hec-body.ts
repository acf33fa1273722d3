// HEC request bodies: `/event` takes JSON objects concatenated or separated by whitespace (not an
// array); `/raw` takes text broken into events by its sourcetype, with the file readers' scanners:
// one <Event> per event for XmlWinEventLog, one JSON object per line for JSON, else one per line.
import type { Event } from '../../../core/index.ts';
import {
  describeJsonAnomalies,
  type IngestProblem,
  isJsonObject,
  JsonlScanner,
  type JsonValue,
  jsonTooDeep,
  type ReadOptions,
  repairJsonAnomalies,
  WINDOWS_SOURCETYPE,
  XmlEventScanner,
} from '../../../ingest/index.ts';
import { HecError } from './hec-codes.ts';
import {
  completeHecEvent,
  dropFileDefaults,
  type HecEventContext,
  type HecMetadata,
} from './hec-metadata.ts';

/**
 * The envelopes of an `/event` body, in order. An envelope nested deeper than the JSON readers
 * read is refused (its flattening would overflow the stack); a key given twice or a number a
 * double cannot hold is kept as the JSON-lines reader keeps it (the number as written), and `warn`
 * is told. The body is scanned as bytes and each envelope decoded alone: the whole body as one
 * string (64 MB at most) would go to V8's large-object space, which only a full collection frees,
 * and under sustained ingest those strings were most of the server's heap (bench server). JSON's
 * structural characters are ASCII, which never occur inside a UTF-8 multibyte sequence, so byte
 * positions find the same objects.
 */
export function splitEventBody(body: Buffer, warn?: (message: string) => void): JsonValue[] {
  const envelopes: JsonValue[] = [];
  forEachEnvelope(body, warn, (envelope) => envelopes.push(envelope));
  return envelopes;
}

/**
 * `splitEventBody` one envelope at a time: `each` gets an envelope before the next is parsed, so
 * that a caller converting them (HEC's parse worker) never holds a body's envelopes together.
 */
export function forEachEnvelope(
  body: Buffer,
  warn: ((message: string) => void) | undefined,
  each: (envelope: JsonValue, position: number) => void,
): void {
  let pos = skipWhitespace(body, 0);
  if (pos >= body.length) throw new HecError('noData');
  let position = 0;
  while (pos < body.length) {
    if (body[pos] !== OPEN_BRACE) {
      throw new HecError('invalidDataFormat', {
        detail: `expected a JSON object at byte ${pos}`,
        invalidEvent: position,
      });
    }
    const end = objectEnd(body, pos);
    if (end < 0) {
      throw new HecError('invalidDataFormat', {
        detail: 'the body ends inside a JSON object',
        invalidEvent: position,
      });
    }
    const envelopeText = body.toString('utf8', pos, end);
    let envelope: JsonValue;
    try {
      envelope = JSON.parse(envelopeText) as JsonValue;
    } catch (error) {
      throw new HecError('invalidDataFormat', {
        detail: (error as Error).message,
        invalidEvent: position,
      });
    }
    if (jsonTooDeep(envelope)) {
      throw new HecError('invalidDataFormat', {
        detail: 'JSON nested deeper than 100 levels',
        invalidEvent: position,
      });
    }
    const anomalies = isJsonObject(envelope)
      ? repairJsonAnomalies(envelopeText, envelope)
      : undefined;
    if (anomalies !== undefined && warn !== undefined) {
      for (const { code, message } of describeJsonAnomalies(anomalies)) {
        warn(`${code} event ${position}: ${message}`);
      }
    }
    each(envelope, position++);
    pos = skipWhitespace(body, end);
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The byte after the `}` closing the object that opens at `start`; -1 if the body ends first. */
function objectEnd(body: Buffer, start: number): number {
  let depth = 0;
  let p = start;
  while (p < body.length) {
    const c = body[p];
    if (c === QUOTE) {
      p = stringEnd(body, p + 1);
      if (p < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return p + 1;
    p++;
  }
  return -1;
}

/** The byte after the `"` closing a string whose content starts at `from`; -1 if none. */
function stringEnd(body: Buffer, from: number): number {
  let quote = body.indexOf(QUOTE, from);
  while (quote >= 0) {
    let backslashes = 0;
    for (let i = quote - 1; i >= from && body[i] === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = body.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

function skipWhitespace(body: Buffer, from: number): number {
  let pos = from;
  while (pos < body.length) {
    const c = body[pos];
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    pos++;
  }
  return pos;
}

/** The events of a `/raw` body; metadata comes from the query parameters and the token. */
export function rawBodyEvents(text: string, context: HecEventContext): Event[] {
  if (text.trim() === '') throw new HecError('noData');
  const sourcetype = context.request.sourcetype ?? context.token.sourcetype;
  const head = text.trimStart();
  const framing =
    sourcetype === undefined
      ? head.startsWith('<')
        ? 'xml'
        : head.startsWith('{')
          ? 'json'
          : 'lines'
      : sourcetype.startsWith(WINDOWS_SOURCETYPE) || /xml/i.test(sourcetype)
        ? 'xml'
        : /json/i.test(sourcetype)
          ? 'json'
          : 'lines';
  const events: Event[] = [];
  if (framing === 'lines') {
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '') events.push({ _raw: line });
  } else {
    const problems: IngestProblem[] = [];
    const options: ReadOptions = {
      index: '',
      needRaw: true,
      onProblem: (problem) => {
        if (problem.kind === 'skipped') problems.push(problem);
        else context.warn?.(`${problem.code} ${problem.location}: ${problem.message}`);
      },
    };
    const scanner =
      framing === 'xml'
        ? new XmlEventScanner('raw', options)
        : new JsonlScanner(context.defaultSource, options);
    scanner.push(text, events);
    scanner.finish(events);
    const first = problems[0];
    if (first !== undefined) {
      throw new HecError('invalidDataFormat', {
        detail: `${first.location}: ${first.message}`,
        invalidEvent: events.length,
      });
    }
  }
  const none: HecMetadata = {};
  return events.map((event, position) => {
    if (framing === 'json') dropFileDefaults(event, context.defaultSource, '_json');
    else delete event['index'];
    if (event['_time'] === 0) delete event['_time'];
    return completeHecEvent(event, none, undefined, position, context);
  });
}
