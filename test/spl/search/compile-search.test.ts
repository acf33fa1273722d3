// Search-clause semantics: wildcards, case rules, != vs NOT, field=*, IN, multivalue, terms on _raw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { SearchExpr } from '../../../src/spl/ast/search.ts';
import { compileSearch } from '../../../src/spl/search/compile-search.ts';
import { and, cmp, or, sin, snot, term } from '../eval/spl-ast.ts';

function matches(expr: SearchExpr, event: Event): boolean {
  const compiled = compileSearch(expr);
  assert.ok(compiled.ok);
  return compiled.value.test(event);
}

const cases: Array<[string, SearchExpr, Event, boolean]> = [
  ['value is case-insensitive', cmp('Image', '=', 'C:\\Code.exe'), { Image: 'c:\\CODE.EXE' }, true],
  ['field name is case-sensitive', cmp('image', '=', 'x'), { Image: 'x' }, false],
  [
    'leading wildcard (endsWith)',
    cmp('Image', '=', '*\\code.exe'),
    { Image: 'C:\\Users\\a\\Code.exe' },
    true,
  ],
  [
    'leading wildcard needs the suffix',
    cmp('Image', '=', '*\\code.exe'),
    { Image: 'C:\\vscode.exe' },
    false,
  ],
  ['contains', cmp('CommandLine', '=', '*tunnel*'), { CommandLine: 'code TUNNEL --x' }, true],
  ['prefix', cmp('host', '=', 'web*'), { host: 'WEB01' }, true],
  ['inner wildcards keep order', cmp('x', '=', 'a*b*c'), { x: 'a-c-b' }, false],
  ['inner wildcards match', cmp('x', '=', 'a*b*c'), { x: 'a-b-c' }, true],
  ['CASE() is case-sensitive', cmp('x', '=', 'Abc', { caseSensitive: true }), { x: 'abc' }, false],
  ['CASE() matches exact case', cmp('x', '=', 'Abc', { caseSensitive: true }), { x: 'Abc' }, true],
  // Equality is textual: EventCode=7 does not match "07" or "7.0" (Splunk finds it by the term "7").
  ['EventCode=7 matches "7"', cmp('EventCode', '=', '7'), { EventCode: '7' }, true],
  ['EventCode=7 does not match "07"', cmp('EventCode', '=', '7'), { EventCode: '07' }, false],
  ['EventCode=7 does not match "7.0"', cmp('EventCode', '=', '7'), { EventCode: '7.0' }, false],
  ['EventCode=7 matches the number 7', cmp('EventCode', '=', '7'), { EventCode: 7 }, true],
  ['numeric >', cmp('count', '>', '9'), { count: '10' }, true],
  ['numeric > is not textual', cmp('count', '>', '9'), { count: '10' }, true],
  ['numeric bound never matches text', cmp('count', '>', '9'), { count: 'abc' }, false],
  ['<= numeric', cmp('n', '<=', '2.5'), { n: '2.5' }, true],
  ['text bound compares as text', cmp('name', '<', 'm'), { name: 'abc' }, true],
  ['field=* means the field exists', cmp('x', '=', '*'), { x: '' }, true],
  ['field=* is false without the field', cmp('x', '=', '*'), {}, false],
  ['!= drops events without the field', cmp('x', '!=', 'a'), {}, false],
  ['!= keeps other values', cmp('x', '!=', 'a'), { x: 'b' }, true],
  ['NOT field=x keeps events without the field', snot(cmp('x', '=', 'a')), {}, true],
  ['NOT field=x drops matches', snot(cmp('x', '=', 'a')), { x: 'A' }, false],
  ['multivalue: any value matches', cmp('x', '=', 'b'), { x: ['a', 'B'] }, true],
  ['multivalue !=: false when a value equals', cmp('x', '!=', 'b'), { x: ['a', 'b'] }, false],
  ['IN', sin('x', 'a', 'b*'), { x: 'bee' }, true],
  ['IN none', sin('x', 'a', 'b*'), { x: 'c' }, false],
  ['CIDR value', cmp('src', '=', '10.0.0.0/8'), { src: '10.9.8.7' }, true],
  ['CIDR value outside', cmp('src', '=', '10.0.0.0/8'), { src: '192.168.0.1' }, false],
  ['wildcard field name', cmp('*_name', '=', 'x'), { process_name: 'X' }, true],
  ['implicit AND', and(cmp('a', '=', '1'), cmp('b', '=', '2')), { a: '1', b: '3' }, false],
  ['OR', or(cmp('a', '=', '1'), cmp('b', '=', '2')), { a: '0', b: '2' }, true],
  // Terms match _raw on token boundaries, case-insensitively.
  ['term on a token', term('exe'), { _raw: 'ran vscode.exe now' }, true],
  ['term is not a substring of a token', term('code'), { _raw: 'ran vscode.exe now' }, false],
  ['term with minor breakers inside', term('vscode.exe'), { _raw: 'ran VSCODE.EXE now' }, true],
  ['phrase', term('user not found'), { _raw: 'error: User Not Found.' }, true],
  ['phrase in order only', term('not user'), { _raw: 'error: User Not Found.' }, false],
  ['wildcard term', term('fail*'), { _raw: 'login failed' }, true],
  ['wildcard term at token start only', term('fail*'), { _raw: 'nofail' }, false],
  ['leading wildcard term', term('*ssh'), { _raw: 'ran openssh daemon' }, true],
  [
    'TERM() needs major breakers around',
    term('10.0.0.1', { term: true }),
    { _raw: 'ip=10.0.0.1 ok' },
    false,
  ],
  [
    'TERM() matches a whole token',
    term('ip=10.0.0.1', { term: true }),
    { _raw: 'x ip=10.0.0.1 ok' },
    true,
  ],
  ['term without _raw', term('x'), {}, false],
];

for (const [name, expr, event, expected] of cases) {
  test(`search: ${name}`, () => assert.equal(matches(expr, event), expected));
}

test('search: reports the fields it reads and whether it reads _raw', () => {
  const compiled = compileSearch(
    and(cmp('EventCode', '=', '1'), or(cmp('Image', '=', '*x'), term('y'))),
  );
  assert.ok(compiled.ok);
  assert.deepEqual([...compiled.value.fields].sort(), ['EventCode', 'Image', '_raw']);
  assert.equal(compiled.value.readsRaw, true);
});

test('search: an unresolved subsearch is SPL401', () => {
  const compiled = compileSearch({
    kind: 'SearchSubsearch',
    subsearch: {} as never,
    span: { start: 3, end: 9 },
  });
  assert.equal(compiled.ok, false);
  if (!compiled.ok) {
    assert.equal(compiled.diagnostics[0]?.code, 'SPL401');
    assert.deepEqual(compiled.diagnostics[0]?.span, { start: 3, end: 9 });
  }
});

test('search: a cached lower-cased value follows a changed field', () => {
  const compiled = compileSearch(cmp('x', '=', 'a'));
  assert.ok(compiled.ok);
  const event: Event = { x: 'A' };
  assert.equal(compiled.value.test(event), true);
  event['x'] = 'B';
  assert.equal(compiled.value.test(event), false);
});
