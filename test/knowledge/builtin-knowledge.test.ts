// The built-in Windows knowledge: it loads cleanly and gives Sysmon, Security and PowerShell events their CIM fields.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import { buildProgram } from '../../src/knowledge/apply/knowledge-program.ts';
import { resolveSteps } from '../../src/knowledge/apply/resolve-stanzas.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';
import { applyKnowledge, windowsEvent } from './helpers.ts';

const builtin = loadFieldKnowledge();
const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const apply = (event: Event) => applyKnowledge(builtin.base, [event])[0] ?? {};

/** Checks `expected` field by field, naming the field that differs. */
function assertFields(actual: Event, expected: Event): void {
  for (const [field, value] of Object.entries(expected)) {
    assert.deepEqual(actual[field], value, field);
  }
}

test('the built-in knowledge compiles with no diagnostics', () => {
  assert.deepEqual(builtin.diagnostics, []);
});

describe('Sysmon', () => {
  const common = { Computer: 'ws1.corp.example', UserID: 'S-1-5-18' };
  const cases: [string, Event, Event][] = [
    [
      '1 process create',
      {
        EventCode: '1',
        ProcessGuid: '{P}',
        ProcessId: '10',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd /c whoami',
        CurrentDirectory: 'C:\\',
        User: 'CORP\\bob',
        IntegrityLevel: 'High',
        Hashes: 'MD5=00112233445566778899AABBCCDDEEFF,IMPHASH=FFEEDDCCBBAA99887766554433221100',
        OriginalFileName: 'Cmd.Exe',
        ParentProcessGuid: '{Q}',
        ParentProcessId: '9',
        ParentImage: 'C:\\Windows\\explorer.exe',
        ParentCommandLine: 'explorer.exe',
      },
      {
        process: 'cmd /c whoami',
        process_name: 'cmd.exe',
        process_exec: 'cmd.exe',
        process_path: 'C:\\Windows\\System32\\cmd.exe',
        process_id: '10',
        process_guid: '{P}',
        process_hash:
          'MD5=00112233445566778899AABBCCDDEEFF,IMPHASH=FFEEDDCCBBAA99887766554433221100',
        process_integrity_level: 'High',
        process_current_directory: 'C:\\',
        parent_process: 'explorer.exe',
        parent_process_name: 'explorer.exe',
        parent_process_path: 'C:\\Windows\\explorer.exe',
        parent_process_id: '9',
        parent_process_guid: '{Q}',
        original_file_name: 'Cmd.Exe',
        user: 'CORP\\bob',
        user_id: 'S-1-5-18',
        dest: 'ws1.corp.example',
        MD5: '00112233445566778899AABBCCDDEEFF',
        IMPHASH: 'FFEEDDCCBBAA99887766554433221100',
        SHA256: undefined,
        signature: 'Process Create',
        signature_id: '1',
        action: 'allowed',
        vendor_product: 'Microsoft Sysmon',
      },
    ],
    [
      '3 network connection',
      {
        EventCode: '3',
        Image: 'C:\\Tools\\nc.exe',
        ProcessId: '5',
        Protocol: 'tcp',
        Initiated: 'true',
        SourceIp: '10.0.0.5',
        SourceHostname: '-',
        SourcePort: '50000',
        DestinationIsIpv6: 'false',
        DestinationIp: '203.0.113.9',
        DestinationHostname: '-',
        DestinationPort: '443',
      },
      {
        src_ip: '10.0.0.5',
        src: '10.0.0.5',
        src_port: '50000',
        dest_ip: '203.0.113.9',
        dest: '203.0.113.9',
        dest_port: '443',
        transport: 'tcp',
        transport_dest_port: 'tcp/443',
        direction: 'outbound',
        protocol: 'ip',
        protocol_version: 'ipv4',
        app: 'C:\\Tools\\nc.exe',
        process_name: 'nc.exe',
        action: 'allowed',
      },
    ],
    [
      '3 network connection whose host names are empty',
      {
        EventCode: '3',
        SourceIp: '10.0.0.5',
        SourceHostname: '',
        DestinationIp: '203.0.113.9',
        DestinationHostname: '',
      },
      { src: '10.0.0.5', dest: '203.0.113.9', src_host: undefined, dest_host: undefined },
    ],
    [
      '7 image load',
      {
        EventCode: '7',
        ProcessGuid: '{P}',
        ProcessId: '10',
        Image: 'C:\\Program Files\\Office\\winword.exe',
        ImageLoaded: 'C:\\Windows\\System32\\mshtml.dll',
        Signed: 'true',
        SignatureStatus: 'Expired',
        Hashes: 'SHA256=00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF',
      },
      {
        process_name: 'winword.exe',
        process_path: 'C:\\Program Files\\Office\\winword.exe',
        loaded_file: 'mshtml.dll',
        loaded_file_path: 'C:\\Windows\\System32\\mshtml.dll',
        service_dll_signature_exists: 'true',
        service_dll_signature_verified: 'false',
        SHA256: '00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF',
        parent_process_name: 'winword.exe',
        signature: 'Image loaded',
      },
    ],
    [
      '10 process access: the source is the parent, the target the process',
      {
        EventCode: '10',
        SourceProcessGUID: '{S}',
        SourceProcessId: '1',
        SourceImage: 'C:\\Tools\\dumper.exe',
        TargetProcessGUID: '{T}',
        TargetProcessId: '2',
        TargetImage: 'C:\\Windows\\System32\\lsass.exe',
        GrantedAccess: '0x1010',
        SourceUser: 'CORP\\eve',
      },
      {
        parent_process_name: 'dumper.exe',
        parent_process_guid: '{S}',
        parent_process_id: '1',
        process_name: 'lsass.exe',
        process_guid: '{T}',
        process_id: '2',
        granted_access: '0x1010',
        src_user: 'CORP\\eve',
        user: undefined,
        signature: 'Process accessed',
      },
    ],
    [
      '11 file create',
      {
        EventCode: '11',
        Image: 'C:\\a.exe',
        TargetFilename: 'C:\\Users\\x\\evil.ps1',
        CreationUtcTime: '2024-01-01 00:00:00.000',
      },
      {
        file_path: 'C:\\Users\\x\\evil.ps1',
        file_name: 'evil.ps1',
        file_create_time: '2024-01-01 00:00:00.000',
        object_category: 'file',
        action: 'created',
      },
    ],
    [
      '12 registry key delete',
      { EventCode: '12', EventType: 'DeleteKey', TargetObject: 'HKU\\S-1\\Software\\Run' },
      {
        registry_path: 'HKU\\S-1\\Software\\Run',
        registry_hive: 'HKEY_USERS',
        action: 'deleted',
        status: 'success',
        object_category: 'registry',
      },
    ],
    [
      '13 registry value set',
      {
        EventCode: '13',
        EventType: 'SetValue',
        TargetObject: 'HKLM\\SOFTWARE\\Policies\\Defender\\DisableAntiSpyware',
        Details: 'DWORD (0x00000001)',
      },
      {
        registry_path: 'HKLM\\SOFTWARE\\Policies\\Defender\\DisableAntiSpyware',
        registry_key_name: 'HKLM\\SOFTWARE\\Policies\\Defender',
        registry_value_name: 'DisableAntiSpyware',
        registry_value_data: '0x00000001',
        registry_value_type: 'REG_DWORD',
        registry_hive: 'HKEY_LOCAL_MACHINE',
        action: 'modified',
      },
    ],
    [
      '13 registry string value',
      { EventCode: '13', TargetObject: 'HKCU\\Env\\Path', Details: 'C:\\bin' },
      {
        registry_value_data: 'C:\\bin',
        registry_value_type: 'REG_SZ',
        registry_hive: 'HKEY_CURRENT_USER',
      },
    ],
    [
      '22 DNS query',
      {
        EventCode: '22',
        Image: 'C:\\x.exe',
        QueryName: 'example.org',
        QueryStatus: '0',
        QueryResults: 'type:  5 cdn.example.net;::ffff:198.51.100.7;198.51.100.8;',
      },
      {
        query: 'example.org',
        answer: ['cdn.example.net', '198.51.100.7', '198.51.100.8'],
        answer_count: 3,
        query_count: 1,
        reply_code_id: '0',
        src: 'ws1.corp.example',
        dest: undefined,
        signature: 'Dns query',
      },
    ],
  ];
  for (const [name, fields, expected] of cases) {
    test(name, () => {
      assertFields(apply(windowsEvent(SYSMON, { ...common, ...fields })), expected);
    });
  }

  test('programs specialised to the EventCode compute what the general steps compute', () => {
    for (const [name, fields] of cases) {
      const event = windowsEvent(SYSMON, { ...common, ...fields });
      const general = { ...event };
      const steps = resolveSteps(builtin.base.stanzas, {
        sourcetypes: ['XmlWinEventLog'],
        source: String(event['source']),
        host: '',
      });
      buildProgram(steps).apply(general);
      const specialized = apply(event);
      assert.deepEqual(
        Object.fromEntries(Object.entries(specialized).filter(([, v]) => v !== undefined)),
        Object.fromEntries(Object.entries(general).filter(([, v]) => v !== undefined)),
        name,
      );
    }
  });
});

