// The built-in logsource mapping for Windows event logs: Sigma taxonomy appendix and SigmaHQ's
// CI mapping (tests/thor.yml), written as data onto spelunk's event model (docs/event-model.md).
import type { LogsourceMapping, LogsourceMappingEntry } from './logsource-mapping.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const POWERSHELL = ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'];

/** Sysmon categories: category → EventIDs (and extra conditions), all on the Sysmon channel. */
const SYSMON_CATEGORIES: readonly (readonly [
  string,
  readonly number[],
  Record<string, string[]>?,
])[] = [
  ['process_creation', [1]],
  ['file_change', [2]],
  ['network_connection', [3]],
  ['sysmon_status', [4, 16]],
  ['process_termination', [5]],
  ['driver_load', [6]],
  ['image_load', [7]],
  ['create_remote_thread', [8]],
  ['raw_access_thread', [9]],
  ['process_access', [10]],
  ['file_event', [11]],
  ['registry_event', [12, 13, 14]],
  ['registry_add', [12], { EventType: ['CreateKey'] }],
  ['registry_delete', [12], { EventType: ['DeleteKey', 'DeleteValue'] }],
  ['registry_set', [13]],
  ['registry_rename', [14]],
  ['create_stream_hash', [15]],
  ['pipe_created', [17, 18]],
  ['wmi_event', [19, 20, 21]],
  ['dns_query', [22]],
  ['file_delete', [23]],
  ['clipboard_change', [24]],
  ['clipboard_capture', [24]],
  ['process_tampering', [25]],
  ['file_delete_detected', [26]],
  ['file_block_executable', [27]],
  ['file_block_shredding', [28]],
  ['file_executable_detected', [29]],
  ['sysmon_error', [255]],
];

/** Categories of PowerShell and other channels: category → channels, EventIDs. */
const OTHER_CATEGORIES: readonly (readonly [string, readonly string[], readonly number[]])[] = [
  ['ps_module', POWERSHELL, [4103]],
  ['ps_script', POWERSHELL, [4104]],
  ['ps_classic_start', ['Windows PowerShell'], [400]],
  ['ps_classic_provider_start', ['Windows PowerShell'], [600]],
  ['ps_classic_script', ['Windows PowerShell'], [800]],
];

/** `service: x` → the channels of that service (taxonomy appendix). */
const SERVICES: Readonly<Record<string, readonly string[]>> = {
  application: ['Application'],
  'application-experience': [
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'certificateservicesclient-lifecycle-system': [
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  'dns-client': ['Microsoft-Windows-DNS Client Events/Operational'],
  'dns-server': ['DNS Server'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'hyper-v-worker': ['Microsoft-Windows-Hyper-V-Worker'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'kernel-event-tracing': ['Microsoft-Windows-Kernel-EventTracing'],
  'kernel-shimengine': [
    'Microsoft-Windows-Kernel-ShimEngine/Operational',
    'Microsoft-Windows-Kernel-ShimEngine/Diagnostic',
  ],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'microsoft-servicebus-client': [
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ],
  'msexchange-management': ['MSExchange Management'],
  ntfs: ['Microsoft-Windows-Ntfs/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  openssh: ['OpenSSH/Operational'],
  powershell: POWERSHELL,
  'powershell-classic': ['Windows PowerShell'],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  security: ['Security'],
  'security-mitigations': [
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ],
  sense: ['Microsoft-Windows-SENSE/Operational'],
  'servicebus-client': [
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  'smbclient-connectivity': ['Microsoft-Windows-SmbClient/Connectivity'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  'smbserver-connectivity': ['Microsoft-Windows-SMBServer/Connectivity'],
  sysmon: [SYSMON],
  system: ['System'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  'terminalservices-localsessionmanager': [
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ],
  vhdmp: ['Microsoft-Windows-VHDMP/Operational'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
};

/** Defender events that carry a threat name or path (thor.yml `windows-defender-antivirus-mapping`). */
const ANTIVIRUS_EVENT_IDS = [
  1006, 1007, 1008, 1009, 1010, 1011, 1012, 1017, 1018, 1019, 1115, 1116,
];

function conditions(
  channels: readonly string[],
  eventIds: readonly number[] = [],
  extra: Record<string, string[]> = {},
) {
  const map = new Map<string, readonly string[]>([['Channel', channels]]);
  if (eventIds.length > 0) map.set('EventID', eventIds.map(String));
  for (const [field, values] of Object.entries(extra)) map.set(field, values);
  return map;
}

function entry(
  name: string,
  match: LogsourceMappingEntry['match'],
  conds: ReadonlyMap<string, readonly string[]>,
  fieldMappings: Record<string, string> = {},
): LogsourceMappingEntry {
  return {
    name,
    match,
    conditions: conds,
    fieldMappings: new Map(Object.entries(fieldMappings).map(([k, v]) => [k, [v]])),
  };
}

export const DEFAULT_WINDOWS_MAPPING: LogsourceMapping = {
  name: 'spelunk-windows',
  fieldMappings: new Map([
    // Sigma names System attributes Element_Attribute; our events use Splunk's names.
    ['Provider_Name', ['Name']],
    ['Provider_Guid', ['Guid']],
    ['Execution_ProcessID', ['ProcessID']],
    ['Execution_ThreadID', ['ThreadID']],
    ['Security_UserID', ['UserID']],
    ['TimeCreated_SystemTime', ['SystemTime']],
  ]),
  entries: [
    ...SYSMON_CATEGORIES.map(([category, ids, extra]) =>
      entry(
        `${category}_sysmon`,
        { category, product: 'windows' },
        conditions([SYSMON], ids, extra),
      ),
    ),
    entry(
      'process_creation_security',
      { category: 'process_creation', product: 'windows' },
      conditions(['Security'], [4688]),
      { Image: 'NewProcessName', ParentImage: 'ParentProcessName' },
    ),
    ...OTHER_CATEGORIES.map(([category, channels, ids]) =>
      entry(category, { category, product: 'windows' }, conditions(channels, ids)),
    ),
    entry(
      'antivirus_windefend',
      { category: 'antivirus' },
      conditions(SERVICES['windefend'] ?? [], ANTIVIRUS_EVENT_IDS),
      { Signature: 'ThreatName', Filename: 'Path' },
    ),
    // `product: windows` alone (keyword rules over any Windows log): every event.
    {
      name: 'windows_any',
      match: { product: 'windows', category: null, service: null },
      conditions: new Map(),
      fieldMappings: new Map(),
    },
    ...Object.entries(SERVICES).map(([service, channels]) =>
      entry(`windows_${service}`, { product: 'windows', service }, conditions(channels)),
    ),
  ],
};
