// HEC request bodies: `/event` takes JSON objects concatenated or separated by whitespace (not an
// array); `/raw` takes text broken into events by its sourcetype, with the file readers' scanners:
// one <Event> per event for XmlWinEventLog, one JSON object per line for JSON, else one per line.
import type { Event } from '../../../core/index.ts';
import {
  describeJsonAnomalies,
  findObjectEnd,
  type IngestProblem,
  isJsonObject,
  JsonlScanner,
  type JsonValue,
  jsonTooDeep,
  OBJECT_INCOMPLETE,
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
 * is told.
 */
export function splitEventBody(text: string, warn?: (message: string) => void): JsonValue[] {
  const envelopes: JsonValue[] = [];
  let pos = skipWhitespace(text, 0);
  if (pos >= text.length) throw new HecError('noData');
  while (pos < text.length) {
    const position = envelopes.length;
    if (text.charCodeAt(pos) !== 123) {
      throw new HecError('invalidDataFormat', {
        detail: `expected a JSON object at character ${pos}`,
        invalidEvent: position,
      });
    }
    const end = findObjectEnd(text, pos);
    if (end === OBJECT_INCOMPLETE) {
      throw new HecError('invalidDataFormat', {
        detail: 'the body ends inside a JSON object',
        invalidEvent: position,
      });
    }
    const envelopeText = text.slice(pos, end);
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
    envelopes.push(envelope);
    pos = skipWhitespace(text, end);
  }
  return envelopes;
}

function skipWhitespace(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
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
