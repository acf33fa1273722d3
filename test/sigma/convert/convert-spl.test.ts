// convert --to spl: the SPL pySigma's Splunk backend prints (its test suite's cases, restated),
// spelunk's logsource pipeline, and what is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertToSpl, type SplConvertOptions } from '../../../src/sigma/index.ts';
import { loadText } from '../sigma-test-kit.ts';

function spl(text: string, options: SplConvertOptions = { pipeline: 'none' }): string[] {
  return convertToSpl(loadText(text), options).documents.flatMap((d) => d.queries);
}

function refusal(text: string, options: SplConvertOptions = { pipeline: 'none' }): string {
  const conversion = convertToSpl(loadText(text), options);
  return `${conversion.diagnostics[0]?.code} ${conversion.diagnostics[0]?.message}`;
}

const rule = (detection: string, extra = '') =>
  `title: T\nlogsource: {category: test_category, product: test_product}\n${extra}detection:\n${detection}`;

const CASES: readonly [string, string, string][] = [
  [
    'and',
    '  sel:\n    fieldA: valueA\n    fieldB: valueB\n  condition: sel',
    'fieldA="valueA" fieldB="valueB"',
  ],
  [
    'or',
    '  sel1:\n    fieldA: valueA\n  sel2:\n    fieldB: valueB\n  condition: 1 of sel*',
    'fieldA="valueA" OR fieldB="valueB"',
  ],
  [
    'OR binds tighter than the implicit AND',
    '  sel:\n    fieldA: [valueA1, valueA2]\n    fieldB: [valueB1, valueB2]\n  condition: sel',
    'fieldA IN ("valueA1", "valueA2") fieldB IN ("valueB1", "valueB2")',
  ],
  [
    'ANDs inside an OR are grouped',
    '  sel1:\n    fieldA: valueA1\n    fieldB: valueB1\n  sel2:\n    fieldA: valueA2\n    fieldB: valueB2\n  condition: 1 of sel*',
    '(fieldA="valueA1" fieldB="valueB1") OR (fieldA="valueA2" fieldB="valueB2")',
  ],
  [
    'IN with wildcards',
    '  sel:\n    fieldA: [valueA, valueB, valueC*]\n  condition: sel',
    'fieldA IN ("valueA", "valueB", "valueC*")',
  ],
  [
    'field names with spaces are quoted',
    '  sel:\n    field name: valueA\n  condition: sel',
    '"field name"="valueA"',
  ],
  [
    'regex deferred',
    '  sel:\n    fieldA|re: foo.*bar\n    fieldB: foo\n  condition: sel',
    'fieldB="foo"\n| regex fieldA="foo.*bar"',
  ],
  [
    'only a regex',
    '  sel:\n    fieldA|re: foo.*bar\n  condition: sel',
    '*\n| regex fieldA="foo.*bar"',
  ],
  [
    'negated regex',
    '  sel:\n    a: x\n  filter:\n    fieldA|re: "x\\\\d\\""\n  condition: sel and not filter',
    'a="x"\n| regex fieldA!="x\\\\d\\""',
  ],
  [
    'regexes inside an OR: rex and eval',
    '  sel1:\n    fieldA|re: foo.*bar\n  sel2:\n    fieldB|re: boo.*foo\n  condition: sel1 or sel2',
    '\n| rex field=fieldA "(?<fieldAMatch>foo.*bar)"\n| eval fieldACondition=if(isnotnull(fieldAMatch), "true", "false")\n| rex field=fieldB "(?<fieldBMatch>boo.*foo)"\n| eval fieldBCondition=if(isnotnull(fieldBMatch), "true", "false")\n| search fieldACondition="true" OR fieldBCondition="true"',
  ],
  [
    'regex flags',
    '  sel:\n    x: 1\n    fieldA|re|i: abc\n  condition: sel',
    'x=1\n| regex fieldA="(?i)abc"',
  ],
  [
    'cidr',
    '  sel:\n    fieldA|cidr: [192.168.0.0/16, 10.0.0.0/8]\n    fieldB: foo\n  condition: sel',
    'fieldA="192.168.0.0/16" OR fieldA="10.0.0.0/8" fieldB="foo"',
  ],
  [
    'fieldref (lower() on both: Sigma compares case-insensitively)',
    '  sel:\n    fieldA|fieldref: fieldD\n    fieldB: foo\n  condition: sel',
    "fieldB=\"foo\"\n| where lower('fieldA')=lower('fieldD')",
  ],
  [
    'exists',
    '  sel:\n    fieldA|exists: yes\n    fieldB|exists: no\n  condition: sel',
    'fieldA=* NOT fieldB=*',
  ],
  ['null', '  sel:\n    fieldA: null\n  condition: sel', 'NOT fieldA=*'],
  ['numbers and booleans', '  sel:\n    a: 4688\n    b: true\n  condition: sel', 'a=4688 b=true'],
  ['compare', '  sel:\n    a|gte: 5\n    b|lt: 2\n  condition: sel', 'a>=5 b<2'],
  [
    'escaping of " and \\, ? widened to *',
    "  sel:\n    a: 'x\"\\\\y?'\n  condition: sel",
    'a="x\\"\\\\y*"',
  ],
  [
    'a literal * becomes an anchored regex (SPL cannot escape *)',
    "  sel:\n    b: 1\n    a: '\\*.lnk'\n  condition: sel",
    'b=1\n| regex a="(?is)^\\\\*\\\\.lnk$"',
  ],
  [
    'keywords',
    "  keywords:\n    - 'mimikatz'\n    - 42\n  condition: keywords",
    '"mimikatz" OR 42',
  ],
  [
    'not of a group',
    '  sel:\n    a: 1\n  filter:\n    b: 2\n    c: 3\n  condition: sel and not filter',
    'a=1 NOT (b=2 c=3)',
  ],
  [
    'windash expansion is an OR, parenthesised under NOT',
    "  sel:\n    a: 1\n  filter:\n    c|windash: '-s'\n  condition: sel and not filter",
    'a=1 NOT (c="-s" OR c="/s" OR c="–s" OR c="—s" OR c="―s")',
  ],
];

