// Parses one <Event> element of Windows event XML into WindowsEventParts.
//
// Hand-written rather than a generic XML library: the reader must reach 60 MB/s on one core
// (bench `ingest`), and a scanner that knows the Windows event schema only builds the values it
// maps, with no DOM or per-node objects. It still checks well-formedness (matching tags, quoted
// attributes, entity and character references) so malformed records are refused, not misread.

import type { Event } from '../../core/index.ts';
import { INGEST_CODES } from '../problem-codes.ts';
import type { WindowsEventMeta } from '../windows/windows-event.ts';
import { decodeXmlReferences } from './entities.ts';
import { matchPlainData, matchPlainSystem, plainData } from './plain-forms.ts';
import { INCOMPLETE, MALFORMED, TagReader } from './tag-reader.ts';
import { WindowsEventBuilder } from './windows-event-builder.ts';

/** What parsing records needs, reused from record to record. */
export interface RecordReader {
  readonly tags: TagReader;
  readonly builder: WindowsEventBuilder;
  readonly meta: WindowsEventMeta;
  /** Whether events get their record text as `_raw`. */
  readonly needRaw: boolean;
}

export function createRecordReader(meta: WindowsEventMeta, needRaw: boolean): RecordReader {
  return { tags: new TagReader(), builder: new WindowsEventBuilder(), meta, needRaw };
}

export type RecordParse =
  | { readonly kind: 'event'; readonly event: Event; readonly end: number }
  /** The text ends before the record does: call again with more text. */
  | { readonly kind: 'incomplete' }
  /** Not well-formed at `at`, or not a Windows event; `code` is an ING1xx code. */
  | {
      readonly kind: 'malformed';
      readonly code: string;
      readonly at: number;
      readonly message: string;
    };

/** Deeper nesting is refused: no Windows event comes close, and it bounds the stack. */
export const MAX_ELEMENT_DEPTH = 64;

const INCOMPLETE_RECORD: RecordParse = { kind: 'incomplete' };

/** Parses the element starting at `s[start] === '<'` (an <Event>, possibly prefixed). */
export function parseEventRecord(s: string, start: number, reader: RecordReader): RecordParse {
  const { tags, builder } = reader;
  builder.reset();
  const stack: string[] = [];
  const locals: string[] = [];
  let text = '';
  let leaf = false;
  let pos = start;
  for (;;) {
    if (pos + 1 >= s.length) return INCOMPLETE_RECORD;
    const next = s.charCodeAt(pos + 1);
    if (next === 47) {
      const open = stack.pop() ?? '';
      const end = tags.readEndTag(s, pos, open);
      if (end < 0) return tagFailure(end, tags, s, start);
      if (tags.qname !== open) {
        return malformed(pos, `closing tag </${tags.qname}> does not match <${open}>`);
      }
      builder.end(locals.pop() ?? '', stack.length + 1, text, leaf);
      if (stack.length === 0) {
        const meta = reader.needRaw ? { ...reader.meta, raw: s.slice(start, end) } : reader.meta;
        const event = builder.finish(meta);
        if (event === undefined)
          return malformed(
            start,
            'the <Event> has no <System> element',
            INGEST_CODES.xmlNotWindowsEvent,
          );
        return { kind: 'event', event, end };
      }
      leaf = false;
      pos = end;
    } else if (next === 33) {
      const skipped = skipMarkup(s, pos);
      if (skipped === INCOMPLETE) return INCOMPLETE_RECORD;
      if (skipped === MALFORMED) {
        return malformed(
          pos,
          'markup declarations (<!DOCTYPE, <!ENTITY) are not allowed in an event',
          INGEST_CODES.xmlDoctype,
        );
      }
      if (leaf && s.startsWith('<![CDATA[', pos)) text += s.slice(pos + 9, skipped - 3);
      pos = skipped;
    } else if (next === 63) {
      const close = s.indexOf('?>', pos + 2);
      if (close < 0) return INCOMPLETE_RECORD;
      pos = close + 2;
    } else {
      const fast = plainElement(s, pos, stack.length, builder);
      if (fast > 0) {
        leaf = false;
        pos = fast;
      } else {
        const result = startElement(s, pos, start, stack.length, reader);
        if (typeof result !== 'number') return result;
        if (tags.selfClosing) {
          leaf = false;
        } else {
          stack.push(tags.qname);
          locals.push(tags.local);
          text = '';
          leaf = true;
        }
        pos = result;
      }
    }
    const lt = s.indexOf('<', pos);
    if (lt < 0) return INCOMPLETE_RECORD;
    if (lt > pos && leaf) {
      const decoded = decodeXmlReferences(s.slice(pos, lt));
      if (typeof decoded === 'number') {
        return malformed(pos + decoded, 'bad entity or character reference');
      }
      text += decoded;
    }
    pos = lt;
  }
}

