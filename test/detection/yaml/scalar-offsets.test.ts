// Tracing each character of a YAML string value back to the file text it came from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNode, parseDocument } from 'yaml';
import { scalarOffsetMap } from '../../../src/detection/yaml/scalar-offsets.ts';

/** Each case: the YAML, then for each value character that must map exactly, the file character. */
const CASES: readonly (readonly [string, string])[] = [
  ['plain', 'search: index=x | stats count\n'],
  ['single-quoted', 'search: \'index=x | eval a="b"\'\n'],
  ["single-quoted with ''", "search: 'it''s | stats count'\n"],
  ['double-quoted with escapes', 'search: "a\\\\b \\"c\\" d"\n'],
  ['multi-line single-quoted (folded)', "search: '`sysmon` x=1\n  | stats count\n  | table a'\n"],
  ['block literal, stripped', 'search: |-\n  `sysmon` x=1\n  | stats count\n'],
  ['block literal, clipped', 'search: |\n    a\n    b\n'],
  ['block literal with a blank line', 'search: |-\n  a\n\n  b\n'],
];

for (const [name, text] of CASES) {
  test(`maps back: ${name}`, () => {
    const document = parseDocument(text);
    const node = document.get('search', true);
    assert.ok(isNode(node));
    const map = scalarOffsetMap(text, node);
    assert.ok(map, 'a map is built');
    const value = String(document.get('search'));
    assert.equal(map.length, value.length + 1);
    for (let i = 0; i < value.length; i++) {
      const c = value[i] ?? '';
      const from: string = text[map[i] ?? -1] ?? '';
      // A folded line break maps to the break; an escape (`\"`, `''`) to its first character.
      if (c === ' ' || c === '\n') assert.ok([' ', '\n'].includes(from), `${name}: value[${i}]`);
      else if (from !== c) assert.ok(['\\', "'"].includes(from), `${name}: value[${i}]`);
    }
  });
}

test('a folded block scalar has no map (never a wrong caret)', () => {
  const text = 'search: >-\n  a\n  b\n';
  const node = parseDocument(text).get('search', true);
  assert.ok(isNode(node));
  assert.equal(scalarOffsetMap(text, node), undefined);
});

test('a non-string scalar has no map', () => {
  const text = 'version: 3\n';
  const node = parseDocument(text).get('version', true);
  assert.ok(isNode(node));
  assert.equal(scalarOffsetMap(text, node), undefined);
});
