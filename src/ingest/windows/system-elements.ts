// Where each System value sits in an event's `<System>` element (the Windows event schema,
// "SystemPropertiesType"): the readers of XML and of evtx_dump JSON share this table.
import type { WindowsSystem } from './windows-event.ts';

/** `<System>` children whose text is a System value: [element, key]. */
export const SYSTEM_TEXT_ELEMENTS: readonly (readonly [string, keyof WindowsSystem])[] = [
  ['EventID', 'eventId'],
  ['Version', 'version'],
  ['Level', 'level'],
  ['Task', 'task'],
  ['Opcode', 'opcode'],
  ['Keywords', 'keywords'],
  ['EventRecordID', 'eventRecordId'],
  ['Channel', 'channel'],
  ['Computer', 'computer'],
];

/** `<System>` children whose attributes are System values: [element, attribute, key]. */
export const SYSTEM_ATTRIBUTE_ELEMENTS: readonly (readonly [
  string,
  string,
  keyof WindowsSystem,
])[] = [
  ['Provider', 'Name', 'providerName'],
  ['Provider', 'Guid', 'providerGuid'],
  ['Provider', 'EventSourceName', 'eventSourceName'],
  ['EventID', 'Qualifiers', 'qualifiers'],
  ['TimeCreated', 'SystemTime', 'systemTime'],
  ['Correlation', 'ActivityID', 'activityId'],
  ['Correlation', 'RelatedActivityID', 'relatedActivityId'],
  ['Execution', 'ProcessID', 'processId'],
  ['Execution', 'ThreadID', 'threadId'],
  ['Security', 'UserID', 'userId'],
];
