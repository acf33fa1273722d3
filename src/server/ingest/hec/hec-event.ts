// One HEC event envelope → one Event. A string `event` holding one Windows <Event> is parsed by the
// XmlWinEventLog reader's own record parser, so its fields are exactly those of the same event read
// from a file; an object `event` goes through the JSON-lines reader's shapes (Winlogbeat/ECS,
// evtx_dump, flat), flattened as that reader flattens it; any other string is a plain event.
import { type Event, writeField } from '../../../core/index.ts';
import {
  addFieldValue,
  createRecordReader,
  isJsonObject,
  JSON_SHAPES,
  type JsonObject,
  type JsonRecordContext,
  JsonTooDeepError,
  type JsonValue,
  parseEventRecord,
  type ReadOptions,
  UntimedRecords,
} from '../../../ingest/index.ts';
import { HecError } from './hec-codes.ts';
import {
  completeHecEvent,
  dropFileDefaults,
  HEC_SOURCETYPE,
  type HecEventContext,
  type HecMetadata,
} from './hec-metadata.ts';

/** `<Event` or `<prefix:Event` opening a Windows event record. */
const WINDOWS_EVENT_START = /^\s*<(?:[\w.-]+:)?Event[\s>/]/;

/** Earliest and latest accepted `time`: years 1 to 9999. */
const MAX_EPOCH = 253_402_300_800;

/** `xml`: the record reader of the envelopes' body (one per body, reused from event to event). */
export function hecEnvelopeToEvent(
  envelope: JsonValue,
  position: number,
  context: HecEventContext,
  xml: HecXmlRecords = new HecXmlRecords(),
): Event {
  if (!isJsonObject(envelope)) {
    throw new HecError('invalidDataFormat', {
      detail: 'each event must be a JSON object',
      invalidEvent: position,
    });
  }
  const body = envelope['event'];
  if (body === undefined) throw new HecError('eventRequired', { invalidEvent: position });
  if (body === null || body === '' || (typeof body === 'object' && isEmpty(body))) {
    throw new HecError('eventBlank', { invalidEvent: position });
  }
  const meta = envelopeMetadata(envelope, position);
  const time = hecTime(envelope['time'], position);
  let event: Event;
  if (typeof body === 'string' && WINDOWS_EVENT_START.test(body)) {
    event = xml.event(body, position);
  } else if (isJsonObject(body)) {
    event = jsonObjectEvent(body, position, context);
  } else {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    event = { _raw: raw };
  }
  addIndexedFields(event, envelope['fields'], position);
  return completeHecEvent(event, meta, time, position, context);
}

function isEmpty(value: JsonObject | JsonValue[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function envelopeMetadata(envelope: JsonObject, position: number): HecMetadata {
  const meta: Record<string, string> = {};
  for (const key of ['index', 'host', 'source', 'sourcetype'] as const) {
    const value = envelope[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      throw new HecError('invalidDataFormat', {
        detail: `"${key}" must be a string`,
        invalidEvent: position,
      });
    }
    if (value !== '') meta[key] = value;
  }
  return meta;
}

/** `time`: epoch seconds as a number or a numeric string (splunk-logging sends a string). */
function hecTime(value: JsonValue | undefined, position: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (
    (typeof value === 'string' && value.trim() === '') ||
    !Number.isFinite(n) ||
    Math.abs(n) >= MAX_EPOCH
  ) {
    throw new HecError('invalidDataFormat', {
      detail: `"time" must be epoch seconds, not ${JSON.stringify(value).slice(0, 40)}`,
      invalidEvent: position,
    });
  }
  return n;
}

/**
 * The XML reader's record parser over one record at a time, with `_raw` the string as sent. One
 * per body: the reader's state is reused from event to event, not made for each.
 */
export class HecXmlRecords {
  private missingTime = false;
  private readonly reader = createRecordReader(
    {
      index: '',
      onMissingTime: () => {
        this.missingTime = true;
      },
    },
    false,
  );

  /** The event of the record `text` (an envelope's `event`); throws the HecError refusing it. */
  event(text: string, position: number): Event {
    this.missingTime = false;
    const start = text.indexOf('<');
    const parsed = parseEventRecord(text, start, this.reader);
    if (parsed.kind !== 'event') {
      const reason =
        parsed.kind === 'incomplete'
          ? 'the Windows event XML ends inside the record'
          : `${parsed.message} (${parsed.code}, at character ${parsed.at})`;
      throw new HecError('invalidDataFormat', { detail: reason, invalidEvent: position });
    }
    if (text.slice(parsed.end).trim() !== '') {
      throw new HecError('invalidDataFormat', {
        detail: 'text after the Windows </Event> (send one event per envelope)',
        invalidEvent: position,
      });
    }
    const event = parsed.event;
    if (this.missingTime) delete event['_time'];
    event['_raw'] = text;
    return event;
  }
}

/** The JSON-lines reader's shapes over one object; `_raw` is its JSON text. */
function jsonObjectEvent(body: JsonObject, position: number, context: HecEventContext): Event {
  let missingTime = false;
  // The shapes flatten the record in place: its text is taken first.
  const raw = JSON.stringify(body);
  const options: ReadOptions = {
    index: '',
    needRaw: true,
    onProblem: () => {},
  };
  const record: JsonRecordContext = {
    options,
    path: context.defaultSource,
    defaultSourcetype: HEC_SOURCETYPE,
    rawText: () => raw,
    // A record with no time field gets the receipt time (unless the envelope gives one).
    untimed: new UntimedRecords('', () => context.now),
    missingTime: () => {
      missingTime = true;
    },
    skip: (_code, message) => {
      throw new HecError('invalidDataFormat', { detail: message, invalidEvent: position });
    },
  };
  for (const shape of JSON_SHAPES) {
    if (!shape.matches(body)) continue;
    let event: Event | undefined;
    try {
      event = shape.toEvent(body, record);
    } catch (error) {
      if (!(error instanceof JsonTooDeepError)) throw error;
      throw new HecError('invalidDataFormat', { detail: error.message, invalidEvent: position });
    }
    if (event === undefined) break;
    if (missingTime) delete event['_time'];
    dropFileDefaults(event, context.defaultSource, HEC_SOURCETYPE);
    return event;
  }
  throw new HecError('invalidDataFormat', {
    detail: 'unreadable JSON event',
    invalidEvent: position,
  });
}

/** `fields`: indexed fields, each a string or a list of strings (numbers and booleans as text). */
function addIndexedFields(event: Event, fields: JsonValue | undefined, position: number): void {
  if (fields === undefined || fields === null) return;
  if (!isJsonObject(fields)) {
    throw new HecError('indexedFields', {
      detail: '"fields" must be an object',
      invalidEvent: position,
    });
  }
  for (const name of Object.keys(fields)) {
    if (
      name === '' ||
      name.startsWith('_') ||
      ['index', 'host', 'source', 'sourcetype'].includes(name)
    ) {
      throw new HecError('indexedFields', {
        detail: `"${name.slice(0, 64)}" cannot be an indexed field name`,
        invalidEvent: position,
      });
    }
    const value = fields[name] as JsonValue;
    const values = Array.isArray(value) ? value : [value];
    const texts: string[] = [];
    for (const v of values) {
      if (typeof v === 'string') texts.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') texts.push(String(v));
      else {
        throw new HecError('indexedFields', {
          detail: `indexed field "${name.slice(0, 64)}" must hold text or a list of text`,
          invalidEvent: position,
        });
      }
    }
    writeField(event, name, undefined);
    for (const text of texts) addFieldValue(event, name, text);
  }
}
