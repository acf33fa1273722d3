// Only the knowledge the searched fields depend on is computed; `all` computes everything.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { createKnowledgeApplier } from '../../../src/knowledge/apply/field-knowledge.ts';
import { applyKnowledge, cleanKnowledge } from '../helpers.ts';

const props = [
  '[st]',
  'EXTRACT-raw = id=(?<raw_id>\\d+)',
  'FIELDALIAS-user = User AS user',
  'EVAL-user_upper = upper(user)',
  'EVAL-unrelated = "computed"',
  'EVAL-from_raw = raw_id + 1',
].join('\n');
const event: Event = { sourcetype: 'st', source: 's', User: 'bob', _raw: 'id=41' };

describe('field selection', () => {
  test('a wanted field brings the steps it depends on, and nothing else', () => {
    const base = cleanKnowledge({ props });
    const [out] = applyKnowledge(base, [event], new Set(['user_upper']));
    assert.deepEqual(out, { ...event, user: 'bob', user_upper: 'BOB' });
  });

  test('`all` computes every field', () => {
    const [out] = applyKnowledge(cleanKnowledge({ props }), [event], 'all');
    assert.deepEqual(
      [out?.['user_upper'], out?.['unrelated'], out?.['raw_id'], out?.['from_raw']],
      ['BOB', 'computed', '41', 42],
    );
  });

  test('the readers keep _raw only when a selected step reads it', () => {
    const base = cleanKnowledge({ props });
    assert.equal(createKnowledgeApplier(base, new Set(['user'])).readsRaw, false);
    assert.equal(createKnowledgeApplier(base, new Set(['from_raw'])).readsRaw, true);
    assert.equal(createKnowledgeApplier(base, 'all').readsRaw, true);
  });

  test('a step whose field names come from the data runs whenever anything is wanted', () => {
    const base = cleanKnowledge({
      props: '[st]\nREPORT-kv = kv\n',
      transforms: '[kv]\nREGEX = (\\w+)=(\\w+)\nFORMAT = $1::$2\n',
    });
    const [out] = applyKnowledge(base, [{ ...event, _raw: 'a=1' }], new Set(['a']));
    assert.equal(out?.['a'], '1');
    const [none] = applyKnowledge(base, [{ ...event, _raw: 'a=1' }], new Set());
    assert.equal(none?.['a'], undefined);
  });

  test('programs are per sourcetype/source: other events get their own knowledge', () => {
    const base = cleanKnowledge({ props: '[st]\nEVAL-x = "st"\n[other]\nEVAL-x = "other"\n' });
    const out = applyKnowledge(base, [event, { ...event, sourcetype: 'other' }, event]);
    assert.deepEqual(
      out.map((e) => e['x']),
      ['st', 'other', 'st'],
    );
  });
});
