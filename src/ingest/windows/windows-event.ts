// The decoded shape of one Windows event, shared by the XML, JSON and EVTX readers, and its
// mapping onto the flat event model (docs/event-model.md).
import type { Event } from '../../core/event.ts';
import type { Scalar } from '../../core/value.ts';

/** `<System>` values as the rendered XML carries them (text, not numbers). */
export interface WindowsSystem {
  readonly providerName?: string;
  readonly providerGuid?: string;
  readonly eventSourceName?: string;
  readonly eventId?: string;
  readonly qualifiers?: string;
  readonly version?: string;
  readonly level?: string;
  readonly task?: string;
  readonly opcode?: string;
  readonly keywords?: string;
  readonly systemTime?: string;
  readonly eventRecordId?: string;
  readonly activityId?: string;
  readonly relatedActivityId?: string;
  readonly processId?: string;
  readonly threadId?: string;
  readonly channel?: string;
  readonly computer?: string;
  readonly userId?: string;
}

/** One `<Data>` of EventData (name absent when unnamed) or one leaf element of UserData. */
export interface WindowsDataItem {
  readonly name: string | undefined;
  readonly value: string;
}

export interface WindowsEventParts {
  readonly system: WindowsSystem;
  readonly data: readonly WindowsDataItem[];
}

export interface WindowsEventMeta {
  /** Splunk index; Windows event data defaults to `wineventlog`. */
  readonly index: string;
  /** The original text (XML readers) or a lazily built rendering; omitted when not needed. */
  readonly raw?: string;
  /** Overrides `XmlWinEventLog:<Channel>` (contentctl-style replay with a test's source). */
  readonly source?: string;
  /** Overrides `XmlWinEventLog`. */
  readonly sourcetype?: string;
}

export const DEFAULT_WINDOWS_INDEX = 'wineventlog';

const SYSTEM_FIELDS: readonly (readonly [keyof WindowsSystem, string])[] = [
  ['providerName', 'Name'],
  ['providerGuid', 'Guid'],
  ['eventSourceName', 'EventSourceName'],
  ['eventId', 'EventID'],
  ['eventId', 'EventCode'],
  ['qualifiers', 'Qualifiers'],
  ['version', 'Version'],
  ['level', 'Level'],
  ['task', 'Task'],
  ['opcode', 'Opcode'],
  ['keywords', 'Keywords'],
  ['systemTime', 'SystemTime'],
  ['eventRecordId', 'EventRecordID'],
  ['activityId', 'ActivityID'],
  ['relatedActivityId', 'RelatedActivityID'],
  ['processId', 'ProcessID'],
  ['threadId', 'ThreadID'],
  ['channel', 'Channel'],
  ['computer', 'Computer'],
  ['userId', 'UserID'],
];

/**
 * Maps a decoded Windows event onto the event model. System values first, then EventData and
 * UserData: a Data item whose name repeats a field adds a value (multivalue), as Splunk's
 * extraction does; unnamed Data items become the multivalue field `Data`.
 */
export function windowsEventToEvent(parts: WindowsEventParts, meta: WindowsEventMeta): Event {
  const event: Event = {};
  const { system } = parts;
  for (const [key, field] of SYSTEM_FIELDS) {
    const value = system[key];
    if (value !== undefined) event[field] = value;
  }
  for (const item of parts.data) {
    addValue(event, item.name ?? 'Data', item.value);
  }
  event['_time'] = system.systemTime === undefined ? 0 : parseSystemTime(system.systemTime);
  event['index'] = meta.index;
  event['host'] = system.computer ?? 'unknown';
  event['source'] = meta.source ?? `XmlWinEventLog:${system.channel ?? 'unknown'}`;
  event['sourcetype'] = meta.sourcetype ?? 'XmlWinEventLog';
  if (meta.raw !== undefined) event['_raw'] = meta.raw;
  return event;
}

function addValue(event: Event, field: string, value: string): void {
  const existing = event[field];
  if (existing === undefined) {
    event[field] = value;
  } else if (Array.isArray(existing)) {
    event[field] = [...(existing as readonly Scalar[]), value];
  } else {
    event[field] = [existing as Scalar, value];
  }
}

const SYSTEM_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses `2021-09-22T13:18:31.589696800Z` (7- or 9-digit fractions, which `Date.parse` truncates
 * to milliseconds) into epoch seconds with the fraction kept to microseconds. Text without a zone
 * is UTC, as Windows writes SystemTime. Returns NaN for text that is not a timestamp.
 */
export function parseSystemTime(text: string): number {
  const m = SYSTEM_TIME.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const micros = frac ? Number(frac.slice(0, 6).padEnd(6, '0')) : 0;
  return Math.floor(ms / 1000) + micros / 1e6;
}
