// Compiles a PredicateTree into a closure that asks the event's predicate state for values lazily.
import type { Predicate } from '../compile/predicate.ts';
import type { PredicateTree } from '../compile/predicate-tree.ts';
import type { EventPredicates } from './event-predicates.ts';
import type { HitRange } from './route-scan.ts';

export type TreeEvaluator = () => boolean;

export interface TreeContext {
  readonly state: EventPredicates;
  readonly predicates: readonly Predicate[];
  /** Where the current event's hits of a field with its own automaton are recorded. */
  readonly rangeOf: (field: string) => HitRange | undefined;
}

/**
 * ORs over many automaton-found predicates visit the event's hits (a few dozen) instead of every
 * child (hundreds in large rules): an unhit indexed predicate is false without looking at it.
 */
const HIT_SCAN_MIN = 8;

export function compileTree(tree: PredicateTree, context: TreeContext): TreeEvaluator {
  const { state } = context;
  switch (tree.kind) {
    case 'const': {
      const value = tree.value;
      return () => value;
    }
    case 'pred': {
      const id = tree.id;
      return function predicateValue() {
        return state.test(id);
      };
    }
    case 'not': {
      const arg = compileTree(tree.arg, context);
      return function notValue() {
        return !arg();
      };
    }
    case 'and': {
      const args = tree.args.map((a) => compileTree(a, context));
      if (args.length === 2) {
        const [a, b] = args as [TreeEvaluator, TreeEvaluator];
        return function andValue2() {
          return a() && b();
        };
      }
      return function andValue() {
        for (let i = 0; i < args.length; i++) if (!(args[i] as TreeEvaluator)()) return false;
        return true;
      };
    }
    case 'or': {
      const indexedIds = tree.args.flatMap((a) =>
        a.kind === 'pred' && state.indexed[a.id] === 1 ? [a.id] : [],
      );
      if (indexedIds.length >= HIT_SCAN_MIN)
        return compileHitScanOr(tree.args, indexedIds, context);
      const args = tree.args.map((a) => compileTree(a, context));
      if (args.length === 2) {
        const [a, b] = args as [TreeEvaluator, TreeEvaluator];
        return function orValue2() {
          return a() || b();
        };
      }
      return function orValue() {
        for (let i = 0; i < args.length; i++) if ((args[i] as TreeEvaluator)()) return true;
        return false;
      };
    }
  }
}

/**
 * An OR of many indexed predicates looks only at hits: of their field alone when they all test
 * one field with its own automaton (a handful of hits), else at every hit of the event.
 */
function compileHitScanOr(
  args: readonly PredicateTree[],
  indexedIds: readonly number[],
  context: TreeContext,
): TreeEvaluator {
  const { state } = context;
  const members = new Set(indexedIds);
  const filter = membershipFilter(indexedIds);
  const mask = filter.length - 1;
  const others = args
    .filter((a) => !(a.kind === 'pred' && members.has(a.id)))
    .map((a) => compileTree(a, context));
  const fields = new Set(indexedIds.map((id) => context.predicates[id]?.field ?? null));
  const field = fields.size === 1 ? [...fields][0] : null;
  const range = field === null || field === undefined ? undefined : context.rangeOf(field);
  const othersValue = (): boolean => {
    for (let i = 0; i < others.length; i++) if ((others[i] as TreeEvaluator)()) return true;
    return false;
  };
  if (range !== undefined) {
    return function fieldHitsOr() {
      if (range.stamp === state.generation) {
        const hits = state.hits;
        for (let k = range.start; k < range.end; k++) {
          const id = hits[k] as number;
          if (filter[id & mask] === 1 && members.has(id) && state.test(id)) return true;
        }
      }
      return othersValue();
    };
  }
  return function eventHitsOr() {
    const hits = state.hits;
    const count = state.hitCount;
    for (let k = 0; k < count; k++) {
      const id = hits[k] as number;
      if (filter[id & mask] === 1 && members.has(id) && state.test(id)) return true;
    }
    return othersValue();
  };
}

/**
 * A bit per `id & (length - 1)` over 8 slots per member: most of an event's hits belong to other
 * predicates and are turned away by one byte read instead of a hash lookup.
 */
function membershipFilter(ids: readonly number[]): Uint8Array {
  let length = 64;
  while (length < ids.length * 8) length *= 2;
  const filter = new Uint8Array(length);
  for (const id of ids) filter[id & (length - 1)] = 1;
  return filter;
}
