// A rule's condition over interned predicates, and the table that interns them (one id per key).
import { pushAll } from '../../core/index.ts';
import type { LogicNode } from '../condition/logic-tree.ts';
import { compilePredicate, predicateKey } from './compile-predicate.ts';
import type { Predicate } from './predicate.ts';

export type PredicateTree =
  | { readonly kind: 'pred'; readonly id: number }
  | { readonly kind: 'and' | 'or'; readonly args: readonly PredicateTree[] }
  | { readonly kind: 'not'; readonly arg: PredicateTree }
  | { readonly kind: 'const'; readonly value: boolean };

/** Distinct predicates of a whole rule set; equal tests get one id, evaluated once per event. */
export class PredicateTable {
  readonly predicates: Predicate[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the predicate with this key, compiled by `make` only when it is new. */
  intern(key: string, make: () => Predicate): number {
    const existing = this.ids.get(key);
    if (existing !== undefined) return existing;
    const id = this.predicates.length;
    this.predicates.push(make());
    this.ids.set(key, id);
    return id;
  }
}

/** Throws PredicateCompileError for values the engine refuses (unsafe regex). */
export function toPredicateTree(node: LogicNode, table: PredicateTable): PredicateTree {
  switch (node.kind) {
    case 'match': {
      const { field, value } = node;
      const key = predicateKey(field, value);
      return { kind: 'pred', id: table.intern(key, () => compilePredicate(field, value)) };
    }
    case 'not': {
      const arg = toPredicateTree(node.arg, table);
      return arg.kind === 'const' ? { kind: 'const', value: !arg.value } : { kind: 'not', arg };
    }
    case 'and':
    case 'or': {
      const neutral = node.kind === 'and';
      const args: PredicateTree[] = [];
      for (const child of node.args) {
        const arg = toPredicateTree(child, table);
        if (arg.kind === 'const') {
          if (arg.value !== neutral) return { kind: 'const', value: !neutral };
          continue;
        }
        if (arg.kind === node.kind) pushAll(args, arg.args);
        else args.push(arg);
      }
      if (args.length === 0) return { kind: 'const', value: neutral };
      return args.length === 1 ? (args[0] as PredicateTree) : { kind: node.kind, args };
    }
  }
}

/** How often a predicate is expected to hit, relative to the others (lower is rarer). */
export type HitScore = (id: number) => number;

/** Before any event is seen: fewer and longer literals hit less often. */
export function literalLengthScore(predicates: readonly Predicate[]): HitScore {
  return (id) => 1 / Math.max(1, predicates[id]?.index?.text.length ?? 1);
}

/**
 * Predicates of which at least one is true whenever the tree is true, all found by the automaton:
 * the rule needs evaluating only when one of them hit. Null when no such set exists. Of an AND's
 * children, the set expected to hit least often (by `score`) is taken.
 */
export function triggerSet(
  tree: PredicateTree,
  predicates: readonly Predicate[],
  score: HitScore = literalLengthScore(predicates),
): number[] | null {
  switch (tree.kind) {
    case 'pred':
      return canTrigger(predicates, tree.id) ? [tree.id] : null;
    case 'const':
      return tree.value ? null : [];
    case 'not':
      return null;
    case 'or': {
      const all: number[] = [];
      for (const arg of tree.args) {
        if (arg.kind === 'pred') {
          // Most children are predicates: no array of one for each.
          if (!canTrigger(predicates, arg.id)) return null;
          all.push(arg.id);
          continue;
        }
        const set = triggerSet(arg, predicates, score);
        if (set === null) return null;
        pushAll(all, set);
      }
      return withoutRepeats(all);
    }
    case 'and': {
      let best: number[] | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const arg of tree.args) {
        const set = triggerSet(arg, predicates, score);
        if (set === null) continue;
        const total = set.reduce((sum, id) => sum + score(id), 0);
        if (total < bestScore) {
          best = set;
          bestScore = total;
        }
      }
      return best;
    }
  }
}

/** A positive predicate with an index hit can trigger its rule (a negated one cannot). */
function canTrigger(predicates: readonly Predicate[], id: number): boolean {
  const p = predicates[id];
  return p?.index !== undefined && p.positive;
}

/** Ids seen in `withoutRepeats`: `seen[id] === seenStamp` (a Set per OR cost more than the rest). */
let seen = new Uint32Array(0);
let seenStamp = 0;

/** `ids` without repeated ids, each where it first occurs (as `[...new Set(ids)]`), in place. */
function withoutRepeats(ids: number[]): number[] {
  if (ids.length < 2) return ids;
  let top = 0;
  for (const id of ids) if (id > top) top = id;
  if (top >= seen.length) seen = new Uint32Array(Math.max(top + 1, seen.length * 2));
  seenStamp++;
  if (seenStamp === 0xffffffff) {
    seen.fill(0);
    seenStamp = 1;
  }
  let kept = 0;
  for (const id of ids) {
    if (seen[id] === seenStamp) continue;
    seen[id] = seenStamp;
    ids[kept++] = id;
  }
  ids.length = kept;
  return ids;
}

/**
 * The same tree with each AND's children ordered rarest first (by their trigger sets' score;
 * children without one, such as NOT filters, last), so evaluation stops at the first false one.
 * The order of evaluation never changes the result: predicates have no side effects.
 */
export function orderForEvaluation(
  tree: PredicateTree,
  predicates: readonly Predicate[],
  score: HitScore,
): PredicateTree {
  switch (tree.kind) {
    case 'pred':
    case 'const':
      return tree;
    case 'not':
      return { kind: 'not', arg: orderForEvaluation(tree.arg, predicates, score) };
    case 'or':
      return { kind: 'or', args: tree.args.map((a) => orderForEvaluation(a, predicates, score)) };
    case 'and': {
      const ranked = tree.args.map((arg) => {
        const set = triggerSet(arg, predicates, score);
        const rank =
          set === null ? Number.POSITIVE_INFINITY : set.reduce((sum, id) => sum + score(id), 0);
        return { arg: orderForEvaluation(arg, predicates, score), rank };
      });
      ranked.sort((a, b) => a.rank - b.rank);
      return { kind: 'and', args: ranked.map((r) => r.arg) };
    }
  }
}
