// Built-in event types for Windows Security events: logons, process creation, services, account changes, filtering platform.
import { type EventTypeSpec, eventType } from './event-type.ts';

const SECURITY = 'source IN ("XmlWinEventLog:Security", "WinEventLog:Security")';

/** Windows Filtering Platform protocol numbers (IANA) to the CIM's transport names. */
const TRANSPORT =
  'case(Protocol=="6", "tcp", Protocol=="17", "udp", Protocol=="1", "icmp", Protocol=="58", "icmp", true(), Protocol)';

/** The filtering platform writes its direction as a message reference (%%14592 inbound, %%14593 outbound). */
const DIRECTION = 'case(Direction=="%%14592", "inbound", Direction=="%%14593", "outbound")';

/** 4697's ServiceStartType (0 boot ... 4 disabled) as the CIM's start_mode. */
const START_MODE =
  'case(ServiceStartType=="0", "boot", ServiceStartType=="1", "system", ServiceStartType=="2", "auto", ServiceStartType=="3", "manual", ServiceStartType=="4", "disabled")';

export const SECURITY_EVENT_TYPES: readonly EventTypeSpec[] = [
  eventType('spelunk-security-process-create', `${SECURITY} EventCode=4688`, ['process', 'report']),
  eventType('spelunk-security-logon', `${SECURITY} EventCode IN (4624, 4625, 4648)`, [
    'authentication',
  ]),
  eventType(
    'spelunk-security-service-install',
    `${SECURITY} EventCode=4697`,
    ['service', 'report'],
    {
      start_mode: START_MODE,
    },
  ),
  eventType(
    'spelunk-security-account-change',
    `${SECURITY} EventCode IN (4720, 4722, 4724, 4725, 4726, 4728, 4732, 4738, 4756, 4767)`,
    ['change', 'account'],
  ),
  eventType(
    'spelunk-security-account-lockout',
    `${SECURITY} EventCode=4740`,
    ['change', 'account'],
    {
      result: '"lockout"',
    },
  ),
  eventType('spelunk-security-audit-log-cleared', `${SECURITY} EventCode=1102`, [
    'change',
    'audit',
  ]),
  eventType(
    'spelunk-security-connection-permitted',
    `${SECURITY} EventCode=5156`,
    ['network', 'communicate'],
    {
      src: 'SourceAddress',
      src_ip: 'SourceAddress',
      src_port: 'SourcePort',
      dest: 'DestAddress',
      dest_ip: 'DestAddress',
      dest_port: 'DestPort',
      transport: TRANSPORT,
      direction: DIRECTION,
      app: 'Application',
      // EventData's ProcessID comes after the System one of the same name (docs/event-model.md).
      process_id: 'mvindex(ProcessID, -1)',
    },
  ),
  eventType('spelunk-security-port-bound', `${SECURITY} EventCode=5158`, ['listening', 'port'], {
    dest_port: 'SourcePort',
    transport: TRANSPORT,
    process_id: 'ProcessId',
  }),
];
