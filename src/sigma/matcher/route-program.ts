// The matching program for one (channel, EventID) route: the rule variants that can fire there,
// one automaton per field over their literals, and which predicates trigger which variants.
import type { RuleVariant } from '../compile/compile-rules.ts';
import type { Predicate } from '../compile/predicate.ts';
import { type HitScore, literalLengthScore, triggerSet } from '../compile/predicate-tree.ts';
import type { Anchoring } from '../compile/string-pattern.ts';
import { type AhoCorasick, buildAhoCorasick } from './aho-corasick.ts';

/**
 * Automata an earlier run built, by pattern list (the route-program cache, sigma/cache): found
 * ones are not built again; built ones are offered for the next run.
 */
export interface AutomatonLibrary {
  /** `patterns`: the automaton's sorted literals joined by U+0000. */
  find(patterns: string): AhoCorasick | undefined;
  built(patterns: string, automaton: AhoCorasick): void;
  /** Stores what was built for the next run (atomically; nothing when nothing is new). */
  persist(): void;
}

const ANCHORING_CODES: Readonly<Record<Anchoring, number>> = {
  exact: 0,
  prefix: 1,
  suffix: 2,
  contains: 3,
};
/** Set in an entry's code when an automaton hit proves the predicate. */
export const DECIDES = 4;

const EMPTY_SET: ReadonlySet<string> = new Set();

export interface FieldScanner {
  /** Null: keywords, scanned over every content field of the event but `skipFields`. */
  readonly field: string | null;
  /** Fields whose own scanner already looks for the keywords. */
  readonly skipFields: ReadonlySet<string>;
  readonly automaton: AhoCorasick;
  readonly patternLength: Int32Array;
  /** Entries of pattern p: [entryStart[p], entryStart[p+1]). */
  readonly entryStart: Int32Array;
  readonly entryPredicate: Int32Array;
  readonly entryCode: Uint8Array;
}

export interface ProgramVariant {
  readonly ruleIndex: number;
  readonly variant: RuleVariant;
}

export interface ProgramTriggers {
  /**
   * Predicate id → indices into `variants` it triggers: `variantsOf[triggerStart[id] ..
   * triggerStart[id + 1])`. Flat arrays: one read per hit instead of a map lookup.
   */
  readonly triggerStart: Int32Array;
  readonly variantsOf: Int32Array;
  /** Variants without a trigger set: evaluated on every event of the route. */
  readonly always: readonly number[];
}

export interface RouteProgram extends ProgramTriggers {
  readonly variants: readonly ProgramVariant[];
  readonly scanners: readonly FieldScanner[];
}

/** A variant's rarest trigger set under some score (`triggerSet` of its tree), null for none. */
export type TriggerSetOf = (variant: RuleVariant) => readonly number[] | null;

/** Trigger sets under `score`. */
export function triggerSetsBy(predicates: readonly Predicate[], score: HitScore): TriggerSetOf {
  return (variant) => triggerSet(variant.tree, predicates, score);
}

/** Which predicates trigger which variants, each variant by its trigger set. */
export function buildTriggers(
  members: readonly ProgramVariant[],
  predicates: readonly Predicate[],
  setOf: TriggerSetOf,
): ProgramTriggers {
  const lists = new Map<number, number[]>();
  const always: number[] = [];
  members.forEach((m, index) => {
    const set = setOf(m.variant);
    if (set === null) {
      always.push(index);
      return;
    }
    for (const id of set) {
      const list = lists.get(id);
      if (list) list.push(index);
      else lists.set(id, [index]);
    }
  });
  const triggerStart = new Int32Array(predicates.length + 1);
  for (const [id, list] of lists) triggerStart[id + 1] = list.length;
  for (let id = 0; id < predicates.length; id++) {
    triggerStart[id + 1] = (triggerStart[id + 1] as number) + (triggerStart[id] as number);
  }
  const variantsOf = new Int32Array(triggerStart[predicates.length] as number);
  for (const [id, list] of lists) variantsOf.set(list, triggerStart[id] as number);
  return { triggerStart, variantsOf, always };
}

/**
 * Automata by their pattern list: routes whose fields carry the same literals (process creation
 * on Sysmon 1 and on Security 4688, say) share one.
 */
export type AutomatonCache = Map<string, AhoCorasick>;

function automatonOf(
  texts: readonly string[],
  cache: AutomatonCache,
  library: AutomatonLibrary | undefined,
): AhoCorasick {
  const key = texts.join('\u0000');
  let automaton = cache.get(key);
  if (automaton === undefined) {
    automaton = library?.find(key);
    if (automaton === undefined) {
      automaton = buildAhoCorasick(texts);
      library?.built(key, automaton);
    }
    cache.set(key, automaton);
  }
  return automaton;
}

export function buildRouteProgram(
  members: readonly ProgramVariant[],
  predicates: readonly Predicate[],
  automata: AutomatonCache,
  library?: AutomatonLibrary,
  setOf: TriggerSetOf = triggerSetsBy(predicates, literalLengthScore(predicates)),
): RouteProgram {
  const used = new Set<number>();
  const collect = (tree: RuleVariant['tree']): void => {
    if (tree.kind === 'pred') used.add(tree.id);
    else if (tree.kind === 'not') collect(tree.arg);
    else if (tree.kind === 'and' || tree.kind === 'or') for (const a of tree.args) collect(a);
  };
  for (const m of members) {
    collect(m.variant.tree);
    collect(m.variant.conditions);
  }
  // Group indexed predicates by field (null: keywords), then by literal text.
  const byField = new Map<string | null, Map<string, number[]>>();
  for (const id of used) {
    const p = predicates[id];
    if (p?.index === undefined) continue;
    let literals = byField.get(p.field);
    if (literals === undefined) {
      literals = new Map();
      byField.set(p.field, literals);
    }
    const list = literals.get(p.index.text);
    if (list) list.push(id);
    else literals.set(p.index.text, [id]);
  }
  // Keyword literals ride along in every field's automaton (one pass per value); the keyword
  // scanner then reads only the fields no rule names.
  const keywords = byField.get(null);
  if (keywords !== undefined) {
    for (const [field, literals] of byField) {
      if (field === null) continue;
      for (const [text, ids] of keywords)
        literals.set(text, [...(literals.get(text) ?? []), ...ids]);
    }
  }
  const namedFields = new Set([...byField.keys()].filter((f): f is string => f !== null));
  const scanners: FieldScanner[] = [];
  for (const [field, literals] of byField) {
    // Sorted, so that equal literal sets are one key of the automaton cache.
    const texts = [...literals.keys()].sort();
    const entryStart = new Int32Array(texts.length + 1);
    const entryPredicate: number[] = [];
    const entryCode: number[] = [];
    texts.forEach((text, i) => {
      entryStart[i] = entryPredicate.length;
      for (const id of literals.get(text) ?? []) {
        const index = predicates[id]?.index;
        if (!index) continue;
        entryPredicate.push(id);
        entryCode.push(ANCHORING_CODES[index.anchoring] | (index.decides ? DECIDES : 0));
      }
    });
    entryStart[texts.length] = entryPredicate.length;
    scanners.push({
      field,
      skipFields: field === null ? namedFields : EMPTY_SET,
      automaton: automatonOf(texts, automata, library),
      patternLength: Int32Array.from(texts, (t) => t.length),
      entryStart,
      entryPredicate: Int32Array.from(entryPredicate),
      entryCode: Uint8Array.from(entryCode),
    });
  }
  const triggers = buildTriggers(members, predicates, setOf);
  return { variants: members, scanners, ...triggers };
}
