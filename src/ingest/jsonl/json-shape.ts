// What a JSON record shape is: how to recognise it and how to turn one record into an event.
import type { Event } from '../../core/index.ts';
import type { FlatRecordContext } from '../model/flat-record.ts';
import type { JsonObject } from '../model/json-fields.ts';

export type JsonShapeName = 'splunk-export' | 'evtx-dump' | 'ecs' | 'flat';

/** What a shape is given besides the record: the reader's per-record context. */
export interface JsonRecordContext extends FlatRecordContext {
  /** Reports this record as skipped (with the reader's current location). */
  skip(code: string, message: string): void;
  /** Reports a Windows event without SystemTime as damaged (ING401; `_time` is 0). */
  missingTime(): void;
}

export interface JsonShape {
  readonly name: JsonShapeName;
  readonly description: string;
  /** Cheap: a few property checks, run on every record. */
  matches(record: JsonObject): boolean;
  /** The event, or undefined when the record was refused (already reported via `skip`). */
  toEvent(record: JsonObject, context: JsonRecordContext): Event | undefined;
}
