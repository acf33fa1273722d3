// A decoded chunk flattened to one array for the trip from a worker: structured cloning a flat
// array of strings costs about a fifth of cloning the same records as objects (measured).
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import type { DecodedChunk, DecodedRecord, EvtxProblem } from '../decoded.ts';

export interface PackedChunk {
  readonly index: number;
  readonly problems: readonly EvtxProblem[];
  /** Per record: id, offset, recovered, xml, then parts (see `packChunk`) or a 0. */
  readonly cells: readonly (string | number | undefined)[];
}

const SYSTEM_KEYS: readonly (keyof WindowsSystem)[] = [
  'providerName',
  'providerGuid',
  'eventSourceName',
  'eventId',
  'qualifiers',
  'version',
  'level',
  'task',
  'opcode',
  'keywords',
  'systemTime',
  'eventRecordId',
  'activityId',
  'relatedActivityId',
  'processId',
  'threadId',
  'channel',
  'computer',
  'userId',
];

export function packChunk(chunk: DecodedChunk): PackedChunk {
  const cells: (string | number | undefined)[] = [];
  for (const record of chunk.records) {
    cells.push(record.recordId, record.offset, record.recovered ? 1 : 0, record.xml);
    const parts = record.parts;
    if (parts === undefined) {
      cells.push(0);
      continue;
    }
    cells.push(1);
    for (const key of SYSTEM_KEYS) cells.push(parts.system[key]);
    cells.push(parts.renderedMessage, parts.data.length);
    for (const item of parts.data) cells.push(item.name, item.value);
  }
  return { index: chunk.index, problems: chunk.problems, cells };
}

export function unpackChunk(packed: PackedChunk): DecodedChunk {
  const { cells } = packed;
  const records: DecodedRecord[] = [];
  let i = 0;
  while (i < cells.length) {
    const recordId = cells[i++] as number;
    const offset = cells[i++] as number;
    const recovered = cells[i++] === 1;
    const xml = cells[i++] as string | undefined;
    let parts: WindowsEventParts | undefined;
    if (cells[i++] === 1) {
      const system: { -readonly [K in keyof WindowsSystem]: WindowsSystem[K] } = {};
      for (const key of SYSTEM_KEYS) {
        const value = cells[i++] as string | undefined;
        if (value !== undefined) system[key] = value;
      }
      const message = cells[i++] as string | undefined;
      const count = cells[i++] as number;
      const data: WindowsDataItem[] = new Array(count);
      for (let k = 0; k < count; k++) {
        data[k] = { name: cells[i] as string | undefined, value: cells[i + 1] as string };
        i += 2;
      }
      parts = message === undefined ? { system, data } : { system, data, renderedMessage: message };
    }
    records.push({ recordId, offset, parts, xml, recovered });
  }
  return { index: packed.index, records, problems: packed.problems };
}
