// Renders Sysmon and Security events as Splunk XmlWinEventLog lines (one <Event> per line).
//
// Used by generate-content-data.ts. The field lists follow what Sysmon 15 (schema 4.90) and the
// Security auditing provider write for each event id; values come from the scenario.
import { createHash } from 'node:crypto';

export interface Host {
  readonly computer: string;
  readonly ip: string;
  /** First GUID group Sysmon derives from the machine; shared by every GUID it writes there. */
  readonly guidPrefix: string;
  readonly sysmonPid: number;
  readonly lsassPid: number;
  nextSysmonRecord: number;
  nextSecurityRecord: number;
}

export interface FileInfo {
  readonly fileVersion: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly originalFileName: string;
}

/** What Sysmon writes for a binary with no version resource. */
export const NO_FILE_INFO: FileInfo = {
  fileVersion: '-',
  description: '-',
  product: '-',
  company: '-',
  originalFileName: '-',
};

export interface Account {
  readonly name: string;
  readonly sid: string;
  readonly logonGuid: string;
  readonly logonId: string;
}

export interface Proc {
  readonly guid: string;
  readonly pid: number;
  readonly image: string;
  readonly commandLine: string;
  readonly currentDirectory: string;
  readonly account: Account;
  readonly integrity: 'Low' | 'Medium' | 'High' | 'System';
  readonly fileInfo: FileInfo;
  readonly parent: Proc | undefined;
  readonly terminalSession: number;
}

const SYSMON_PROVIDER =
  "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>";
const SECURITY_PROVIDER =
  "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>";

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;')
    .replace(/\n/g, '&#xA;');
}

/** `2025-03-14T09:12:03.4471922Z`: SystemTime with the 100 ns precision Windows writes. */
export function systemTime(ms: number, ticks: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}${String(ticks % 10000).padStart(4, '0')}Z`;
}

/** `2025-03-14 09:12:03.447`: the UtcTime Sysmon puts in EventData. */
export function utcTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

export function hashesOf(path: string): string {
  const sha256 = digest('sha256', path);
  return `MD5=${digest('md5', path).toUpperCase()},SHA256=${sha256.toUpperCase()},IMPHASH=${digest('md5', `imphash:${path}`).toUpperCase()}`;
}

function digest(algorithm: 'md5' | 'sha256', key: string): string {
  return createHash(algorithm).update(`spelunk content fixture:${key}`).digest('hex');
}

function dataItems(items: readonly (readonly [string, string | number])[]): string {
  return items
    .map(([name, value]) => `<Data Name='${name}'>${escapeXml(String(value))}</Data>`)
    .join('');
}

function sysmonEvent(
  host: Host,
  ms: number,
  eventId: number,
  version: number,
  threadId: number,
  items: readonly (readonly [string, string | number])[],
): string {
  const record = host.nextSysmonRecord++;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${SYSMON_PROVIDER}` +
    `<EventID>${eventId}</EventID><Version>${version}</Version><Level>4</Level><Task>${eventId}</Task>` +
    `<Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${systemTime(ms + 2, record * 7919)}'/>` +
    `<EventRecordID>${record}</EventRecordID><Correlation/><Execution ProcessID='${host.sysmonPid}' ThreadID='${threadId}'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${host.computer}</Computer>` +
    `<Security UserID='S-1-5-18'/></System><EventData>${dataItems(items)}</EventData></Event>`
  );
}

