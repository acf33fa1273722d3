// `eval a=expr, ...` (and `fieldformat`): assigns in order, each seeing the ones before (Search Reference, eval).
import { type Diagnostic, type Event, type FieldWriter, fieldWriter } from '../../core/index.ts';
import type { EvalCommand } from '../ast/command.ts';
import { EvalCode } from '../eval/eval-codes.ts';
import type { Evaluator } from '../eval/eval-types.ts';
import { toFieldValue } from '../value/eval-value.ts';
import {
  commandError,
  compileExpression,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { type FieldNeed, unionNeed, withoutFields } from './field-need.ts';
import { headerOf, updateStage } from './stage-kit.ts';

interface Assignment {
  readonly field: string;
  readonly write: FieldWriter;
  readonly evaluate: Evaluator;
  readonly reads: ReadonlySet<string>;
}

/**
 * A null result removes the field. `fieldformat` only changes how Splunk's UI displays a value;
 * spelunk prints values as they are, so it runs as an eval of the display value (documented).
 */
export function compileEval(command: EvalCommand, context: StageCompileContext): StageResult {
  const diagnostics: Diagnostic[] = [];
  const assignments: Assignment[] = [];
  for (const assignment of command.assignments) {
    const compiled = compileExpression(context, assignment.expr);
    if (failed(compiled)) {
      diagnostics.push(...compiled);
    } else if (compiled.type === 'boolean') {
      diagnostics.push(
        commandError(
          context,
          EvalCode.booleanNotAllowed,
          'the result of an eval statement cannot be true/false; wrap it in if(...)',
          assignment.expr.span,
        ),
      );
    } else {
      assignments.push({
        field: assignment.field.name,
        write: fieldWriter(assignment.field.name),
        evaluate: compiled.evaluate,
        reads: compiled.fields,
      });
    }
  }
  if (diagnostics.length > 0) return diagnostics;
  const needs = (downstream: FieldNeed): FieldNeed => {
    let need = downstream;
    for (let i = assignments.length - 1; i >= 0; i--) {
      const a = assignments[i] as Assignment;
      need = unionNeed(withoutFields(need, [a.field]), a.reads);
    }
    return need;
  };
  const only = assignments.length === 1 ? assignments[0] : undefined;
  const update =
    only !== undefined
      ? (row: Event) => assign(row, only)
      : (row: Event) => {
          for (const a of assignments) assign(row, a);
        };
  return updateStage({ ...headerOf(command), needs }, update, context.source);
}

function assign(row: Event, assignment: Assignment): void {
  // Null is stored as undefined rather than deleted: `delete` turns V8 objects into slow dictionaries.
  assignment.write(row, toFieldValue(assignment.evaluate(row)));
}
