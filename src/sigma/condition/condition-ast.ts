// The parsed `condition` of a rule: identifiers, `x of pattern` selectors, not/and/or.
import type { Span } from '../../core/index.ts';

export type ConditionExpr =
  | { readonly kind: 'id'; readonly name: string; readonly span: Span }
  | {
      readonly kind: 'selector';
      readonly quantifier: 'any' | 'all';
      /** `them`, or a pattern whose `*` matches any run of identifier characters. */
      readonly pattern: string;
      readonly span: Span;
    }
  | { readonly kind: 'not'; readonly arg: ConditionExpr; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly args: readonly ConditionExpr[]; readonly span: Span };
