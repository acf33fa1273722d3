// Splits streamed JSON text into records (one per line, or concatenated/pretty-printed objects)
// and turns each into an Event through its shape.
import type { Event } from '../../core/index.ts';
import { isJsonObject, JsonTooDeepError, type JsonValue } from '../model/json-fields.ts';
import { UntimedRecords } from '../model/untimed-records.ts';
import { INGEST_CODES, MAX_RECORD_CHARS } from '../problem-codes.ts';
import type { ReadOptions } from '../read-options.ts';
import { LineTracker } from '../text/line-tracker.ts';
import {
  decideFraming,
  isBlank,
  type JsonFraming,
  RECORD_LINE,
  skipSeparators,
  splitConcatenated,
} from './framing.ts';
import { describeJsonAnomalies, repairJsonAnomalies } from './json-anomalies.ts';
import type { JsonRecordContext } from './json-shape.ts';
import { findObjectEnd, OBJECT_INCOMPLETE } from './json-values.ts';
import { JSON_SHAPES } from './shapes/index.ts';

/** Stateful over one input: `push` text chunks, `finish` at the end. */
export class JsonlScanner implements JsonRecordContext {
  readonly defaultSourcetype = '_json';
  private framing: JsonFraming | undefined;
  private framingSearched = 0;
  private partialSearched = 0;
  private buf = '';
  /** Line number of `buf[0]`, kept by counting in `lines` framing. */
  private line: number;
  private readonly lines: LineTracker;
  private recordText = '';
  private recordLine = 0;
  private skipping = false;
  private retryLength = 0;

  readonly path: string;
  readonly options: ReadOptions;
  readonly untimed: UntimedRecords;

  constructor(path: string, options: ReadOptions, skipped?: { lines: number; columns: number }) {
    this.line = 1 + (skipped?.lines ?? 0);
    this.lines = new LineTracker(skipped);
    this.path = path;
    this.options = options;
    this.untimed = new UntimedRecords(path);
  }

