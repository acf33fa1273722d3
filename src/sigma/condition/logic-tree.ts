// The boolean tree a rule's condition resolves to: and/or/not over field = value matches.
import type { SigmaValue } from '../model/sigma-value.ts';

export interface MatchNode {
  readonly kind: 'match';
  /** Event field after field mapping; null for keyword searches. */
  readonly field: string | null;
  /** Never an expansion: expansions resolve into `or` nodes. */
  readonly value: SigmaValue;
  /**
   * Whether pySigma would see an OR among this match's ancestors, counting the one-element ORs
   * its postprocessing leaves behind (`1 of x*` with one match). Its Splunk backend turns regexes
   * in such places into `rex`/`eval` instead of `| regex`.
   */
  readonly orContext: boolean;
}

export type LogicNode =
  | {
      readonly kind: 'and' | 'or';
      readonly args: readonly LogicNode[];
      /** The values one value expanded into (windash, base64offset, placeholders): always ORed. */
      readonly expansion?: true;
    }
  | { readonly kind: 'not'; readonly arg: LogicNode }
  | MatchNode;
