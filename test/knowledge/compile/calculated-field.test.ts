// EVAL-<field>: compiled with the SPL eval compiler, run "as if in parallel" (props.conf.spec, EVAL-<fieldname>).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { applyKnowledge, cleanKnowledge, knowledgeOf, spanned } from '../helpers.ts';

const event = (fields: Event): Event => ({ sourcetype: 'st', source: 's', ...fields });

describe('EVAL', () => {
  // props.conf.spec's own example: with EVAL-x = y*2 and EVAL-y = 100, x is the original y * 2.
  test('every EVAL sees the event as it was before any EVAL ran', () => {
    const base = cleanKnowledge({ props: '[st]\nEVAL-x = y*2\nEVAL-y = 100\nEVAL-a = y."!"\n' });
    const [out] = applyKnowledge(base, [event({ y: '3' })]);
    assert.deepEqual([out?.['x'], out?.['y'], out?.['a']], [6, 100, '3!']);
  });

  test('an EVAL reads field aliases (they run before it) and overwrites an existing field', () => {
    const base = cleanKnowledge({
      props:
        '[st]\nFIELDALIAS-u = User AS user\nEVAL-user = upper(user)\nEVAL-n = if(isnull(user), "none", "some")\n',
    });
    const [out] = applyKnowledge(base, [event({ User: 'bob' })]);
    assert.deepEqual([out?.['user'], out?.['n']], ['BOB', 'some']);
  });

  test('a null result leaves the field without a value', () => {
    const base = cleanKnowledge({ props: '[st]\nEVAL-z = case(a=="1", "one")\n' });
    const [one, other] = applyKnowledge(base, [
      event({ a: '1', z: 'old' }),
      event({ a: '2', z: 'old' }),
    ]);
    assert.equal(one?.['z'], 'one');
    assert.equal(other?.['z'], undefined);
  });

  test('errors point into props.conf: syntax, unknown function, a boolean result', () => {
    const cases: [string, string, string][] = [
      ['if(a, b', 'SPL011', ''],
      ['nosuch(a)', 'SPL301', 'nosuch'],
      ['a == 1', 'KNO212', 'a == 1'],
      ['a b', 'SPL010', 'b'],
    ];
    for (const [expr, code, where] of cases) {
      const text = `[st]\nEVAL-x = ${expr}\n`;
      const { diagnostics } = knowledgeOf({ props: text });
      assert.equal(diagnostics[0]?.code, code, expr);
      assert.equal(diagnostics[0]?.source?.name, 'props.conf', expr);
      if (where !== '') assert.equal(spanned(diagnostics[0]), where, expr);
    }
  });

  test('a bad EVAL is left out; the rest of the stanza still applies', () => {
    const { base, diagnostics } = knowledgeOf({
      props: '[st]\nEVAL-bad = nosuch(a)\nEVAL-good = 1\n',
    });
    assert.equal(diagnostics.length, 1);
    const [out] = applyKnowledge(base, [event({})]);
    assert.deepEqual([out?.['good'], 'bad' in (out ?? {})], [1, false]);
  });
});
