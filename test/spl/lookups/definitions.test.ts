import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEscuLookupYaml } from '../../../src/spl/lookups/escu-lookup-yaml.ts';
import { readTransformsConf } from '../../../src/spl/lookups/transforms-conf.ts';

describe('ESCU lookup YAML', () => {
  test('a CSV lookup with match rules', () => {
    const text = [
      'name: dev_tools',
      'description: developer tools',
      'filename: dev_tools.csv',
      'match_type: WILDCARD(tool), CIDR(net)',
      "case_sensitive_match: 'false'",
      'min_matches: 1',
      'max_matches: 3',
      "default_match: 'false'",
    ].join('\n');
    const def = readEscuLookupYaml(text, 'lookups/dev_tools.yml');
    assert.ok(!('severity' in def));
    assert.equal(def.name, 'dev_tools');
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

  test('defaults: case-sensitive, 100 matches, no minimum', () => {
    const def = readEscuLookupYaml('name: a\nfilename: a.csv\n', 'a.yml');
    assert.ok(!('severity' in def));
    assert.equal(def.caseSensitive, true);
    assert.equal(def.maxMatches, 100);
    assert.equal(def.minMatches, 0);
    assert.equal(def.defaultMatch, undefined);
  });

  test('a KV-store collection is an empty table with its fields; a model is unsupported', () => {
    const kv = readEscuLookupYaml(
      'name: seen\ncollection: seen\nfields_list: _key, user, n\n',
      's.yml',
    );
    assert.ok(!('severity' in kv));
    assert.deepEqual(kv.backing, {
      kind: 'collection',
      collection: 'seen',
      fields: ['_key', 'user', 'n'],
    });
    const model = readEscuLookupYaml('name: m\nfilename: m.mlmodel\n', 'm.yml');
    assert.ok(!('severity' in model));
    assert.equal(model.backing.kind, 'unsupported');
  });

  const errors: [string, string, string][] = [
    ['name: [', 'LKP101', 'bad.yml:1'],
    ['- a\n- b\n', 'LKP102', 'bad.yml'],
    ['filename: a.csv\n', 'LKP103', 'bad.yml'],
    ['name: a\n', 'LKP104', 'bad.yml'],
    ['name: a\nfilename: a.csv\nmatch_type: REGEX(x)\n', 'LKP105', 'bad.yml'],
    ['name: a\nfilename: a.csv\nmax_matches: 0\n', 'LKP105', 'bad.yml'],
    ["name: a\nfilename: a.csv\ncase_sensitive_match: 'maybe'\n", 'LKP105', 'bad.yml'],
  ];
  for (const [text, code, location] of errors) {
    test(`error ${code} for ${JSON.stringify(text)}`, () => {
      const result = readEscuLookupYaml(text, 'bad.yml');
      assert.ok('severity' in result);
      assert.equal(result.code, code);
      assert.equal(result.location, location);
    });
  }
});

describe('transforms.conf', () => {
  test('lookup stanzas are read, extraction stanzas skipped, bad settings reported', () => {
    const text = [
      '# comment',
      '[sysmon-hashes]',
      'REGEX = (?<x>.)',
      '',
      '[eventcodes]',
      'filename = eventcodes.csv',
      'max_matches = 1',
      'min_matches = 1',
      'default_match = Unknown',
      'match_type = WILDCARD(code), \\',
      '  CIDR(net)',
      '',
      '[kv]',
      'external_type = kvstore',
      'collection = kv_coll',
      'fields_list = a,b',
      '',
      '[script]',
      'external_cmd = dnslookup.py clienthost clientip',
      '',
      '[broken]',
      'filename = b.csv',
      'max_matches = lots',
      'garbage line',
    ].join('\n');
    const { definitions, diagnostics } = readTransformsConf(text, 'transforms.conf');
    assert.deepEqual(
      definitions.map((d) => [d.name, d.backing.kind, d.origin]),
      [
        ['eventcodes', 'file', 'transforms.conf:5'],
        ['kv', 'collection', 'transforms.conf:13'],
        ['script', 'unsupported', 'transforms.conf:18'],
      ],
    );
    const eventcodes = definitions[0];
    assert.equal(eventcodes?.defaultMatch, 'Unknown');
    assert.deepEqual(
      [...(eventcodes?.matchTypes ?? [])],
      [
        ['code', 'wildcard'],
        ['net', 'cidr'],
      ],
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.location]),
      [
        ['LKP111', 'transforms.conf:24'],
        ['LKP105', 'transforms.conf:21'],
      ],
    );
  });
});
