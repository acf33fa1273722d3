// The System values in a fixed order, so they can live in arrays (plans, packed worker replies).
import type { WindowsSystem } from '../../windows/windows-event.ts';

export const SYSTEM_KEYS: readonly (keyof WindowsSystem)[] = [
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

/** A WindowsSystem with every key present, to be refilled record after record. */
export type SystemScratch = { -readonly [K in keyof WindowsSystem]-?: string | undefined };

export function emptySystem(): SystemScratch {
  return {
    providerName: undefined,
    providerGuid: undefined,
    eventSourceName: undefined,
    eventId: undefined,
    qualifiers: undefined,
    version: undefined,
    level: undefined,
    task: undefined,
    opcode: undefined,
    keywords: undefined,
    systemTime: undefined,
    eventRecordId: undefined,
    activityId: undefined,
    relatedActivityId: undefined,
    processId: undefined,
    threadId: undefined,
    channel: undefined,
    computer: undefined,
    userId: undefined,
  };
}

/** Sets every value of `system` from `values` (by SYSTEM_KEYS slot); returns it. */
export function fillSystem(
  system: SystemScratch,
  values: readonly (string | undefined)[],
): WindowsSystem {
  system.providerName = values[0];
  system.providerGuid = values[1];
  system.eventSourceName = values[2];
  system.eventId = values[3];
  system.qualifiers = values[4];
  system.version = values[5];
  system.level = values[6];
  system.task = values[7];
  system.opcode = values[8];
  system.keywords = values[9];
  system.systemTime = values[10];
  system.eventRecordId = values[11];
  system.activityId = values[12];
  system.relatedActivityId = values[13];
  system.processId = values[14];
  system.threadId = values[15];
  system.channel = values[16];
  system.computer = values[17];
  system.userId = values[18];
  // Undefined values read as absent keys (WindowsSystem's optional properties).
  return system as WindowsSystem;
}

/** Position of each key in SYSTEM_KEYS. */
export const SYSTEM_SLOT: Readonly<Record<keyof WindowsSystem, number>> = Object.fromEntries(
  SYSTEM_KEYS.map((key, i) => [key, i]),
) as Record<keyof WindowsSystem, number>;
