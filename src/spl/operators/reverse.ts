// `reverse`: the results in the opposite order; it must hold them all (Search Reference, reverse).
import type { ReverseCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { collectingStage, headerOf } from './stage-kit.ts';

export function compileReverse(command: ReverseCommand, context: StageCompileContext): StageResult {
  return collectingStage(
    { ...headerOf(command), needs: (downstream) => downstream },
    'pass',
    (rows) => rows.reverse(),
    context.source,
  );
}
