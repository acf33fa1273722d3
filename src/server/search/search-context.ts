// What a search over the index works with: the store, the workspace it compiles against, the
// indexes, where its rows and messages go; and the scope (indexes, time) of its store queries.
import { type Diagnostic, type Event, formatDiagnostics } from '../../core/index.ts';
import type { Workspace } from '../../engine/index.ts';
import type { TimeRangeInput } from '../../spl/index.ts';
import type { EventStore } from '../store/event-store.ts';
import type { TimeRange } from '../store/store-query.ts';
import { resolveIndexes } from './route-indexes.ts';

export interface IndexSearchDeps {
  readonly store: EventStore;
  /** What searches compile against and the field knowledge they apply (the engine's workspace). */
  readonly workspace: Workspace;
  /** The indexes the server has. */
  readonly indexes: () => readonly string[];
  /** Indexes read by a search that names none (patterns allowed). */
  readonly defaultIndexes: readonly string[];
  /**
   * The memory budget of the commands of one search (limits.maxJobMemory): past it the search
   * stops with SPL530 naming the command (docs/spl-commands.md); default the engine's.
   */
  readonly maxMemoryBytes?: number;
}

export interface IndexSearchRequest {
  readonly spl: string;
  /** The job's earliest_time/latest_time, in Splunk's time syntax; the search's own override them. */
  readonly timeRange?: TimeRangeInput;
  /** The search's time (epoch seconds) relative times count from; default: the clock. */
  readonly now?: number;
  readonly signal?: AbortSignal;
}

export type MessageType = 'INFO' | 'WARN' | 'ERROR';

export interface SearchOutput {
  emit(rows: readonly Event[]): void;
  message(type: MessageType, text: string): void;
  /** Events read from the store so far (added to as batches arrive). */
  scanned(count: number): void;
}

/** The search does not compile: its diagnostics, rendered with carets in `message`. */
export class SearchCompileError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], text?: string) {
    super(text ?? formatDiagnostics(diagnostics));
    this.name = 'SearchCompileError';
    this.diagnostics = diagnostics;
  }
}

export function chooseIndexes(
  routes: Parameters<typeof resolveIndexes>[0],
  deps: IndexSearchDeps,
  output: SearchOutput,
): readonly string[] {
  const resolved = resolveIndexes(routes, deps.indexes(), deps.defaultIndexes);
  for (const name of resolved.unknown) {
    output.message(
      'WARN',
      `index "${name}" does not exist on this server: the search finds nothing in it`,
    );
  }
  return resolved.indexes;
}

/** A time window as the store takes it (no undefined sides). */
export function timeOf(range: TimeRange): TimeRange {
  return {
    ...(range.earliest === undefined ? {} : { earliest: range.earliest }),
    ...(range.latest === undefined ? {} : { latest: range.latest }),
  };
}
