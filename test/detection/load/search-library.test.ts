// The search library (`--macros`, `--lookups`): macro and lookup files read by the loader that
// reads a content directory's macros/ and lookups/, ESCU YAML with its schema, and Splunk .conf.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import { readMacrosConf } from '../../../src/detection/load/macros-conf.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';

const fixture = new URL('../../fixtures/spl/macros/macros.conf', import.meta.url).pathname;
const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

describe('macros', () => {
  test('macros.conf: stanzas with arity, args, continuations; iseval is refused', () => {
    const loaded = loadSearchLibrary({ macros: [fixture] });
    const two = loaded.macros.get('two_steps(2)');
    assert.deepEqual(two?.args, ['a', 'b']);
    assert.equal(two?.definition, 'eval $a$=1 \n| eval $b$=2');
    assert.equal(loaded.macros.get('security_content_ctime(1)')?.args[0], 'field');
    assert.ok(loaded.macros.get('drop_dm_object_name(1)'), 'built-ins are always there');
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.location]),
      [['ESCU141', `${fixture}:24`]],
    );
  });

  test('macros.conf problems name file and line; good stanzas still load', () => {
    const loaded = readMacrosConf(
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
        ['ESCU140', 'm.conf:3'],
        ['ESCU140', 'm.conf:6'],
      ],
    );
  });

  test('ESCU YAML is read with the content schema: a column-0 continuation as PyYAML reads it', () => {
    const dir = temp('spelunk-macros-');
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const ok = loadSearchLibrary({
      macros: [
        write('a.yml', 'name: ctime\narguments:\n  - field\ndefinition: convert ctime($field$)\n'),
      ],
    });
    assert.deepEqual(ok.diagnostics, []);
    assert.deepEqual(ok.macros.get('ctime(1)')?.definition, 'convert ctime($field$)');
    const lenient = loadSearchLibrary({
      macros: [write('b.yml', "definition: 'eval a=1\n| eval b=2'\nname: two\n")],
    });
    assert.equal(lenient.macros.get('two')?.definition, 'eval a=1 | eval b=2');
    assert.deepEqual(
      lenient.diagnostics.map((d) => d.code),
      ['ESCU102'],
    );
    const bad = loadSearchLibrary({ macros: [write('c.yml', 'name: [unclosed\n')] });
    assert.deepEqual(
      bad.diagnostics.map((d) => d.code),
      ['ESCU101'],
    );
    const missing = loadSearchLibrary({ macros: [write('d.yml', 'name: x\n')] });
    assert.deepEqual(
      missing.diagnostics.map((d) => d.code),
      ['ESCU110'],
    );
  });

  test('a folder loads every .yml and .conf; a missing path is reported', () => {
    const dir = temp('spelunk-macros-');
    writeFileSync(path.join(dir, 'one.yml'), 'name: one\ndefinition: a=1\n');
    writeFileSync(path.join(dir, 'macros.conf'), '[two]\ndefinition = b=2\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const loaded = loadSearchLibrary({ macros: [dir, path.join(dir, 'missing')] });
    assert.ok(loaded.macros.get('one'));
    assert.ok(loaded.macros.get('two'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.code),
      ['ESCU100'],
    );
  });

  test('macros loaded from macros.conf expand: multi-command definitions and cycles', () => {
    const { macros } = loadSearchLibrary({ macros: [fixture] });
    const steps = parseSpl('| makeresults | `two_steps(x, y)` | table x y', { macros });
    assert.deepEqual(steps.diagnostics, []);
    assert.deepEqual(
      steps.pipeline.commands.map((c) => c.kind),
      ['Makeresults', 'Eval', 'Eval', 'Table'],
    );
    const cycle = parseSpl('index=x `loop_a`', { macros });
    assert.deepEqual(
      cycle.diagnostics.map((d) => [d.code, d.message, d.span]),
      [['SPL202', 'macro cycle: loop_a → loop_b → loop_a', { start: 8, end: 16 }]],
    );
  });

  test('a later path redefines a macro, with a warning; --content and --macros are one library', () => {
    const first = temp('spelunk-macros-');
    const second = temp('spelunk-macros-');
    writeFileSync(path.join(first, 'm.yml'), 'name: m\ndefinition: a=1\n');
    writeFileSync(path.join(second, 'macros.conf'), '[m]\ndefinition = a=2\n');
    const loaded = loadSearchLibrary({ macros: [first, second] });
    assert.equal(loaded.macros.get('m')?.definition, 'a=2');
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.code),
      ['ESCU127'],
    );
  });
});

