// props.conf / transforms.conf syntax: stanzas, settings, comments, continuations, located problems.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readConf } from '../../../src/knowledge/source/read-conf.ts';
import { spanned } from '../helpers.ts';

describe('readConf', () => {
  test('stanzas and settings keep the spans of their keys and values', () => {
    const text =
      '# a comment\n[source::x]\nEVAL-a = b + 1\n  FIELDALIAS-u = User AS user  \n\n[st]\nKV_MODE=none\n';
    const { file, diagnostics } = readConf(text, 'props.conf', 'props');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      file.stanzas.map((s) => [s.name, s.settings.map((x) => [x.key, x.value])]),
      [
        [
          'source::x',
          [
            ['EVAL-a', 'b + 1'],
            ['FIELDALIAS-u', 'User AS user'],
          ],
        ],
        ['st', [['KV_MODE', 'none']]],
      ],
    );
    const alias = file.stanzas[0]?.settings[1];
    assert.ok(alias);
    assert.equal(text.slice(alias.keySpan.start, alias.keySpan.end), 'FIELDALIAS-u');
    assert.equal(
      alias.valueSource.text.slice(alias.valueSpan.start, alias.valueSpan.end),
      'User AS user',
    );
    assert.equal(text.slice(file.stanzas[1]?.nameSpan.start, file.stanzas[1]?.nameSpan.end), 'st');
  });

  test('settings before the first stanza belong to [default]; a # later in a line is value text', () => {
    const { file } = readConf('EVAL-x = "a#b"\r\n[s]\r\nEVAL-y = 1\r\n', 'props.conf', 'props');
    assert.deepEqual(
      file.stanzas.map((s) => [s.name, s.settings.map((x) => x.value)]),
      [
        ['default', ['"a#b"']],
        ['s', ['1']],
      ],
    );
  });

  test('a trailing backslash continues the value on the next line, keeping the line break', () => {
    const { file } = readConf(
      '[t]\nREGEX = a\\\nb\nFORMAT = x::$1\n',
      'transforms.conf',
      'transforms',
    );
    const [regex, format] = file.stanzas[0]?.settings ?? [];
    assert.equal(regex?.value, 'a\nb');
    assert.equal(regex?.valueSource.text.slice(regex.valueSpan.start, regex.valueSpan.end), 'a\nb');
    assert.equal(format?.value, 'x::$1');
  });

  test('malformed lines are reported where they are and the rest is read', () => {
    const text = '[ok]\nEVAL-a = 1\nnot a setting\n[broken\n= 3\nEVAL-b = 2\n';
    const { file, diagnostics } = readConf(text, 'props.conf', 'props');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, spanned(d)]),
      [
        ['KNO101', 'not a setting'],
        ['KNO101', '[broken'],
        ['KNO101', '='],
      ],
    );
    assert.deepEqual(
      file.stanzas[0]?.settings.map((s) => s.key),
      ['EVAL-a', 'EVAL-b'],
    );
  });
});
