// Compile-time diagnostics of the eval compiler: codes and spans.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr } from '../../../src/spl/ast/expr.ts';
import { compileExpr } from '../../../src/spl/eval/compile-expr.ts';
import { lookupFunction } from '../../../src/spl/eval/functions/index.ts';
import { bin, call, field, num, str } from './spl-ast.ts';

function errors(expr: Expr) {
  const compiled = compileExpr(expr);
  assert.equal(compiled.ok, false);
  return compiled.ok
    ? []
    : compiled.diagnostics.map((d) => ({ code: d.code, message: d.message, span: d.span }));
}

test('unknown function: SPL301 under the name', () => {
  assert.deepEqual(errors(call('nosuch', num(1))), [
    { code: 'SPL301', message: 'unknown eval function "nosuch"', span: { start: 0, end: 6 } },
  ]);
});

test('wrong arity: SPL302 over the call', () => {
  const [d] = errors(call('if', num(1)));
  assert.equal(d?.code, 'SPL302');
  assert.equal(d?.message, 'if() takes 3 arguments, got 1');
  assert.deepEqual(d?.span, { start: 0, end: 4 });
});

test('case() with an odd argument count is SPL302', () => {
  assert.equal(errors(call('case', call('true'), str('a'), str('b')))[0]?.code, 'SPL302');
});

test('bad constant regex: SPL303 with the reason', () => {
  const [d] = errors(call('match', field('x'), str('(a')));
  assert.equal(d?.code, 'SPL303');
  assert.match(d?.message ?? '', /missing closing parenthesis/);
});

test('untranslatable regex feature is refused, not weakened', () => {
  const [d] = errors(call('match', field('x'), str('(?R)')));
  assert.equal(d?.code, 'SPL303');
  assert.match(d?.message ?? '', /recursion/);
});

test('bad tostring format, relative_time modifier and quoted tonumber text: SPL304', () => {
  assert.equal(errors(call('tonumber', str('seven')))[0]?.code, 'SPL304');
  assert.equal(errors(call('tostring', num(1), str('octal')))[0]?.code, 'SPL304');
  assert.equal(errors(call('relative_time', num(1), str('yesterday')))[0]?.code, 'SPL304');
  assert.equal(errors(call('cidrmatch', str('10.0.0/99'), field('ip')))[0]?.code, 'SPL304');
});

test('non-boolean where a condition is required: SPL305', () => {
  assert.equal(errors(call('if', str('x'), num(1), num(0)))[0]?.code, 'SPL305');
  assert.equal(errors(bin(num(1), 'AND', call('true')))[0]?.code, 'SPL305');
});

test('boolean where a value is required: SPL306', () => {
  assert.equal(errors(bin(call('true'), '+', num(1)))[0]?.code, 'SPL306');
});

test('every problem is reported, not just the first', () => {
  const found = errors(bin(call('nosuch'), '.', call('lower')));
  assert.deepEqual(
    found.map((d) => d.code),
    ['SPL301', 'SPL302'],
  );
});

test('function names are case-insensitive; arity is exposed', () => {
  const like = lookupFunction('LIKE');
  assert.equal(like?.name, 'like');
  assert.equal(like?.minArgs, 2);
  assert.equal(lookupFunction('Coalesce')?.maxArgs, Number.POSITIVE_INFINITY);
  assert.equal(lookupFunction('nope'), undefined);
});
