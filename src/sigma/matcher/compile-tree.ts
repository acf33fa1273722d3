// Compiles a PredicateTree into a closure that asks the matcher for predicate values lazily.
import type { PredicateTree } from '../compile/predicate-tree.ts';

export type TreeEvaluator = () => boolean;

export function compileTree(
  tree: PredicateTree,
  predicate: (id: number) => boolean,
): TreeEvaluator {
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
      const arg = compileTree(tree.arg, predicate);
      return () => !arg();
    }
    case 'and': {
      const args = tree.args.map((a) => compileTree(a, predicate));
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
      const args = tree.args.map((a) => compileTree(a, predicate));
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
