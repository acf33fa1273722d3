// `hunt` and `timeline` as a responder uses them on day one: the timeline's columns, order and
// provenance; each triage option; each mistake (exit code, message, no stack trace); the warnings
// summary. Fixtures: Sigma rules and Sysmon/Security XML written here.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type HuntCommandOptions, runHuntCommand } from '../../src/cli/commands/hunt.ts';
import {
  runTimelineCommand,
  type TimelineCommandOptions,
} from '../../src/cli/commands/timeline.ts';
import { type EventSpec, eventXml } from '../ingest/helpers/windows-xml.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

function processCreate(time: string, recordId: number, commandLine: string): EventSpec {
  return {
    eventId: 1,
    channel: SYSMON,
    time,
    recordId,
    data: [
      ['Image', 'C:\\Windows\\System32\\cmd.exe'],
      ['CommandLine', commandLine],
      ['User', 'CORP\\dev'],
      ['ParentImage', 'C:\\Windows\\explorer.exe'],
    ],
  };
}

const PIPE: EventSpec = {
  eventId: 17,
  channel: SYSMON,
  time: '2024-03-01T10:05:00.000Z',
  recordId: 7,
  data: [
    ['PipeName', '\\MSSE-1234-server'],
    ['Image', 'C:\\Users\\dev\\beacon.exe'],
  ],
};

const LOGON: EventSpec = {
  provider: 'Microsoft-Windows-Security-Auditing',
  eventId: 4624,
  channel: 'Security',
  time: '2024-03-01T09:00:00.000Z',
  recordId: 9,
  data: [
    ['SubjectUserName', 'DC1$'],
    ['TargetUserName', 'alice'],
    ['LogonType', '3'],
    ['IpAddress', '10.0.0.66'],
  ],
};

function rule(
  title: string,
  level: string,
  status: string,
  logsource: string,
  selection: string,
): string {
  const hex = Buffer.from(title).toString('hex').padEnd(12, '0').slice(0, 12);
  const id = `00000000-0000-4000-8000-${hex}`;
  return `title: ${title}\nid: ${id}\nstatus: ${status}\nlevel: ${level}\ntags: [attack.execution, attack.t1059]\nlogsource: ${logsource}\ndetection:\n  sel:\n${selection}\n  condition: sel\n`;
}

const PROCESS = '{category: process_creation, product: windows}';

