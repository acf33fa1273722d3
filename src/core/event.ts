// The event model shared by every reader and every engine: a flat record of named fields.
import type { MaybeValue } from './value.ts';

/**
 * One event or one result row. Field names are case-sensitive. A missing key (or `undefined`)
 * is SPL null. Events coming out of a reader always carry `_time` (epoch seconds, fractional),
 * `index`, `host`, `source` and `sourcetype`; `_raw` is there unless the reader was told that
 * nothing downstream reads it (see `ReadOptions.needRaw`).
 */
export type Event = Record<string, MaybeValue>;

/**
 * An event as every consumer of one read is handed it (SPL searches, Sigma rules, `dump`): the
 * same object may go to all of them, so none may change it. A consumer that needs a changed
 * event makes its own copy; rows a search emits are shared the same way.
 */
export type SharedEvent = Readonly<Event>;

/**
 * A stream of events in batches. One `await` per batch keeps per-event overhead synchronous;
 * readers yield batches of a few hundred to a few thousand events and never hold a whole file.
 */
export type EventSource = AsyncIterable<readonly Event[]>;

/** The Splunk metadata fields every reader sets on an event (not what the event itself says). */
export const METADATA_FIELDS: ReadonlySet<string> = new Set([
  '_time',
  '_raw',
  'index',
  'host',
  'source',
  'sourcetype',
]);
