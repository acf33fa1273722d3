// `spelunk hunt` matching the Sigma rules on a worker thread writes, byte for byte, what it writes
// matching them on the main thread: every format, a folder of JSON-lines and XML files, rules
// that only feed a correlation, a correlation, the built-in pack beside them, and a time range.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../dist.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-sigma-thread-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const rules = path.join(dir, 'rules');
mkdirSync(rules);
const rule = (name: string, text: string) => writeFileSync(path.join(rules, `${name}.yml`), text);
rule(
  'whoami',
  'title: Whoami\nid: 2d1b3c1e-0000-4000-8000-000000000001\nlevel: medium\ntags: [attack.discovery, attack.t1033]\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    CommandLine|contains: whoami\n  condition: sel\n',
);
rule(
  'encoded',
  "title: Encoded PowerShell\nid: 2d1b3c1e-0000-4000-8000-000000000002\nlevel: high\nlogsource: {category: process_creation, product: windows}\ndetection:\n  img:\n    Image|endswith: '\\powershell.exe'\n  enc:\n    CommandLine|contains|all: [' -e', 'JAB']\n  condition: img and enc\n",
);
rule(
  'failed-logon',
  'title: Failed logon\nname: failed_logon\nid: 2d1b3c1e-0000-4000-8000-000000000003\nlevel: low\nlogsource: {product: windows, service: security}\ndetection:\n  sel:\n    EventID: 4625\n  condition: sel\n---\ntitle: Many failed logons\nid: 2d1b3c1e-0000-4000-8000-000000000004\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [TargetUserName]\n  timespan: 1h\n  condition: {gte: 5}\nlevel: high\n',
);
rule(
  'keyword',
  'title: Mimikatz keyword\nid: 2d1b3c1e-0000-4000-8000-000000000005\nlevel: critical\nlogsource: {product: windows, service: security}\ndetection:\n  keywords: [sekurlsa]\n  condition: keywords\n',
);

const inputs = path.join(dir, 'inputs');
mkdirSync(inputs);
const COMMANDS = [
  'cmd.exe /c whoami /all',
  'powershell.exe -nop -enc JABzAD0AbgBlAHcA',
  'notepad.exe report.txt',
  'code.exe tunnel --accept-server-license-terms --name t1',
  'rundll32.exe sekurlsa::logonpasswords',
];
const time = (i: number) => new Date(Date.UTC(2025, 2, 14, 9) + i * 7_000).toISOString();
function jsonLine(i: number): string {
  if (i % 3 === 2) {
    return JSON.stringify({
      _time: time(i),
      Channel: 'Security',
      EventID: i % 4 === 0 ? '4624' : '4625',
      Computer: `dc-${i % 2}`,
      TargetUserName: `user${i % 7}`,
      Message: i % 11 === 0 ? 'sekurlsa seen' : 'logon',
    });
  }
  const command = COMMANDS[i % COMMANDS.length] as string;
  return JSON.stringify({
    _time: time(i),
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    Computer: `ws-${i % 5}`,
    Image: `C:\\Windows\\System32\\${command.split(' ')[0]}`,
    CommandLine: command,
    User: `CORP\\user${i % 7}`,
  });
}
// Several readers' batches per file, and several files in one folder.
for (const part of [0, 1, 2]) {
  const lines = Array.from({ length: 4000 }, (_, i) => jsonLine(part * 4000 + i));
  writeFileSync(path.join(inputs, `part-${part}.jsonl`), `${lines.join('\n')}\n`);
}
const xml = (i: number) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID><TimeCreated SystemTime='${time(i)}'/><EventRecordID>${i}</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws-x</Computer></System><EventData><Data Name='Image'>C:\\Windows\\System32\\cmd.exe</Data><Data Name='CommandLine'>${COMMANDS[i % 2]}</Data></EventData></Event>`;
writeFileSync(
  path.join(inputs, 'sysmon.xml'),
  `${Array.from({ length: 1500 }, (_, i) => xml(i)).join('\n')}\n`,
);

async function hunt(format: string, thread: boolean, extra: readonly string[] = []) {
  const out = path.join(dir, `out-${format}-${thread}-${extra.length}`);
  const result = await runCli([
    'hunt',
    '--no-progress',
    '--keep-going',
    '--sigma',
    rules,
    ...(thread ? ['--sigma-thread'] : []),
    ...extra,
    '-f',
    format,
    '-o',
    out,
    inputs,
  ]);
  assert.equal(result.status, 0, result.stderr);
  // HUNT007: the worker stopped and the main thread matched instead.
  assert.doesNotMatch(result.stderr, /HUNT007/);
  // The headline's elapsed time is the only thing that may differ.
  return readFileSync(out, 'utf8').replace(
    /"elapsed_(?:ms|seconds)":\s*[\d.]+|in [\d.]+ ?m?s\b/g,
    '',
  );
}

for (const format of ['jsonl', 'json', 'csv', 'table']) {
  test(`-f ${format}: the same output with the Sigma rules matched on a worker thread`, {
    timeout: 120_000,
  }, async () => {
    const main = await hunt(format, false);
    const threaded = await hunt(format, true);
    assert.ok(main.length > 1000, 'the hunt found something');
    assert.equal(threaded, main);
  });
}

test('a time range: the worker reads the events the hunt reads', {
  timeout: 120_000,
}, async () => {
  const range = ['--start', time(2500), '--end', time(9000)];
  const main = await hunt('jsonl', false, range);
  const threaded = await hunt('jsonl', true, range);
  assert.match(main, /Many failed logons/);
  assert.equal(threaded, main);
});
