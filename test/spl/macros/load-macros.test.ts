// Loading macros from Splunk macros.conf and ESCU macro YAML files.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadEscuMacroYaml } from '../../../src/spl/macros/load-escu-macros.ts';
import { loadMacros } from '../../../src/spl/macros/load-macros.ts';
import { loadMacrosConf } from '../../../src/spl/macros/load-macros-conf.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';

const fixture = new URL('../../fixtures/spl/macros/macros.conf', import.meta.url).pathname;

test('macros.conf: stanzas with arity, args, continuations; iseval is refused', () => {
  const loaded = loadMacros([fixture]);
  const two = loaded.library.get('two_steps(2)');
  assert.deepEqual(two?.args, ['a', 'b']);
  assert.equal(two?.definition, 'eval $a$=1 \n| eval $b$=2');
  assert.equal(loaded.library.get('security_content_ctime(1)')?.args[0], 'field');
  assert.ok(loaded.library.get('drop_dm_object_name(1)'), 'built-ins are always there');
  assert.deepEqual(
    loaded.diagnostics.map((d) => [d.code, d.location]),
    [['SPL212', `${fixture}:24`]],
  );
});

test('macros.conf problems name file and line; good stanzas still load', () => {
  const loaded = loadMacrosConf(
    'm.conf',
    '[ok]\ndefinition = a\n[bad(2)]\nargs = x\ndefinition = b\n[none]\nargs =\n',
  );
  assert.deepEqual(
    loaded.macros.map((m) => m.name),
    ['ok'],
  );
  assert.deepEqual(
    loaded.diagnostics.map((d) => [d.code, d.location]),
    [
      ['SPL210', 'm.conf:3'],
      ['SPL210', 'm.conf:6'],
    ],
  );
});

test('ESCU YAML: name, definition, arguments; a column-0 continuation is read as PyYAML does', () => {
  const ok = loadEscuMacroYaml(
    'a.yml',
    'name: ctime\narguments:\n  - field\ndefinition: convert ctime($field$)\n',
  );
  assert.deepEqual(
    ok.macros.map((m) => [m.name, m.args, m.definition]),
    [['ctime', ['field'], 'convert ctime($field$)']],
  );
  const lenient = loadEscuMacroYaml('b.yml', "definition: 'eval a=1\n| eval b=2'\nname: two\n");
  assert.equal(lenient.macros[0]?.definition, 'eval a=1 | eval b=2');
  assert.deepEqual(
    lenient.diagnostics.map((d) => d.code),
    ['SPL211'],
  );
  const bad = loadEscuMacroYaml('c.yml', 'name: [unclosed\n');
  assert.deepEqual(
    bad.diagnostics.map((d) => d.code),
    ['SPL210'],
  );
  const missing = loadEscuMacroYaml('d.yml', 'name: x\n');
  assert.deepEqual(
    missing.diagnostics.map((d) => d.code),
    ['SPL210'],
  );
});

test('a folder loads every .yml and .conf; a missing path is reported', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-macros-'));
  writeFileSync(path.join(dir, 'one.yml'), 'name: one\ndefinition: a=1\n');
  writeFileSync(path.join(dir, 'macros.conf'), '[two]\ndefinition = b=2\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
  const loaded = loadMacros([dir, path.join(dir, 'missing')]);
  assert.ok(loaded.library.get('one'));
  assert.ok(loaded.library.get('two'));
  assert.deepEqual(
    loaded.diagnostics.map((d) => d.code),
    ['SPL210'],
  );
});

test('macros loaded from macros.conf expand: multi-command definitions and cycles', () => {
  const { library } = loadMacros([fixture]);
  const steps = parseSpl('| makeresults | `two_steps(x, y)` | table x y', { macros: library });
  assert.deepEqual(steps.diagnostics, []);
  assert.deepEqual(
    steps.pipeline.commands.map((c) => c.kind),
    ['Makeresults', 'Eval', 'Eval', 'Table'],
  );
  const cycle = parseSpl('index=x `loop_a`', { macros: library });
  assert.deepEqual(
    cycle.diagnostics.map((d) => [d.code, d.message, d.span]),
    [['SPL202', 'macro cycle: loop_a → loop_b → loop_a', { start: 8, end: 16 }]],
  );
});
