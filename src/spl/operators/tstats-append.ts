// `... | tstats append=t ...`: a tstats after other commands, reading the same events beside them.
import type { TstatsCommand } from '../ast/command.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * `... | tstats append=t ...`: the tstats reads the same events beside the main search (a side
 * run, as a subsearch does) and its results follow the rows that reach it.
 */
export function appendedTstats(command: TstatsCommand, context: StageCompileContext): StageResult {
  const { append: _append, ...options } = command.options;
  const alone: Pipeline = {
    kind: 'Pipeline',
    leadingPipe: true,
    commands: [{ ...command, options }],
    span: command.span,
  };
  const plan = context.compileSubsearch({ kind: 'Subsearch', pipeline: alone, span: command.span });
  if (failed(plan)) return plan;
  return defineStage(
    { ...headerOf(command), needs: (downstream) => downstream },
    'pass',
    (services) => {
      const side = services.startSideRun(plan);
      return {
        push(rows, emit) {
          emit(rows);
        },
        finish(emit) {
          emit(side.results());
        },
      };
    },
    { sidePlans: [plan] },
  );
}
