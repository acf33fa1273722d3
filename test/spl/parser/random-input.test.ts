// Random SPL-ish input (seeded): the front end never throws, and what parses round-trips.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { printPipeline } from '../../../src/spl/ast/print.ts';
import { stripSpans } from '../../../src/spl/ast/strip-spans.ts';
import { defineMacro, macroLibrary } from '../../../src/spl/macros/macro.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';

const PIECES = [
  'a',
  'b=1',
  ' ',
  '|',
  '(',
  ')',
  '[',
  ']',
  '"',
  "'",
  '\\',
  '`m`',
  '`n(x)`',
  'OR',
  'AND',
  'NOT',
  'IN',
  ',',
  '=',
  '!=',
  '<',
  '>',
  'eval',
  'stats',
  'count',
  'by',
  'where',
  'search',
  'tstats',
  'from',
  'datamodel=X.Y',
  'rex',
  'rename',
  'as',
  '*',
  '.',
  '+',
  '-',
  '$x$',
  '<<FIELD>>',
  'foreach',
  'x(',
  'eval(',
  'span=1h',
  'table',
  'lookup',
  'OUTPUT',
  'sort',
  'head',
  '```',
];

test('3,000 random searches: no exception; every clean parse round-trips the printer', () => {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const macros = macroLibrary([
    defineMacro('m', [], 'c | eval q=1', 'test'),
    defineMacro('n', ['x'], '$x$=`m`', 'test'),
  ]);
  let clean = 0;
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const length = 1 + next(25);
    for (let j = 0; j < length; j++) text += `${PIECES[next(PIECES.length)]}${next(2) ? ' ' : ''}`;
    const parsed = parseSpl(text, { macros });
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    clean++;
    const printed = printPipeline(parsed.pipeline);
    const again = parsePipeline(printed);
    assert.deepEqual(again.diagnostics, [], `${text} → ${printed}`);
    assert.ok(
      isDeepStrictEqual(stripSpans(again.pipeline), stripSpans(parsed.pipeline)),
      `${text} → ${printed}`,
    );
  }
  assert.ok(clean > 300, `only ${clean} clean parses`);
});
