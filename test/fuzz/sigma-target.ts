// Fuzz target: Sigma rule text → load → compile → detect over a few events → convert to SPL.
// Rules are generated from detection items, modifiers and conditions, then mutated.
import assert from 'node:assert/strict';
import { type Diagnostic, type Event, formatDiagnostics } from '../../src/core/index.ts';
import type { SeededRandom } from '../../src/core/seeded-random.ts';
import {
  compileSigmaRules,
  convertToSpl,
  createSigmaDetector,
  loadSigmaRuleSet,
} from '../../src/sigma/index.ts';
import { type FuzzTarget, int, mutateText, pick } from './fuzz-kit.ts';

const FIELDS = [
  'Image',
  'CommandLine',
  'ParentImage',
  'User',
  'EventID',
  'TargetFilename',
  'DestinationIp',
];
const MODIFIERS = [
  'contains',
  'startswith',
  'endswith',
  're',
  'base64offset',
  'base64',
  'windash',
  'cidr',
  'all',
  'exists',
  'gt',
  'lte',
  'utf16le',
  'wide',
  'cased',
  'i',
  'm',
  's',
  'fieldref',
  'expand',
  'neq',
];
const VALUES = [
  "'\\cmd.exe'",
  "'*\\powershell.exe'",
  "'-enc'",
  '4688',
  "'10.0.0.0/8'",
  "'(?i)who[a-z]+'",
  "'^(a|aa)*$'",
  "'(?=a)b'",
  'null',
  'true',
  "''",
  "'%placeholder%'",
  "'a*b?c'",
  "'\\\\'",
  '1e400',
];

function item(next: SeededRandom): string {
  const mods = Array.from({ length: int(next, 3) }, () => pick(next, MODIFIERS));
  const key = [pick(next, FIELDS), ...mods].join('|');
  const values = Array.from({ length: 1 + int(next, 3) }, () => pick(next, VALUES));
  return values.length === 1
    ? `        ${key}: ${values[0]}`
    : `        ${key}:\n${values.map((v) => `            - ${v}`).join('\n')}`;
}

function condition(next: SeededRandom, names: readonly string[], depth: number): string {
  const roll = next();
  if (depth <= 0 || roll < 0.35)
    return pick(next, [...names, '1 of sel*', 'all of them', '1 of them']);
  if (roll < 0.5) return `not ${condition(next, names, depth - 1)}`;
  if (roll < 0.65) return `(${condition(next, names, depth - 1)})`;
  return `${condition(next, names, depth - 1)} ${pick(next, ['and', 'or'])} ${condition(next, names, depth - 1)}`;
}

function rule(next: SeededRandom, index: number): string {
  const names = Array.from({ length: 1 + int(next, 3) }, (_, i) =>
    i === 0 ? 'selection' : `sel${i}`,
  );
  const blocks = names.map(
    (name) =>
      `    ${name}:\n${Array.from({ length: 1 + int(next, 3) }, () => item(next)).join('\n')}`,
  );
  return `title: Rule ${index}
id: 00000000-0000-0000-0000-00000000000${index}
name: rule${index}
status: test
logsource:
    product: windows
    category: ${pick(next, ['process_creation', 'file_event', 'network_connection'])}
detection:
${blocks.join('\n')}
    condition: ${condition(next, names, 3)}
level: ${pick(next, ['low', 'high', 'critical'])}
`;
}

function correlation(next: SeededRandom): string {
  return `title: Correlated
correlation:
    type: ${pick(next, ['event_count', 'value_count', 'temporal', 'temporal_ordered'])}
    rules: [rule0, rule1]
    group-by: [${pick(next, FIELDS)}]
    timespan: ${1 + int(next, 60)}m
    condition: {gte: ${int(next, 5)}${next() < 0.5 ? `, field: ${pick(next, FIELDS)}` : ''}}
`;
}

const NASTY = [
  ':',
  '-',
  '|',
  '*',
  "'",
  '"',
  '[',
  '{',
  '&a',
  '*a',
  '!!str',
  '\t',
  '#',
  '\n  ',
  '---\n',
  'not ',
  '(',
  '%',
];

const EVENTS: Event[] = [
  {
    _time: 1_700_000_000,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    Image: 'C:\\Windows\\cmd.exe',
    CommandLine: 'cmd.exe -enc AAAA',
    User: 'NT AUTHORITY\\SYSTEM',
  },
  {
    _time: 1_700_000_010,
    Channel: 'Security',
    EventID: '4688',
    NewProcessName: 'a'.repeat(5000),
    CommandLine: ['x', 'y'],
  },
  {
    _time: 1_700_000_020,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '3',
    DestinationIp: '10.1.2.3',
  },
];

function checkDiagnostics(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    assert.match(d.code, /^SIGMA\d{3}$/, d.message);
    if (d.span && d.source?.text === text) {
      assert.ok(
        d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length + 1,
        `${d.code} span`,
      );
    }
  }
  assert.equal(typeof formatDiagnostics(diagnostics), 'string');
}

export const sigmaTarget: FuzzTarget = {
  name: 'sigma',
  generate: (next) => {
    const docs = [rule(next, 0), rule(next, 1)];
    if (next() < 0.4) docs.push(correlation(next));
    const text = docs.join('---\n');
    return next() < 0.5 ? mutateText(text, next, NASTY) : text;
  },
  async check(input) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    const set = loadSigmaRuleSet([{ name: 'fuzz.yml', text }]);
    checkDiagnostics([...set.diagnostics, ...set.documents.flatMap((d) => d.diagnostics)], text);
    const compiled = compileSigmaRules(set);
    checkDiagnostics(compiled.diagnostics, text);
    const detector = createSigmaDetector(compiled, { maxMemoryBytes: 16 * 1024 * 1024 });
    for (const event of EVENTS) detector.detect({ ...event });
    detector.finish();
    checkDiagnostics(convertToSpl(set).diagnostics, text);
  },
};
