// The decoded shape of one Windows event, shared by the XML, JSON and EVTX readers, and its
// mapping onto the flat event model (docs/event-model.md).
import { type Event, METADATA_FIELDS, type Scalar } from '../../core/index.ts';
import { addFieldValue } from '../model/add-field-value.ts';
import { FieldListShapes } from '../model/field-list-shapes.ts';
import { parseTimestamp } from '../model/timestamp.ts';

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

/**
 * One `<Data>` of EventData (name absent when unnamed), the EventData `<Binary>` (name `Binary`),
 * or one leaf element of UserData / ProcessingErrorData (name = its local name). An empty or
 * self-closing element has the value `''`.
 */
export interface WindowsDataItem {
  readonly name: string | undefined;
  readonly value: string;
}

export interface WindowsEventParts {
  readonly system: WindowsSystem;
  readonly data: readonly WindowsDataItem[];
  /** `<RenderingInfo><Message>` (wevtutil `/rd:true`, Splunk with rendered text), when present. */
  readonly renderedMessage?: string;
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
  /** Called when neither SystemTime nor a Sysmon `UtcTime` gives a time; `_time` is then 0. */
  readonly onMissingTime?: () => void;
}

export const DEFAULT_WINDOWS_INDEX = 'wineventlog';

/** The sourcetype Splunk_TA_windows ≥ 6 gives rendered-XML Windows events. */
export const WINDOWS_SOURCETYPE = 'XmlWinEventLog';

/** `source` for a channel, as Splunk's Windows event log input names it. */
export function windowsSource(channel: string | undefined): string {
  const name = channel ?? 'unknown';
  // One string per channel rather than one per event: inputs hold a handful of channels.
  let source = sourceByChannel.get(name);
  if (source === undefined) {
    source = `${WINDOWS_SOURCETYPE}:${name}`;
    if (sourceByChannel.size >= 1024) sourceByChannel.clear();
    sourceByChannel.set(name, source);
  }
  return source;
}

const sourceByChannel = new Map<string, string>();

/**
 * Field names of the System values, in event order. `EventCode` repeats EventID under the name
 * Splunk's Windows add-on gives it. `systemFields` below writes exactly these (a test checks it).
 */
