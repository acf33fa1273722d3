// Field scanning under input the memos and the field-order cache must bound: many field names,
// changing field orders, values that never repeat and values too long to remember.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { matcherFor, SYSMON } from '../sigma-test-kit.ts';

const RULES = `title: Keywords
logsource: {product: windows}
detection:
  keywords: ['needle']
  condition: keywords
---
title: Named
logsource: {category: process_creation, product: windows}
detection:
  sel:
    CommandLine|contains: 'needle'
  condition: sel`;

function eventWith(fields: Event): Event {
  return { Channel: SYSMON, EventID: '1', ...fields };
}

test('keywords are found in any of 2,000 distinct field names, past the per-field memo bound', () => {
  const { titles } = matcherFor(RULES);
  for (let i = 0; i < 2000; i++) {
    const fields: Event = { [`Field${i}`]: `xx${i % 3 === 0 ? 'NEEDLE' : 'thread'}xx` };
    for (let j = 0; j < 5; j++) fields[`Other${(i * 7 + j) % 2000}`] = 'hay';
    const expected = i % 3 === 0 ? ['Keywords'] : [];
    assert.deepEqual(titles(eventWith(fields)), expected, `event ${i}`);
  }
});

test('changing field orders, unique values and long values give the same answers', () => {
  const { titles } = matcherFor(RULES);
  const values = (i: number) => [
    `run ${i} needle`,
    'x'.repeat(400) + (i % 2 === 0 ? 'needle' : 'noodle'),
    i % 5 === 0 ? 'needle' : 'nothing',
  ];
  for (let i = 0; i < 3000; i++) {
    const [unique, long, repeated] = values(i) as [string, string, string];
    const orders: [string, string][][] = [
      [
        ['CommandLine', repeated],
        ['Description', long],
      ],
      [
        ['Description', unique],
        ['CommandLine', long],
        ['Image', repeated],
      ],
      [
        ['Image', long],
        ['CommandLine', unique],
      ],
    ];
    const pairs = orders[i % 3] as [string, string][];
    const event = eventWith(Object.fromEntries(pairs));
    const commandLine = String(event['CommandLine']);
    const anyNeedle = pairs.some(([, v]) => v.includes('needle'));
    const expected = [
      ...(anyNeedle ? ['Keywords'] : []),
      ...(commandLine.includes('needle') ? ['Named'] : []),
    ];
    assert.deepEqual(titles(event), expected, `event ${i}`);
  }
});

test('values shorter than every pattern are skipped, values of exactly a pattern length still match', () => {
  const { titles } = matcherFor(`title: Exact
logsource: {category: process_creation, product: windows}
detection:
  sel:
    Image: 'abcdef'
  condition: sel
---
title: Suffix
logsource: {category: process_creation, product: windows}
detection:
  sel:
    Image|endswith: 'ef'
  condition: sel`);
  assert.deepEqual(titles(eventWith({ Image: 'ABCDEF' })), ['Exact', 'Suffix']);
  assert.deepEqual(titles(eventWith({ Image: 'ef' })), ['Suffix']);
  assert.deepEqual(titles(eventWith({ Image: 'f' })), []);
  assert.deepEqual(titles(eventWith({ Image: '' })), []);
  assert.deepEqual(titles(eventWith({ Image: ['x', 'zzef'] })), ['Suffix']);
});
