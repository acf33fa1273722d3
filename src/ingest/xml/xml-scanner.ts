// Finds the <Event> records in streamed Windows event XML and turns each into an Event.
import type { Event } from '../../core/index.ts';
import { INGEST_CODES, MAX_RECORD_CHARS } from '../problem-codes.ts';
import type { ReadOptions } from '../read-options.ts';
import { LineTracker } from '../text/line-tracker.ts';
import { createRecordReader, parseEventRecord, type RecordReader } from './event-record.ts';
import { TagReader } from './tag-reader.ts';
import { isToleratedTopLevelLine } from './top-level-text.ts';

/** The start of the next <Event> (or <prefix:Event>), used to resynchronise after damage. */
const EVENT_START = /<(?:[A-Za-z_][\w.-]*:)?Event[\s/>]/g;

/** `<Event` followed by a space, `>` or `/`: the unprefixed record start, checked in place. */
function isPlainEventStart(s: string, lt: number): boolean {
  if (!s.startsWith('<Event', lt)) return false;
  const c = s.charCodeAt(lt + 6);
  return c === 32 || c === 62 || c === 47 || c === 10 || c === 13 || c === 9;
}

/** Kept back while skipping damage, so an `<Event` split across chunks is still found. */
const SPLIT_GUARD = 64;

/**
 * Stateful over one input: `push` text chunks, `finish` at the end. Between records it accepts
 * whitespace, XML declarations, comments, the <Events> wrapper of wevtutil/Event Viewer documents,
 * and the banner lines of evtxexport and evtx_dump; anything else is reported and skipped.
 */
export class XmlEventScanner {
  private buf = '';
  private skipping = false;
  /** The buffered record at the front is incomplete; parse again once the buffer reaches this. */
  private retryLength = 0;
  private recordAt = 0;
  private readonly lines: LineTracker;
  private readonly tags = new TagReader();
  private readonly records: RecordReader;
  private readonly path: string;
  private readonly options: ReadOptions;

