// The optimised matcher (routing, automata, value memos, triggers, adaptation) against the plain
// definition: every compiled rule variant's tree evaluated predicate by predicate on every event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { foldCase } from '../../../src/sigma/compile/case-fold.ts';
import { textOf } from '../../../src/sigma/compile/event-values.ts';
import type { PredicateTree } from '../../../src/sigma/compile/predicate-tree.ts';
import {
  type CompiledSigmaSet,
  compileSigmaRules,
  createSigmaMatcher,
  loadLogsourceMapping,
} from '../../../src/sigma/index.ts';
import { withSigmaFieldNames } from '../../../src/sigma/matcher/sigma-matcher.ts';
import { allDiagnostics, loadText } from '../sigma-test-kit.ts';
import { randomEvents, randomRules, seeded } from './random-corpus.ts';

function firstText(value: Event[string]): string | undefined {
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : textOf(first);
}

/** Each rule through its first variant that matches, in rule order. */
function directMatches(compiled: CompiledSigmaSet, original: Event): string[] {
  const event = withSigmaFieldNames(original);
  const value = (tree: PredicateTree): boolean => {
    switch (tree.kind) {
      case 'const':
        return tree.value;
      case 'pred':
        return (compiled.predicates[tree.id] as { test(e: Event): boolean }).test(event);
      case 'not':
        return !value(tree.arg);
      case 'and':
        return tree.args.every(value);
      case 'or':
        return tree.args.some(value);
    }
  };
  const channel = firstText(event['Channel']);
  const eventId = firstText(event['EventID'] ?? event['EventCode']) ?? '';
  const out: string[] = [];
  compiled.rules.forEach((rule, ruleIndex) => {
    const variant = rule.variants.find(
      (v) =>
        (v.channels === undefined ||
          (channel !== undefined && v.channels.some((c) => foldCase(c) === foldCase(channel)))) &&
        (v.eventIds === undefined || v.eventIds.includes(eventId)) &&
        value(v.conditions) &&
        value(v.tree),
    );
    if (variant !== undefined) out.push(`${ruleIndex} ${variant.entryName}`);
  });
  return out;
}

/**
 * Every event through matchers with the default memo, a memo budget small enough to run out,
 * and no memo; each must give exactly the direct matches. Returns the rules that matched.
 */
function compareOver(compiled: CompiledSigmaSet, events: readonly Event[]): Set<number> {
  const matchers = [0, 40, undefined].map((memoEntries) => ({
    memoEntries,
    matcher: createSigmaMatcher(compiled, memoEntries === undefined ? {} : { memoEntries }),
  }));
  const matched = new Set<number>();
  events.forEach((event, i) => {
    const expected = directMatches(compiled, event);
    for (const { memoEntries, matcher } of matchers) {
      const actual = matcher.match(event).map((m) => `${m.ruleIndex} ${m.entryName}`);
      assert.deepEqual(
        actual,
        expected,
        `memo ${memoEntries}, event ${i}: ${JSON.stringify(event)}`,
      );
    }
    for (const m of expected) matched.add(Number.parseInt(m, 10));
  });
  return matched;
}

function compiledRules(seed: number, count: number, mapping?: CompiledSigmaSet['mapping']) {
  const set = loadText(randomRules(seeded(seed), count));
  const errors = allDiagnostics(set).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, []);
  return compileSigmaRules(set, mapping === undefined ? {} : { mapping });
}

test('random rules over random events: the same matches as direct tree evaluation', () => {
  const compiled = compiledRules(1, 150);
  assert.equal(compiled.rules.length, 150);
  const matched = compareOver(compiled, randomEvents(seeded(2), 3000));
  // Not vacuous: a good share of the rules fire somewhere.
  assert.ok(matched.size >= 50, `only ${matched.size} rules matched`);
});

test('overlapping mapping entries: each rule reports its first matching variant', () => {
  const loaded = loadLogsourceMapping({
    name: 'overlap.yml',
    text: `extends: default
logsources:
  - name: edr_any
    category: process_creation
    product: windows
    conditions:
      Channel: Microsoft-Windows-Sysmon/Operational
    fieldmappings:
      Image: ParentImage
  - name: edr_created
    category: registry_set
    product: windows
    conditions:
      Channel: Microsoft-Windows-Sysmon/Operational
      EventType: [SetValue, CreateKey]
`,
  });
  assert.deepEqual(loaded.diagnostics, []);
  const compiled = compiledRules(3, 120, loaded.mapping);
  const matched = compareOver(compiled, randomEvents(seeded(4), 2500));
  assert.ok(matched.size >= 40, `only ${matched.size} rules matched`);
});
