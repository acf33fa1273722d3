// Macro expansion: arguments, nesting, multi-command macros, _filter, cycles, source map.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../../../src/core/diagnostic.ts';
import { BUILTIN_MACROS } from '../../../src/spl/macros/builtin-macros.ts';
import { expandMacros } from '../../../src/spl/macros/expand-macros.ts';
import { defineMacro, macroLibrary } from '../../../src/spl/macros/macro.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';

const library = macroLibrary(BUILTIN_MACROS, [
  defineMacro('sysmon', [], 'sourcetype=sysmon', 'test'),
  defineMacro('ctime', ['field'], 'convert ctime($field$)', 'test'),
  defineMacro('pair', ['a', 'b'], 'eval $a$="$b$" | eval n=1', 'test'),
  defineMacro('outer', [], '`sysmon` `ctime_wrap(t)`', 'test'),
  defineMacro('ctime_wrap', ['x'], 'EventCode=`number($x$)`', 'test'),
  defineMacro('number', ['v'], '$v$1', 'test'),
  defineMacro('a', [], '`b`', 'test'),
  defineMacro('b', [], 'x `a`', 'test'),
  defineMacro('broken', [], 'eval y=(', 'test'),
]);

test('calls are replaced by definitions, with $arg$ substitution and nesting', () => {
  const cases: [string, string][] = [
    ['`sysmon` x', 'sourcetype=sysmon x'],
    ['a | `ctime(firstTime)`', 'a | convert ctime(firstTime)'],
    ['| `pair(f, "v, w")`', '| eval f=""v, w"" | eval n=1'],
    ['`outer`', 'sourcetype=sysmon EventCode=t1'],
    ['| `drop_dm_object_name(Processes)`', '| rename Processes.* as *'],
    ['x ```a comment with `sysmon` ``` y', 'x  y'],
    ['| eval q=split(p, "`")', '| eval q=split(p, "`")'],
  ];
  for (const [text, expected] of cases) {
    const expanded = expandMacros(text, library);
    assert.deepEqual(expanded.diagnostics, [], text);
    assert.equal(expanded.text, expected, text);
  }
});

test('an undefined *_filter macro keeps every row (search *); any other is SPL201', () => {
  const filtered = expandMacros('x | `my_detection_filter`', library);
  assert.equal(filtered.text, 'x | search *');
  const missing = expandMacros('x | `nope(1)` | `ctime`', library);
  assert.deepEqual(
    missing.diagnostics.map((d) => [d.code, d.message, d.span]),
    [
      ['SPL201', 'undefined macro `nope(1)`', { start: 4, end: 13 }],
      ['SPL203', 'macro `ctime` takes 1 argument(s), called with 0', { start: 16, end: 23 }],
    ],
  );
});

test('a cycle is SPL202 at the call in the search, with a note into the definition', () => {
  const expanded = expandMacros('go `a`', library);
  const cycle = expanded.diagnostics[0];
  assert.ok(cycle);
  assert.equal(cycle.code, 'SPL202');
  assert.equal(cycle.message, 'macro cycle: a → b → a');
  assert.deepEqual(cycle.span, { start: 3, end: 6 });
  assert.equal(cycle.notes?.[0]?.source?.text, 'x `a`');
  assert.deepEqual(cycle.notes?.[0]?.span, { start: 2, end: 5 });
});

test('unterminated calls and comments are reported', () => {
  assert.equal(expandMacros('a `sysmon', library).diagnostics[0]?.code, 'SPL204');
  assert.equal(expandMacros('a ```x', library).diagnostics[0]?.code, 'SPL206');
});

test('a syntax error inside an expansion points at the call, with a note into the macro', () => {
  const parsed = parseSpl('index=x | `broken`', { macros: library });
  const error = parsed.diagnostics[0];
  assert.ok(error);
  assert.equal(error.code, 'SPL011');
  assert.deepEqual(error.span, { start: 10, end: 18 });
  const rendered = formatDiagnostic(error);
  assert.match(rendered, /1 \| index=x \| `broken`\n {2}\| {11}\^{8}/);
  assert.match(rendered, /note: in the expansion of macro `broken` \(test\)/);
  assert.match(rendered, /1 \| eval y=\(/);
});

test('errors outside macros keep their offsets in the written text', () => {
  const parsed = parseSpl('`sysmon` | foo', { macros: library });
  assert.deepEqual(
    parsed.diagnostics.map((d) => [d.code, d.span]),
    [['SPL101', { start: 11, end: 14 }]],
  );
});

test('exponential expansion is cut off (SPL205), not run out of memory', () => {
  const bomb = [defineMacro('m0', [], 'xxxxxxxxxx', 'test')];
  for (let i = 1; i <= 30; i++)
    bomb.push(defineMacro(`m${i}`, [], `\`m${i - 1}\` \`m${i - 1}\``, 'test'));
  const expanded = expandMacros('`m30`', macroLibrary(bomb));
  assert.equal(expanded.diagnostics[0]?.code, 'SPL205');
});