/**
 * Reads the start tag at `lt` (at nesting `open`) and tells the builder; a self-closing element
 * is also ended. Returns the position after the tag, or why the record is refused.
 */
function startElement(
  s: string,
  lt: number,
  start: number,
  open: number,
  reader: RecordReader,
): number | RecordParse {
  const { tags, builder } = reader;
  const end = tags.readStartTag(s, lt);
  if (end < 0) return tagFailure(end, tags, s, start);
  if (open === 0 && tags.local !== 'Event')
    return malformed(lt, `expected <Event>, found <${tags.qname}>`);
  // No Windows event nests an <Event>: this one is the next record, and the open one lost its
  // end (a line cut short). Only that record is lost: reading resumes here.
  if (open > 0 && tags.local === 'Event') return notClosed(start);
  if (open >= MAX_ELEMENT_DEPTH)
    return malformed(lt, `elements nested deeper than ${MAX_ELEMENT_DEPTH} levels`);
  builder.start(tags.local, open + 1, tags);
  if (tags.selfClosing) {
    if (open === 0)
      return malformed(
        start,
        'the <Event> has no <System> element',
        INGEST_CODES.xmlNotWindowsEvent,
      );
    builder.end(tags.local, open + 1, '', true);
  }
  return end;
}

/** A plain <System> or <Data> (plain-forms.ts) read in one step; 0 when it is not one. */
function plainElement(s: string, lt: number, open: number, builder: WindowsEventBuilder): number {
  if (open === 1 && s.startsWith('<System>', lt)) {
    const end = matchPlainSystem(s, lt, builder.systemValues());
    if (end > 0) builder.systemRead();
    return end;
  }
  if (open !== 2 || !builder.inEventData()) return 0;
  const end = matchPlainData(s, lt);
  if (end > 0) builder.addData(plainData.name, plainData.value);
  return end;
}

/**
 * Skips `<!--...-->` or `<![CDATA[...]]>` at `lt`; returns the index after it. Anything else that
 * starts with `<!` (a DTD) is MALFORMED: entity declarations are how XML bombs work.
 */
function skipMarkup(s: string, lt: number): number {
  if (s.startsWith('<!--', lt)) {
    const close = s.indexOf('-->', lt + 4);
    return close < 0 ? INCOMPLETE : close + 3;
  }
  if (s.startsWith('<![CDATA[', lt)) {
    const close = s.indexOf(']]>', lt + 9);
    return close < 0 ? INCOMPLETE : close + 3;
  }
  const head = s.slice(lt, lt + 9);
  if (head.length < 9 && ('<![CDATA['.startsWith(head) || '<!--'.startsWith(head))) {
    return INCOMPLETE;
  }
  return MALFORMED;
}

function tagFailure(status: number, tags: TagReader, s: string, start: number): RecordParse {
  if (status === INCOMPLETE) return INCOMPLETE_RECORD;
  // A tag cut short runs into the next record's `<Event`: the record lost its end.
  if (isEventStart(s, tags.errorAt)) return notClosed(start);
  return malformed(tags.errorAt, tags.error);
}

function isEventStart(s: string, at: number): boolean {
  if (!s.startsWith('<Event', at)) return false;
  const c = s.charCodeAt(at + 6);
  return c === 32 || c === 62 || c === 47 || c === 10 || c === 13 || c === 9;
}

function notClosed(start: number): RecordParse {
  return malformed(
    start,
    'the record is not closed before the next <Event> starts',
    INGEST_CODES.xmlTruncated,
  );
}

function malformed(
  at: number,
  message: string,
  code: string = INGEST_CODES.xmlMalformed,
): RecordParse {
  return { kind: 'malformed', code, at, message };
}
