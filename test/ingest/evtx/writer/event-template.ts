// A Windows-shaped event template (System + EventData) for tests, with its value list builder.
import type { Node } from './binxml-writer.ts';
import type { TemplateSpec } from './chunk-writer.ts';
import { T, type Value, v } from './values.ts';

export const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

const opt = (sub: number, type: number) => ({ sub, type, optional: true });

/** System values in the order the template substitutes them (indices 0..15). */
export interface SystemValues {
  readonly provider: string;
  readonly providerGuid?: string;
  readonly eventId: number;
  readonly version?: number;
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  readonly keywords?: bigint;
  readonly time: Date;
  readonly recordId: number;
  readonly activityId?: string;
  readonly processId?: number;
  readonly threadId?: number;
  readonly channel: string;
  readonly computer: string;
  readonly userId?: string;
}

/** Data values follow the 16 System values. */
const SYSTEM_VALUES = 16;

function systemNodes(): Node {
  return {
    el: 'System',
    children: [
      {
        el: 'Provider',
        attrs: [
          ['Name', [opt(0, T.string)]],
          ['Guid', [opt(1, T.guid)]],
        ],
      },
      { el: 'EventID', children: [opt(2, T.uint16)] },
      { el: 'Version', children: [opt(3, T.uint8)] },
      { el: 'Level', children: [opt(4, T.uint8)] },
      { el: 'Task', children: [opt(5, T.uint16)] },
      { el: 'Opcode', children: [opt(6, T.uint8)] },
      { el: 'Keywords', children: [opt(7, T.hexInt64)] },
      { el: 'TimeCreated', attrs: [['SystemTime', [opt(8, T.fileTime)]]] },
      { el: 'EventRecordID', children: [opt(9, T.uint64)] },
      { el: 'Correlation', attrs: [['ActivityID', [opt(10, T.guid)]]] },
      {
        el: 'Execution',
        attrs: [
          ['ProcessID', [opt(11, T.uint32)]],
          ['ThreadID', [opt(12, T.uint32)]],
        ],
      },
      { el: 'Channel', children: [opt(13, T.string)] },
      { el: 'Computer', children: [opt(14, T.string)] },
      { el: 'Security', attrs: [['UserID', [opt(15, T.sid)]]] },
    ],
  };
}

/** `<Event><System>…</System><EventData><Data Name=…>%n</Data>…</EventData></Event>`. */
export function eventTemplate(
  guid: string,
  dataNames: readonly string[],
  dataTypes?: readonly number[],
): TemplateSpec {
  return {
    guid,
    root: {
      el: 'Event',
      attrs: [['xmlns', [{ text: EVENT_NS }]]],
      children: [
        systemNodes(),
        {
          el: 'EventData',
          children: dataNames.map((name, i) => ({
            el: 'Data',
            attrs: [['Name', [{ text: name }]]] as const,
            children: [{ sub: SYSTEM_VALUES + i, type: dataTypes?.[i] ?? T.string }],
          })),
        },
      ],
    },
  };
}

export function systemValues(s: SystemValues): Value[] {
  const maybe = <X>(x: X | undefined, f: (x: X) => Value) => (x === undefined ? v.null() : f(x));
  return [
    v.string(s.provider),
    maybe(s.providerGuid, v.guid),
    { type: T.uint16, bytes: Uint8Array.of(s.eventId & 0xff, s.eventId >> 8) },
    v.u8(s.version ?? 0),
    v.u8(s.level ?? 4),
    v.u16(s.task ?? 0),
    v.u8(s.opcode ?? 0),
    v.hex64(s.keywords ?? 0x8000000000000000n),
    v.fileTime(s.time),
    v.u64(s.recordId),
    maybe(s.activityId, v.guid),
    maybe(s.processId, v.u32),
    maybe(s.threadId, v.u32),
    v.string(s.channel),
    v.string(s.computer),
    maybe(s.userId, v.sid),
  ];
}

/** A Sysmon-like process-creation event with `n` as record id. */
export function sampleEvent(n: number): Value[] {
  return [
    ...systemValues({
      provider: 'Microsoft-Windows-Sysmon',
      providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
      eventId: 1,
      version: 5,
      task: 1,
      time: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, n % 1000)),
      recordId: n,
      processId: 3544,
      threadId: 4272,
      channel: 'Microsoft-Windows-Sysmon/Operational',
      computer: 'ws1.example.test',
      userId: 'S-1-5-18',
    }),
    v.string(`C:\\Windows\\System32\\cmd${n}.exe`),
    v.string(`cmd.exe /c echo ${n} & whoami <in >out`),
    v.u32(4000 + n),
  ];
}

export const SAMPLE_TEMPLATE = eventTemplate(
  '{11111111-2222-3333-4444-555555555555}',
  ['Image', 'CommandLine', 'ProcessId'],
  [T.string, T.string, T.uint32],
);