describe('lookups', () => {
  function lookupDir(files: Record<string, string>): string {
    const dir = temp('spelunk-lookups-');
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  test('an ESCU lookup YAML with match rules, its CSV checked', () => {
    const dir = lookupDir({
      'dev_tools.yml': [
        'name: dev_tools',
        'description: developer tools',
        'filename: dev_tools.csv',
        'match_type: WILDCARD(tool), CIDR(net)',
        "case_sensitive_match: 'false'",
        'min_matches: 1',
        'max_matches: 3',
        "default_match: 'false'",
      ].join('\n'),
      'dev_tools.csv': 'tool,net,kind\ncode*,10.0.0.0/8,ide\n',
    });
    const { lookups, diagnostics } = loadSearchLibrary({ lookups: [dir] });
    assert.deepEqual(diagnostics, []);
    const def = lookups.definitions.find((d) => d.name === 'dev_tools');
    assert.ok(def);
    assert.deepEqual(def.backing, { kind: 'file', filename: 'dev_tools.csv' });
    assert.deepEqual(
      [...def.matchTypes],
      [
        ['tool', 'wildcard'],
        ['net', 'cidr'],
      ],
    );
    assert.equal(def.caseSensitive, false);
    assert.equal(def.minMatches, 1);
    assert.equal(def.maxMatches, 3);
    assert.equal(def.defaultMatch, 'false');
  });

  test('a KV-store collection is an empty table with its fields; a model is unsupported', () => {
    const dir = lookupDir({
      's.yml': 'name: seen\ncollection: seen\nfields_list: _key, user, n\n',
      'm.yml': 'name: m\nfilename: m.mlmodel\n',
    });
    const { lookups } = loadSearchLibrary({ lookups: [dir] });
    assert.deepEqual(lookups.definitions.find((d) => d.name === 'seen')?.backing, {
      kind: 'collection',
      collection: 'seen',
      fields: ['_key', 'user', 'n'],
    });
    assert.equal(lookups.definitions.find((d) => d.name === 'm')?.backing.kind, 'unsupported');
  });

  const errors: [string, string][] = [
    ['name: [', 'ESCU101'],
    ['- a\n- b\n', 'ESCU103'],
    ['filename: a.csv\n', 'ESCU110'],
    ['name: a\n', 'ESCU110'],
    ['name: a\nfilename: a.csv\nmatch_type: REGEX(x)\n', 'ESCU112'],
    ['name: a\nfilename: a.csv\nmax_matches: 0\n', 'ESCU112'],
    ["name: a\nfilename: a.csv\ncase_sensitive_match: 'maybe'\n", 'ESCU112'],
    ['name: a\nfilename: gone.csv\n', 'ESCU130'],
  ];
  for (const [text, code] of errors) {
    test(`error ${code} for ${JSON.stringify(text)}, with its file`, () => {
      const dir = lookupDir({ 'bad.yml': text, 'a.csv': 'x\n1\n' });
      const { lookups, diagnostics } = loadSearchLibrary({ lookups: [dir] });
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
        [code],
      );
      assert.equal(
        diagnostics[0]?.source?.name ?? diagnostics[0]?.location,
        path.join(dir, 'bad.yml'),
      );
      assert.deepEqual(lookups.definitions, []);
    });
  }

  test('transforms.conf, Splunk app folders and plain CSV folders; a later directory wins', () => {
    const app = lookupDir({});
    mkdirSync(path.join(app, 'default'));
    mkdirSync(path.join(app, 'lookups'));
    writeFileSync(path.join(app, 'default', 'transforms.conf'), '[codes]\nfilename = codes.csv\n');
    writeFileSync(path.join(app, 'lookups', 'codes.csv'), 'code,name\n1,one\n');
    const later = lookupDir({
      'codes.yml': 'name: codes\nfilename: more.csv\n',
      'more.csv': 'code\n2\n',
    });
    const { lookups, diagnostics } = loadSearchLibrary({
      lookups: [app, later, path.join(app, 'gone')],
    });
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['ESCU100', 'ESCU134']);
    assert.deepEqual(lookups.definitions.find((d) => d.name === 'codes')?.backing, {
      kind: 'file',
      filename: 'more.csv',
    });
    assert.deepEqual([...lookups.files.keys()].sort(), ['codes.csv', 'more.csv']);
  });
});
