// EXTRACT and REPORT: regexes over _raw or a field, FORMAT, MV_ADD, CLEAN_KEYS, KEEP_EMPTY_VALS (transforms.conf.spec).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { applyKnowledge, cleanKnowledge, knowledgeOf, spanned } from '../helpers.ts';

const event = (fields: Event): Event => ({ sourcetype: 'st', source: 's', ...fields });
const report = (transform: string, fields: Event) => {
  const base = cleanKnowledge({ props: '[st]\nREPORT-r = t\n', transforms: `[t]\n${transform}\n` });
  return applyKnowledge(base, [event(fields)])[0];
};

describe('EXTRACT', () => {
  test('named groups from _raw, or from a field with "in <field>"', () => {
    const base = cleanKnowledge({
      props: '[st]\nEXTRACT-a = user=(?<user>\\w+)\nEXTRACT-b = ^(?<drive>\\w):\\\\ in Path\n',
    });
    const [out] = applyKnowledge(base, [event({ _raw: 'x user=bob y', Path: 'C:\\a' })]);
    assert.deepEqual([out?.['user'], out?.['drive']], ['bob', 'C']);
  });

  test('(?ms) is in effect, and a field that already has a value keeps it', () => {
    const base = cleanKnowledge({ props: '[st]\nEXTRACT-a = ^b=(?<b>.+?)$\n' });
    const [out] = applyKnowledge(base, [event({ _raw: 'a=1\nb=2\n' })]);
    assert.equal(out?.['b'], '2');
    const [kept] = applyKnowledge(base, [event({ _raw: 'b=2', b: 'reader' })]);
    assert.equal(kept?.['b'], 'reader');
  });

  test('a regex without named groups, or that does not compile, is refused where it is written', () => {
    const cases: [string, string, string][] = [
      ['user=\\w+', 'KNO213', 'user=\\w+'],
      ['(?<a>x', 'KNO302', ''],
    ];
    for (const [value, code, where] of cases) {
      const { diagnostics } = knowledgeOf({ props: `[st]\nEXTRACT-a = ${value}\n` });
      assert.equal(diagnostics[0]?.code, code, value);
      if (where !== '') assert.equal(spanned(diagnostics[0]), where);
    }
  });
});

describe('REPORT', () => {
  test('SOURCE_KEY and named groups; the regex repeats, each match giving its groups', () => {
    const out = report(
      'SOURCE_KEY = Hashes\nREGEX = (?:^|,)(?:MD5=(?<MD5>\\w+)|SHA1=(?<SHA1>\\w+))',
      { Hashes: 'SHA1=aa,MD5=bb' },
    );
    assert.deepEqual([out?.['MD5'], out?.['SHA1']], ['bb', 'aa']);
  });

  test('FORMAT with fixed names, and $1::$2 names taken from the data', () => {
    const fixed = report('REGEX = (\\w+)@(\\w+)\nFORMAT = user::$1 domain::$2 kind::mail', {
      _raw: 'bob@corp',
    });
    assert.deepEqual(
      [fixed?.['user'], fixed?.['domain'], fixed?.['kind']],
      ['bob', 'corp', 'mail'],
    );
    const dynamic = report('REGEX = (\\w+)=(\\w+)\nFORMAT = $1::$2', { _raw: 'a=1 b=2 a=3' });
    assert.deepEqual([dynamic?.['a'], dynamic?.['b']], ['1', '2']);
  });

  test('MV_ADD appends every value, to a field that has one too', () => {
    const out = report('REGEX = (?<answer>[^;]+);\nSOURCE_KEY = r\nMV_ADD = true', {
      r: 'a;b;c;',
    });
    assert.deepEqual(out?.['answer'], ['a', 'b', 'c']);
    const appended = report('REGEX = (?<v>\\d)\nMV_ADD = true', { _raw: '12', v: '0' });
    assert.deepEqual(appended?.['v'], ['0', '1', '2']);
  });

  test('_KEY_/_VAL_ groups, and key cleaning (CLEAN_KEYS) of names from the data', () => {
    const out = report('REGEX = (?<_KEY_1>[^=;]+)=(?<_VAL_1>[^;]*);', {
      _raw: '1st key=v;x-y=w;e=;',
    });
    assert.deepEqual([out?.['st_key'], out?.['x_y'], 'e' in (out ?? {})], ['v', 'w', false]);
    const spaced = report('REGEX = (?<_KEY_1>[a-z ]+)=(?<_VAL_1>\\w+)', { _raw: 'my key=v' });
    assert.equal(spaced?.['my_key'], 'v');
    const raw = report('REGEX = (?<_KEY_1>[a-z-]+)=(?<_VAL_1>\\w+)\nCLEAN_KEYS = false', {
      _raw: 'a-b=v',
    });
    assert.equal(raw?.['a-b'], 'v');
  });

  test('KEEP_EMPTY_VALS keeps empty values', () => {
    const dropped = report('REGEX = v=(?<v>\\w*)', { _raw: 'v=' });
    assert.equal('v' in (dropped ?? {}), false);
    const kept = report('REGEX = v=(?<v>\\w*)\nKEEP_EMPTY_VALS = true', { _raw: 'v=' });
    assert.equal(kept?.['v'], '');
  });

  test('transforms apply in the order listed: a later one reads what an earlier one wrote', () => {
    const base = cleanKnowledge({
      props: '[st]\nREPORT-r = first, second\n',
      transforms:
        '[first]\nREGEX = path=(?<path>\\S+)\n[second]\nSOURCE_KEY = path\nREGEX = (?<file>[^\\\\]+)$\n',
    });
    const [out] = applyKnowledge(base, [event({ _raw: 'path=C:\\x\\y.exe' })]);
    assert.equal(out?.['file'], 'y.exe');
  });

  test('problems are located: unknown transform, bad FORMAT, REPEAT_MATCH, DELIMS, a lookup', () => {
    const cases: [string, string, string | undefined][] = [
      ['[other]\nREGEX = (?<a>x)', 'KNO301', 't'],
      ['[t]\nREGEX = (x)\nFORMAT = a::$2', 'KNO303', 'a::$2'],
      ['[t]\nREGEX = (x)\nFORMAT = nothing', 'KNO303', 'nothing'],
      ['[t]\nREGEX = (?<a>x)\nREPEAT_MATCH = true', 'KNO304', 'true'],
      ['[t]\nDELIMS = ","', 'KNO203', '","'],
      ['[t]\nfilename = a.csv\nREGEX = (?<a>x)', 'KNO214', 't'],
      ['[t]\nREGEX = (?<a>x)\nMV_ADD = maybe', 'KNO205', 'maybe'],
    ];
    for (const [transforms, code, where] of cases) {
      const { diagnostics } = knowledgeOf({ props: '[st]\nREPORT-r = t\n', transforms });
      const found = diagnostics.find((d) => d.code === code);
      assert.ok(found, `${transforms}: ${diagnostics.map((d) => d.code).join(',')}`);
      assert.equal(spanned(found), where, transforms);
    }
  });
});
