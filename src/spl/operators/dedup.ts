// `dedup [N] fields [keepevents] [keepempty] [consecutive] [sortby ...]`: drops repeated value combinations (Search Reference, dedup).
import { type Event, readField, writeField } from '../../core/index.ts';
import type { DedupCommand, SortCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { failed } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import type { Operator, Stage } from './operator.ts';
import { compileSort } from './sort.ts';
import { chainStages, defineStage, headerOf } from './stage-kit.ts';

/**
 * Keeps the first N results (in arrival order) of each combination of the fields' values.
 * A result missing one of the fields is dropped, or kept as is with keepempty=true; with
 * keepevents=true duplicates stay but lose the dedup fields. A multivalue value takes part as a
 * whole (all its values, in order). consecutive=true only drops repeats of the result just before.
 * `sortby` sorts the kept results afterwards, with no limit.
 */
export function compileDedup(command: DedupCommand, context: StageCompileContext): StageResult {
  const fields = command.fields.map((f) => f.name);
  const keep = command.count?.value ?? 1;
  const keepEmpty = command.options.keepempty?.value ?? false;
  const keepEvents = command.options.keepevents?.value ?? false;
  const consecutive = command.options.consecutive?.value ?? false;
  const keyOf = (row: Event): string | undefined => {
    let key = '';
    for (const field of fields) {
      const value = readField(row, field);
      if (value === undefined) return undefined;
      key += Array.isArray(value)
        ? `${value.map((v) => scalarToString(v)).join('\u0001')}\u0000`
        : `${scalarToString(value as string | number)}\u0000`;
    }
    return key;
  };
  const dedup: Stage = defineStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, fields) },
    keepEvents ? 'inPlace' : 'pass',
    (services): Operator => {
      const seen = new Map<string, number>();
      const memory = services.memory.account(command.name, command.span, context.source);
      let previous: string | undefined;
      let run = 0;
      return {
        push(rows, emit) {
          const kept: Event[] = [];
          for (const row of rows) {
            const key = keyOf(row);
            if (key === undefined) {
              if (keepEmpty) kept.push(row);
              continue;
            }
            let count: number;
            if (consecutive) {
              run = key === previous ? run + 1 : 1;
              previous = key;
              count = run;
            } else {
              const before = seen.get(key);
              // Every distinct key is kept to the end.
              if (before === undefined) memory.charge(48 + key.length);
              count = (before ?? 0) + 1;
              seen.set(key, count);
            }
            if (count <= keep) kept.push(row);
            else if (keepEvents) {
              for (const field of fields) writeField(row, field, undefined);
              kept.push(row);
            }
          }
          emit(kept);
        },
        finish() {},
      };
    },
  );
  if (command.sortBy.length === 0) return dedup;
  const sortCommand: SortCommand = {
    kind: 'Sort',
    name: 'sortby',
    nameSpan: command.nameSpan,
    span: command.span,
    options: {},
    count: {
      name: 'count',
      value: 0,
      text: '0',
      nameSpan: command.span,
      valueSpan: command.span,
      span: command.span,
    },
    keys: command.sortBy,
  };
  const sort = compileSort(sortCommand, context);
  if (failed(sort)) return sort;
  return chainStages(dedup, sort as Stage);
}
