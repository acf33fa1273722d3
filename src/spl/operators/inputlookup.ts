// `inputlookup [append=t] [start=N] [max=N] <table> [where <search>]`: the rows of a lookup table (Search Reference, inputlookup).
import { type Event, writeField } from '../../core/index.ts';
import type { InputlookupCommand } from '../ast/command.ts';
import {
  atSpan,
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { compileSearchPredicate } from './search-predicate.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * First in a pipeline it generates the table's rows; later it needs append=true and adds them
 * after the incoming results. Empty cells are null fields. `where` filters with search syntax.
 */
export function compileInputlookup(
  command: InputlookupCommand,
  context: StageCompileContext,
): StageResult {
  const append = command.options.append?.value ?? false;
  if (context.position > 0 && !append) {
    return [
      commandError(
        context,
        EngineCode.notFirst,
        'inputlookup must be the first command, or be given append=true',
        command.nameSpan,
      ),
    ];
  }
  const resolved = context.lookups.resolve(command.table.value);
  if ('severity' in resolved) return [atSpan(context, resolved, command.table.span)];
  let keep: ((row: Event) => boolean) | undefined;
  if (command.where !== undefined) {
    const predicate = compileSearchPredicate(context, command.where);
    if (failed(predicate)) return predicate;
    keep = predicate.test;
  }
  const start = command.options.start?.value ?? 0;
  const max = command.options.max?.value ?? Number.POSITIVE_INFINITY;
  const { table } = resolved;
  const rows = (): Event[] => {
    const out: Event[] = [];
    for (let r = start; r < table.rows.length && out.length < max; r++) {
      const cells = table.rows[r] ?? [];
      const row: Event = {};
      table.columns.forEach((column, c) => {
        const cell = cells[c];
        if (cell !== undefined) writeField(row, column, cell);
      });
      if (keep === undefined || keep(row)) out.push(row);
    }
    return out;
  };
  const generating = context.position === 0;
  return defineStage(
    { ...headerOf(command), needs: (downstream) => (generating ? new Set() : downstream) },
    generating ? 'fresh' : 'pass',
    () => ({
      push(batch, emit) {
        emit(batch);
      },
      finish(emit) {
        emit(rows());
      },
    }),
    { generating },
  );
}
