// `appendpipe [subpipeline]`: runs the subpipeline over the results so far and appends what it gives (Search Reference, appendpipe).

import type { Event } from '../../core/index.ts';
import { pushAll } from '../../core/index.ts';
import type { AppendpipeCommand } from '../ast/command.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * Results pass on at once; a copy of each also feeds a run of the subpipeline (copies, because
 * later commands may change the passing rows while the subpipeline still holds them). Its
 * results follow the main ones at the end.
 */
export function compileAppendpipe(
  command: AppendpipeCommand,
  context: StageCompileContext,
): StageResult {
  const plan = context.compileSubsearch(command.subpipeline, { overRows: true });
  if (failed(plan)) return plan;
  return defineStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, plan.fields) },
    'pass',
    () => {
      const appended: Event[] = [];
      const run = plan.start({ emit: (rows) => pushAll(appended, rows) });
      return {
        push(rows, emit) {
          run.push(rows.map((row) => ({ ...row })));
          emit(rows);
        },
        finish(emit) {
          run.finish();
          emit(appended);
        },
      };
    },
  );
}
