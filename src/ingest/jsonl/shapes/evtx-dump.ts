// Rust `evtx_dump` JSON: {"Event": {"System": {...}, "EventData": {...}}} with `#attributes`.
import { isJsonObject } from '../../model/json-fields.ts';
import { windowsEventToEvent } from '../../windows/windows-event.ts';
import type { JsonShape } from '../json-shape.ts';
import { evtxDumpToParts } from './evtx-dump-parts.ts';

export const evtxDumpShape: JsonShape = {
  name: 'evtx-dump',
  description: 'evtx_dump JSON: an `Event` object with `System` and `EventData`/`UserData`',
  matches: (record) => {
    const event = record['Event'];
    return isJsonObject(event) && isJsonObject(event['System']);
  },
  toEvent: (record, context) => {
    const { options } = context;
    const parts = evtxDumpToParts(record['Event'] as Parameters<typeof evtxDumpToParts>[0]);
    return windowsEventToEvent(parts, {
      index: options.index,
      onMissingTime: () => context.missingTime(),
      ...(options.needRaw ? { raw: context.rawText() } : {}),
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.sourcetype === undefined ? {} : { sourcetype: options.sourcetype }),
    });
  },
};
