// The search-clause grammar, pinned against the Search Reference (search) and Search Manual
// ("Boolean expressions": the search command evaluates OR before AND).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchCommand } from '../../../src/spl/ast/command.ts';
import type { SearchExpr } from '../../../src/spl/ast/search.ts';
import { parseOk } from './parse-helpers.ts';

/** A compact rendering of a search tree: (and ...), (or ...), (not ...), f=v, "term". */
function shape(expr: SearchExpr | undefined): string {
  if (!expr) return '';
  switch (expr.kind) {
    case 'SearchAnd':
      return `(and ${expr.operands.map(shape).join(' ')})`;
    case 'SearchOr':
      return `(or ${expr.operands.map(shape).join(' ')})`;
    case 'SearchNot':
      return `(not ${shape(expr.operand)})`;
    case 'SearchComparison':
      return `${expr.field}${expr.op}${expr.value.quoted ? `"${expr.value.text}"` : expr.value.text}`;
    case 'SearchIn':
      return `${expr.field} in [${expr.values.map((v) => v.text).join(',')}]`;
    case 'SearchTerm':
      return `${expr.value.caseSensitive ? 'case:' : ''}${expr.value.term ? 'term:' : ''}{${expr.value.text}}`;
    case 'SearchSubsearch':
      return `[${expr.subsearch.pipeline.commands.length} commands]`;
  }
}

function searchShape(text: string): string {
  const command = parseOk(text)[0] as SearchCommand;
  return shape(command.expr);
}

test('OR binds tighter than implicit and explicit AND; NOT takes the next term', () => {
  const cases: [string, string][] = [
    ['a b OR c', '(and {a} (or {b} {c}))'],
    ['a AND b OR c', '(and {a} (or {b} {c}))'],
    ['a OR b c', '(and (or {a} {b}) {c})'],
    ['NOT a b', '(and (not {a}) {b})'],
    ['NOT (a b)', '(not (and {a} {b}))'],
    ['NOT a OR b', '(or (not {a}) {b})'],
    ['(a OR b) (c OR d)', '(and (or {a} {b}) (or {c} {d}))'],
    ['a or b', '(and {a} {or} {b})'],
  ];
  for (const [text, expected] of cases) assert.equal(searchShape(text), expected, text);
});

test('comparisons, wildcards, quoting and escapes', () => {
  const cases: [string, string][] = [
    ['Image=*\\\\code.exe', 'Image=*\\code.exe'],
    ['Image="*\\\\code.exe"', 'Image="*\\code.exe"'],
    ['CommandLine="say \\"hi\\""', 'CommandLine="say "hi""'],
    ['x!=1 y<2 z<=3 w>4 v>=5', '(and x!=1 y<2 z<=3 w>4 v>=5)'],
    ['f=*', 'f=*'],
    ['CommandLine=*a=b*', 'CommandLine=*a=b*'],
    ['isutility = TRUE', 'isutility=TRUE'],
    ['"DNS.query"="*.arpa"', 'DNS.query="*.arpa"'],
    ['"Reference" != False', 'Reference!=False'],
    ['process IN ("a", b,"c d")', 'process in [a,b,c d]'],
    ['process IN (,"a","b",)', 'process in [a,b]'],
    // "The IN operator must be in uppercase" (Splunk blog "Smooth operator"); `IN(` may be glued.
    ['code IN(10, 29, 4*)', 'code in [10,29,4*]'],
    ['code in (10)', '(and {code} {in} {10})'],
    ['CASE(Foo) TERM(10.0.0.1)', '(and case:{Foo} term:{10.0.0.1})'],
    ['x=CASE(Foo)', 'x=Foo'],
    ['"web error"', '{web error}'],
  ];
  for (const [text, expected] of cases) assert.equal(searchShape(text), expected, text);
});

test('NOT x=y and x!=y are different nodes (null semantics differ downstream)', () => {
  assert.equal(searchShape('NOT user=bob'), '(not user=bob)');
  assert.equal(searchShape('user!=bob'), 'user!=bob');
});

test('a subsearch in a search clause is a nested pipeline', () => {
  assert.equal(searchShape('index=x [search y | fields user]'), '(and index=x [2 commands])');
});

test('the leading word "search" is the search command written out', () => {
  const [command] = parseOk('search a=1') as SearchCommand[];
  assert.equal(command?.implicit, false);
  const [implicit] = parseOk('a=1') as SearchCommand[];
  assert.equal(implicit?.implicit, true);
});

test('numbers stay text: the engine compares them as Splunk does', () => {
  assert.equal(searchShape('EventCode=7'), 'EventCode=7');
});
