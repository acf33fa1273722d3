// Attacker-controlled values cannot make the knowledge layer unbounded: distinct event codes and sources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { createKnowledgeApplier } from '../../../src/knowledge/apply/field-knowledge.ts';
import { cleanKnowledge } from '../helpers.ts';

test('thousands of distinct event codes and sources still get correct fields, in bounded time', () => {
  const base = cleanKnowledge({
    props: '[st]\nEVAL-kind = case(EventCode==1, "one", true(), "other")\nEVAL-len = len(source)\n',
  });
  const applier = createKnowledgeApplier(base, 'all');
  const events: Event[] = [];
  for (let i = 0; i < 6000; i++) {
    events.push({
      sourcetype: 'st',
      source: i % 2 === 0 ? 's' : `s${i}`,
      EventCode: String(i % 3000),
    });
  }
  const started = performance.now();
  applier.apply(events);
  const elapsed = performance.now() - started;
  assert.deepEqual(
    events.slice(0, 3).map((e) => [e['kind'], e['len']]),
    [
      ['other', 1],
      ['one', 2],
      ['other', 1],
    ],
  );
  assert.equal(events[3001]?.['kind'], 'one');
  assert.equal(events[2000]?.['kind'], 'other');
  assert.ok(elapsed < 60_000, `${elapsed} ms`);
});
