// What an analysis check is: a named pass over the pipeline's nodes that pushes diagnostics.
import type { Diagnostic } from '../../core/index.ts';
import type { AstNode } from '../ast/walk.ts';

export interface AnalysisCheck {
  /** Kebab-case name, shown in docs/spl.md. */
  readonly name: string;
  /**
   * `nodes` is every node of the pipeline, subsearches included, parents before children (one
   * walk shared by all checks).
   */
  readonly run: (nodes: readonly AstNode[], report: (diagnostic: Diagnostic) => void) => void;
}
