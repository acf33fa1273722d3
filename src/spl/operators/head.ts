// `head [N] [limit=N] [(<expr>)] [null=b] [keeplast=b]`: the first results (Search Reference, head).
import type { Event } from '../../core/index.ts';
import type { HeadCommand } from '../ast/command.ts';
import type { Evaluator } from '../eval/eval-types.ts';
import {
  compileExpression,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { defineStage, headerOf } from './stage-kit.ts';

const HEAD_DEFAULT_COUNT = 10;

/**
 * With an expression, results are kept while it is true; the first false (or, unless null=true,
 * null) result stops the command, and keeplast=true keeps that one too. Without one, the first N.
 */
export function compileHead(command: HeadCommand, context: StageCompileContext): StageResult {
  const header = headerOf(command);
  const condition = command.condition;
  if (condition !== undefined) {
    const compiled = compileExpression(context, condition);
    if (failed(compiled)) return compiled;
    const evaluate: Evaluator = compiled.evaluate;
    const nullContinues = command.options.null?.value ?? false;
    const keepLast = command.options.keeplast?.value ?? false;
    return defineStage(
      { ...header, needs: (downstream) => unionNeed(downstream, compiled.fields) },
      'pass',
      () => {
        let stopped = false;
        return {
          push(rows, emit) {
            if (stopped) return;
            const kept: Event[] = [];
            for (const row of rows) {
              const value = evaluate(row);
              if (value === true || (value === undefined && nullContinues)) {
                kept.push(row);
                continue;
              }
              stopped = true;
              if (keepLast) kept.push(row);
              break;
            }
            emit(kept);
          },
          finish() {},
          exhausted: () => stopped,
        };
      },
      { streaming: true },
    );
  }
  const limit = command.count?.value ?? command.options.limit?.value ?? HEAD_DEFAULT_COUNT;
  return defineStage(
    { ...header, needs: (downstream) => downstream },
    'pass',
    () => {
      let taken = 0;
      return {
        push(rows, emit) {
          if (taken >= limit) return;
          const room = limit - taken;
          const kept = rows.length <= room ? rows : rows.slice(0, room);
          taken += kept.length;
          emit(kept);
        },
        finish() {},
        exhausted: () => taken >= limit,
      };
    },
    { streaming: true },
  );
}
