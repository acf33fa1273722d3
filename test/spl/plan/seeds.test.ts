// The two seed detections compile verbatim and find what they look for (seed 004 with the add-on fields given directly).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { BUILTIN_MACROS } from '../../../src/spl/macros/builtin-macros.ts';
import { defineMacro, macroLibrary } from '../../../src/spl/macros/macro.ts';
import { SEED_IDE_TUNNELING_SEARCH } from '../../fixtures/seed-sample.ts';
import { runSpl } from '../operators/run-spl.ts';

/** Seed 004, "Windows Devtunnels Image Loaded", verbatim. */
const SEED_DEVTUNNELS_IMAGE_LOADED = `\`sysmon\`
EventID=7
ImageLoaded="*\\\\AppData\\\\Local\\\\Temp\\\\.net\\\\devtunnel\\\\*"
ImageLoaded="*devtunnel.dll"
| fillnull
| stats count min(_time) as firstTime
              max(_time) as lastTime
  by Computer ImageLoaded EventID loaded_file loaded_file_path process_exec process_guid
     process_hash process_id process_name process_path service_dll_signature_exists
     service_dll_signature_verified signature_id user_id vendor_product

| rename Computer as dest
| \`security_content_ctime(firstTime)\`
| \`security_content_ctime(lastTime)\`
| \`windows_devtunnels_image_loaded_filter\``;

/** The two ESCU macros seed 004 calls, as ESCU defines them (macros/sysmon.yml, security_content_ctime.yml). */
const MACROS = macroLibrary(BUILTIN_MACROS, [
  defineMacro(
    'sysmon',
    [],
    'sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational OR source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational OR source=Syslog:Linux-Sysmon/Operational',
    'test',
  ),
  defineMacro(
    'security_content_ctime',
    ['field'],
    'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
    'test',
  ),
]);

test('seed 000 finds the tunnel launches, newest first, with its risk flags', () => {
  const common = {
    index: 'wineventlog',
    sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    EventCode: '1',
    host: 'WS1',
  };
  const rows = runSpl(SEED_IDE_TUNNELING_SEARCH, [
    {
      ...common,
      _time: 1,
      Image: 'C:\\Tools\\code.exe',
      CommandLine: 'code.exe tunnel --accept-server-license-terms',
    },
    { ...common, _time: 2, Image: 'C:\\Windows\\notepad.exe', CommandLine: 'notepad.exe x.txt' },
    {
      ...common,
      _time: 3,
      Image: 'C:\\JB\\jetbrains-gateway.exe',
      CommandLine: 'gateway --github',
    },
    {
      ...common,
      _time: 4,
      EventCode: '3',
      Image: 'C:\\Tools\\code.exe',
      CommandLine: 'code.exe tunnel',
    },
    { ...common, _time: 5, Image: 'C:\\x\\svchost.exe', CommandLine: 'svchost -k tunnel-helper' },
  ]);
  assert.deepEqual(
    rows.map((r) => [
      r['_time'],
      r['IsTunnelCommand'],
      r['IsCodeCLI'],
      r['IsJetBrains'],
      r['HasGitHubAuth'],
      r['IsHeadless'],
      r['RiskScore'],
    ]),
    [
      [5, 1, 0, 0, 0, 0, 1],
      [3, 0, 0, 1, 1, 0, 1],
      [1, 1, 1, 0, 0, 1, 2],
    ],
  );
});

test('seed 004 groups the devtunnel image loads, ctime-formatted, with every by-field filled', () => {
  const loaded = 'C:\\Users\\dev\\AppData\\Local\\Temp\\.net\\devtunnel\\a1\\devtunnel.dll';
  const event: Event = {
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog',
    EventID: '7',
    Computer: 'WS1',
    ImageLoaded: loaded,
    loaded_file: 'devtunnel.dll',
    loaded_file_path: loaded,
    process_exec: 'devtunnel.exe',
    process_guid: '{g}',
    process_hash: 'SHA256=00',
    process_id: '42',
    process_name: 'devtunnel.exe',
    process_path: 'C:\\Tools\\devtunnel.exe',
    service_dll_signature_exists: 'true',
    service_dll_signature_verified: 'true',
    signature_id: '7',
    user_id: 'S-1-5-18',
  };
  const rows = runSpl(
    SEED_DEVTUNNELS_IMAGE_LOADED,
    [
      { ...event, _time: 1_714_550_400 },
      { ...event, _time: 1_714_550_460, vendor_product: 'Microsoft Sysmon' },
      { ...event, _time: 1_714_550_500, ImageLoaded: 'C:\\Windows\\System32\\devtunnel.dll' },
    ],
    { macros: MACROS },
  );
  // fillnull gives the first event vendor_product=0 (the field has a value in another result).
  assert.deepEqual(
    rows.map((r) => [r['dest'], r['vendor_product'], r['count'], r['firstTime'], r['lastTime']]),
    [
      ['WS1', '0', 1, '2024-05-01T08:00:00', '2024-05-01T08:00:00'],
      ['WS1', 'Microsoft Sysmon', 1, '2024-05-01T08:01:00', '2024-05-01T08:01:00'],
    ],
  );
});
