// Built-in event types for Sysmon events: which CIM datasets each event ID feeds (docs/datamodels.md).
import { type EventTypeSpec, eventType } from './event-type.ts';

const SYSMON = 'source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"';

/**
 * One event type per dataset. Process creation (1) alone is Endpoint.Processes: the CIM says the
 * dataset is "for the launch of processes ... and not to observe a running process", and ESCU's
 * Processes searches assume process_name is the launched image (for 8 and 10 the add-on's
 * process_name is the accessed or targeted process). A driver load (6) starts a kernel service.
 */
export const SYSMON_EVENT_TYPES: readonly EventTypeSpec[] = [
  eventType('spelunk-sysmon-process-create', `${SYSMON} EventCode=1`, ['process', 'report']),
  eventType('spelunk-sysmon-network-connection', `${SYSMON} EventCode=3`, [
    'network',
    'communicate',
  ]),
  eventType('spelunk-sysmon-driver-loaded', `${SYSMON} EventCode=6`, ['service', 'report'], {
    service_path: 'ImageLoaded',
    service_name: 'replace(ImageLoaded, "^.*\\\\\\\\", "")',
    service_hash: 'Hashes',
  }),
  eventType('spelunk-sysmon-file', `${SYSMON} EventCode IN (2, 11, 15, 23, 26, 27, 28, 29)`, [
    'endpoint',
    'filesystem',
  ]),
  eventType('spelunk-sysmon-registry', `${SYSMON} EventCode IN (12, 13, 14)`, [
    'endpoint',
    'registry',
  ]),
  eventType('spelunk-sysmon-dns-query', `${SYSMON} EventCode=22`, ['network', 'resolution', 'dns']),
];