describe('pySigma Splunk output', () => {
  for (const [name, detection, expected] of CASES) {
    test(name, () => assert.deepEqual(spl(rule(detection)), [expected]));
  }
  test('fields become | table', () =>
    assert.deepEqual(
      spl(rule('  sel:\n    fieldA: valueA\n  condition: sel', 'fields: [fieldA, fieldB]\n')),
      ['fieldA="valueA" | table fieldA,fieldB'],
    ));
  test('one query per condition of a list', () =>
    assert.deepEqual(spl(rule('  a:\n    x: 1\n  b:\n    y: 2\n  condition: [a, b]')), [
      'x=1',
      'y=2',
    ]));
});

describe('deviations where pySigma changes the meaning', () => {
  test('a term followed by OR is not moved before the rex commands', () =>
    assert.deepEqual(spl(rule('  sel:\n    - a: 1\n    - b|re: x\n  condition: sel')), [
      '\n| rex field=b "(?<bMatch>x)"\n| eval bCondition=if(isnotnull(bMatch), "true", "false")\n| search a=1 OR bCondition="true"',
    ]));
  test('a regex under a negated group uses rex/eval (pySigma would lose the NOT)', () =>
    assert.deepEqual(
      spl(
        rule('  sel:\n    a: 1\n  filter:\n    b: 2\n    c|re: x\n  condition: sel and not filter'),
      ),
      [
        'a=1\n| rex field=c "(?<cMatch>x)"\n| eval cCondition=if(isnotnull(cMatch), "true", "false")\n| search NOT (b=2 cCondition="true")',
      ],
    ));
  test('a field reference inside an OR is evaluated before the search (pySigma refuses)', () =>
    assert.deepEqual(
      spl(
        rule(
          '  sel:\n    a: 1\n  filter:\n    - User|fieldref: ParentUser\n    - User: null\n  condition: sel and not filter',
        ),
      ),
      [
        'a=1\n| eval UserFieldref=if(lower(\'User\')==lower(\'ParentUser\'), "true", "false")\n| search NOT (UserFieldref="true" OR NOT User=*)',
      ],
    ));
});

