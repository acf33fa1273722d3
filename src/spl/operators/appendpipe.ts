// `appendpipe [subpipeline]`: runs the subpipeline over the results so far and appends what it gives (Search Reference, appendpipe).

import { type Event, pushAll, rowBytes } from '../../core/index.ts';
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
    (services) => {
      const appended: Event[] = [];
      const memory = services.memory.account(command.name, command.span, context.source);
      const run = plan.start({
        emit: (rows) => {
          for (const row of rows) memory.charge(16 + rowBytes(row));
          pushAll(appended, rows);
        },
        warn: services.warn,
        memory: services.memory,
      });
      return {
        push(rows, emit) {
          run.push(rows.map((row) => ({ ...row })));
          emit(rows);
        },
        finish(emit) {
          run.finish();
          memory.releaseAll();
          emit(appended);
        },
      };
    },
  );
}
