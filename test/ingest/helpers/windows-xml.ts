// Test helper: renders Windows events as XML the way the different producers write them.

export interface EventSpec {
  readonly provider?: string;
  readonly guid?: string;
  readonly eventId: number;
  readonly channel: string;
  readonly computer?: string;
  readonly time?: string;
  readonly recordId?: number;
  readonly data: readonly (readonly [string | undefined, string])[];
}

export type XmlStyle = 'splunk' | 'pretty';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `splunk`: one line, single quotes (XmlWinEventLog). `pretty`: indented, double quotes (evtxexport). */
export function eventXml(spec: EventSpec, style: XmlStyle = 'splunk'): string {
  const q = style === 'splunk' ? "'" : '"';
  const nl = style === 'splunk' ? '' : '\n';
  const ind = (n: number) => (style === 'splunk' ? '' : '  '.repeat(n));
  const system = [
    `<Provider Name=${q}${spec.provider ?? 'Microsoft-Windows-Sysmon'}${q} Guid=${q}${spec.guid ?? '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'}${q}/>`,
    `<EventID>${spec.eventId}</EventID>`,
    '<Version>5</Version>',
    '<Level>4</Level>',
    `<Task>${spec.eventId}</Task>`,
    '<Opcode>0</Opcode>',
    '<Keywords>0x8000000000000000</Keywords>',
    `<TimeCreated SystemTime=${q}${spec.time ?? '2024-03-01T10:00:00.1234567Z'}${q}/>`,
    `<EventRecordID>${spec.recordId ?? 1}</EventRecordID>`,
    '<Correlation/>',
    `<Execution ProcessID=${q}3000${q} ThreadID=${q}4000${q}/>`,
    `<Channel>${spec.channel}</Channel>`,
    `<Computer>${spec.computer ?? 'ws1.corp.example'}</Computer>`,
    `<Security UserID=${q}S-1-5-18${q}/>`,
  ];
  const data = spec.data.map(([name, value]) =>
    name === undefined
      ? `<Data>${escapeXml(value)}</Data>`
      : `<Data Name=${q}${name}${q}>${escapeXml(value)}</Data>`,
  );
  return [
    `<Event xmlns=${q}http://schemas.microsoft.com/win/2004/08/events/event${q}>`,
    `${ind(1)}<System>`,
    ...system.map((line) => ind(2) + line),
    `${ind(1)}</System>`,
    `${ind(1)}<EventData>`,
    ...data.map((line) => ind(2) + line),
    `${ind(1)}</EventData>`,
    '</Event>',
  ].join(nl);
}

/** A Sysmon process creation the tests reuse. */
export const PROCESS_CREATE: EventSpec = {
  eventId: 1,
  channel: 'Microsoft-Windows-Sysmon/Operational',
  data: [
    ['RuleName', '-'],
    ['UtcTime', '2024-03-01 10:00:00.100'],
    ['ProcessGuid', '{11111111-2222-3333-4444-555555555555}'],
    ['ProcessId', '4242'],
    ['Image', 'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe'],
    ['CommandLine', '"Code.exe" tunnel --accept-server-license-terms --name dev-box'],
    ['User', 'CORP\\dev'],
    ['ParentImage', 'C:\\Windows\\explorer.exe'],
  ],
};

/** A Sysmon image load of devtunnel.dll, the shape seed 004 looks for. */
export const IMAGE_LOAD: EventSpec = {
  eventId: 7,
  channel: 'Microsoft-Windows-Sysmon/Operational',
  recordId: 2,
  data: [
    ['RuleName', '-'],
    ['UtcTime', '2024-03-01 10:05:00.000'],
    ['ProcessGuid', '{11111111-2222-3333-4444-666666666666}'],
    ['ProcessId', '5150'],
    ['Image', 'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\devtunnel.exe'],
    ['ImageLoaded', 'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\abc\\devtunnel.dll'],
    ['Hashes', 'SHA256=3F1E5A2B7C9D0E4F6A8B1C3D5E7F9A0B2C4D6E8F0A1B3C5D7E9F1A2B3C4D5E6F'],
    ['Signed', 'false'],
    ['Signature', '-'],
    ['SignatureStatus', 'Unavailable'],
    ['User', 'CORP\\dev'],
  ],
};
