// Differential: every fixture rule converted to SPL and run by our SPL engine must select exactly
// the events the Sigma matcher selects, over the same generated events.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import {
  compileSigmaRules,
  convertToSpl,
  createSigmaMatcher,
  loadSigmaRuleSet,
} from '../../../src/sigma/index.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import { SYSMON } from '../sigma-test-kit.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/sigma/differential/rules.yml');

/** Deterministic values chosen to hit and miss each fixture rule. */
const POOLS: Readonly<Record<string, readonly (string | undefined)[]>> = {
  Image: [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'C:\\Windows\\System32\\cmd.exe',
    'C:\\Tools\\curl.exe',
    'C:\\Windows\\notepad.exe',
    'C:\\x\\other.exe',
  ],
  OriginalFileName: ['PowerShell.EXE', 'Cmd.Exe', undefined, '-', ''],
  CommandLine: [
    'powershell -enc SQBFAFgA',
    'powershell /EncodedCommand abc',
    'powershell \u2013enc abc',
    'code.exe tunnel',
    'code tunnel --accept-server-license-terms',
    'curl -O https://10.1.2.3/a.exe',
    'curl --output x http://1.2.3.4/b',
    'C:\\Windows\\system32\\cmd.exe /c whoami',
    `run ${Buffer.from('xhttp://evil').toString('base64')}`,
    'echo "*" done',
    undefined,
  ],
  ParentImage: ['C:\\Program Files\\App\\app.exe', 'C:\\Windows\\explorer.exe', undefined],
  User: ['NT AUTHORITY\\SYSTEM', 'CORP\\alice', 'corp\\ALICE', undefined],
  ParentUser: ['CORP\\alice', 'NT AUTHORITY\\SYSTEM', undefined],
  Initiated: ['true', 'false', 'True'],
  DestinationPort: ['445', '3389', '80'],
  SourceHostname: ['ws1', undefined],
  DestinationIp: ['10.0.0.5', '192.168.1.1', '8.8.8.8', 'not-an-ip'],
  GrantedAccess: ['0x1000', '0x1FFFFF', undefined],
  SourceProcessId: ['999', '1001', '4096'],
  TargetImage: ['C:\\Windows\\System32\\lsass.exe', 'C:\\x.exe'],
  TargetObject: ['HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x', 'HKLM\\Other'],
  Details: ['*.lnk', 'C:\\x.lnk', 'DWORD (0x1)'],
};

const ROUTES: readonly { Channel: string; EventID: string }[] = [
  { Channel: SYSMON, EventID: '1' },
  { Channel: 'Security', EventID: '4688' },
  { Channel: SYSMON, EventID: '3' },
  { Channel: SYSMON, EventID: '10' },
  { Channel: SYSMON, EventID: '13' },
];

function generateEvents(count: number): Event[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const event: Event = {
      ...(ROUTES[Math.floor(next() * ROUTES.length)] as object),
      _time: 1_700_000_000 + i,
      test_id: String(i),
    };
    for (const [field, pool] of Object.entries(POOLS)) {
      const value = pool[Math.floor(next() * pool.length)];
      if (value !== undefined) event[field] = value;
    }
    // 4688 carries Image as NewProcessName.
    if (event['EventID'] === '4688' && event['Image'] !== undefined) {
      event['NewProcessName'] = event['Image'];
      delete event['Image'];
    }
    events.push(event);
  }
  return events;
}

test('converted SPL selects the same events as the matcher, rule by rule', () => {
  const set = loadSigmaRuleSet([{ name: FIXTURE, text: readFileSync(FIXTURE, 'utf8') }]);
  assert.equal(set.rules.length, 11);
  const events = generateEvents(3000);
  const matcher = createSigmaMatcher(compileSigmaRules(set));
  const native = new Map<string, Set<string>>();
  for (const event of events) {
    for (const m of matcher.match(event)) {
      const ids = native.get(m.rule.title) ?? new Set<string>();
      ids.add(String(event['test_id']));
      native.set(m.rule.title, ids);
    }
  }
  const conversion = convertToSpl(set, { pipeline: 'spelunk' });
  assert.deepEqual(conversion.diagnostics, []);
  for (const { document, queries } of conversion.documents) {
    const viaSpl = new Set<string>();
    for (const query of queries) {
      const compiled = compileSpl(query);
      assert.ok(compiled.ok, `${document.title}: ${query}`);
      const run = compiled.value.start({
        emit: (rows) => {
          for (const r of rows) viaSpl.add(String(r['test_id']));
        },
      });
      run.push(events);
      run.finish();
    }
    const expected = [...(native.get(document.title) ?? [])].sort();
    assert.ok(expected.length > 0, `${document.title} matches some events`);
    assert.ok(expected.length < events.length / 2, `${document.title} misses some events`);
    assert.deepEqual([...viaSpl].sort(), expected, `${document.title}\n${queries.join('\n---\n')}`);
  }
});

test('known difference: SPL has no one-character wildcard, so ? widens to *', () => {
  const set = loadSigmaRuleSet([
    {
      name: 'q.yml',
      text: `title: Q\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    Image: 'a?c'\n  condition: sel`,
    },
  ]);
  assert.deepEqual(
    convertToSpl(set).documents[0]?.queries[0],
    'Channel="Microsoft-Windows-Sysmon/Operational" EventID=1 Image="a*c"',
  );
});
