// The printer: canonical SPL that reads back to the same AST.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { printPipeline } from '../../../src/spl/ast/print.ts';
import { stripSpans } from '../../../src/spl/ast/strip-spans.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';

const lines = readFileSync(new URL('../../fixtures/spl/identity.spl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

test('identity.spl: print(parse(q)) === q for every canonical line', () => {
  assert.ok(lines.length >= 30);
  for (const line of lines) {
    const parsed = parsePipeline(line);
    assert.deepEqual(parsed.diagnostics, [], line);
    assert.equal(printPipeline(parsed.pipeline), line);
  }
});

test('non-canonical spellings print canonically and parse back to the same AST', () => {
  const cases: [string, string][] = [
    ['index=x   a    b', 'index=x a b'],
    ['| eval  x = (a+b)*2', '| eval x=(a + b) * 2'],
    ['| eval x=((a))', '| eval x=a'],
    ['| table a,b    c', '| table a, b, c'],
    ['| sort -_time', '| sort - _time'],
    ['| rename "DNS".* as *', '| rename "DNS.*" as *'],
    ['a OR (b OR c)', 'a OR (b OR c)'],
    ['| where NOT(a=1)', '| where NOT a=1'],
  ];
  for (const [input, canonical] of cases) {
    const parsed = parsePipeline(input);
    assert.deepEqual(parsed.diagnostics, [], input);
    const printed = printPipeline(parsed.pipeline);
    assert.equal(printed, canonical, input);
    assert.deepEqual(
      stripSpans(parsePipeline(printed).pipeline.commands),
      stripSpans(parsed.pipeline.commands),
    );
  }
});
