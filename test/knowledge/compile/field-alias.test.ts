// FIELDALIAS: AS and ASNEW semantics (props.conf.spec, FIELDALIAS-<class>), pair syntax, errors with spans.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { applyKnowledge, cleanKnowledge, knowledgeOf, spanned } from '../helpers.ts';

const event = (fields: Event): Event => ({ sourcetype: 'st', source: 's', ...fields });

describe('FIELDALIAS', () => {
  // props.conf.spec: AS replaces an existing alias and removes it when the original has no
  // value; ASNEW keeps an existing alias and keeps it when the original has no value.
  const cases: [string, Event, Event][] = [
    ['a AS b', { a: '1' }, { a: '1', b: '1' }],
    ['a AS b', { a: '1', b: '2' }, { a: '1', b: '1' }],
    ['a AS b', { b: '2' }, { b: undefined }],
    ['a AS b', { a: '', b: '2' }, { a: '', b: undefined }],
    ['a ASNEW b', { a: '1' }, { a: '1', b: '1' }],
    ['a ASNEW b', { a: '1', b: '2' }, { a: '1', b: '2' }],
    ['a ASNEW b', { b: '2' }, { b: '2' }],
    ['a asnew b', { a: ['x', 'y'] }, { a: ['x', 'y'], b: ['x', 'y'] }],
    ['a AS b, c as d', { a: '1', c: '3' }, { a: '1', b: '1', c: '3', d: '3' }],
    ['"Account Name" AS user', { 'Account Name': 'bob' }, { 'Account Name': 'bob', user: 'bob' }],
  ];
  for (const [alias, input, expected] of cases) {
    test(`${alias} over ${JSON.stringify(input)}`, () => {
      const base = cleanKnowledge({ props: `[st]\nFIELDALIAS-x = ${alias}\n` });
      const [out] = applyKnowledge(base, [event(input)]);
      assert.deepEqual(out, event(expected));
    });
  }

  test('aliases run in class order, each seeing the ones before it', () => {
    const base = cleanKnowledge({
      props: '[st]\nFIELDALIAS-b = mid AS last\nFIELDALIAS-a = first AS mid\n',
    });
    const [out] = applyKnowledge(base, [event({ first: 'v' })]);
    assert.equal(out?.['last'], 'v');
  });

  test('malformed pairs are refused with a caret under the problem', () => {
    const cases: [string, string][] = [
      ['a b c', 'b'],
      ['a AS', 'AS'],
      ['a AS b c', 'c'],
    ];
    for (const [value, where] of cases) {
      const { diagnostics } = knowledgeOf({ props: `[st]\nFIELDALIAS-x = ${value}\n` });
      assert.equal(diagnostics[0]?.code, 'KNO211', value);
      assert.equal(spanned(diagnostics[0]), where, value);
    }
  });
});
