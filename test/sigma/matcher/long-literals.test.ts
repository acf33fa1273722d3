// Values longer than the automata index (MAX_INDEXED_LITERAL) are found by a bounded piece of
// themselves and verified whole: same answers, automata no bigger than the bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_INDEXED_LITERAL } from '../../../src/sigma/compile/compile-predicate.ts';
import { matcherFor, processRule, sysmonProcess } from '../sigma-test-kit.ts';

const LONG = `${'Ab'.repeat(100_000)}needle`;

function ruleFor(item: string): string {
  return processRule(`    sel:\n      ${item}: '${LONG}'\n    condition: sel`);
}

test('a 200,000-character value is indexed by a bounded piece and verified whole', () => {
  const cases: [string, string, boolean][] = [
    ['CommandLine|contains', `x ${LONG} y`, true],
    ['CommandLine|contains', `x ${LONG.slice(0, -1)} y`, false],
    ['CommandLine|startswith', `${LONG.toUpperCase()} y`, true],
    ['CommandLine|startswith', `${LONG.slice(0, -1)}`, false],
    ['CommandLine|endswith', `x ${LONG}`, true],
    ['CommandLine|endswith', `x ${LONG.slice(1)}`, false],
    ['CommandLine', LONG, true],
    ['CommandLine', `${LONG} `, false],
  ];
  for (const [item, value, expected] of cases) {
    const { compiled, matches } = matcherFor(ruleFor(item));
    const index = compiled.predicates.find((p) => p.field === 'CommandLine')?.index;
    assert.ok(index !== undefined && index.text.length === MAX_INDEXED_LITERAL, item);
    assert.equal(index.decides, false, item);
    assert.equal(matches(sysmonProcess({ CommandLine: value })), expected, `${item} ${expected}`);
  }
});