export const SYSTEM_FIELD_NAMES: readonly (readonly [keyof WindowsSystem, string])[] = [
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
 * UserData: a Data item whose name repeats a field (another Data item, or a System field such as
 * `Name`) adds a value, making the field multivalue, as Splunk's `$1::$2` Data extraction does on
 * top of its System extractions; unnamed Data items become the multivalue field `Data`. The
 * rendered message is `Message`. `_time` is SystemTime, else the Sysmon `UtcTime` Data item.
 *
 * The three steps are exported for readers that build an event as they decode it (the XML
 * reader): `beginWindowsEvent` once System is known, `addWindowsData` per item, then
 * `endWindowsEvent`; the result is the same as this function's.
 */
export function windowsEventToEvent(parts: WindowsEventParts, meta: WindowsEventMeta): Event {
  const event = beginWindowsEvent(parts.system, meta);
  for (const item of parts.data) addWindowsData(event, item.name, item.value);
  return endWindowsEvent(event, meta, parts.renderedMessage);
}

/** System fields and Splunk metadata; `_time` is NaN until `endWindowsEvent` if SystemTime is absent. */
export function beginWindowsEvent(system: WindowsSystem, meta: WindowsEventMeta): Event {
  const event = systemFields(system);
  // Metadata before the Data fields: constant names stored while the object is still in V8's
  // fast mode (many dynamic names later switch it to dictionary mode).
  event['_time'] =
    system.systemTime === undefined
      ? Number.NaN
      : (parseTimestamp(system.systemTime) ?? Number.NaN);
  event['index'] = meta.index;
  event['host'] = system.computer ?? 'unknown';
  event['source'] = meta.source ?? windowsSource(system.channel);
  event['sourcetype'] = meta.sourcetype ?? WINDOWS_SOURCETYPE;
  return event;
}

/** The field of a Data item (unnamed: `Data`); a name of Splunk metadata becomes `EventData_<name>`. */
export function windowsDataField(name: string | undefined): string {
  const field = name ?? 'Data';
  return METADATA_FIELDS.has(field) ? `EventData_${field}` : field;
}

/** One Data item, added to the event (see windowsDataField). */
export function addWindowsData(event: Event, name: string | undefined, value: string): void {
  addFieldValue(event, windowsDataField(name), value);
}

const shapes = new FieldListShapes();
/** The field list and values of the event being built (reused: one event is built at a time). */
const listNames: string[] = [];
const listValues: Scalar[] = [];

/**
 * windowsEventToEvent for a reader that collected the Data items as it read them: their fields
 * (windowsDataField) and values in order. The event is built by one object literal per field
 * list (FieldListShapes); a list no literal can build takes windowsEventToEvent's steps. Both
 * give the same fields, in the same order, with the same values.
 */
export function windowsEventOfItems(
  system: WindowsSystem,
  dataFields: readonly string[],
  dataValues: readonly string[],
  meta: WindowsEventMeta,
  renderedMessage: string | undefined,
): Event {
  const names = listNames;
  const values = listValues;
  names.length = 0;
  values.length = 0;
  for (const [key, name] of SYSTEM_FIELD_NAMES) {
    const value = system[key];
    if (value === undefined) continue;
    names.push(name);
    values.push(value);
  }
  const timeAt = names.length;
  names.push('_time', 'index', 'host', 'source', 'sourcetype');
  values.push(
    Number.NaN,
    meta.index,
    system.computer ?? 'unknown',
    meta.source ?? windowsSource(system.channel),
    meta.sourcetype ?? WINDOWS_SOURCETYPE,
  );
  for (let i = 0; i < dataFields.length; i++) {
    names.push(dataFields[i] as string);
    values.push(dataValues[i] as string);
  }
  if (renderedMessage !== undefined) {
    names.push('Message');
    values.push(renderedMessage);
  }
  if (meta.raw !== undefined) {
    names.push('_raw');
    values.push(meta.raw);
  }
  const create = shapes.constructorOf(names);
  if (create === null) {
    const event = beginWindowsEvent(system, meta);
    for (let i = 0; i < dataFields.length; i++) {
      addFieldValue(event, dataFields[i] as string, dataValues[i] as string);
    }
    return endWindowsEvent(event, meta, renderedMessage);
  }
  let time =
    system.systemTime === undefined
      ? Number.NaN
      : (parseTimestamp(system.systemTime) ?? Number.NaN);
  if (Number.isNaN(time)) {
    // endWindowsEvent's fallback: the first UtcTime value (a Data item: System has no such field).
    const at = dataFields.indexOf('UtcTime');
    const text = at < 0 ? undefined : dataValues[at];
    time = (text === undefined ? undefined : parseTimestamp(text)) ?? missingTime(meta);
  }
  values[timeAt] = time;
  return create(values);
}

/** Rendered message, `_time` fallback (Sysmon `UtcTime`, else 0 and `onMissingTime`), `_raw`. */
export function endWindowsEvent(
  event: Event,
  meta: WindowsEventMeta,
  renderedMessage: string | undefined,
): Event {
  if (renderedMessage !== undefined) addFieldValue(event, 'Message', renderedMessage);
  if (Number.isNaN(event['_time'])) {
    const utcTime = event['UtcTime'];
    const text = Array.isArray(utcTime) ? utcTime[0] : utcTime;
    event['_time'] =
      (typeof text === 'string' ? parseTimestamp(text) : undefined) ?? missingTime(meta);
  }
  if (meta.raw !== undefined) event['_raw'] = meta.raw;
  return event;
}

/**
 * The System values as fields. Written out rather than looped over SYSTEM_FIELD_NAMES: constant
 * property names let V8 build every event along the same few hidden classes, which made this
 * mapping several times faster (bench `ingest`); the table stays the documented mapping.
 */
function systemFields(system: WindowsSystem): Event {
  const event: Event = {};
  if (system.providerName !== undefined) event['Name'] = system.providerName;
  if (system.providerGuid !== undefined) event['Guid'] = system.providerGuid;
  if (system.eventSourceName !== undefined) event['EventSourceName'] = system.eventSourceName;
  if (system.eventId !== undefined) {
    event['EventID'] = system.eventId;
    event['EventCode'] = system.eventId;
  }
  if (system.qualifiers !== undefined) event['Qualifiers'] = system.qualifiers;
  if (system.version !== undefined) event['Version'] = system.version;
  if (system.level !== undefined) event['Level'] = system.level;
  if (system.task !== undefined) event['Task'] = system.task;
  if (system.opcode !== undefined) event['Opcode'] = system.opcode;
  if (system.keywords !== undefined) event['Keywords'] = system.keywords;
  if (system.systemTime !== undefined) event['SystemTime'] = system.systemTime;
  if (system.eventRecordId !== undefined) event['EventRecordID'] = system.eventRecordId;
  if (system.activityId !== undefined) event['ActivityID'] = system.activityId;
  if (system.relatedActivityId !== undefined) event['RelatedActivityID'] = system.relatedActivityId;
  if (system.processId !== undefined) event['ProcessID'] = system.processId;
  if (system.threadId !== undefined) event['ThreadID'] = system.threadId;
  if (system.channel !== undefined) event['Channel'] = system.channel;
  if (system.computer !== undefined) event['Computer'] = system.computer;
  if (system.userId !== undefined) event['UserID'] = system.userId;
  return event;
}

function missingTime(meta: WindowsEventMeta): number {
  meta.onMissingTime?.();
  return 0;
}

/**
 * Parses `2021-09-22T13:18:31.589696800Z` (7- or 9-digit fractions, which `Date.parse` truncates
 * to milliseconds) into epoch seconds with the fraction kept to microseconds. Text without a zone
 * is UTC, as Windows writes SystemTime. Returns NaN for text that is not a timestamp.
 */
export function parseSystemTime(text: string): number {
  return parseTimestamp(text) ?? Number.NaN;
}
