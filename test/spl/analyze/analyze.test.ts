// Analysis checks: every problem of a well-formed search reported together, with spans.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpl } from '../../../src/spl/parse-spl.ts';

function problems(text: string): [string, string][] {
  return parseSpl(text).diagnostics.map((d) => [
    d.code,
    d.span ? text.slice(d.span.start, d.span.end) : '',
  ]);
}

test('unknown functions, wrong arity, unknown aggregates: all at once', () => {
  const text = '| eval a=frobnicate(x), b=if(x, 1) | stats count bogus(y) | where LOWER(z)="a"';
  assert.deepEqual(problems(text), [
    ['SPL301', 'frobnicate'],
    ['SPL302', 'if(x, 1)'],
    ['SPL311', 'bogus'],
  ]);
});

test('names Splunk has but spelunk does not implement pass analysis (compile refuses them)', () => {
  assert.deepEqual(problems('| eval a=json_extract(x, "a") | stats sparkline count'), []);
});

test('aggregate arity: values needs a field, count takes one or none', () => {
  assert.deepEqual(problems('| stats values'), [['SPL312', 'values']]);
  assert.deepEqual(problems('| stats count count() count(x)'), []);
});

test('by-clause wildcards, rename wildcard counts, generating commands placement', () => {
  assert.deepEqual(problems('| stats count by host*'), [['SPL111', 'host*']]);
  assert.deepEqual(problems('| stats count by a a'), [['SPL112', 'a']]);
  assert.deepEqual(problems('| rename a* as b**'), [['SPL120', 'a* as b**']]);
  assert.deepEqual(problems('| rename X.* as *'), []);
  assert.deepEqual(problems('index=x | tstats count'), [['SPL130', 'tstats']]);
  assert.deepEqual(problems('index=x | inputlookup append=true t'), []);
});

test('rex mode=sed needs a sed expression and no max_match', () => {
  assert.deepEqual(problems('| rex field=x mode=sed "s/a/b/g" | rex mode=sed "y/ab/cd/"'), []);
  assert.deepEqual(problems('| rex mode=sed "(?<a>x)"'), [['SPL140', '"(?<a>x)"']]);
  assert.deepEqual(problems('| rex mode=sed max_match=2 "s/a/b/"'), [['SPL141', 'max_match=2']]);
});
