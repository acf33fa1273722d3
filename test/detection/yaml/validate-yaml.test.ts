// zod issues become located diagnostics; unknown fields are warnings and the file still loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import type { Diagnostic } from '../../../src/core/diagnostic.ts';
import { lineColumnAt } from '../../../src/core/span.ts';
import { validateYaml } from '../../../src/detection/yaml/validate-yaml.ts';
import { parseYamlSource } from '../../../src/detection/yaml/yaml-source.ts';

const schema = z.strictObject({
  name: z.string(),
  tags: z.strictObject({ score: z.number().max(100), items: z.array(z.string()) }),
});

function check(text: string) {
  const parsed = parseYamlSource('f.yml', text);
  assert.ok(parsed.yaml);
  return validateYaml(parsed.yaml, schema);
}

function where(d: Diagnostic | undefined): string {
  assert.ok(d?.source && d.span, 'located');
  const { line, column } = lineColumnAt(d.source.text, d.span.start);
  return `${d.code} ${line}:${column} ${d.source.text.slice(d.span.start, d.span.end)}`;
}

test('an invalid value is an error under the value', () => {
  const result = check('name: a\ntags:\n  score: 500\n  items: [x]\n');
  assert.equal(result.data, undefined);
  assert.equal(where(result.diagnostics[0]), 'ESCU112 3:10 500');
  assert.match(result.diagnostics[0]?.message ?? '', /^`tags\.score`: /);
});

test('a missing field is an error on the key of its parent mapping', () => {
  const result = check('name: a\ntags:\n  score: 5\n');
  assert.equal(result.data, undefined);
  assert.equal(where(result.diagnostics[0]), 'ESCU110 2:1 tags');
  assert.equal(result.diagnostics[0]?.message, 'missing required field `tags.items`');
});

test('a missing top-level field points at the first key', () => {
  const result = check('tags:\n  score: 5\n  items: []\n');
  assert.equal(where(result.diagnostics[0]), 'ESCU110 1:1 tags');
});

test('an unknown field is a warning under its key, and the rest still loads', () => {
  const result = check('name: a\ntags:\n  score: 5\n  items: [x]\n  scroe: 6\nextra: 1\n');
  assert.deepEqual(result.data, { name: 'a', tags: { score: 5, items: ['x'] } });
  assert.deepEqual(result.diagnostics.map(where), ['ESCU111 5:3 scroe', 'ESCU111 6:1 extra']);
  assert.ok(result.diagnostics.every((d) => d.severity === 'warning'));
});

test('errors in list items name the index', () => {
  const result = check('name: a\ntags:\n  score: 5\n  items: [x, 7]\n');
  assert.equal(result.diagnostics[0]?.message.split(':')[0], '`tags.items[1]`');
  assert.equal(where(result.diagnostics[0]), 'ESCU112 4:14 7');
});

test('YAML syntax errors are located and nothing is returned', () => {
  const parsed = parseYamlSource('f.yml', 'name: a\nsearch: [x\n');
  assert.equal(parsed.yaml, undefined);
  assert.equal(parsed.diagnostics[0]?.code, 'ESCU101');
  assert.equal(where(parsed.diagnostics[0]).split(' ')[1], '2:10');
});

test('a file that is not a mapping is refused', () => {
  for (const text of ['', '- a\n- b\n', 'just text\n']) {
    const parsed = parseYamlSource('f.yml', text);
    assert.equal(parsed.yaml, undefined);
    assert.equal(parsed.diagnostics[0]?.code, 'ESCU103', JSON.stringify(text));
  }
});

test('a PyYAML-only file loads with a warning on its first repaired line', () => {
  const text = "name: a\nsearch: 'x\n| y'\n";
  const parsed = parseYamlSource('f.yml', text);
  assert.ok(parsed.yaml);
  assert.equal(parsed.yaml.document.get('search'), 'x | y');
  assert.equal(where(parsed.diagnostics[0]), "ESCU102 3:1 | y'");
});

test('pathological YAML (deep nesting, alias bombs) is a diagnostic, never a crash', () => {
  const deep = `a: ${'['.repeat(12_000)}${']'.repeat(12_000)}\n`;
  const parsed = parseYamlSource('deep.yml', deep);
  if (parsed.yaml) {
    const result = validateYaml(parsed.yaml, schema);
    assert.equal(result.data, undefined);
  } else {
    assert.equal(parsed.diagnostics[0]?.code, 'ESCU101');
  }
  const aliases = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 12; i++)
    aliases.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
    );
  const bomb = parseYamlSource('bomb.yml', `${aliases.join('\n')}\n`);
  assert.ok(bomb.yaml);
  const result = validateYaml(bomb.yaml, schema);
  assert.equal(result.data, undefined);
  assert.equal(result.diagnostics[0]?.code, 'ESCU112');
});
