// A flat record (JSON lines, CSV row, Splunk export result) mapped onto the event model: alias
// table, `_time`, and the Splunk metadata.
import { type Event, type MaybeValue, writeField } from '../../core/index.ts';
import type { ReadOptions } from '../read-options.ts';
import { WINDOWS_SOURCETYPE, windowsSource } from '../windows/windows-event.ts';
import {
  FIELD_ALIASES,
  type FieldAlias,
  type FlatShapeName,
  TIME_FIELDS,
} from './field-aliases.ts';
import { parseTimestamp } from './timestamp.ts';
import type { UntimedRecords } from './untimed-records.ts';

export interface FlatRecordContext {
  readonly options: ReadOptions;
  /** Becomes `source` for records that are not Windows events (Splunk's default: the file). */
  readonly path: string;
  /** `_json` or `csv`, for records that are not Windows events. */
  readonly defaultSourcetype: string;
  /** The record's own text, for `_raw`; called only when `options.needRaw`. */
  rawText(): string;
  /**
   * Where records without a time field get theirs (Splunk's rules: the previous record's time,
   * else the file's modification time). Such a record is read correctly: it is not damage.
   */
  readonly untimed: UntimedRecords;
}

/**
 * Completes `event` in place. A record with a `Channel` (after aliasing) is a Windows event and
 * gets the Windows metadata (`source=XmlWinEventLog:<Channel>`, `sourcetype=XmlWinEventLog`,
 * `host` = Computer); other records keep Splunk's defaults for a monitored file. Metadata the
 * record carries itself (a Splunk export's `host`, `source`, `sourcetype`, `_raw`) is kept;
 * `index` is always the run's, and `--source`/`--sourcetype` overrides win over everything.
 */
export function flatRecordToEvent(
  event: Event,
  shape: FlatShapeName,
  context: FlatRecordContext,
): Event {
  applyAliases(event, FIELD_ALIASES[shape]);
  const { options } = context;
  const channel = firstText(event['Channel']);
  const windows = channel !== undefined;
  let time: number | undefined;
  for (const field of TIME_FIELDS[shape]) {
    const text = firstText(event[field]);
    time = text === undefined ? undefined : parseTimestamp(text);
    if (time !== undefined) break;
  }
  if (time === undefined) time = context.untimed.timeFor();
  else context.untimed.saw(time);
  event['_time'] = time;
  const ownIndex = options.stashKeepsIndex ? stashIndex(event) : undefined;
  event['index'] = ownIndex ?? options.index;
  event['host'] = firstText(event['host']) ?? firstText(event['Computer']) ?? 'unknown';
  event['source'] =
    options.source ??
    firstText(event['source']) ??
    (windows ? windowsSource(channel) : context.path);
  event['sourcetype'] =
    options.sourcetype ??
    firstText(event['sourcetype']) ??
    (windows ? WINDOWS_SOURCETYPE : context.defaultSourcetype);
  if (options.needRaw && typeof event['_raw'] !== 'string') event['_raw'] = context.rawText();
  return event;
}

/** The index a `stash` record names itself (summary indexing; see ReadOptions.stashKeepsIndex). */
function stashIndex(event: Event): string | undefined {
  if (firstText(event['sourcetype']) !== 'stash') return undefined;
  const index = firstText(event['index']);
  return index === undefined || index === '' ? undefined : index;
}

/** Copies each alias's source to its target where the target is absent (see FieldAlias). */
export function applyAliases(event: Event, aliases: readonly FieldAlias[]): void {
  for (const alias of aliases) {
    if (alias.from.endsWith('.*')) {
      const prefix = alias.from.slice(0, -1);
      for (const key of Object.keys(event)) {
        if (key.length > prefix.length && key.startsWith(prefix)) {
          copyIfAbsent(event, key, alias.to + key.slice(prefix.length));
        }
      }
    } else {
      copyIfAbsent(event, alias.from, alias.to);
    }
  }
}

function copyIfAbsent(event: Event, from: string, to: string): void {
  const value = fieldValue(event, from);
  if (value === undefined || fieldValue(event, to) !== undefined) return;
  // A multivalue list is copied: readers grow lists in place, and two fields must not share one.
  writeField(event, to, Array.isArray(value) ? [...value] : value);
}

/**
 * The field's value, or undefined. Field values are strings, numbers or lists; what else a lookup
 * finds is an inherited member (`constructor`, `__proto__`), not a field. Cheaper than
 * `Object.hasOwn` on every lookup, which this path does eight times per record.
 */
function fieldValue(event: Event, name: string): MaybeValue {
  const value = event[name];
  return typeof value === 'string' || typeof value === 'number' || Array.isArray(value)
    ? value
    : undefined;
}

function firstText(value: MaybeValue): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
