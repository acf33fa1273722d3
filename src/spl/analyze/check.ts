// What an analysis check is: a named pass over the pipeline that pushes diagnostics.
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { Pipeline } from '../ast/pipeline.ts';

export interface AnalysisCheck {
  /** Kebab-case name, shown in docs/spl.md. */
  readonly name: string;
  readonly run: (pipeline: Pipeline, report: (diagnostic: Diagnostic) => void) => void;
}