describe('Windows Security', () => {
  const security = (fields: Event) => apply(windowsEvent('Security', fields));
  test('4624 logon', () => {
    assertFields(
      security({
        EventCode: '4624',
        SubjectUserName: 'WS1$',
        SubjectDomainName: 'CORP',
        SubjectLogonId: '0x3e7',
        TargetUserName: 'bob',
        TargetDomainName: 'CORP',
        TargetLogonId: '0x1a2b',
        LogonType: '3',
        IpAddress: '10.0.0.9',
        IpPort: '51000',
        WorkstationName: 'LAPTOP',
        AuthenticationPackageName: 'NTLM',
        ProcessName: 'C:\\Windows\\System32\\lsass.exe',
        ProcessId: '0x2a0',
      }),
      {
        user: 'bob',
        dest: 'ws1.corp.example',
        dest_nt_domain: 'CORP',
        src: '10.0.0.9',
        src_ip: '10.0.0.9',
        src_port: '51000',
        src_nt_host: 'LAPTOP',
        session_id: '0x1a2b',
        authentication_method: 'NTLM',
        process_name: 'lsass.exe',
        Logon_Type: '3',
        Target_User_Name: 'bob',
        action: 'success',
        status: 'success',
        signature: 'An account was successfully logged on',
        signature_id: '4624',
        vendor_product: 'Microsoft Windows',
      },
    );
  });

  test('4625 failure', () => {
    assertFields(
      security({
        EventCode: '4625',
        TargetUserName: 'bob',
        IpAddress: '-',
        WorkstationName: 'KALI',
      }),
      {
        action: 'failure',
        status: 'failure',
        src: 'KALI',
        src_ip: undefined,
      },
    );
  });

  test('4688 process creation', () => {
    assertFields(
      security({
        EventCode: '4688',
        SubjectUserName: 'bob',
        NewProcessId: '0x1f4',
        NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
        ProcessId: '0x100',
        ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'whoami /all',
      }),
      {
        user: 'bob',
        process: 'whoami /all',
        process_name: 'whoami.exe',
        process_id: '0x1f4',
        parent_process_name: 'cmd.exe',
        parent_process_id: '0x100',
        action: 'allowed',
      },
    );
  });

  test('4732 member added to a group, 4720 account created, 4698 task created', () => {
    assertFields(
      security({
        EventCode: '4732',
        MemberName: '-',
        MemberSid: 'S-1-5-21-1',
        TargetUserName: 'Administrators',
        SubjectUserName: 'admin',
      }),
      {
        user: 'S-1-5-21-1',
        user_group: 'Administrators',
        src_user: 'admin',
        object_category: 'group',
        change_type: 'AAA',
      },
    );
    assertFields(
      security({ EventCode: '4720', TargetUserName: 'newbie', SubjectUserName: 'admin' }),
      {
        user: 'newbie',
        src_user: 'admin',
        action: 'created',
        object_category: 'user',
      },
    );
    assertFields(security({ EventCode: '4698', TaskName: '\\Updater', SubjectUserName: 'bob' }), {
      user: 'bob',
      object: '\\Updater',
      Task_Name: '\\Updater',
      action: 'created',
    });
  });
});

describe('PowerShell', () => {
  const powershell = (fields: Event) =>
    apply(windowsEvent('Microsoft-Windows-PowerShell/Operational', fields));
  test('4104 script block', () => {
    assertFields(
      powershell({ EventCode: '4104', ScriptBlockText: 'iex $x', Path: 'C:\\scripts\\run.ps1' }),
      {
        file_path: 'C:\\scripts\\run.ps1',
        file_name: 'run.ps1',
        user_id: 'S-1-5-18',
        dest: 'ws1.corp.example',
        signature: 'Execute a Remote Command',
      },
    );
  });

  test('4103 module logging: host application, user and command from ContextInfo', () => {
    const context = [
      '        Severity = Informational',
      '        Host Name = ConsoleHost',
      '        Host Application = powershell.exe -nop -c Get-Process',
      '        Command Name = Get-Process',
      '        User = CORP\\bob',
      '        Connected User = ',
    ].join('\r\n');
    assertFields(powershell({ EventCode: '4103', ContextInfo: context }), {
      process: 'powershell.exe -nop -c Get-Process',
      command: 'Get-Process',
      user: 'CORP\\bob',
      signature: 'Executing Pipeline',
    });
  });
});
