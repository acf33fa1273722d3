// Reading YAML documents: located nodes, quoted vs plain scalars, duplicates, merges, errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../../../src/core/diagnostic.ts';
import { readYamlDocuments } from '../../../src/sigma/yaml/read-yaml.ts';
import { entryOf, type YamlNode } from '../../../src/sigma/yaml/yaml-node.ts';

const read = (text: string) => readYamlDocuments({ name: 'f.yml', text });

function value(node: YamlNode | null | undefined, key: string): YamlNode | undefined {
  return node?.kind === 'map' ? entryOf(node, key)?.value : undefined;
}

test('quoted scalars stay text, plain ones are resolved', () => {
  const [doc] = read("a: '00000429'\nb: 17\nc: '17'\nd:\n");
  assert.deepEqual(value(doc?.root, 'a'), {
    kind: 'scalar',
    value: '00000429',
    plain: false,
    span: { start: 3, end: 13 },
  });
  assert.equal((value(doc?.root, 'b') as { value: unknown }).value, 17);
  assert.equal((value(doc?.root, 'c') as { value: unknown }).value, '17');
  assert.equal((value(doc?.root, 'd') as { value: unknown }).value, null);
});

test('several documents, each with its own span', () => {
  const docs = read('a: 1\n---\nb: 2\n');
  assert.equal(docs.length, 2);
  assert.ok(value(docs[1]?.root, 'b'));
});

test('a duplicate key keeps the last value (PyYAML) with a located warning', () => {
  const [doc] = read('sel:\n  Image: a\n  Image: b\n');
  const sel = value(doc?.root, 'sel');
  assert.equal((value(sel, 'Image') as { value: unknown }).value, 'b');
  const warning = doc?.diagnostics[0];
  assert.equal(warning?.code, 'SIGMA003');
  assert.match(formatDiagnostic(warning as NonNullable<typeof warning>), /f\.yml:3:3/);
});

test('merge keys and aliases', () => {
  const [doc] = read('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n');
  const use = value(doc?.root, 'use');
  assert.equal((value(use, 'x') as { value: unknown }).value, 1);
  assert.equal((value(use, 'y') as { value: unknown }).value, 3);
});

test('syntax errors carry a span', () => {
  const [doc] = read('a: [1, 2\nb: 3\n');
  const error = doc?.diagnostics.find((d) => d.severity === 'error');
  assert.equal(error?.code, 'SIGMA001');
  assert.ok(error?.span);
});

test('unknown tags are refused', () => {
  const [doc] = read('a: !!binary aGVsbG8=\n');
  assert.equal(doc?.diagnostics[0]?.code, 'SIGMA002');
});
