// The built-in event types that put Windows events into the data models.
import type { EventTypeSpec } from './event-type.ts';
import { SYSMON_EVENT_TYPES } from './sysmon.ts';
import { SECURITY_EVENT_TYPES } from './windows-security.ts';

export const BUILTIN_EVENT_TYPES: readonly EventTypeSpec[] = [
  ...SYSMON_EVENT_TYPES,
  ...SECURITY_EVENT_TYPES,
];
