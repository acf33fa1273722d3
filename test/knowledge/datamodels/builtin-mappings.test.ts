// Every built-in event type on events the test writes: which datasets each feeds, and the row the data model computes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { projected, securityEvent, sysmonEvent } from './dm-helpers.ts';

interface MappingCase {
  readonly title: string;
  readonly event: Event;
  readonly dataset: string;
  /** Fields the row must have, with these values. */
  readonly expect: Event;
  /** Datasets the event must not be in. */
  readonly notIn: readonly string[];
}

const PROCESS_DATASETS = ['Endpoint.Processes'];
const OTHER_ENDPOINT = ['Endpoint.Filesystem', 'Endpoint.Registry', 'Endpoint.Services'];

const CASES: readonly MappingCase[] = [
  {
    title: 'Sysmon 1 (process creation) is Endpoint.Processes',
    event: sysmonEvent(1, {
      Image: 'C:\\Users\\dana\\Downloads\\devtunnel.exe',
      CommandLine: 'devtunnel.exe host --port 8080 --allow-anonymous',
      OriginalFileName: 'devtunnel.dll',
      User: 'CORP\\dana',
      ParentImage: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      ParentCommandLine: 'powershell.exe -nop',
      ProcessId: '6189',
      ProcessGuid: '{AA}',
      ParentProcessId: '4299',
      ParentProcessGuid: '{BB}',
      IntegrityLevel: 'Medium',
      Hashes: 'MD5=00,SHA256=11',
      CurrentDirectory: 'C:\\Users\\dana\\',
    }),
    dataset: 'Endpoint.Processes',
    expect: {
      'Processes.process_name': 'devtunnel.exe',
      'Processes.process': 'devtunnel.exe host --port 8080 --allow-anonymous',
      'Processes.original_file_name': 'devtunnel.dll',
      'Processes.process_path': 'C:\\Users\\dana\\Downloads\\devtunnel.exe',
      'Processes.parent_process_name': 'powershell.exe',
      'Processes.parent_process': 'powershell.exe -nop',
      'Processes.process_id': '6189',
      'Processes.parent_process_guid': '{BB}',
      'Processes.process_hash': 'MD5=00,SHA256=11',
      'Processes.process_current_directory': 'C:\\Users\\dana\\',
      // The data model lower-cases it (CIM Processes base search).
      'Processes.process_integrity_level': 'medium',
      'Processes.user': 'CORP\\dana',
      'Processes.dest': 'ws-17.corp.example',
      'Processes.action': 'allowed',
      'Processes.vendor_product': 'Microsoft Sysmon',
      'Processes.tag': ['process', 'report'],
      _time: 1_741_946_537.25,
      sourcetype: 'XmlWinEventLog',
    },
    notIn: [...OTHER_ENDPOINT, 'Network_Traffic.All_Traffic', 'Change.All_Changes'],
  },
  {
    title: 'Security 4688 (process creation) is Endpoint.Processes',
    event: securityEvent(4688, {
      NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
      NewProcessId: '0x1a2b',
      CommandLine: 'cmd.exe /c whoami',
      ParentProcessName: 'C:\\Windows\\explorer.exe',
      ProcessId: '0x10',
      SubjectUserName: 'dana',
      SubjectDomainName: 'CORP',
    }),
    dataset: 'Endpoint.Processes',
    expect: {
      'Processes.process_name': 'cmd.exe',
      'Processes.process': 'cmd.exe /c whoami',
      'Processes.parent_process_name': 'explorer.exe',
      // No parent command line in 4688: the data model's fill value.
      'Processes.parent_process': 'unknown',
      'Processes.original_file_name': 'unknown',
      'Processes.user': 'dana',
      'Processes.vendor_product': 'Microsoft Windows',
    },
    notIn: [...OTHER_ENDPOINT, 'Authentication.Authentication'],
  },
  {
    title: 'Sysmon 3 (network connection) is Network_Traffic.All_Traffic',
    event: sysmonEvent(3, {
      Image: 'C:\\x\\devtunnel.exe',
      User: 'CORP\\dana',
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIp: '10.0.0.5',
      SourceHostname: 'ws-17',
      SourcePort: '50123',
      DestinationIp: '20.1.2.3',
      DestinationHostname: '',
      DestinationPort: '443',
      ProcessId: '6189',
    }),
    dataset: 'Network_Traffic.All_Traffic',
    expect: {
      'All_Traffic.dest': '20.1.2.3',
      'All_Traffic.dest_ip': '20.1.2.3',
      'All_Traffic.dest_port': '443',
      'All_Traffic.src_ip': '10.0.0.5',
      'All_Traffic.transport': 'tcp',
      'All_Traffic.direction': 'outbound',
      'All_Traffic.action': 'allowed',
      'All_Traffic.app': 'C:\\x\\devtunnel.exe',
      'All_Traffic.rule': 'unknown',
    },
    notIn: [...PROCESS_DATASETS, 'Endpoint.Ports', 'Network_Resolution.DNS'],
  },
  {
    title: 'Sysmon 6 (driver loaded) is Endpoint.Services',
    event: sysmonEvent(6, {
      ImageLoaded: 'C:\\Windows\\System32\\drivers\\evil.sys',
      Hashes: 'SHA256=22',
      Signed: 'false',
      SignatureStatus: 'Unavailable',
    }),
    dataset: 'Endpoint.Services',
    expect: {
      'Services.service_name': 'evil.sys',
      'Services.service_path': 'C:\\Windows\\System32\\drivers\\evil.sys',
      'Services.service_hash': 'SHA256=22',
      'Services.service_signature_exists': 'false',
      'Services.start_mode': 'unknown',
    },
    notIn: [...PROCESS_DATASETS, 'Endpoint.Filesystem'],
  },
  ...[2, 11, 15, 23, 26, 27, 28, 29].map(
    (code): MappingCase => ({
      title: `Sysmon ${code} (file) is Endpoint.Filesystem`,
      event: sysmonEvent(code, {
        Image: 'C:\\x\\devtunnel.exe',
        TargetFilename: 'C:\\Users\\dana\\AppData\\Local\\Temp\\a.dll',
        ProcessId: '6189',
        ProcessGuid: '{AA}',
        User: 'CORP\\dana',
      }),
      dataset: 'Endpoint.Filesystem',
      expect: {
        'Filesystem.file_path': 'C:\\Users\\dana\\AppData\\Local\\Temp\\a.dll',
        'Filesystem.file_name': 'a.dll',
        'Filesystem.process_guid': '{AA}',
        'Filesystem.dest': 'ws-17.corp.example',
      },
      notIn: [...PROCESS_DATASETS, 'Endpoint.Registry', 'Change.All_Changes'],
    }),
  ),
  {
    title: 'Sysmon 13 (registry value set) is Endpoint.Registry, not Change',
    event: sysmonEvent(13, {
      EventType: 'SetValue',
      Image: 'C:\\x\\reg.exe',
      TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\evil',
      Details: 'DWORD (0x00000001)',
      ProcessGuid: '{AA}',
      User: 'CORP\\dana',
    }),
    dataset: 'Endpoint.Registry',
    expect: {
      'Registry.registry_path': 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\evil',
      'Registry.registry_key_name': 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
      'Registry.registry_value_name': 'evil',
      'Registry.registry_value_data': '0x00000001',
      'Registry.action': 'modified',
    },
    notIn: [...PROCESS_DATASETS, 'Endpoint.Filesystem', 'Change.All_Changes'],
  },
  ...[12, 14].map(
    (code): MappingCase => ({
      title: `Sysmon ${code} (registry) is Endpoint.Registry`,
      event: sysmonEvent(code, {
        EventType: 'CreateKey',
        TargetObject: 'HKLM\\SOFTWARE\\Evil',
        ProcessGuid: '{AA}',
      }),
      dataset: 'Endpoint.Registry',
      expect: { 'Registry.registry_path': 'HKLM\\SOFTWARE\\Evil' },
      notIn: PROCESS_DATASETS,
    }),
  ),
  {
    title: 'Sysmon 22 (DNS query) is Network_Resolution.DNS',
    event: sysmonEvent(22, {
      Image: 'C:\\x\\devtunnel.exe',
      QueryName: 'abc.devtunnels.ms',
      QueryStatus: '0',
      QueryResults: '::ffff:20.1.2.3;type:  5 x.ms;',
    }),
    dataset: 'Network_Resolution.DNS',
    expect: {
      'DNS.query': 'abc.devtunnels.ms',
      'DNS.answer': ['20.1.2.3', 'x.ms'],
      'DNS.answer_count': 2,
      'DNS.query_count': 1,
      'DNS.reply_code_id': '0',
      'DNS.reply_code': 'NoError',
      'DNS.src': 'ws-17.corp.example',
    },
    notIn: [...PROCESS_DATASETS, 'Network_Traffic.All_Traffic'],
  },
  {
    title: 'Security 4625 (failed logon) is Authentication.Failed_Authentication',
    event: securityEvent(4625, {
      TargetUserName: 'admin',
      TargetDomainName: 'CORP',
      IpAddress: '10.0.0.9',
      IpPort: '5555',
      LogonType: '3',
      AuthenticationPackageName: 'NTLM',
    }),
    dataset: 'Authentication.Authentication.Failed_Authentication',
    expect: {
      'Authentication.action': 'failure',
      'Authentication.user': 'admin',
      'Authentication.src': '10.0.0.9',
      'Authentication.authentication_method': 'NTLM',
      'Authentication.signature_id': '4625',
      // No app field in the event: the data model uses the sourcetype.
      'Authentication.app': 'XmlWinEventLog',
    },
    notIn: ['Authentication.Authentication.Successful_Authentication', ...PROCESS_DATASETS],
  },
  {
    title: 'Security 4624 of a person is Authentication.Successful_Authentication',
    event: securityEvent(4624, { TargetUserName: 'dana', IpAddress: '-', LogonType: '2' }),
    dataset: 'Authentication.Authentication.Successful_Authentication',
    expect: { 'Authentication.action': 'success', 'Authentication.user': 'dana' },
    notIn: ['Authentication.Authentication.Failed_Authentication'],
  },
  {
    title: 'Security 4648 (explicit credentials) is Authentication',
    event: securityEvent(4648, { TargetUserName: 'svc', SubjectUserName: 'dana' }),
    dataset: 'Authentication.Authentication',
    expect: { 'Authentication.user': 'svc' },
    notIn: PROCESS_DATASETS,
  },
  {
    title: 'Security 4697 (service installed) is Endpoint.Services',
    event: securityEvent(4697, {
      ServiceName: 'evilsvc',
      ServiceFileName: 'C:\\t\\evil.exe',
      ServiceStartType: '2',
      ServiceAccount: 'LocalSystem',
      SubjectUserName: 'dana',
    }),
    dataset: 'Endpoint.Services',
    expect: {
      'Services.service_name': 'evilsvc',
      'Services.service_path': 'C:\\t\\evil.exe',
      'Services.start_mode': 'auto',
    },
    notIn: [...PROCESS_DATASETS, 'Change.All_Changes'],
  },
  ...[4720, 4722, 4724, 4725, 4726, 4728, 4732, 4738, 4756, 4767].map(
    (code): MappingCase => ({
      title: `Security ${code} (account change) is Change.All_Changes.Account_Management`,
      event: securityEvent(code, {
        TargetUserName: 'backdoor',
        TargetDomainName: 'CORP',
        SubjectUserName: 'dana',
        SubjectDomainName: 'CORP',
        MemberName: 'CN=backdoor,DC=corp',
      }),
      dataset: 'Change.All_Changes.Account_Management',
      expect: {
        'All_Changes.Account_Management.src_user': 'dana',
        'All_Changes.dest': 'ws-17.corp.example',
        'All_Changes.result_id': String(code),
      },
      notIn: ['Authentication.Authentication', ...PROCESS_DATASETS],
    }),
  ),
  {
    title: 'Security 4720 (account created) is Change ... Accounts_Created',
    event: securityEvent(4720, { TargetUserName: 'backdoor', SubjectUserName: 'dana' }),
    dataset: 'Change.All_Changes.Account_Management.Accounts_Created',
    expect: {
      'All_Changes.action': 'created',
      'All_Changes.object': 'backdoor',
      'All_Changes.object_category': 'user',
    },
    notIn: ['Change.All_Changes.Account_Management.Accounts_Deleted'],
  },
  {
    title: 'Security 4740 (lockout) is Change ... Account_Lockouts',
    event: securityEvent(4740, { TargetUserName: 'bob', SubjectUserName: 'DC01$' }),
    dataset: 'Change.All_Changes.Account_Management.Account_Lockouts',
    expect: { 'All_Changes.result': 'lockout', 'All_Changes.user': 'bob' },
    notIn: ['Change.All_Changes.Account_Management.Accounts_Created'],
  },
  {
    title: 'Security 1102 (audit log cleared) is Change.All_Changes.Auditing_Changes',
    event: securityEvent(1102, { SubjectUserName: 'dana' }),
    dataset: 'Change.All_Changes.Auditing_Changes',
    expect: {
      'All_Changes.result': 'The audit log was cleared',
      'All_Changes.action': 'cleared',
    },
    notIn: ['Change.All_Changes.Account_Management'],
  },
  {
    title: 'Security 5156 (connection permitted) is Network_Traffic, with its addresses',
    event: securityEvent(5156, {
      ProcessID: ['4', '1234'],
      Application: '\\device\\harddiskvolume2\\x\\devtunnel.exe',
      Direction: '%%14593',
      SourceAddress: '10.0.0.5',
      SourcePort: '50123',
      DestAddress: '20.1.2.3',
      DestPort: '443',
      Protocol: '6',
    }),
    dataset: 'Network_Traffic.All_Traffic.Traffic_By_Action.Allowed_Traffic',
    expect: {
      // The event type's fields replace the knowledge's dest (= Computer) for the data model.
      'All_Traffic.dest': '20.1.2.3',
      'All_Traffic.src': '10.0.0.5',
      'All_Traffic.dest_port': '443',
      'All_Traffic.transport': 'tcp',
      'All_Traffic.direction': 'outbound',
      'All_Traffic.process_id': '1234',
    },
    notIn: ['Network_Traffic.All_Traffic.Traffic_By_Action.Blocked_Traffic', 'Endpoint.Ports'],
  },
  {
    title: 'Security 5158 (port bound) is Endpoint.Ports',
    event: securityEvent(5158, {
      ProcessId: '1234',
      SourceAddress: '0.0.0.0',
      SourcePort: '8080',
      Protocol: '17',
    }),
    dataset: 'Endpoint.Ports',
    expect: {
      'Ports.dest_port': '8080',
      'Ports.transport': 'udp',
      'Ports.transport_dest_port': 'udp/8080',
      'Ports.dest': 'ws-17.corp.example',
      'Ports.src_port': 0,
    },
    notIn: ['Network_Traffic.All_Traffic'],
  },
];