  /** Reads what `text` completes; the events are appended to `events`. */
  push(text: string, events: Event[]): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.framing === undefined) {
      this.framing = decideFraming(this.buf, false, this.framingSearched);
      this.framingSearched = this.buf.length;
    }
    if (this.framing === 'lines') this.scanLines(events, false);
    else if (this.framing === 'stream') this.scanStream(events, false);
  }

  /** The end of the input: reads or reports what is left; events are appended to `events`. */
  finish(events: Event[]): void {
    this.framing ??= decideFraming(this.buf, true);
    if (this.framing === 'lines') this.scanLines(events, true);
    else this.scanStream(events, true);
  }

  rawText(): string {
    return this.recordText;
  }

  /** A Windows event (evtx_dump JSON) without SystemTime is damaged, as in the XML reader. */
  missingTime(): void {
    this.problem(INGEST_CODES.missingTime, 'no time field: _time is 0', 'damaged');
  }

  skip(code: string, message: string): void {
    this.problem(code, message, 'skipped');
  }

  private scanLines(events: Event[], eof: boolean): void {
    const s = this.buf;
    let pos = 0;
    if (this.skipping) {
      const nl = s.indexOf('\n');
      if (nl < 0 && !eof) {
        this.keep(s.length);
        return;
      }
      pos = nl < 0 ? s.length : nl + 1;
      this.line++;
      this.skipping = false;
    }
    // The kept partial line was already searched for a newline up to `partialSearched`.
    let from = Math.max(pos, this.partialSearched);
    for (;;) {
      let nl = s.indexOf('\n', from);
      if (nl < 0) {
        if (!eof || pos >= s.length) break;
        nl = s.length;
      }
      const end = nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > pos) this.record(s.slice(pos, end), this.line, events, true);
      this.line++;
      pos = nl + 1;
      from = pos;
    }
    this.keep(Math.min(pos, s.length));
    this.partialSearched = this.buf.length;
    if (this.buf.length > MAX_RECORD_CHARS) {
      this.recordLine = this.line;
      this.skip(INGEST_CODES.jsonTooLarge, `line longer than ${MAX_RECORD_CHARS} characters`);
      this.buf = '';
      this.skipping = true;
    }
  }

  private scanStream(events: Event[], eof: boolean): void {
    const s = this.buf;
    let pos = 0;
    for (;;) {
      pos = skipSeparators(s, pos);
      if (pos >= s.length) break;
      if (this.skipping || s.charCodeAt(pos) !== 123) {
        const nl = s.indexOf('\n', pos);
        if (!this.skipping) {
          this.recordLine = this.lines.lineAt(s, pos);
          if (nl < 0 && !eof) break;
          const line = s.slice(pos, nl < 0 ? s.length : nl);
          if (RECORD_LINE.test(line)) {
            pos = nl < 0 ? s.length : nl + 1;
            continue;
          }
          this.skip(INGEST_CODES.jsonInvalid, `not a JSON object: "${line.trim().slice(0, 40)}"`);
        }
        this.skipping = false;
        if (nl < 0) {
          pos = s.length;
          break;
        }
        pos = nl + 1;
        continue;
      }
      if (!eof && this.retryLength > 0 && s.length - pos < this.retryLength) break;
      const end = findObjectEnd(s, pos);
      if (end === OBJECT_INCOMPLETE) {
        if (eof) {
          this.recordLine = this.lines.lineAt(s, pos);
          this.skip(INGEST_CODES.jsonTruncated, 'the input ends inside this JSON object');
          pos = s.length;
        } else {
          this.retryLength = 2 * (s.length - pos);
        }
        break;
      }
      this.retryLength = 0;
      this.record(s.slice(pos, end), this.lines.lineAt(s, pos), events, false);
      pos = end;
    }
    if (s.length - pos > MAX_RECORD_CHARS) {
      this.recordLine = this.lines.lineAt(s, pos);
      this.skip(
        INGEST_CODES.jsonTooLarge,
        `JSON object longer than ${MAX_RECORD_CHARS} characters`,
      );
      this.skipping = true;
      this.retryLength = 0;
      pos = s.length;
    }
    this.lines.advance(s, pos);
    this.keep(pos);
  }

  private record(text: string, line: number, events: Event[], lineFraming: boolean): void {
    this.recordText = text;
    this.recordLine = line;
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch (error) {
      if (lineFraming && isBlank(text)) return;
      if (lineFraming && RECORD_LINE.test(text)) return;
      const objects = lineFraming ? splitConcatenated(text) : undefined;
      if (objects !== undefined) {
        for (const object of objects) this.record(object, line, events, false);
        return;
      }
      this.skip(INGEST_CODES.jsonInvalid, `invalid JSON: ${(error as Error).message}`);
      return;
    }
    if (!isJsonObject(value)) {
      this.skip(
        INGEST_CODES.jsonNotObject,
        `a JSON ${Array.isArray(value) ? 'array' : typeof value}, not an object`,
      );
      return;
    }
    const anomalies = repairJsonAnomalies(text, value);
    if (anomalies !== undefined) {
      for (const { code, message } of describeJsonAnomalies(anomalies)) {
        this.problem(code, message, 'damaged');
      }
    }
    for (const shape of JSON_SHAPES) {
      if (!shape.matches(value)) continue;
      try {
        const event = shape.toEvent(value, this);
        if (event !== undefined) {
          // Provenance: the line the record starts on (docs/inputs.md).
          event['_line'] = line;
          events.push(event);
        }
      } catch (error) {
        if (!(error instanceof JsonTooDeepError)) throw error;
        this.skip(INGEST_CODES.jsonTooDeep, error.message);
      }
      return;
    }
  }

  private keep(from: number): void {
    if (from > 0) this.buf = this.buf.slice(from);
  }

  private problem(code: string, message: string, kind: 'skipped' | 'damaged'): void {
    this.options.onProblem({
      code,
      path: this.path,
      location: `line ${this.recordLine}`,
      message,
      kind,
    });
  }
}
