// transforms.conf lookup stanzas (ESCU lookup YAML: test/detection/load/search-library.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTransformsConf } from '../../../src/spl/lookups/transforms-conf.ts';

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
