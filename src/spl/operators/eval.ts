// `eval a=expr, ...` (and `fieldformat`): assigns in order, each seeing the ones before (Search Reference, eval).
import type { Diagnostic, Event, Scalar } from '../../core/index.ts';
import { type FieldWriter, fieldWriter, readField, writeField } from '../../core/index.ts';
import type { EvalCommand } from '../ast/command.ts';
import { EvalCode } from '../eval/eval-codes.ts';
import type { Evaluator } from '../eval/eval-types.ts';
import { toFieldValue } from '../value/eval-value.ts';
import { scalarToString } from '../value/number.ts';
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
  /** The field written; undefined when its name comes from field values (`{counter}`). */
  readonly field: string | undefined;
  readonly write: FieldWriter;
  readonly evaluate: Evaluator;
  readonly reads: ReadonlySet<string>;
}

const NAME_PART = /\{([^{}]+)\}/g;

/**
 * `eval {aName}=aValue`: each `{field}` in the target is replaced by that field's value, once (no
 * recursion, so `v_{p}` with p="{p}" names v_{p}); with a `{field}` that has no value, nothing
 * is written (Search Reference, eval, "Dynamic field name creation").
 */
function dynamicWriter(pattern: string): { write: FieldWriter; reads: string[] } {
  const reads = [...pattern.matchAll(NAME_PART)].map((m) => m[1] as string);
  const write: FieldWriter = (row, value) => {
    let missing = false;
    const name = pattern.replace(NAME_PART, (_, field: string) => {
      const v = readField(row, field);
      const first = Array.isArray(v) ? v[0] : v;
      if (first === undefined) missing = true;
      return first === undefined ? '' : scalarToString(first as Scalar);
    });
    if (!missing) writeField(row, name, value);
  };
  return { write, reads };
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
      const name = assignment.field.name;
      const dynamic = /\{[^{}]+\}/.test(name) ? dynamicWriter(name) : undefined;
      assignments.push({
        field: dynamic ? undefined : name,
        write: dynamic ? dynamic.write : fieldWriter(name),
        evaluate: compiled.evaluate,
        reads: dynamic ? new Set([...compiled.fields, ...dynamic.reads]) : compiled.fields,
      });
    }
  }
  if (diagnostics.length > 0) return diagnostics;
  const needs = (downstream: FieldNeed): FieldNeed => {
    let need = downstream;
    for (let i = assignments.length - 1; i >= 0; i--) {
      const a = assignments[i] as Assignment;
      need = unionNeed(a.field === undefined ? need : withoutFields(need, [a.field]), a.reads);
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