  constructor(path: string, options: ReadOptions, skipped?: { lines: number; columns: number }) {
    this.lines = new LineTracker(skipped);
    this.path = path;
    this.options = options;
    const base = { index: options.index, onMissingTime: () => this.missingTime() };
    const meta = {
      ...base,
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.sourcetype === undefined ? {} : { sourcetype: options.sourcetype }),
    };
    this.records = createRecordReader(meta, options.needRaw);
  }

  /** Reads what `text` completes; the events are appended to `events`. */
  push(text: string, events: Event[]): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    let pos = this.scan(events, false);
    if (this.buf.length - pos > MAX_RECORD_CHARS) {
      this.report(
        INGEST_CODES.xmlTooLarge,
        pos,
        `record longer than ${MAX_RECORD_CHARS} characters`,
      );
      this.skipping = true;
      this.retryLength = 0;
      pos = this.resync(pos + 1, false);
    }
    this.consume(pos);
  }

  /** The end of the input: reads or reports what is left; events are appended to `events`. */
  finish(events: Event[]): void {
    this.retryLength = 0;
    this.consume(this.scan(events, true));
  }

  private scan(events: Event[], eof: boolean): number {
    const s = this.buf;
    let pos = 0;
    if (this.skipping) {
      pos = this.resync(0, eof);
      if (this.skipping) return pos;
    }
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (eof) {
          this.checkText(pos, s.length);
          return s.length;
        }
        // Complete lines of text are checked and dropped now; a partial one may be a banner.
        const lastLine = s.lastIndexOf('\n');
        if (lastLine < pos) return pos;
        this.checkText(pos, lastLine + 1);
        return lastLine + 1;
      }
      if (lt > pos) this.checkText(pos, lt);
      const next = s.charCodeAt(lt + 1);
      if (next === 63 || next === 33) {
        const close = s.startsWith('<!--', lt)
          ? s.indexOf('-->', lt + 4)
          : next === 63
            ? s.indexOf('?>', lt + 2)
            : -2;
        if (close === -1) return eof ? this.truncated(lt) : lt;
        if (close === -2) {
          this.report(INGEST_CODES.xmlDoctype, lt, 'document type declarations are not read');
          pos = this.resync(lt + 1, eof);
          if (this.skipping) return pos;
          continue;
        }
        pos = close + (next === 63 ? 2 : 3);
        continue;
      }
      if (isPlainEventStart(s, lt)) {
        if (!eof && this.retryLength > 0 && s.length - lt < this.retryLength) return lt;
        pos = this.record(s, lt, events, eof);
        if (pos === lt || this.skipping) return pos;
        continue;
      }
      const status = next === 47 ? this.tags.readEndTag(s, lt) : this.tags.readStartTag(s, lt);
      if (status === -1) return eof ? this.truncated(lt) : lt;
      if (status >= 0 && this.tags.local === 'Events') {
        pos = status;
        continue;
      }
      if (status >= 0 && next !== 47 && this.tags.local === 'Event') {
        if (!eof && this.retryLength > 0 && s.length - lt < this.retryLength) return lt;
        pos = this.record(s, lt, events, eof);
        if (pos === lt || this.skipping) return pos;
        continue;
      }
      if (status >= 0) {
        this.report(
          INGEST_CODES.xmlOutsideEvent,
          lt,
          `unexpected <${next === 47 ? '/' : ''}${this.tags.qname}> outside an <Event>`,
        );
      } else {
        this.report(INGEST_CODES.xmlMalformed, this.tags.errorAt, this.tags.error);
      }
      pos = this.resync(lt + 1, eof);
      if (this.skipping) return pos;
    }
  }

  /**
   * Parses the record at `lt`; returns where scanning goes on: after it, at the next record after
   * damage, or `lt` itself when the record is incomplete (wait for more text).
   */
  private record(s: string, lt: number, events: Event[], eof: boolean): number {
    this.recordAt = lt;
    const parsed = parseEventRecord(s, lt, this.records);
    if (parsed.kind === 'event') {
      this.retryLength = 0;
      // Provenance: the line the record starts on (docs/inputs.md).
      parsed.event['_line'] = this.lines.lineAt(s, lt);
      events.push(parsed.event);
      return parsed.end;
    }
    if (parsed.kind === 'incomplete') {
      if (eof) return this.truncated(lt);
      this.retryLength = 2 * (s.length - lt);
      return lt;
    }
    this.retryLength = 0;
    this.report(parsed.code, parsed.at, parsed.message);
    return this.resync(lt + 1, eof);
  }

  /** The position of the next <Event> at or after `from`; else enters skipping mode. */
  private resync(from: number, eof: boolean): number {
    EVENT_START.lastIndex = from;
    const match = EVENT_START.exec(this.buf);
    if (match) {
      this.skipping = false;
      return match.index;
    }
    this.skipping = true;
    return eof ? this.buf.length : Math.max(from, this.buf.length - SPLIT_GUARD);
  }

  private checkText(from: number, to: number): void {
    const s = this.buf;
    let start = from;
    while (start < to) {
      let end = s.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      if (!isToleratedTopLevelLine(s.slice(start, end))) {
        const shown = s.slice(start, Math.min(end, start + 40)).trim();
        this.report(INGEST_CODES.xmlOutsideEvent, start, `text outside an <Event>: "${shown}"`);
        return;
      }
      start = end + 1;
    }
  }

  private truncated(at: number): number {
    this.report(INGEST_CODES.xmlTruncated, at, 'the input ends inside this record');
    return this.buf.length;
  }

  /** Drops what was read; the line tracker moves with it (also when nothing was, as the buffer
   * is about to grow). */
  private consume(pos: number): void {
    this.lines.advance(this.buf, pos);
    if (pos > 0) this.buf = this.buf.slice(pos);
  }

  private missingTime(): void {
    this.options.onProblem({
      code: INGEST_CODES.missingTime,
      path: this.path,
      location: this.lines.locate(this.buf, this.recordAt),
      message: 'no SystemTime or UtcTime: _time is 0',
      kind: 'damaged',
    });
  }

  private report(code: string, at: number, message: string): void {
    const location = this.lines.locate(this.buf, at);
    this.options.onProblem({ code, path: this.path, location, message, kind: 'skipped' });
  }
}
