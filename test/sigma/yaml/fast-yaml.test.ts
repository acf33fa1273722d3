// The fast YAML reader gives exactly the documents of the `yaml` package path (values, spans,
// warnings), or declines (undefined) and the `yaml` package path reads the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readYamlFast } from '../../../src/sigma/yaml/fast-yaml.ts';
import { readYamlDocuments, readYamlReference } from '../../../src/sigma/yaml/read-yaml.ts';
import { mutations } from './yaml-mutations.ts';

const source = (text: string) => ({ name: 'fixture.yml', text });

function assertFast(text: string): void {
  const fast = readYamlFast(source(text));
  assert.notEqual(fast, undefined, `the fast reader declined:\n${text}`);
  assert.deepStrictEqual(fast, readYamlReference(source(text)), text);
}

function assertFallback(text: string): void {
  assert.equal(readYamlFast(source(text)), undefined, `the fast reader read:\n${text}`);
  assert.deepStrictEqual(readYamlDocuments(source(text)), readYamlReference(source(text)));
}

const RULE = `# leading comment

title: Tricky scalars # trailing comment
id: 5f1c1a7e-0000-4000-8000-000000000001
status: test
description: |
    First line
      more indented

    after a blank line
references:
    - https://example.com/a#anchor
    - 'single ''quoted'' # not a comment'
    - "double \\"quoted\\" \\\\ \\t \\x41 \\u00e9 # not a comment"
    - C:\\Windows\\System32\\
    - a#b
tags:
    - attack.t1219.001
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        EventID: 4688
        Hex: 0x1F
        Octal: 017
        NotOctal: 00000429
        Float: 1.5
        NotFloat: 1e3
        Bool: yes
        NotBool: y
        Quoted: 'true'
        Null: ~
        Empty:
        Date: 2024-01-02
        CommandLine|contains|all:
            - ' -enc '
            - 'value: with colon'
        # a comment inside the map
        Image|endswith: '\\cmd.exe'   
    filter:
        - User: SYSTEM
          Level: 1
        - User: 'LOCAL SERVICE'
    condition: selection and not filter
falsepositives:
    - Unknown
level: high
`;

test('a rule with every kind of scalar is read by the fast reader as by the yaml package', () => {
  assertFast(RULE);
});

test('comment and blank lines anywhere keep every node end the yaml package gives', () => {
  const lines = RULE.split('\n');
  const inserts = [
    '\n',
    '# c\n',
    '  # c\n',
    '    # c\n',
    '      # c\n',
    '          # c\n',
    '   \n',
  ];
  let fast = 0;
  for (let at = 1; at < lines.length; at++) {
    for (const insert of inserts) {
      const text = `${lines.slice(0, at).join('\n')}\n${insert}${lines.slice(at).join('\n')}`;
      const read = readYamlFast(source(text));
      if (read === undefined) continue;
      fast++;
      assert.deepStrictEqual(read, readYamlReference(source(text)), text);
    }
  }
  // Most variants stay on the fast path (a comment after an empty value does not).
  assert.ok(fast > lines.length * inserts.length * 0.8, `${fast} variants read fast`);
});

test('random edits of the rule: the fast reader declines or reads what the yaml package reads', () => {
  let fast = 0;
  for (const text of mutations([RULE], 600, 17)) {
    const read = readYamlFast(source(text));
    if (read === undefined) continue;
    fast++;
    assert.deepStrictEqual(read, readYamlReference(source(text)), text);
  }
  assert.ok(fast > 100, `${fast} edited texts read fast`);
});

test('block scalars: literal, folded, stripped, trailing blank lines', () => {
  assertFast('a: |\n  x\n\n  y\n\n\nb: 1\n');
  assertFast('a: |-\n  x\n  y\nb: >\n  folded\n  line\n\n  para\nc: >-\n  z\n');
  assertFast('a:\n  b: | # header comment\n    x\n     \n\n  c: 2\n');
  assertFast('- |\n  item\n- >-\n  item two\n');
  assertFast('a: |\n  at the end without a newline');
});

test('empty values, trailing spaces and duplicate keys', () => {
  assertFast('a:\nb:   \nc:\n  d:\n\n\ne: 1\n');
  assertFast('a:\n  b:\n\n');
  assertFast('k: 1\nk: 2\nm:\n  x: 1\n  x: 2\n');
  assert.equal(readYamlDocuments(source('k: 1\nk: 2\n'))[0]?.diagnostics[0]?.code, 'SIGMA003');
});

test('documents: --- separated, comments between, quoted keys, sequences at their key column', () => {
  assertFast('title: a\n---\n# second\nb:\n- 1\n- two\n---\n"quoted key": x\n\'single\': y\n');
  assertFast('---\na: 1\n\n# tail\n');
  assertFast('a:\n  - x\n    # deep\n  # c\n\n');
  assertFast('a:\n  b: x\n\n  # c2\n\n');
});

test('YAML outside the subset goes to the yaml package path', () => {
  for (const text of [
    'a: 1\r\nb: 2\r\n', // CRLF
    'a:\tb\n', // tab
    '\ufeffa: 1\n', // byte-order mark
    'a: &x 1\nb: *x\n', // anchor and alias
    'a: !!str 1\n', // tag
    'a: [1, 2]\n', // flow sequence
    'a: {b: 1}\n', // flow map
    'a: one\n  two\n', // multi-line plain scalar
    "a: 'one\n  two'\n", // multi-line quoted scalar
    '? a\n: 1\n', // explicit key
    'base: &b {x: 1}\nc:\n  <<: *b\n', // merge key
    'a: |+\n  x\n\n', // keep chomping
    'a: |2\n   x\n', // indentation indicator
    'a: |\n\n  x\n', // leading blank line in a block scalar
    'a: 1\n...\n', // document end marker
    '--- a: 1\n', // content on the document start line
    'a: # comment after an empty value\nb: 1\n', // moves the empty node's end
    'a: b: c\n', // nested map on one line (an error)
    '  a: 1\n', // indented root
    '# only a comment\n', // no document
    'a: "bad \\q escape"\n', // unknown escape
  ]) {
    assertFallback(text);
  }
});

test('hostile nesting is refused on the yaml package path as before', () => {
  let text = '';
  for (let i = 0; i < 200; i++) text += `${' '.repeat(i)}k${i}:\n`;
  text += `${' '.repeat(200)}v: 1\n`;
  assert.equal(readYamlFast(source(text)), undefined);
  const read = readYamlDocuments(source(text));
  assert.equal(read[0]?.diagnostics[0]?.code, 'SIGMA002');
});
