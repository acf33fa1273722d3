// The YAML front door lends the `yaml` package a plain copy of its two logging variables while it
// parses (the package reads process.env per token); the process's environment is back after.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readYaml } from '../../../src/core/yaml/read-yaml.ts';

const read = (text: string) =>
  readYaml({ name: 'rule.yml', text }, { codes: { syntax: 'yaml-syntax' }, multi: true });

test('process.env is the same object after a text is read, a bad one too', () => {
  const environment = process.env;
  const good = read('title: a\ndetection:\n  sel:\n    Image: x\n');
  assert.equal(good.diagnostics.length, 0);
  assert.equal(process.env, environment);
  const bad = read('title: [a\n');
  assert.ok(bad.diagnostics.length > 0);
  assert.equal(process.env, environment);
  const deep = read(`${'['.repeat(500)}${']'.repeat(500)}\n`);
  assert.ok(deep.diagnostics.length > 0);
  assert.equal(process.env, environment);
});
