// Fields of a Windows event kept as XML in a `_raw` (Splunk exports, CSV): the XML reader's
// fields for it, added to a record that lacks them.
import { type Event, METADATA_FIELDS, writeField } from '../../core/index.ts';
import { createRecordReader, parseEventRecord } from './event-record.ts';

const reader = createRecordReader({ index: '' }, false);

/**
 * When `raw` is one Windows <Event>, adds each of its fields the record does not already have
 * (the record's own values, extracted by Splunk, win). Returns whether it was one.
 */
export function addRawWindowsXmlFields(event: Event, raw: string): boolean {
  const start = raw.indexOf('<');
  if (
    start < 0 ||
    raw.slice(0, start).trim() !== '' ||
    !/^<(?:[\w.-]+:)?Event[\s>/]/.test(raw.slice(start, start + 64))
  ) {
    return false;
  }
  const parsed = parseEventRecord(raw, start, reader);
  if (parsed.kind !== 'event') return false;
  const fields = parsed.event;
  for (const name of Object.keys(fields)) {
    if (METADATA_FIELDS.has(name)) continue;
    if (!Object.hasOwn(event, name) || event[name] === undefined)
      writeField(event, name, fields[name] as string);
  }
  return true;
}