export function processCreate(host: Host, ms: number, proc: Proc): string {
  const parent = proc.parent;
  return sysmonEvent(host, ms, 1, 5, 4712, [
    ['RuleName', '-'],
    ['UtcTime', utcTime(ms)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['Image', proc.image],
    ['FileVersion', proc.fileInfo.fileVersion],
    ['Description', proc.fileInfo.description],
    ['Product', proc.fileInfo.product],
    ['Company', proc.fileInfo.company],
    ['OriginalFileName', proc.fileInfo.originalFileName],
    ['CommandLine', proc.commandLine],
    ['CurrentDirectory', proc.currentDirectory],
    ['User', proc.account.name],
    ['LogonGuid', proc.account.logonGuid],
    ['LogonId', proc.account.logonId],
    ['TerminalSessionId', proc.terminalSession],
    ['IntegrityLevel', proc.integrity],
    ['Hashes', hashesOf(proc.image)],
    ['ParentProcessGuid', parent?.guid ?? '{00000000-0000-0000-0000-000000000000}'],
    ['ParentProcessId', parent?.pid ?? 0],
    ['ParentImage', parent?.image ?? '-'],
    ['ParentCommandLine', parent?.commandLine ?? '-'],
    ['ParentUser', parent?.account.name ?? '-'],
  ]);
}

export interface Connection {
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationHostname: string;
  readonly destinationPort: number;
  readonly destinationPortName: string;
}

export function networkConnect(host: Host, ms: number, proc: Proc, c: Connection): string {
  return sysmonEvent(host, ms, 3, 5, 3296, [
    ['RuleName', '-'],
    ['UtcTime', utcTime(ms - 1200)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['Image', proc.image],
    ['User', proc.account.name],
    ['Protocol', 'tcp'],
    ['Initiated', 'true'],
    ['SourceIsIpv6', 'false'],
    ['SourceIp', host.ip],
    ['SourceHostname', host.computer],
    ['SourcePort', c.sourcePort],
    ['SourcePortName', '-'],
    ['DestinationIsIpv6', 'false'],
    ['DestinationIp', c.destinationIp],
    ['DestinationHostname', c.destinationHostname],
    ['DestinationPort', c.destinationPort],
    ['DestinationPortName', c.destinationPortName],
  ]);
}

export interface LoadedImage {
  readonly imageLoaded: string;
  readonly fileInfo: FileInfo;
  readonly signed: boolean;
  readonly signature: string;
}

export function imageLoad(host: Host, ms: number, proc: Proc, image: LoadedImage): string {
  return sysmonEvent(host, ms, 7, 3, 5120, [
    ['RuleName', '-'],
    ['UtcTime', utcTime(ms)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['Image', proc.image],
    ['ImageLoaded', image.imageLoaded],
    ['FileVersion', image.fileInfo.fileVersion],
    ['Description', image.fileInfo.description],
    ['Product', image.fileInfo.product],
    ['Company', image.fileInfo.company],
    ['OriginalFileName', image.fileInfo.originalFileName],
    ['Hashes', hashesOf(image.imageLoaded)],
    ['Signed', image.signed ? 'true' : 'false'],
    ['Signature', image.signature],
    ['SignatureStatus', image.signed ? 'Valid' : 'Unavailable'],
    ['User', proc.account.name],
  ]);
}

export function dnsQuery(
  host: Host,
  ms: number,
  proc: Proc,
  query: string,
  results: string,
): string {
  return sysmonEvent(host, ms, 22, 5, 3296, [
    ['RuleName', '-'],
    ['UtcTime', utcTime(ms)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['QueryName', query],
    ['QueryStatus', 0],
    ['QueryResults', results],
    ['Image', proc.image],
    ['User', proc.account.name],
  ]);
}

export function fileCreate(host: Host, ms: number, proc: Proc, target: string): string {
  return sysmonEvent(host, ms, 11, 2, 4712, [
    ['RuleName', '-'],
    ['UtcTime', utcTime(ms)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['Image', proc.image],
    ['TargetFilename', target],
    ['CreationUtcTime', utcTime(ms)],
    ['User', proc.account.name],
  ]);
}

export function registrySetValue(
  host: Host,
  ms: number,
  proc: Proc,
  target: string,
  details: string,
): string {
  return sysmonEvent(host, ms, 13, 2, 4712, [
    ['RuleName', '-'],
    ['EventType', 'SetValue'],
    ['UtcTime', utcTime(ms)],
    ['ProcessGuid', proc.guid],
    ['ProcessId', proc.pid],
    ['Image', proc.image],
    ['TargetObject', target],
    ['Details', details],
    ['User', proc.account.name],
  ]);
}

export interface TaskRegistration {
  readonly account: Account;
  readonly taskName: string;
  /** The task XML, CRLF-separated as Task Scheduler stores it. */
  readonly taskContent: string;
  readonly clientProcessId: number;
  readonly parentProcessId: number;
}

/** Security 4698 version 1 (Windows 10 1809 and later add the client process fields). */
export function scheduledTaskCreated(host: Host, ms: number, task: TaskRegistration): string {
  const record = host.nextSecurityRecord++;
  const [domain = '', user = ''] = task.account.name.split('\\');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${SECURITY_PROVIDER}` +
    `<EventID>4698</EventID><Version>1</Version><Level>0</Level><Task>12804</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='${systemTime(ms, record * 104729)}'/>` +
    `<EventRecordID>${record}</EventRecordID><Correlation/><Execution ProcessID='${host.lsassPid}' ThreadID='${host.lsassPid + 1948}'/>` +
    `<Channel>Security</Channel><Computer>${host.computer}</Computer><Security/></System><EventData>` +
    dataItems([
      ['SubjectUserSid', task.account.sid],
      ['SubjectUserName', user],
      ['SubjectDomainName', domain],
      ['SubjectLogonId', task.account.logonId],
      ['TaskName', task.taskName],
      ['TaskContent', task.taskContent],
      ['ClientProcessStartKey', String(8444249301320000 + task.clientProcessId * 13)],
      ['ClientProcessId', task.clientProcessId],
      ['ParentProcessId', task.parentProcessId],
      ['RpcCallClientLocality', 0],
      ['FQDN', host.computer],
    ]) +
    '</EventData></Event>'
  );
}
