// PyYAML-compatible repair of quoted scalars continued in column 0.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { indentQuotedContinuations } from '../../../src/core/yaml/quoted-continuation.ts';

test('continuation lines of a top-level quoted value are indented one column', () => {
  const text = "name: x\nsearch: '`sysmon` EventCode=1\n| stats count\n| table a'\nafter: 1\n";
  const repaired = indentQuotedContinuations(text);
  assert.ok(repaired);
  assert.equal(
    repaired.text,
    "name: x\nsearch: '`sysmon` EventCode=1\n | stats count\n | table a'\nafter: 1\n",
  );
  assert.deepEqual(parse(repaired.text), {
    name: 'x',
    search: '`sysmon` EventCode=1 | stats count | table a',
    after: 1,
  });
  assert.deepEqual(repaired.repairedLines, [text.indexOf('| stats'), text.indexOf('| table')]);
});

test('offsets map back to the original text, inserted spaces to their line start', () => {
  const text = "k: 'a\nb'\n";
  const repaired = indentQuotedContinuations(text);
  assert.ok(repaired);
  const b = repaired.text.indexOf('b');
  assert.equal(repaired.toOriginal(b), text.indexOf('b'));
  assert.equal(repaired.toOriginal(b - 1), text.indexOf('b'));
  assert.equal(repaired.toOriginal(0), 0);
});

const UNTOUCHED: readonly (readonly [string, string])[] = [
  ['closed on one line', "a: 'x'\nb: 2\n"],
  ["'' is an escaped quote", "a: 'it''s'\nb: 2\n"],
  ['continuation already indented', "a: 'x\n  y'\n"],
  ['block scalar content is never scanned', "a: |\n  key: 'unclosed\nb: 1\n"],
  ['a quote inside a plain value', "a: it's\nb: 'x'\n"],
];

for (const [name, text] of UNTOUCHED) {
  test(`nothing to repair: ${name}`, () => {
    assert.equal(indentQuotedContinuations(text), undefined);
  });
}

test('a sequence item keeps its value more indented than the dash', () => {
  const text = "tests:\n- name: 'a\nb'\n";
  const repaired = indentQuotedContinuations(text);
  assert.ok(repaired);
  assert.deepEqual(parse(repaired.text), { tests: [{ name: 'a b' }] });
});
