// What the event pump feeds: a consumer says which events it takes, in which state, and which
// fields it reads; the pump does the rest (routing, field knowledge, string copying).
import type { SharedEvent } from '../../core/index.ts';
import type { FieldNeed, RouteFilter } from '../../spl/index.ts';

/**
 * `as-read`: the event as the reader gave it (Sigma rules match what the log says). `with-knowledge`:
 * after the field knowledge computed the fields the consumer reads (SPL searches, `dump`).
 */
export type EventStage = 'as-read' | 'with-knowledge';

export interface EventConsumer {
  /** Events whose route fields this filter rejects never reach it (ROUTE_NONE: it reads none). */
  readonly route: RouteFilter;
  readonly stage: EventStage;
  /** The event fields it reads: knowledge computes only these, and only these are copied. */
  readonly fields: FieldNeed;
  /** Whether it reads `_raw` (the readers then keep it). */
  readonly needsRaw: boolean;
  /**
   * Whether it may hold events after `push` returns (`sort`, `stats values()`): the pump then gives
   * the fields it reads strings of their own, so held events never pin the readers' text.
   */
  readonly holdsEvents: boolean;
  /** True once more events cannot change what it produces: the pump gives it no more. */
  readonly done: boolean;
  /**
   * A batch of the events its route admits, in input order. Every consumer may be handed the same
   * event objects: they are read-only, and a consumer that needs a changed event makes its own copy.
   */
  push(events: readonly SharedEvent[]): void;
  /** Once, after the last push (or with none, for consumers that read no events). */
  finish(): void;
}
