// The analyze stage: runs every named check over the pipeline and returns all they found.
import type { Diagnostic } from '../../core/index.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import { collectNodes } from '../ast/walk.ts';
import type { AnalysisCheck } from './check.ts';
import { aggregationsCheck } from './checks/aggregations.ts';
import { byClausesCheck } from './checks/by-clauses.ts';
import { evalFunctionsCheck } from './checks/eval-functions.ts';
import { generatingPositionCheck } from './checks/generating-position.ts';
import { renameWildcardsCheck } from './checks/rename-wildcards.ts';
import { rexSedCheck } from './checks/rex-sed.ts';

const ANALYSIS_CHECKS: readonly AnalysisCheck[] = [
  evalFunctionsCheck,
  aggregationsCheck,
  byClausesCheck,
  renameWildcardsCheck,
  generatingPositionCheck,
  rexSedCheck,
];

export function analyze(
  pipeline: Pipeline,
  checks: readonly AnalysisCheck[] = ANALYSIS_CHECKS,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const nodes = collectNodes(pipeline);
  for (const check of checks) check.run(nodes, (d) => diagnostics.push(d));
  return diagnostics;
}
