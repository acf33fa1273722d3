// The condition grammar: precedence, selectors, parentheses, and errors with their spans.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConditionExpr } from '../../../src/sigma/condition/condition-ast.ts';
import { parseCondition } from '../../../src/sigma/condition/parse-condition.ts';
import { selectIdentifiers } from '../../../src/sigma/condition/resolve-condition.ts';

/** A compact rendering of the tree to compare shapes. */
function shape(expr: ConditionExpr): string {
  switch (expr.kind) {
    case 'id':
      return expr.name;
    case 'selector':
      return `${expr.quantifier}(${expr.pattern})`;
    case 'not':
      return `not(${shape(expr.arg)})`;
    default:
      return `${expr.kind}(${expr.args.map(shape).join(', ')})`;
  }
}

const TREES: readonly [string, string][] = [
  ['a', 'a'],
  ['a and b or c', 'or(and(a, b), c)'],
  ['a or b and c', 'or(a, and(b, c))'],
  ['a and b and c', 'and(a, b, c)'],
  ['not a and b', 'and(not(a), b)'],
  ['not not a', 'not(not(a))'],
  ['a and (b or c)', 'and(a, or(b, c))'],
  ['a and (b and c)', 'and(a, and(b, c))'],
  ['1 of sel*', 'any(sel*)'],
  ['any of sel_*', 'any(sel_*)'],
  ['all of them', 'all(them)'],
  [
    'selection and not 1 of filter_main_* and not 1 of filter_optional_*',
    'and(selection, not(any(filter_main_*)), not(any(filter_optional_*)))',
  ],
  ['sel-1 and notepad', 'and(sel-1, notepad)'],
  ['all', 'all'],
];

for (const [text, expected] of TREES) {
  test(`${text} → ${expected}`, () => {
    const parsed = parseCondition(text);
    assert.ok(!('message' in parsed), JSON.stringify(parsed));
    assert.equal(shape(parsed), expected);
  });
}

const ERRORS: readonly [string, string, number, number][] = [
  ['a and', 'unexpected end of condition', 5, 5],
  ['a b', 'unexpected "b"', 2, 3],
  ['(a or b', 'unexpected end of condition', 7, 7],
  ['1 of sel-*', '"sel-*" is not a selector pattern (letters, digits, _ and *)', 5, 10],
  [
    'sel | count() > 5',
    'the pipe aggregation syntax is deprecated; use a correlation rule instead',
    4,
    17,
  ],
  ['a and ]', 'unexpected character "]"', 6, 7],
  ['and a', 'expected a search identifier but found "and"', 0, 3],
];

for (const [text, message, start, end] of ERRORS) {
  test(`error: ${text}`, () => {
    const parsed = parseCondition(text);
    assert.ok('message' in parsed);
    assert.equal(parsed.message, message);
    assert.deepEqual(parsed.span, { start, end });
  });
}

test('hostile nesting is refused, not a stack overflow', () => {
  const parsed = parseCondition(`${'('.repeat(10_000)}a${')'.repeat(10_000)}`);
  assert.ok('message' in parsed && parsed.message === 'condition nests too deeply');
});

test('selectors: * matches fully, _-prefixed identifiers only with a _ pattern', () => {
  const names = ['selection', 'selection_a', 'sel', '_hidden', 'filter'];
  assert.deepEqual(selectIdentifiers('sel*', names), ['selection', 'selection_a', 'sel']);
  assert.deepEqual(selectIdentifiers('them', names), ['selection', 'selection_a', 'sel', 'filter']);
  assert.deepEqual(selectIdentifiers('_*', names), ['_hidden']);
  assert.deepEqual(selectIdentifiers('selection', names), ['selection']);
});

test('selectors: a pattern selects what the anchored regex of its * would, in linear time', () => {
  const names = ['a', 'aa', 'aba', 'ab', 'ba', 'sel_a_b', 'sel_b_a', 'x_sel', 'sel', 'selsel'];
  const patterns = ['a*a', '*a*a*', '*', 'a*', '*a', 'sel*_a*', 'sel*sel', '*sel*', 'sel**', 'ab'];
  for (const pattern of patterns) {
    const regex = new RegExp(`^${pattern.replaceAll('*', '.*')}$`, 's');
    assert.deepEqual(
      selectIdentifiers(pattern, names),
      names.filter((n) => regex.test(n)),
      pattern,
    );
  }
  const hostile = `${'*a'.repeat(5000)}*b`;
  const started = performance.now();
  assert.deepEqual(selectIdentifiers(hostile, ['a'.repeat(20_000)]), []);
  assert.ok(performance.now() - started < 1000);
});
