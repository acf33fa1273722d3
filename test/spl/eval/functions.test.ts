// Table-driven semantics of eval functions and operators, including Splunk's traps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { Expr } from '../../../src/spl/ast/expr.ts';
import { compileExpr } from '../../../src/spl/eval/compile-expr.ts';
import type { EvalValue } from '../../../src/spl/value/eval-value.ts';
import { bin, call, field, inList, neg, not, num, str } from './spl-ast.ts';

const clock = { searchStart: () => 1_700_000_000, wallClock: () => 1_700_000_123.5 };

function run(expr: Expr, event: Event = {}): EvalValue {
  const compiled = compileExpr(expr, { clock, random: () => 0.5 });
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  return compiled.value.evaluate(event);
}

interface Case {
  readonly name: string;
  readonly expr: Expr;
  readonly event?: Event;
  readonly expected: EvalValue;
}

const f = field;
const cases: Case[] = [
  // Null propagation (Search Reference, eval: a failed evaluation erases the value).
  { name: 'arithmetic with null is null', expr: bin(f('x'), '+', num(1)), expected: undefined },
  {
    name: 'numeric string field adds',
    expr: bin(f('x'), '+', num(1)),
    event: { x: '7' },
    expected: 8,
  },
  {
    name: '+ concatenates two strings',
    expr: bin(f('x'), '+', str('b')),
    event: { x: 'a' },
    expected: 'ab',
  },
  {
    name: '+ of number and non-numeric string is null',
    expr: bin(num(1), '+', str('b')),
    expected: undefined,
  },
  { name: '. concatenates numbers as text', expr: bin(num(1), '.', str('b')), expected: '1b' },
  { name: '. with null is null', expr: bin(f('x'), '.', str('b')), expected: undefined },
  { name: 'division by zero is null', expr: bin(num(1), '/', num(0)), expected: undefined },
  {
    name: 'unary minus of a numeric field keeps its digits',
    expr: neg(f('x')),
    event: { x: '2.5' },
    expected: '-2.5',
  },
  { name: 'unary minus of a whole number', expr: neg(f('x')), event: { x: '25' }, expected: -25 },
  // Comparisons.
  {
    name: 'numeric comparison of numeric strings',
    expr: bin(f('x'), '<', num(10)),
    event: { x: '9' },
    expected: true,
  },
  {
    name: 'lexicographic when one side is text',
    expr: bin(f('x'), '<', str('b')),
    event: { x: 'a' },
    expected: true,
  },
  {
    name: '"07" equals 7 in eval (both numeric)',
    expr: bin(f('x'), '=', num(7)),
    event: { x: '07' },
    expected: true,
  },
  {
    name: 'eval equality is case-sensitive',
    expr: bin(f('x'), '==', str('abc')),
    event: { x: 'ABC' },
    expected: false,
  },
  { name: 'comparison with null is null', expr: bin(f('x'), '=', num(1)), expected: undefined },
  {
    name: 'multivalue = matches any value',
    expr: bin(f('x'), '=', str('b')),
    event: { x: ['a', 'b'] },
    expected: true,
  },
  {
    name: 'multivalue != is false when one value equals',
    expr: bin(f('x'), '!=', str('b')),
    event: { x: ['a', 'b'] },
    expected: false,
  },
  // Three-valued logic.
  {
    name: 'NULL AND false is false',
    expr: bin(bin(f('x'), '=', num(1)), 'AND', call('false')),
    expected: false,
  },
  {
    name: 'NULL AND true is null',
    expr: bin(bin(f('x'), '=', num(1)), 'AND', call('true')),
    expected: undefined,
  },
  {
    name: 'NULL OR true is true',
    expr: bin(bin(f('x'), '=', num(1)), 'OR', call('true')),
    expected: true,
  },
  { name: 'NOT NULL is null', expr: not(bin(f('x'), '=', num(1))), expected: undefined },
  { name: 'XOR', expr: bin(call('true'), 'XOR', call('false')), expected: true },
  // Conditionals.
  {
    name: 'if true',
    expr: call('IF', bin(num(1), '<', num(2)), str('y'), str('n')),
    expected: 'y',
  },
  {
    name: 'if with null condition takes else',
    expr: call('if', bin(f('x'), '=', num(1)), str('y'), str('n')),
    expected: 'n',
  },
  {
    name: 'case first true',
    expr: call('CASE', bin(num(1), '=', num(2)), str('a'), call('true'), str('b')),
    expected: 'b',
  },
  {
    name: 'case none true is null',
    expr: call('case', call('false'), str('a')),
    expected: undefined,
  },
  {
    name: 'validate returns first failing message',
    expr: call('validate', call('true'), str('a'), call('false'), str('b')),
    expected: 'b',
  },
  {
    name: 'coalesce skips null, keeps ""',
    expr: call('coalesce', f('a'), f('b'), str('c')),
    event: { b: '' },
    expected: '',
  },
  { name: 'nullif equal', expr: call('nullif', str('a'), str('a')), expected: undefined },
  { name: 'nullif different', expr: call('nullif', str('a'), str('b')), expected: 'a' },
  { name: 'null()', expr: call('null'), expected: undefined },
  // Type tests; typeof example from Search Reference (Informational functions).
  { name: 'isnull of missing', expr: call('ISNULL', f('x')), expected: true },
  { name: 'isnotnull of ""', expr: call('ISNOTNULL', f('x')), event: { x: '' }, expected: true },
  {
    name: 'isnum of numeric field',
    expr: call('isnum', f('x')),
    event: { x: '12' },
    expected: true,
  },
  {
    name: 'isstr of numeric field is false',
    expr: call('isstr', f('x')),
    event: { x: '12' },
    expected: false,
  },
  { name: 'isint 3.5', expr: call('isint', num(3.5)), expected: false },
  {
    name: 'typeof quartet',
    expr: bin(
      bin(
        bin(call('typeof', num(12)), '.', call('typeof', str('s'))),
        '.',
        call('typeof', bin(num(1), '=', num(2))),
      ),
      '.',
      call('typeof', f('nofield')),
    ),
    expected: 'NumberStringBoolInvalid',
  },
  // Text.
  {
    name: 'lower each value of a multivalue',
    expr: call('lower', f('x')),
    event: { x: ['A', 'B'] },
    expected: ['a', 'b'],
  },
  { name: 'upper', expr: call('upper', str('abc')), expected: 'ABC' },
  { name: 'len counts characters', expr: call('len', str('é𝄞')), expected: 2 },
  {
    name: 'substr 1-based',
    expr: call('substr', str('splendid'), num(1), num(3)),
    expected: 'spl',
  },
  {
    name: 'substr negative start',
    expr: call('substr', str('splendid'), neg(num(3))),
    expected: 'did',
  },
  { name: 'trim default spaces and tabs', expr: call('trim', str(' \tab\t ')), expected: 'ab' },
  { name: 'trim char set', expr: call('trim', str('ZZabZ'), str('Z')), expected: 'ab' },
  { name: 'ltrim', expr: call('ltrim', str('  ab  ')), expected: 'ab  ' },
  { name: 'rtrim', expr: call('rtrim', str('  ab  ')), expected: '  ab' },
  {
    name: 'urldecode',
    expr: call('urldecode', str('http%3A%2F%2Fx.com%2Fa+b')),
    expected: 'http://x.com/a b',
  },
  {
    name: 'urldecode keeps a malformed escape',
    expr: call('urldecode', str('100%zz')),
    expected: '100%zz',
  },
  { name: 'split', expr: call('split', str('a,b,,c'), str(',')), expected: ['a', 'b', '', 'c'] },
  // Regex (PCRE).
  {
    name: 'match (?i)',
    expr: call('match', f('c'), str('(?i)tunnel')),
    event: { c: 'x TUNNEL y' },
    expected: true,
  },
  { name: 'match on null is null', expr: call('match', f('c'), str('a')), expected: undefined },
  {
    name: 'replace with backrefs',
    expr: call('replace', str('1/2/2024'), str('^(\\d{1,2})/(\\d{1,2})/'), str('\\2/\\1/')),
    expected: '2/1/2024',
  },
  {
    name: 'replace every match',
    expr: call('replace', str('aXbXc'), str('X'), str('-')),
    expected: 'a-b-c',
  },
  // LIKE: case-sensitive, % and _, backslash literal.
  {
    name: 'like %',
    expr: call('LIKE', f('p'), str('%\\Temp\\%')),
    event: { p: 'C:\\Temp\\x.exe' },
    expected: true,
  },
  { name: 'like is case-sensitive', expr: call('like', str('ABC'), str('a%')), expected: false },
  { name: 'like _', expr: bin(str('abc'), 'LIKE', str('a_c')), expected: true },
  {
    name: 'IN operator',
    expr: inList(f('x'), str('a'), str('b')),
    event: { x: 'b' },
    expected: true,
  },
  {
    name: 'in() is exact and case-sensitive',
    expr: call('in', f('x'), str('a')),
    event: { x: 'A' },
    expected: false,
  },
  { name: 'in() with null is false', expr: call('in', f('x'), str('a')), expected: false },
  // Conversion.
  { name: 'tonumber base 16', expr: call('tonumber', str('0A4'), num(16)), expected: 164 },
  {
    name: 'tonumber of a field that is not a number is null',
    expr: call('tonumber', field('x')),
    event: { x: 'abc' },
    expected: undefined,
  },
  { name: 'tonumber decimal', expr: call('tonumber', str('7.5')), expected: 7.5 },
  { name: 'tostring hex', expr: call('tostring', num(255), str('hex')), expected: '0xFF' },
  {
    name: 'tostring commas',
    expr: call('tostring', num(1234567.891), str('commas')),
    expected: '1,234,567.89',
  },
  {
    name: 'tostring duration',
    expr: call('tostring', num(615), str('duration')),
    expected: '00:10:15',
  },
  {
    name: 'tostring duration over a day',
    expr: call('tostring', num(90061), str('duration')),
    expected: '1+01:01:01',
  },
  { name: 'tostring boolean', expr: call('tostring', bin(num(1), '=', num(1))), expected: 'True' },
  // Math.
  { name: 'round half away from zero', expr: call('round', num(2.5)), expected: 3 },
  { name: 'round negative half', expr: call('round', neg(num(2.5))), expected: -3 },
  { name: 'round digits', expr: call('round', num(3.14259), num(2)), expected: 3.14 },
  { name: 'abs', expr: call('abs', neg(num(4))), expected: 4 },
  { name: 'ceiling', expr: call('ceiling', num(1.1)), expected: 2 },
  { name: 'floor', expr: call('floor', num(1.9)), expected: 1 },
  { name: 'sqrt negative is null', expr: call('sqrt', neg(num(1))), expected: undefined },
  { name: 'pow', expr: call('pow', num(2), num(10)), expected: 1024 },
  { name: 'log base 10', expr: call('log', num(100)), expected: 2 },
  { name: 'ln(0) is null', expr: call('ln', num(0)), expected: undefined },
  { name: 'exp(0)', expr: call('exp', num(0)), expected: 1 },
  {
    name: 'eval max: strings are greater than numbers',
    expr: call('max', num(1), num(3), str('foo')),
    expected: 'foo',
  },
  {
    name: 'eval min: numeric order, not text order',
    expr: call('min', num(10), str('9')),
    expected: '9',
  },
  { name: 'random uses the injected source', expr: call('random'), expected: 1073741824 },
  // Time, with the injected clock.
  { name: 'now() is the search start', expr: call('now'), expected: 1_700_000_000 },
  {
    name: 'time() is the wall clock, with microseconds',
    expr: call('time'),
    expected: '1700000123.500000',
  },
  {
    name: 'strftime',
    expr: call('strftime', num(1_700_000_000.25), str('%Y-%m-%d %H:%M:%S.%3N')),
    expected: '2023-11-14 22:13:20.250',
  },
  {
    name: 'strptime with %z',
    expr: call('strptime', str('2023-11-14T23:13:20+0100'), str('%Y-%m-%dT%H:%M:%S%z')),
    expected: '1700000000.000000',
  },
  {
    name: 'strptime mismatch is null',
    expr: call('strptime', str('nope'), str('%Y')),
    expected: undefined,
  },
  {
    name: 'relative_time -7d@d',
    expr: call('relative_time', num(1_700_000_000), str('-7d@d')),
    expected: 1_699_315_200,
  },
  {
    name: 'relative_time @w1 snaps to Monday',
    expr: call('relative_time', num(1_700_000_000), str('@w1')),
    expected: 1_699_833_600,
  },
  // Network.
  {
    name: 'cidrmatch IPv4',
    expr: call('cidrmatch', str('10.0.0.0/8'), str('10.1.2.3')),
    expected: true,
  },
  {
    name: 'cidrmatch IPv4 outside',
    expr: call('cidrmatch', str('10.0.0.0/8'), str('11.1.2.3')),
    expected: false,
  },
  {
    name: 'cidrmatch IPv6',
    expr: call('cidrmatch', str('2001:db8::/32'), str('2001:db8:1::5')),
    expected: true,
  },
  {
    name: 'cidrmatch not an address',
    expr: call('cidrmatch', str('10.0.0.0/8'), str('host')),
    expected: false,
  },
  // Multivalue.
  { name: 'mvcount', expr: call('mvcount', f('x')), event: { x: ['a', 'b', 'c'] }, expected: 3 },
  { name: 'mvcount of null is null', expr: call('mvcount', f('x')), expected: undefined },
  {
    name: 'mvindex 0-based',
    expr: call('mvindex', f('x'), num(1)),
    event: { x: ['a', 'b', 'c'] },
    expected: 'b',
  },
  {
    name: 'mvindex negative',
    expr: call('mvindex', f('x'), neg(num(1))),
    event: { x: ['a', 'b', 'c'] },
    expected: 'c',
  },
  {
    name: 'mvindex range inclusive',
    expr: call('mvindex', f('x'), num(0), num(1)),
    event: { x: ['a', 'b', 'c'] },
    expected: ['a', 'b'],
  },
  {
    name: 'mvindex out of range',
    expr: call('mvindex', f('x'), num(5)),
    event: { x: ['a', 'b'] },
    expected: undefined,
  },
  {
    name: 'mvfilter sees each value as the field',
    expr: call('mvfilter', call('match', f('email'), str('\\.net$'))),
    event: { email: ['a@x.net', 'b@x.org', 'c@y.net'] },
    expected: ['a@x.net', 'c@y.net'],
  },
  {
    name: 'mvfilter none pass is null',
    expr: call('mvfilter', bin(f('x'), '=', str('z'))),
    event: { x: ['a', 'b'] },
    expected: undefined,
  },
  {
    name: 'mvjoin',
    expr: call('mvjoin', f('x'), str(';')),
    event: { x: ['a', 'b'] },
    expected: 'a;b',
  },
  {
    name: 'mvappend skips nulls',
    expr: call('mvappend', str('a'), f('none'), f('x')),
    event: { x: ['b', 'c'] },
    expected: ['a', 'b', 'c'],
  },
  {
    name: 'mvdedup keeps first order',
    expr: call('mvdedup', f('x')),
    event: { x: ['b', 'a', 'b'] },
    expected: ['b', 'a'],
  },
  {
    name: 'mvfind',
    expr: call('mvfind', f('x'), str('^c')),
    event: { x: ['a', 'b', 'cc'] },
    expected: 2,
  },
  {
    name: 'mvsort lexicographic',
    expr: call('mvsort', f('x')),
    event: { x: ['10', '9', 'B', 'a'] },
    expected: ['10', '9', 'B', 'a'],
  },
  {
    name: 'mvzip',
    expr: call('mvzip', f('x'), f('y')),
    event: { x: ['a', 'b'], y: ['1', '2'] },
    expected: ['a,1', 'b,2'],
  },
  {
    name: 'mvmap',
    expr: call('mvmap', f('x'), bin(f('x'), '*', num(2))),
    event: { x: ['1', '2'] },
    expected: [2, 4],
  },
  { name: 'mvrange', expr: call('mvrange', num(1), num(4)), expected: [1, 2, 3] },
  // Hashes and printf.
  { name: 'md5', expr: call('md5', str('abc')), expected: '900150983cd24fb0d6963f7d28e17f72' },
  {
    name: 'sha1',
    expr: call('sha1', str('abc')),
    expected: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  },
  {
    name: 'sha256',
    expr: call('sha256', str('abc')),
    expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  {
    name: 'printf',
    expr: call('printf', str('%05.1f|%-3s|%x'), num(3.14259), str('a'), num(255)),
    expected: '003.1|a  |ff',
  },
];

for (const c of cases) {
  test(`eval: ${c.name}`, () => {
    assert.deepEqual(run(c.expr, c.event), c.expected);
  });
}

test('eval: constants fold and fields are reported', () => {
  const compiled = compileExpr(bin(call('upper', str('a')), '.', field('x')));
  assert.ok(compiled.ok);
  assert.deepEqual([...compiled.value.fields], ['x']);
  const folded = compileExpr(bin(num(2), '*', call('abs', num(-3))));
  assert.ok(folded.ok);
  assert.deepEqual(folded.value.constant, { value: 6 });
});
