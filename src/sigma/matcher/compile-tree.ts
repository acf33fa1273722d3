// Compiles a PredicateTree into a closure that asks the matcher for predicate values lazily.
import type { PredicateTree } from '../compile/predicate-tree.ts';

export type TreeEvaluator = () => boolean;

export interface TreeContext {
  /** The value of a predicate for the current event (memoised by the matcher). */
  readonly predicate: (id: number) => boolean;
  /** 1 for predicates the automaton finds: they can only be true if they were hit. */
  readonly indexed: Uint8Array;
  /** Predicates the automaton hit in the current event. */
  readonly hits: () => readonly number[];
}

/**
 * ORs over many automaton-found predicates visit the event's hits (a few dozen) instead of every
 * child (hundreds in large rules): an unhit indexed predicate is false without looking at it.
 */
const HIT_SCAN_MIN = 8;

export function compileTree(tree: PredicateTree, context: TreeContext): TreeEvaluator {
  const { predicate } = context;
  switch (tree.kind) {
    case 'const': {
      const value = tree.value;
      return () => value;
    }
    case 'pred': {
      const id = tree.id;
      return () => predicate(id);
    }
    case 'not': {
      const arg = compileTree(tree.arg, context);
      return () => !arg();
    }
    case 'and': {
      const args = tree.args.map((a) => compileTree(a, context));
      if (args.length === 2) {
        const [a, b] = args as [TreeEvaluator, TreeEvaluator];
        return () => a() && b();
      }
      return () => {
        for (const a of args) if (!a()) return false;
        return true;
      };
    }
    case 'or': {
      const indexedIds = tree.args.flatMap((a) =>
        a.kind === 'pred' && context.indexed[a.id] === 1 ? [a.id] : [],
      );
      if (indexedIds.length >= HIT_SCAN_MIN) {
        const members = new Set(indexedIds);
        const others = tree.args
          .filter((a) => !(a.kind === 'pred' && members.has(a.id)))
          .map((a) => compileTree(a, context));
        const { hits } = context;
        return () => {
          for (const id of hits()) if (members.has(id) && predicate(id)) return true;
          for (const o of others) if (o()) return true;
          return false;
        };
      }
      const args = tree.args.map((a) => compileTree(a, context));
      if (args.length === 2) {
        const [a, b] = args as [TreeEvaluator, TreeEvaluator];
        return () => a() || b();
      }
      return () => {
        for (const a of args) if (a()) return true;
        return false;
      };
    }
  }
}
