// Loading documents: rule metadata, the three document kinds, and every problem located.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDiagnostic } from '../../../src/core/diagnostic.ts';
import { allDiagnostics, loadText } from '../sigma-test-kit.ts';

/** code → rendered caret lines of the first error. */
function firstError(text: string): { code: string; rendered: string } {
  const error = allDiagnostics(loadText(text)).find((d) => d.severity === 'error');
  assert.ok(error, 'expected an error');
  return { code: error.code, rendered: formatDiagnostic(error) };
}

const RULE = `title: Whoami
id: 0b6e7a5c-1f2b-4c3d-9e8f-a1b2c3d4e5f6
name: whoami_run
status: Test
level: HIGH
tags:
    - attack.discovery
    - attack.t1033
    - attack.defense_evasion
logsource:
    category: process_creation
    product: windows
fields: [CommandLine]
detection:
    sel:
        Image|endswith: '\\whoami.exe'
    condition: sel
`;

describe('a detection rule', () => {
  const set = loadText(RULE);
  const rule = set.rules[0];
  test('loads without problems', () => assert.deepEqual(allDiagnostics(set), []));
  test('status and level are case-insensitive (pySigma)', () => {
    assert.equal(rule?.status, 'test');
    assert.equal(rule?.level, 'high');
  });
  test('ATT&CK tags are parsed', () =>
    assert.deepEqual(rule?.attack, {
      techniques: ['T1033'],
      tactics: ['discovery', 'defense-evasion'],
      groups: [],
      software: [],
    }));
  test('fields and name are kept', () => {
    assert.deepEqual(rule?.fields, ['CommandLine']);
    assert.equal(rule?.name, 'whoami_run');
  });
});

const ERRORS: readonly [string, string, string, RegExp][] = [
  ['missing title', RULE.replace('title: Whoami\n', ''), 'SIGMA011', /missing "title"/],
  [
    'bad id',
    RULE.replace('0b6e7a5c-1f2b-4c3d-9e8f-a1b2c3d4e5f6', 'not-a-uuid'),
    'SIGMA011',
    /rule\.yml:2:5/,
  ],
  [
    'bad level',
    RULE.replace('HIGH', 'severe'),
    'SIGMA013',
    /rule\.yml:5:8\n.*\n5 \| level: severe\n\s+\|\s+\^{6}/,
  ],
  [
    'unknown identifier',
    RULE.replace('condition: sel', 'condition: sel and filter'),
    'SIGMA031',
    /rule\.yml:17:24\n.*\n.*\n\s+\|\s+\^{6}/,
  ],
  [
    'empty selector',
    RULE.replace('condition: sel', 'condition: 1 of filter_*'),
    'SIGMA032',
    /rule\.yml:17:16/,
  ],
  [
    'condition syntax',
    RULE.replace('condition: sel', 'condition: sel and'),
    'SIGMA030',
    /unexpected end/,
  ],
  [
    'pipe aggregation',
    RULE.replace('condition: sel', 'condition: sel | count() > 3'),
    'SIGMA033',
    /deprecated/,
  ],
  [
    'timeframe',
    RULE.replace('    condition: sel', '    timeframe: 5m\n    condition: sel'),
    'SIGMA033',
    /timeframe/,
  ],
  ['no condition', RULE.replace('    condition: sel\n', ''), 'SIGMA020', /no condition/],
  ['no logsource', RULE.replace(/logsource:\n.*\n.*\n/, ''), 'SIGMA011', /missing the logsource/],
  ['unquoted date value', RULE.replace("'\\whoami.exe'", '2024-01-02'), 'SIGMA020', /YAML date/],
  [
    'null keyword',
    RULE.replace("Image|endswith: '\\whoami.exe'", "'|contains': null"),
    'SIGMA020',
    /must be bound to a field/,
  ],
  ['bad tag', RULE.replace('attack.t1033', 't1033'), 'SIGMA011', /no namespace/],
  ['bad date', `${RULE}date: 2024/13\n`, 'SIGMA011', /date "2024\/13" is invalid/],
];

describe('problems are refused with a code and a caret', () => {
  for (const [name, text, code, pattern] of ERRORS) {
    test(name, () => {
      const error = firstError(text);
      assert.equal(error.code, code);
      assert.match(error.rendered, pattern);
    });
  }
});

test('one bad document does not stop the others in the file', () => {
  const set = loadText(
    `${RULE}---\ntitle: Broken\nlogsource: {product: windows}\ndetection:\n    condition: x\n---\n${RULE.replace('Whoami', 'Second').replace('0b6e7a5c', '1b6e7a5c').replace('whoami_run', 'second')}`,
  );
  assert.equal(set.documents.length, 3);
  assert.deepEqual(
    set.rules.map((r) => r.title),
    ['Whoami', 'Second'],
  );
  assert.equal(set.documents[1]?.document, undefined);
});

test('legacy action: global merges into the following documents', () => {
  const set = loadText(`action: global
title: Global
logsource:
    product: windows
detection:
    condition: sel
---
logsource:
    category: process_creation
detection:
    sel:
        Image: a.exe
---
title: Other
logsource:
    category: image_load
detection:
    sel:
        ImageLoaded: b.dll
`);
  assert.deepEqual(allDiagnostics(set), []);
  assert.deepEqual(
    set.rules.map((r) => [r.title, r.logsource]),
    [
      ['Global', { category: 'process_creation', product: 'windows' }],
      ['Other', { category: 'image_load', product: 'windows' }],
    ],
  );
});

test('a correlation and a filter load with their references checked', () => {
  const set = loadText(`${RULE}---
title: Many whoami
correlation:
    type: event_count
    rules: [whoami_run]
    group-by: [Computer]
    timespan: 10m
    condition: {gte: 5}
---
title: Not admins
logsource: {category: process_creation, product: windows}
filter:
    rules: [whoami_run]
    sel:
        User|startswith: 'adm_'
    condition: not sel
---
title: Dangling
correlation:
    type: temporal
    rules: [missing_rule]
    group-by: [Computer]
    timespan: 1h
`);
  assert.equal(set.correlations.length, 1);
  assert.equal(set.correlations[0]?.timespanSeconds, 600);
  assert.equal(set.filters.length, 1);
  assert.equal(set.diagnostics[0]?.code, 'SIGMA041');
});

const CORRELATION_ERRORS: readonly [string, string, RegExp][] = [
  ['type: sum', 'SIGMA040', /"sum" is not a correlation type/],
  ['timespan: 10 minutes', 'SIGMA040', /timespan "10 minutes" is invalid/],
  ['type: value_percentile', 'SIGMA042', /not supported/],
];

for (const [change, code, pattern] of CORRELATION_ERRORS) {
  test(`correlation: ${change}`, () => {
    const base = `title: C\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [x]\n    timespan: 10m\n    condition: {gte: 5, field: y}\n`;
    const key = change.split(':')[0] as string;
    const text = base.replace(new RegExp(`${key}: .*`), change);
    const error = firstError(text);
    assert.equal(error.code, code);
    assert.match(error.rendered, pattern);
  });
}
