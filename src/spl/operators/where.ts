// `where <expr>`: keeps the rows for which the eval expression is true (Search Reference, where).
import type { WhereCommand } from '../ast/command.ts';
import { EvalCode } from '../eval/eval-codes.ts';
import { isTrue } from '../value/eval-value.ts';
import {
  commandError,
  compileExpression,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { filterStage, headerOf } from './stage-kit.ts';

export function compileWhere(command: WhereCommand, context: StageCompileContext): StageResult {
  const compiled = compileExpression(context, command.expr);
  if (failed(compiled)) return compiled;
  const { evaluate, fields, type } = compiled;
  if (type !== 'boolean' && type !== 'any') {
    return [
      commandError(
        context,
        EvalCode.booleanRequired,
        `where needs a true/false expression; this one gives a ${type}`,
        command.expr.span,
      ),
    ];
  }
  return filterStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, fields) },
    (row) => isTrue(evaluate(row)),
    context.source,
  );
}