/** A rules folder as the SigmaHQ tree lays it out, and a folder of telemetry. */
function fixture() {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-triage-'));
  const rules = path.join(dir, 'rules');
  const logs = path.join(dir, 'logs');
  for (const sub of ['', 'tests', 'regression_data'])
    mkdirSync(path.join(rules, sub), { recursive: true });
  mkdirSync(logs);
  const files: Record<string, string> = {
    'whoami.yml': rule('Whoami Run', 'high', 'stable', PROCESS, '    CommandLine|contains: whoami'),
    'mimikatz.yml': rule(
      'Mimikatz Run',
      'critical',
      'test',
      PROCESS,
      '    CommandLine|contains: mimikatz',
    ),
    'netuser.yml': rule(
      'Net User Run',
      'medium',
      'stable',
      PROCESS,
      '    CommandLine|contains: net user',
    ),
    'experimental.yml': rule(
      'Any Cmd',
      'low',
      'experimental',
      PROCESS,
      '    Image|endswith: \\cmd.exe',
    ),
    'pipe.yml': rule(
      'Cobalt Pipe',
      'high',
      'stable',
      '{category: pipe_created, product: windows}',
      '    PipeName|startswith: \\MSSE-',
    ),
    'logon.yml': rule(
      'Network Logon',
      'low',
      'stable',
      '{product: windows, service: security}',
      '    EventID: 4624\n    LogonType: 3',
    ),
    // Never rules: SigmaHQ's tests/ and regression_data/ hold other YAML.
    'tests/not-a-rule.yml': 'this: [is not a rule\n',
    'regression_data/info.yml': 'rule_metadata: {id: x}\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(rules, name), text);
  const events = [
    processCreate('2024-03-01T10:10:00.000Z', 3, 'cmd /c net user admin'),
    processCreate('2024-03-01T10:01:00.000Z', 1, 'cmd /c whoami /all'),
    processCreate('2024-03-01T10:02:00.000Z', 2, 'cmd /c mimikatz.exe'),
    PIPE,
  ];
  writeFileSync(path.join(logs, 'sysmon.xml'), `${events.map((e) => eventXml(e)).join('\n')}\n`);
  writeFileSync(path.join(logs, 'security.xml'), `${eventXml(LOGON)}\n`);
  return { dir, rules, logs };
}

const BASE = {
  content: [],
  sigma: [],
  detection: [],
  props: [],
  strict: false,
  progress: false,
  failOnFindings: false,
};

async function timeline(options: Partial<TimelineCommandOptions>, paths: readonly string[]) {
  let out = '';
  let err = '';
  const code = await runTimelineCommand(
    paths,
    { ...BASE, format: 'csv', ...options },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

async function hunt(options: Partial<HuntCommandOptions>, paths: readonly string[]) {
  let out = '';
  let err = '';
  const code = await runHuntCommand(
    paths,
    { ...BASE, format: 'table', ...options },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

type Row = Record<string, string>;
const sigmaRows = (csv: string): Row[] =>
  (parse(csv, { columns: true }) as Row[]).filter((r) => r['RuleType'] === 'Sigma');

test('timeline csv: the columns, one row per hit in time order, severity as Level, details per event kind, file and record', async () => {
  const { rules, logs } = fixture();
  const { code, out, err } = await timeline({ sigma: [rules] }, [logs]);
  assert.equal(code, 0, err);
  assert.equal(
    out.split('\r\n')[0],
    'Timestamp,Computer,Channel,EventID,Level,RuleTitle,RuleID,RuleType,Details,MitreTactics,MitreTechniques,RecordID,File,Line,datetime,timestamp_desc,message',
  );
  const rows = sigmaRows(out);
  assert.deepEqual(
    rows.map((r) => [r['RuleTitle'], r['Level'], r['RecordID']]),
    [
      ['Network Logon', 'low', '9'],
      ['Whoami Run', 'high', '1'],
      ['Mimikatz Run', 'critical', '2'],
      ['Cobalt Pipe', 'high', '7'],
      ['Net User Run', 'medium', '3'],
    ],
  );
  const byTitle = new Map(rows.map((r) => [r['RuleTitle'], r]));
  assert.match(byTitle.get('Cobalt Pipe')?.['Details'] ?? '', /PipeName: \\MSSE-1234-server/);
  assert.match(
    byTitle.get('Network Logon')?.['Details'] ?? '',
    /TargetUserName: alice.*LogonType: 3.*IpAddress: 10\.0\.0\.66/,
  );
  assert.match(
    byTitle.get('Whoami Run')?.['Details'] ?? '',
    /CommandLine: cmd \/c whoami \/all.*ParentImage: C:\\Windows\\explorer\.exe/,
  );
  const whoami = byTitle.get('Whoami Run') as Row;
  assert.equal(whoami['File'], path.join(logs, 'sysmon.xml'));
  assert.equal(whoami['Line'], '2');
  assert.equal(whoami['MitreTactics'], 'execution');
  assert.equal(whoami['MitreTechniques'], 'T1059');
  // Timesketch's three columns.
  assert.equal(whoami['datetime'], '2024-03-01T10:01:00.000+00:00');
  assert.equal(whoami['timestamp_desc'], 'Event Time');
  assert.match(whoami['message'] ?? '', /^\[high\] Whoami Run ¦ /);
  // The summary by level goes to stderr, away from the rows.
  assert.match(err, /== Summary by level: \d+ findings/);
});

test('timeline jsonl and table carry the same rows', async () => {
  const { rules, logs } = fixture();
  const jsonl = await timeline({ sigma: [rules], format: 'jsonl' }, [logs]);
  const lines = jsonl.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const sigma = lines.filter((l) => l.RuleType === 'Sigma');
  assert.deepEqual(
    sigma.map((l) => l.RuleTitle),
    ['Network Logon', 'Whoami Run', 'Mimikatz Run', 'Cobalt Pipe', 'Net User Run'],
  );
  assert.equal(sigma[1].RecordID, '1');
  const table = await timeline({ sigma: [rules], format: 'table' }, [logs]);
  assert.equal(table.code, 0);
  assert.match(table.out, /Timestamp +Computer/);
  assert.ok(table.out.indexOf('Whoami Run') < table.out.indexOf('Net User Run'));
});

test('--min-level high keeps only high and critical; --start/--end bound the time', async () => {
  const { rules, logs } = fixture();
  const high = sigmaRows((await timeline({ sigma: [rules], minLevel: 'high' }, [logs])).out);
  assert.deepEqual(new Set(high.map((r) => r['Level'])), new Set(['high', 'critical']));
  assert.equal(high.length, 3);
  const window = await timeline(
    { sigma: [rules], start: '2024-03-01T10:01:30Z', end: '2024-03-01T10:06:00Z' },
    [logs],
  );
  assert.deepEqual(
    sigmaRows(window.out).map((r) => r['RuleTitle']),
    ['Mimikatz Run', 'Cobalt Pipe'],
  );
  const bad = await timeline({ sigma: [rules], minLevel: 'severe' }, [logs]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^error: .*severe/);
  const badTime = await timeline({ sigma: [rules], start: 'yesterday-ish' }, [logs]);
  assert.equal(badTime.code, 2);
  assert.match(badTime.err, /^error: --start/);
});

test('--rule-status: experimental rules left out of folders by default, counted; named files run; tests/ and regression_data/ never read', async () => {
  const { rules, logs } = fixture();
  const byDefault = await timeline({ sigma: [rules] }, [logs]);
  assert.equal(byDefault.code, 0, byDefault.err);
  assert.ok(!sigmaRows(byDefault.out).some((r) => r['RuleTitle'] === 'Any Cmd'));
  assert.match(byDefault.err, /left out: 1 by status|1 by status \(1 experimental/);
  assert.doesNotMatch(byDefault.err, /not-a-rule|regression_data/);
  const all = await timeline({ sigma: [rules], ruleStatus: 'all' }, [logs]);
  assert.equal(sigmaRows(all.out).filter((r) => r['RuleTitle'] === 'Any Cmd').length, 3);
  const named = await timeline({ sigma: [path.join(rules, 'experimental.yml')] }, [logs]);
  assert.equal(sigmaRows(named.out).length, 3);
  const bad = await timeline({ sigma: [rules], ruleStatus: 'stabel' }, [logs]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /stabel/);
});

test('--exclude-rules never runs the rules listed; --noisy-rules counts them apart', async () => {
  const { dir, rules, logs } = fixture();
  const list = path.join(dir, 'list.txt');
  writeFileSync(list, '# by title and by id\nWhoami Run\n');
  const excluded = await timeline({ sigma: [rules], excludeRules: list }, [logs]);
  assert.equal(excluded.code, 0);
  assert.ok(!sigmaRows(excluded.out).some((r) => r['RuleTitle'] === 'Whoami Run'));
  assert.equal(sigmaRows(excluded.out).length, 4);
  const noisy = await hunt({ sigma: [rules], noisyRules: list }, [logs]);
  assert.equal(noisy.code, 0);
  assert.match(noisy.out, /noisy rules, counted, not listed: Whoami Run \(1\)/);
  assert.match(
    noisy.out,
    /== Whoami Run {2}\[high, Sigma, risk 0\][^\n]*\n.*\n {3}noisy rule \(--noisy-rules\)/,
  );
  assert.doesNotMatch(noisy.out, /whoami \/all/, 'its findings are not listed');
  const timelineNoisy = await timeline({ sigma: [rules], noisyRules: list }, [logs]);
  assert.ok(!sigmaRows(timelineNoisy.out).some((r) => r['RuleTitle'] === 'Whoami Run'));
});

test('hunt ranks by severity, then first seen; its Sigma findings show the details of their event kind', async () => {
  const { rules, logs } = fixture();
  const { code, out } = await hunt({ sigma: [rules] }, [logs]);
  assert.equal(code, 0);
  const sigma = [...out.matchAll(/^== (.+?) {2}\[(\w+), Sigma/gm)].map((m) => `${m[2]} ${m[1]}`);
  assert.deepEqual(sigma, [
    'critical Mimikatz Run',
    'high Whoami Run',
    'high Cobalt Pipe',
    'medium Net User Run',
    'low Network Logon',
  ]);
  assert.match(out, /\\MSSE-1234-server/);
  assert.match(out, /10\.0\.0\.66/);
});

test('-o FILE writes the output there and prints a short summary', async () => {
  const { dir, rules, logs } = fixture();
  const file = path.join(dir, 'timeline.csv');
  const { code, out } = await timeline({ sigma: [rules], out: file }, [logs]);
  assert.equal(code, 0);
  assert.match(
    out,
    /^spelunk: \d+ detections? fired, \d+ findings \(.*1 critical.*\), \d+ risk incidents?; \d+ timeline rows written to .*timeline\.csv$/m,
  );
  assert.match(readFileSync(file, 'utf8'), /^Timestamp,/);
  const report = path.join(dir, 'report.txt');
  const huntRun = await hunt({ sigma: [rules], out: report }, [logs]);
  assert.match(huntRun.out, /^spelunk: .* report written to .*report\.txt\n$/);
});

test('mistakes fail loudly, with or without --keep-going: exit 1, the path named, no stack trace', async () => {
  const { dir, rules, logs } = fixture();
  const zip = path.join(dir, 'logs.zip');
  writeFileSync(zip, Buffer.from('PK\x03\x04rest of a zip archive', 'latin1'));
  const cases: [string, () => Promise<{ code: number; err: string }>, RegExp][] = [
    [
      'a mistyped input',
      () => hunt({ keepGoing: true }, [path.join(dir, 'lgos')]),
      /^error: input \S+lgos: no such file or directory$/m,
    ],
    [
      'a mistyped --sigma',
      () => hunt({ sigma: [path.join(dir, 'rulez')], keepGoing: true }, [logs]),
      /^error: --sigma \S+rulez: no such file or directory$/m,
    ],
    [
      'a mistyped --content',
      () => timeline({ content: [path.join(dir, 'escu')] }, [logs]),
      /^error: --content \S+escu: no such file or directory$/m,
    ],
    [
      'a mistyped --exclude-rules',
      () => timeline({ sigma: [rules], excludeRules: path.join(dir, 'x.txt') }, [logs]),
      /^error: --exclude-rules \S+x\.txt: no such file/m,
    ],
    [
      'an archive',
      () => timeline({ sigma: [rules], keepGoing: true }, [zip]),
      /zip archive.*unpack it first[\s\S]*^error: 1 input not read/m,
    ],
    [
      'a wrong --input-format',
      () => hunt({ sigma: [rules], inputFormat: 'evtx' }, [logs]),
      /not read: --input-format evtx, but this is Windows event XML[\s\S]*^error: 2 inputs not read/m,
    ],
  ];
  for (const [what, run, message] of cases) {
    const { code, err } = await run();
    assert.equal(code, 1, what);
    assert.match(err, message, what);
    assert.doesNotMatch(err, /\n\s+at /, `${what}: no stack trace`);
  }
});

test('a broken rule stops the hunt after it is reported, unless --keep-going', async () => {
  const { rules, logs } = fixture();
  writeFileSync(
    path.join(rules, 'broken.yml'),
    rule('Broken', 'high', 'stable', PROCESS, '    CommandLine|containz: x'),
  );
  const stopped = await hunt({ sigma: [rules] }, [logs]);
  assert.equal(stopped.code, 1);
  assert.match(
    stopped.err,
    /error\[SIGMA021\]: unknown modifier "containz"\n\s+--> \S+broken\.yml:/,
  );
  assert.match(
    stopped.err,
    /^error: 2 problems in the rules, detections or knowledge above: fix them, or give --keep-going/m,
  );
  assert.equal(stopped.out, '');
  const going = await hunt({ sigma: [rules], keepGoing: true }, [logs]);
  assert.match(going.err, /SIGMA021/);
  assert.match(going.out, /== Whoami Run/);
  // --keep-going: the problems are reported, the run's exit code is the findings'.
  assert.equal(going.code, 0);
});

test('warnings: one line per code with a count and an example; --warnings lists each', async () => {
  const { rules, logs } = fixture();
  for (const n of [1, 2, 3]) {
    writeFileSync(
      path.join(rules, `unmapped-${n}.yml`),
      rule(
        `Unmapped ${n}`,
        'low',
        'stable',
        '{category: no_such_category, product: windows}',
        '    x: y',
      ),
    );
  }
  const summary = await timeline({ sigma: [rules] }, [logs]);
  assert.equal(summary.code, 0);
  assert.match(summary.err, /^\d+ warnings \(--warnings lists them all\):$/m);
  assert.match(summary.err, /^ {2}SIGMA051 x3, e\.g\. no logsource mapping .*no_such_category/m);
  assert.equal(
    summary.err.match(/warnings \(--warnings lists them all\)/g)?.length,
    1,
    'one summary',
  );
  const all = await timeline({ sigma: [rules], warnings: true }, [logs]);
  assert.equal(all.err.match(/warning\[SIGMA051\]/g)?.length, 3);
});
