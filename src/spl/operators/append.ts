// `append [subsearch]`: the subsearch's results after the main results (Search Reference, append).
import type { AppendCommand } from '../ast/command.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { startSubsearch } from './subsearch-rows.ts';

/** Splunk's default maxout for append's subsearch. */
const APPEND_MAX_SUBSEARCH_ROWS = 50_000;

export function compileAppend(command: AppendCommand, context: StageCompileContext): StageResult {
  const plan = context.compileSubsearch(command.subsearch);
  if (failed(plan)) return plan;
  const maxout = command.options.maxout?.value ?? APPEND_MAX_SUBSEARCH_ROWS;
  return defineStage(
    { ...headerOf(command), needs: (downstream) => downstream },
    'pass',
    (services) => {
      const sub = startSubsearch(plan, services, maxout, 'append');
      return {
        push(rows, emit) {
          emit(rows);
        },
        finish(emit) {
          // Copies: a subsearch's results may be the shared events themselves, and later commands
          // of this plan may change the rows they get.
          emit(sub.rows().map((row) => ({ ...row })));
        },
      };
    },
    { sidePlans: [plan] },
  );
}