describe('built-in event types put Windows events into the CIM datasets', () => {
  for (const c of CASES) {
    test(c.title, () => {
      const row = projected(c.dataset, c.event);
      assert.ok(row, `not in ${c.dataset}`);
      for (const [field, value] of Object.entries(c.expect)) {
        assert.deepEqual(row[field], value, field);
      }
      for (const other of c.notIn) {
        assert.equal(projected(other, c.event), undefined, `also in ${other}`);
      }
    });
  }
});

describe('events the built-in event types leave out', () => {
  const cases: readonly [string, Event, string][] = [
    [
      'Sysmon 10 (process access) is not a process launch',
      sysmonEvent(10, { SourceImage: 'C:\\x\\a.exe', TargetImage: 'C:\\Windows\\lsass.exe' }),
      'Endpoint.Processes',
    ],
    [
      'Sysmon 7 (image load) is in no Endpoint dataset',
      sysmonEvent(7, { Image: 'C:\\x\\a.exe', ImageLoaded: 'C:\\x\\b.dll' }),
      'Endpoint.Processes',
    ],
    [
      'a computer account logon is left out of Authentication (CIM root constraint)',
      securityEvent(4624, { TargetUserName: 'WS-17$', IpAddress: '-' }),
      'Authentication.Authentication',
    ],
    [
      'Security 4688 from another channel is not Security',
      { ...securityEvent(4688, { NewProcessName: 'C:\\a.exe' }), source: 'XmlWinEventLog:System' },
      'Endpoint.Processes',
    ],
  ];
  for (const [title, event, dataset] of cases) {
    test(title, () => {
      assert.equal(projected(dataset, event), undefined);
    });
  }
});
