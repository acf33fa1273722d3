// The eval/where expression grammar: precedence, case-insensitive names, IN, LIKE, fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WhereCommand } from '../../../src/spl/ast/command.ts';
import type { Expr } from '../../../src/spl/ast/expr.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';
import { parseOk } from './parse-helpers.ts';

function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'String':
      return JSON.stringify(expr.value);
    case 'Number':
      return expr.text;
    case 'Field':
      return expr.quoted ? `'${expr.name}'` : expr.name;
    case 'Call':
      return `${expr.name}(${expr.args.map(shape).join(' ')})`;
    case 'Unary':
      return `(${expr.op} ${shape(expr.operand)})`;
    case 'Binary':
      return `(${expr.op} ${shape(expr.left)} ${shape(expr.right)})`;
    case 'In':
      return `(IN ${shape(expr.operand)} ${expr.values.map(shape).join(' ')})`;
    case 'Array':
      return `[${expr.elements.map(shape).join(' ')}]`;
    case 'Object':
      return `{${expr.members.map((m) => `${m.key}: ${shape(m.value)}`).join(' ')}}`;
  }
}

function whereShape(text: string): string {
  const command = parseOk(`| where ${text}`)[0] as WhereCommand;
  return shape(command.expr);
}

test('AND before OR, NOT before AND, comparisons before NOT (Search Manual, eval and where)', () => {
  const cases: [string, string][] = [
    ['a=1 OR b=2 AND c=3', '(OR (= a 1) (AND (= b 2) (= c 3)))'],
    ['NOT a=1 AND b', '(AND (NOT (= a 1)) b)'],
    ['a OR b XOR c', '(XOR (OR a b) c)'],
    ['x + y * 2 > 10', '(> (+ x (* y 2)) 10)'],
    ['-x . "s"', '(. (- x) "s")'],
    ['(a OR b) AND c', '(AND (OR a b) c)'],
    ['count > 5 and total < 3', '(AND (> count 5) (< total 3))'],
    ['not x=1', '(NOT (= x 1))'],
  ];
  for (const [text, expected] of cases) assert.equal(whereShape(text), expected, text);
});

test('functions keep their spelling; LIKE, IN and quoted fields', () => {
  const cases: [string, string][] = [
    ['LIKE(process, "%a%")', 'LIKE(process "%a%")'],
    ['LIKE (process, "%a%")', 'LIKE(process "%a%")'],
    ['process LIKE "%a%"', '(LIKE process "%a%")'],
    ['x IN ("a", "b")', '(IN x "a" "b")'],
    ['in(x, "a")', 'in(x "a")'],
    ['\'Search Name\'=="x"', '(== \'Search Name\' "x")'],
    ['userIdentity.userName=x', '(= userIdentity.userName x)'],
    ['isnotnull(a) AND true()', '(AND isnotnull(a) true())'],
    ['match(CommandLine, "(?i)\\d+")', 'match(CommandLine "(?i)\\\\d+")'],
  ];
  for (const [text, expected] of cases) assert.equal(whereShape(text), expected, text);
});

test('deeply nested input is refused, not a stack overflow', () => {
  const text = `| where ${'('.repeat(5000)}x${')'.repeat(5000)}`;
  assert.equal(parsePipeline(text).diagnostics[0]?.code, 'SPL012');
});