describe('the spelunk pipeline adds the mapping entry conditions and field names', () => {
  const process = `title: P\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel`;
  test('one query per entry', () =>
    assert.deepEqual(spl(process, { pipeline: 'spelunk' }), [
      'Channel="Microsoft-Windows-Sysmon/Operational" EventID=1 Image="*\\\\whoami.exe"',
      'Channel="Security" EventID=4688 NewProcessName="*\\\\whoami.exe"',
    ]));
  test('several EventIDs become an IN list', () =>
    assert.deepEqual(
      spl(
        process
          .replace('process_creation', 'registry_event')
          .replace('Image|endswith', 'TargetObject|contains'),
        { pipeline: 'spelunk' },
      ),
      [
        'Channel="Microsoft-Windows-Sysmon/Operational" EventID IN (12, 13, 14) TargetObject="*\\\\whoami.exe*"',
      ],
    ));
  test('an unmapped logsource is refused', () =>
    assert.match(
      refusal(process.replace('windows', 'linux'), { pipeline: 'spelunk' }),
      /^SIGMA051 no logsource mapping for product: linux/,
    ));
});

describe('refused as the Splunk backend refuses', () => {
  test('cased', () =>
    assert.match(
      refusal(rule('  sel:\n    a|cased: X\n  condition: sel')),
      /^SIGMA070 .*case-sensitive/,
    ));
  test('time parts', () =>
    assert.match(refusal(rule('  sel:\n    a|hour: 3\n  condition: sel')), /^SIGMA070 .*hour/));
  test('fieldref|contains', () =>
    assert.match(
      refusal(rule('  sel:\n    a|fieldref|contains: b\n  condition: sel')),
      /^SIGMA070/,
    ));
});

describe('correlations: bin + stats', () => {
  const base = `title: Base\nname: base\nlogsource: {category: test}\ndetection:\n  sel:\n    fieldA: value1\n  condition: sel\n---\n`;
  test('event_count', () =>
    assert.deepEqual(
      spl(
        `${base}title: C\ncorrelation:\n  type: event_count\n  rules: [base]\n  group-by: [fieldC, fieldD]\n  timespan: 15m\n  condition: {gte: 10}`,
      ),
      [
        'fieldA="value1"\n\n| bin _time span=15m\n| stats count as event_count by _time fieldC fieldD\n\n| search event_count >= 10',
      ],
    ));
  test('value_count', () =>
    assert.deepEqual(
      spl(
        `${base}title: C\ncorrelation:\n  type: value_count\n  rules: [base]\n  group-by: [fieldC]\n  timespan: 1h\n  condition: {lt: 10, field: fieldD}`,
      ),
      [
        'fieldA="value1"\n\n| bin _time span=1h\n| stats dc(fieldD) as value_count by _time fieldC\n\n| search value_count < 10',
      ],
    ));
  test('temporal: multisearch with event types and renamed aliases', () =>
    assert.deepEqual(
      spl(
        `${base}title: Base 2\nname: base2\nlogsource: {category: test}\ndetection:\n  sel:\n    fieldB: v\n  condition: sel\n---\ntitle: C\ncorrelation:\n  type: temporal\n  rules: [base, base2]\n  aliases:\n    f:\n      base: fieldC\n      base2: fieldD\n  group-by: [f]\n  timespan: 5m`,
      ),
      [
        '| multisearch\n[ search fieldA="value1" | eval event_type="base" | rename fieldC as f ]\n[ search fieldB="v" | eval event_type="base2" | rename fieldD as f ]\n\n| bin _time span=5m\n| stats dc(event_type) as event_type_count by _time f\n\n| search event_type_count >= 2',
      ],
    ));
  test('temporal_ordered is refused', () =>
    assert.match(
      refusal(
        `${base}title: C\ncorrelation:\n  type: temporal_ordered\n  rules: [base]\n  group-by: [x]\n  timespan: 5m`,
      ),
      /^SIGMA070 .*temporal_ordered/,
    ));
});
