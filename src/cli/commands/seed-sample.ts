// Seed 000's search and a generated Sysmon sample: fixtures other tests and benchmarks build on.
import { mulberry32 as random } from '../../core/index.ts';

/**
 * Seed 000, "Detect IDE Tunneling in Splunk", verbatim. It names the sourcetype the old Sysmon
 * add-on gave (`XmlWinEventLog:Microsoft-Windows-Sysmon/Operational`), so the sample is read
 * with that sourcetype, as such an index would hold it.
 */
export const SEED_IDE_TUNNELING_SEARCH = `index=wineventlog sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1
(Image="*\\\\code.exe" OR Image="*\\\\code-tunnel.exe" OR Image="*\\\\code-insiders.exe"
OR Image="*\\\\devtunnel.exe" OR Image="*\\\\devtunnel"
OR Image="*\\\\jetbrains-gateway.exe" OR Image="*\\\\gateway.exe"
OR Image="*\\\\remote-dev-server*" OR Image="*\\\\cursor.exe"
OR CommandLine="*tunnel*" OR CommandLine="*serve-web*" OR CommandLine="*--remote-tunnel*")
| eval IsTunnelCommand=if(match(CommandLine, "(?i)tunnel"), 1, 0)
| eval IsCodeCLI=if(match(Image, "(?i)(code\\.exe|code-tunnel|code-insiders)"), 1, 0)
| eval IsJetBrains=if(match(Image, "(?i)(jetbrains-gateway|gateway\\.exe|remote-dev-server|idea|pycharm)"), 1, 0)
| eval HasGitHubAuth=if(match(CommandLine, "(?i)(--github|github|--provider\\s+github)"), 1, 0)
| eval IsHeadless=if(match(CommandLine, "(?i)(--cli|--no-browser|--accept-server-license-terms|serve-web)"), 1, 0)
| eval RiskScore=IsTunnelCommand + HasGitHubAuth + IsHeadless
| where IsTunnelCommand=1 OR IsCodeCLI=1 OR IsJetBrains=1
| table _time, host, User, Image, CommandLine, ParentImage, ParentCommandLine, IsTunnelCommand, IsCodeCLI, IsJetBrains, HasGitHubAuth, IsHeadless, RiskScore
| sort - _time`;

export const SEED_SOURCETYPE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

/** Command lines with `#` get the event number there, as real ones carry ids and paths. */
const BENIGN: readonly (readonly [string, string, string])[] = [
  [
    'C:\\Windows\\System32\\svchost.exe',
    'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
    'C:\\Windows\\System32\\services.exe',
  ],
  [
    'C:\\Windows\\System32\\cmd.exe',
    'cmd.exe /c type C:\\Users\\dev\\report-#.txt',
    'C:\\Windows\\explorer.exe',
  ],
  [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    '"chrome.exe" --type=renderer --lang=en-US --renderer-client-id=#',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'powershell.exe -NoProfile -Command Get-Date',
    'C:\\Windows\\explorer.exe',
  ],
  [
    'C:\\Windows\\System32\\conhost.exe',
    '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    'C:\\Windows\\System32\\cmd.exe',
  ],
  [
    'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
    '"OUTLOOK.EXE" /recycle',
    'C:\\Windows\\explorer.exe',
  ],
];

const TUNNELS: readonly (readonly [string, string])[] = [
  [
    'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.exe',
    'code.exe tunnel --accept-server-license-terms --name build-box',
  ],
  [
    'C:\\Users\\dev\\AppData\\Local\\Temp\\devtunnel.exe',
    'devtunnel.exe host --port 8080 --allow-anonymous',
  ],
  [
    'C:\\Users\\dev\\AppData\\Local\\JetBrains\\Gateway\\jetbrains-gateway.exe',
    'jetbrains-gateway.exe --github-auth',
  ],
  [
    'C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
    'Code.exe serve-web --without-connection-token',
  ],
];

const escapeXml = (text: string) =>
  text.replace(
    /[&<>'"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/**
 * `count` Sysmon process-creation events (EventID 1) as Splunk's XmlWinEventLog stores them, one
 * `<Event>` per line, one second apart from 2024-05-01T08:00:00Z; every `tunnelEvery`-th one is
 * an IDE/dev tunnel launch, the rest ordinary processes.
 */
export function* generateSysmonSample(
  count: number,
  tunnelEvery = 50,
  seed = 7,
): Generator<string> {
  const next = random(seed);
  const start = Date.UTC(2024, 4, 1, 8, 0, 0);
  for (let i = 0; i < count; i++) {
    const tunnel = tunnelEvery > 0 && i % tunnelEvery === tunnelEvery - 1;
    const benign = BENIGN[Math.floor(next() * BENIGN.length)] as readonly [string, string, string];
    const picked = TUNNELS[Math.floor(next() * TUNNELS.length)] as readonly [string, string];
    const [image, template] = tunnel ? picked : [benign[0], benign[1]];
    const commandLine = template.replace('#', String(i));
    const parent = tunnel ? 'C:\\Windows\\explorer.exe' : benign[2];
    const host = `WS${String(1 + Math.floor(next() * 20)).padStart(2, '0')}.corp.example`;
    const user = `CORP\\user${1 + Math.floor(next() * 40)}`;
    const time = new Date(start + i * 1000)
      .toISOString()
      .replace('Z', '000000Z')
      .replace('.000000000Z', '.123456700Z');
    const pid = 1000 + Math.floor(next() * 60000);
    const data: [string, string][] = [
      ['RuleName', '-'],
      ['UtcTime', time.slice(0, 23).replace('T', ' ')],
      ['ProcessGuid', `{4d5c1a2b-${i.toString(16).padStart(4, '0')}-6630-0000-001000000000}`],
      ['ProcessId', String(pid)],
      ['Image', image],
      ['CommandLine', commandLine],
      ['CurrentDirectory', 'C:\\Users\\dev\\'],
      ['User', user],
      ['IntegrityLevel', 'Medium'],
      ['Hashes', `SHA256=${((i * 2654435761) >>> 0).toString(16).padStart(64, '0')}`],
      ['ParentProcessId', String(pid - 7)],
      ['ParentImage', parent],
      ['ParentCommandLine', parent.slice(parent.lastIndexOf('\\') + 1)],
    ];
    yield `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='3140' ThreadID='4400'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${host}</Computer><Security UserID='S-1-5-18'/></System><EventData>${data
      .map(([name, value]) => `<Data Name='${name}'>${escapeXml(value)}</Data>`)
      .join('')}</EventData></Event>`;
  }
}
