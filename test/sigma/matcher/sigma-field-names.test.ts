// Sigma field-name views over a stream: the per-matcher cache of field orders must answer exactly
// as the one-event function whatever order, count and spelling of names the events bring.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import {
  SigmaFieldNameViews,
  withSigmaFieldNames,
} from '../../../src/sigma/matcher/sigma-field-names.ts';
import { matcherFor, SYSMON } from '../sigma-test-kit.ts';

const SHAPES: readonly Event[] = [
  { Channel: 'System', 'Service Name': 'svc', ImagePath: 'a.exe' },
  { Channel: 'System', ServiceName: 'own', 'Service Name': 'spaced' },
  { Channel: 'System', ImagePath: 'a.exe' },
  { ImagePath: 'a.exe', Channel: 'System' },
  { Channel: 'System', ImagePath: 'a.exe', 'Start Type': 'auto' },
  {},
  Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`F${i}`, `${i}`])),
  {
    ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`F${i}`, `${i}`])),
    'Last Name': 'x',
  },
];

function answers(event: Event): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in event) out[key] = event[key];
  return out;
}

test('the cached views answer as withSigmaFieldNames for every order of shapes', () => {
  const views = new SigmaFieldNameViews();
  for (let i = 0; i < 400; i++) {
    const shape = SHAPES[(i * 7 + (i >> 3)) % SHAPES.length] as Event;
    const event = { ...shape };
    const view = views.view(event);
    assert.deepEqual(answers(view), answers(withSigmaFieldNames(event)), `event ${i}`);
  }
});

test('a spaced name answers to its Sigma spelling unless the event has that field itself', () => {
  const views = new SigmaFieldNameViews();
  const spaced = views.view({ 'Service Name': 'svc' });
  assert.equal(spaced['ServiceName'], 'svc');
  const own = views.view({ ServiceName: 'own', 'Service Name': 'spaced' });
  assert.equal(own['ServiceName'], 'own');
  const plain: Event = { Channel: 'System' };
  assert.equal(views.view(plain), plain);
  assert.equal(views.view(plain), plain);
});

test('a spaced Event ID routes the event as its Sigma spelling does, in any order of events', () => {
  const { titles } = matcherFor(`title: Named
logsource: {category: process_creation, product: windows}
detection:
  sel:
    CommandLine|contains: 'needle'
  condition: sel`);
  for (let i = 0; i < 6; i++) {
    const spaced: Event = { Channel: SYSMON, 'Event ID': '1', 'Command Line': 'a needle' };
    const plain: Event = { Channel: SYSMON, EventID: '1', CommandLine: 'a needle' };
    const other: Event = { Channel: SYSMON, EventID: '3', CommandLine: 'a needle' };
    assert.deepEqual(titles(i % 2 === 0 ? spaced : plain), ['Named'], `event ${i}`);
    assert.deepEqual(titles(other), [], `event ${i}`);
  }
});
