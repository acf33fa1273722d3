// The YAML form of props/transforms: sections, stanzas, values, and located shape errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readKnowledgeYaml } from '../../../src/knowledge/source/read-knowledge-yaml.ts';
import { spanned } from '../helpers.ts';

describe('readKnowledgeYaml', () => {
  test('props and transforms sections become the same stanzas as the .conf files', () => {
    const text = [
      'props:',
      '  source::XmlWinEventLog:Security:',
      '    EVAL-dest: lower(Computer)',
      "    FIELDALIAS-u: 'User AS user'",
      '    priority: 5',
      'transforms:',
      '  hashes:',
      '    MV_ADD: true',
      '',
    ].join('\n');
    const { files, diagnostics } = readKnowledgeYaml(text, 'k.yml');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      files.map((f) => [
        f.kind,
        f.stanzas.map((s) => [s.name, s.settings.map((x) => [x.key, x.value])]),
      ]),
      [
        [
          'props',
          [
            [
              'source::XmlWinEventLog:Security',
              [
                ['EVAL-dest', 'lower(Computer)'],
                ['FIELDALIAS-u', 'User AS user'],
                ['priority', '5'],
              ],
            ],
          ],
        ],
        ['transforms', [['hashes', [['MV_ADD', 'true']]]]],
      ],
    );
    const plain = files[0]?.stanzas[0]?.settings[0];
    assert.equal(plain?.valueSource.name, 'k.yml');
    assert.equal(
      plain?.valueSource.text.slice(plain.valueSpan.start, plain.valueSpan.end),
      'lower(Computer)',
    );
    const quoted = files[0]?.stanzas[0]?.settings[1];
    assert.equal(quoted?.valueSource.text, 'User AS user');
  });

  test('shape errors point at the offending node', () => {
    const text = 'props:\n  st:\n    EVAL-a: [1, 2]\nother: 1\n';
    const { diagnostics } = readKnowledgeYaml(text, 'k.yml');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, spanned(d)]),
      [
        ['KNO103', '[1, 2]'],
        ['KNO103', 'other'],
      ],
    );
  });

  test('YAML syntax errors and duplicate keys are reported with their place', () => {
    const { diagnostics } = readKnowledgeYaml(
      'props:\n  st:\n    EVAL-a: 1\n    EVAL-a: 2\n',
      'k.yml',
    );
    assert.equal(diagnostics[0]?.code, 'KNO102');
    assert.ok(diagnostics[0]?.span);
  });
});
