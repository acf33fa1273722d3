// The alias table: how flat record shapes name the event model's fields (docs/event-model.md).

/**
 * `from` is copied to `to` when `to` is absent (Splunk's `FIELDALIAS ... ASNEW`): the original
 * field stays, so a search written against the shape's own names still works, and a field the
 * record already has under the model's name is never overwritten. A `from` ending in `.*` copies
 * every field under that prefix to the name after it. Entries apply in order.
 */
export interface FieldAlias {
  readonly from: string;
  readonly to: string;
}

/** The flat shapes that have aliases. */
export type FlatShapeName = 'flat' | 'ecs';

/**
 * OTRF/Mordor JSON lines and other NXLog `im_msvistalog` output (and CSV with the same columns).
 * Not aliased on purpose: Security's hex `ProcessId`/`NewProcessId` are EventData values Windows
 * itself renders in hex (the XML of the same record has `0x2b90` too), distinct from the System
 * `ProcessID`; NXLog's `Opcode`/`Category` are rendered texts, not the numeric System values.
 */
const NXLOG_ALIASES: readonly FieldAlias[] = [
  { from: 'Hostname', to: 'Computer' },
  { from: 'SourceName', to: 'Name' },
  { from: 'ProviderGuid', to: 'Guid' },
  { from: 'RecordNumber', to: 'EventRecordID' },
  { from: 'ExecutionProcessID', to: 'ProcessID' },
  { from: 'ExecutionThreadID', to: 'ThreadID' },
  { from: 'EventID', to: 'EventCode' },
  // Splunk's classic WinEventLog exports name the id EventCode only.
  { from: 'EventCode', to: 'EventID' },
];

/**
 * Winlogbeat / Elastic Agent (ECS), after flattening to dotted names. `winlog.opcode`,
 * `winlog.task` and `winlog.keywords{}` are rendered texts there, so they are not aliased to the
 * numeric System fields.
 */
const ECS_ALIASES: readonly FieldAlias[] = [
  { from: 'winlog.event_data.*', to: '' },
  { from: 'winlog.user_data.*', to: '' },
  { from: 'winlog.event_id', to: 'EventID' },
  { from: 'event.code', to: 'EventID' },
  { from: 'EventID', to: 'EventCode' },
  { from: 'winlog.channel', to: 'Channel' },
  { from: 'winlog.computer_name', to: 'Computer' },
  { from: 'host.name', to: 'Computer' },
  { from: 'winlog.record_id', to: 'EventRecordID' },
  { from: 'winlog.provider_name', to: 'Name' },
  { from: 'event.provider', to: 'Name' },
  { from: 'winlog.provider_guid', to: 'Guid' },
  { from: 'winlog.process.pid', to: 'ProcessID' },
  { from: 'winlog.process.thread.id', to: 'ThreadID' },
  { from: 'winlog.user.identifier', to: 'UserID' },
  { from: 'winlog.version', to: 'Version' },
  { from: 'winlog.activity_id', to: 'ActivityID' },
  { from: 'winlog.related_activity_id', to: 'RelatedActivityID' },
  { from: 'message', to: 'Message' },
];

export const FIELD_ALIASES: Readonly<Record<FlatShapeName, readonly FieldAlias[]>> = {
  flat: NXLOG_ALIASES,
  ecs: ECS_ALIASES,
};

/**
 * Where each shape's `_time` comes from, first match wins: a Splunk `_time` (export or CSV), the
 * System time, then the shape's own timestamps. Sysmon's `UtcTime` comes last: it is the time
 * Sysmon saw the activity, a little before the event was written.
 */
export const TIME_FIELDS: Readonly<Record<FlatShapeName, readonly string[]>> = {
  flat: ['_time', 'SystemTime', '@timestamp', 'TimeCreated', 'EventTime', 'UtcTime'],
  ecs: ['@timestamp', 'winlog.time_created', 'event.created', 'UtcTime'],
};
