// What the detect role has done, read back from the store: run records (`index=internal
// sourcetype=scheduler`), risk events (`index=risk`) and notables (`index=notable`). The REST
// endpoints, `spelunk status` and the web UI read these, never in-process state.
import type { Event } from '../../core/index.ts';
import type { EventStore } from '../store/event-store.ts';
import {
  INTERNAL_INDEX,
  NOTABLE_INDEX,
  RISK_INDEX,
  SCHEDULER_SOURCETYPE,
} from './output/detect-records.ts';
import { scalarText } from './output/risk-values.ts';
import { readValues } from './output/store-reads.ts';

/** A run as recorded (RunRecord's fields as stored, plus its record time). */
export interface RunHistoryEntry {
  readonly savedsearch_name: string;
  readonly search_type: string;
  readonly status: 'success' | 'failed' | 'skipped';
  readonly reason: string | undefined;
  readonly sid: string;
  readonly scheduled_time: number;
  readonly dispatch_time: number;
  readonly earliest_time: number | undefined;
  readonly latest_time: number | undefined;
  readonly run_time: number;
  readonly result_count: number;
  readonly risk_event_count: number;
  readonly suppressed_count: number;
  readonly notable_count: number;
  readonly skipped_windows: number | undefined;
}

export interface TimeWindowQuery {
  /** Epoch seconds; default: a week before `latest`. */
  readonly earliest?: number;
  readonly latest?: number;
  readonly limit?: number;
}

const WEEK = 7 * 86_400;

/** Run records newest first, of one saved search or of all. */
export async function readRunHistory(
  store: Pick<EventStore, 'query'>,
  now: number,
  query: TimeWindowQuery & { readonly searchName?: string },
): Promise<RunHistoryEntry[]> {
  const latest = query.latest ?? now + 1;
  const events = await readValues(store, {
    index: INTERNAL_INDEX,
    earliest: query.earliest ?? latest - WEEK,
    latest,
    where: {
      sourcetype: SCHEDULER_SOURCETYPE,
      ...(query.searchName === undefined ? {} : { savedsearch_name: query.searchName }),
    },
    fields: 'all',
    limit: query.limit ?? 1000,
  });
  // Runs caught up after downtime are recorded at the same clock time: order them by their window.
  return events
    .map(runEntry)
    .sort((a, b) => b.scheduled_time - a.scheduled_time || b.dispatch_time - a.dispatch_time);
}

/** The run record of each saved search with the latest scheduled time, within a week. */
export async function readLastRuns(
  store: Pick<EventStore, 'query'>,
  now: number,
): Promise<Map<string, RunHistoryEntry>> {
  const last = new Map<string, RunHistoryEntry>();
  for (const entry of await readRunHistory(store, now, { limit: 100_000 })) {
    const seen = last.get(entry.savedsearch_name);
    if (seen === undefined || entry.scheduled_time > seen.scheduled_time)
      last.set(entry.savedsearch_name, entry);
  }
  return last;
}

export interface DetectEventQuery extends TimeWindowQuery {
  /** Risk events: of this risk object; notables: of this risk object (case-insensitive). */
  readonly riskObject?: string;
  readonly searchName?: string;
}

/** Risk events (`index=risk`) newest first, every field as stored. */
export function readRiskEvents(
  store: Pick<EventStore, 'query'>,
  now: number,
  query: DetectEventQuery,
): Promise<Event[]> {
  return readDetectEvents(store, RISK_INDEX, now, query);
}

/** Notables (`index=notable`) newest first, every field as stored. */
export function readNotables(
  store: Pick<EventStore, 'query'>,
  now: number,
  query: DetectEventQuery,
): Promise<Event[]> {
  return readDetectEvents(store, NOTABLE_INDEX, now, query);
}

function readDetectEvents(
  store: Pick<EventStore, 'query'>,
  index: string,
  now: number,
  query: DetectEventQuery,
): Promise<Event[]> {
  const latest = query.latest ?? now + 86_400;
  return readValues(store, {
    index,
    earliest: query.earliest ?? latest - 30 * 86_400,
    latest,
    ...(query.searchName === undefined ? {} : { where: { search_name: query.searchName } }),
    ...(query.riskObject === undefined ? {} : { field: 'risk_object', values: [query.riskObject] }),
    fields: 'all',
    limit: Math.min(query.limit ?? 1000, 50_000),
  });
}

function runEntry(event: Event): RunHistoryEntry {
  const num = (name: string) => {
    const n = Number(scalarText(event[name]));
    return Number.isFinite(n) ? n : 0;
  };
  const opt = (name: string) => (event[name] === undefined ? undefined : num(name));
  const status = scalarText(event['status']);
  return {
    savedsearch_name: scalarText(event['savedsearch_name']),
    search_type: scalarText(event['search_type']),
    status: status === 'failed' || status === 'skipped' ? status : 'success',
    reason: event['reason'] === undefined ? undefined : scalarText(event['reason']),
    sid: scalarText(event['sid']),
    scheduled_time: num('scheduled_time'),
    dispatch_time: num('dispatch_time'),
    earliest_time: opt('earliest_time'),
    latest_time: opt('latest_time'),
    run_time: num('run_time'),
    result_count: num('result_count'),
    risk_event_count: num('risk_event_count'),
    suppressed_count: num('suppressed_count'),
    notable_count: num('notable_count'),
    skipped_windows: opt('skipped_windows'),
  };
}
