// LOOKUP-<class>: automatic lookups through the SPL lookup tables (props.conf.spec, LOOKUP-<class>).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import { applyKnowledge, cleanKnowledge, knowledgeOf, spanned } from '../helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-knowledge-lookup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const codes = path.join(dir, 'codes.csv');
writeFileSync(codes, 'code,label,severity\n1,start,low\n2,stop,high\n');
const lookupFiles = new Map([['codes.csv', codes]]);
const transforms = '[codes]\nfilename = codes.csv\n';
const event = (fields: Event): Event => ({ sourcetype: 'st', source: 's', ...fields });
const lookup = (setting: string, fields: Event) =>
  applyKnowledge(
    cleanKnowledge({ props: `[st]\nLOOKUP-l = ${setting}\n`, transforms, lookupFiles }),
    [event(fields)],
  )[0];

describe('LOOKUP', () => {
  test('OUTPUT writes the outputs, renamed with AS', () => {
    const out = lookup('codes code AS EventCode OUTPUT label AS signature', { EventCode: '2' });
    assert.equal(out?.['signature'], 'stop');
  });

  test('without an output list every other column is written', () => {
    const out = lookup('codes code AS EventCode', { EventCode: '1' });
    assert.deepEqual([out?.['label'], out?.['severity']], ['start', 'low']);
  });

  test('OUTPUTNEW fills only fields that have no value; OUTPUT overwrites and clears on no match', () => {
    const kept = lookup('codes code AS c OUTPUTNEW label, severity', { c: '1', label: 'mine' });
    assert.deepEqual([kept?.['label'], kept?.['severity']], ['mine', 'low']);
    const cleared = lookup('codes code AS c OUTPUT label', { c: '9', label: 'mine' });
    assert.equal(cleared?.['label'], undefined);
  });

  test('an event without the input field is left as it is', () => {
    const out = lookup('codes code AS c OUTPUT label', { label: 'mine' });
    assert.equal(out?.['label'], 'mine');
  });

  test('a lookup runs after EVAL and can read a calculated field', () => {
    const base = cleanKnowledge({
      props: '[st]\nEVAL-c = tostring(n + 1)\nLOOKUP-l = codes code AS c OUTPUT label\n',
      transforms,
      lookupFiles,
    });
    const [out] = applyKnowledge(base, [event({ n: '1' })]);
    assert.equal(out?.['label'], 'stop');
  });

  test('names the knowledge does not define are looked up in the search lookups', () => {
    writeFileSync(path.join(dir, 'users.csv'), 'uid,name\n7,bob\n');
    const store = loadSearchLibrary({ lookups: [dir] }).lookups;
    const base = cleanKnowledge(
      { props: '[st]\nLOOKUP-u = users.csv uid OUTPUT name\n' },
      { lookups: store },
    );
    const [out] = applyKnowledge(base, [event({ uid: '7' })]);
    assert.equal(out?.['name'], 'bob');
  });

  test('problems are located: unknown lookup, unknown column, syntax', () => {
    const cases: [string, string][] = [
      ['nosuch code OUTPUT label', 'nosuch'],
      ['codes nocolumn OUTPUT label', 'codes'],
      ['codes code OUTPUT', 'OUTPUT'],
      ['codes code AS', 'AS'],
    ];
    for (const [setting, where] of cases) {
      const { diagnostics } = knowledgeOf({
        props: `[st]\nLOOKUP-l = ${setting}\n`,
        transforms,
        lookupFiles,
      });
      assert.equal(diagnostics[0]?.code, 'KNO215', setting);
      assert.equal(spanned(diagnostics[0]), where, setting);
    }
  });
});
