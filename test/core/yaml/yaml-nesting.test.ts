// YAML nested deeper than the limit is refused, located, by every loader, before any recursion.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readYaml } from '../../../src/core/yaml/read-yaml.ts';
import { MAX_YAML_NESTING, yamlTooDeep } from '../../../src/core/yaml/yaml-nesting.ts';
import { parseYamlSource } from '../../../src/detection/yaml/yaml-source.ts';
import { readMappingYaml } from '../../../src/knowledge/datamodels/load/read-mapping-yaml.ts';
import { readKnowledgeYaml } from '../../../src/knowledge/source/read-knowledge-yaml.ts';
import { readYamlDocuments } from '../../../src/sigma/yaml/read-yaml.ts';

const DEPTH = 5000;
const SHAPES: Readonly<Record<string, string>> = {
  flow: `key:\n  value: ${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}\n`,
  'flow map': `key: ${'{a: '.repeat(DEPTH)}x${'}'.repeat(DEPTH)}\n`,
  'block sequence': `key:\n${Array.from({ length: DEPTH }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`,
  'compact sequence': `key: ${'- '.repeat(DEPTH)}x\n`,
  'block map': `${Array.from({ length: DEPTH }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
};

test('the bound finds every deep shape, where it gets too deep, in linear time', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    const started = performance.now();
    const problem = yamlTooDeep(text);
    assert.ok(problem !== undefined, name);
    assert.ok(problem.offset > 0 && problem.offset < text.length / 2, name);
    assert.ok(performance.now() - started < 2_000, name);
  }
  const ordinary = 'a:\n  b:\n    - c: [1, {d: 2}]\n    - |\n        block\n          text\n';
  assert.equal(yamlTooDeep(ordinary), undefined);
  assert.equal(yamlTooDeep(`x: ${'['.repeat(MAX_YAML_NESTING / 2)}1${']'.repeat(64)}`), undefined);
});

test('the YAML front door and every loader through it refuse deep nesting, located, instead of overflowing', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    const read = readYaml({ name: 'y.yml', text }, { codes: { syntax: 'X001', tooDeep: 'X002' } });
    assert.equal(read.yaml, undefined, name);
    assert.equal(read.diagnostics[0]?.code, 'X002', name);
    assert.equal(read.diagnostics[0]?.span?.start, yamlTooDeep(text)?.offset, name);
    const content = parseYamlSource('d.yml', text);
    assert.match(content.diagnostics[0]?.message ?? '', /nested deeper than 128/, name);
    assert.ok(content.diagnostics[0]?.span, name);
    assert.match(readKnowledgeYaml(text, 'k.yml').diagnostics[0]?.message ?? '', /nested deeper/);
    assert.match(readMappingYaml(text, 'm.yml').diagnostics[0]?.message ?? '', /nested deeper/);
    const sigma = readYamlDocuments({ name: 's.yml', text });
    assert.equal(sigma[0]?.diagnostics[0]?.code, 'SIGMA002', name);
  }
});
