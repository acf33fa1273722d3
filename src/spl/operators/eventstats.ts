// `eventstats <aggregations> [by fields]`: adds each group's aggregates to every row of the group (Search Reference, eventstats).
import { type Event, type MaybeValue, rowBytes, writeField } from '../../core/index.ts';
import type { EventstatsCommand } from '../ast/command.ts';
import { compileAggregations, type GroupState } from './aggregations.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { unionNeed, withoutFields } from './field-need.ts';
import { groupKeysOf, rowGroupsWatch } from './group-keys.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * The aggregates need every row of a group before any row can be given them, so eventstats
 * holds the rows; they come out in arrival order. A row with a null by-field gets no aggregate
 * fields; a row in several groups (multivalue by-field) takes the first group's values.
 */
export function compileEventstats(
  command: EventstatsCommand,
  context: StageCompileContext,
): StageResult {
  const compiled = compileAggregations(command.aggregations, command.by, context, {
    allnum: command.options.allnum?.value === true,
  });
  if (failed(compiled)) return compiled;

  return defineStage(
    {
      ...headerOf(command),
      needs: (downstream) =>
        unionNeed(withoutFields(downstream, compiled.outputs ?? []), compiled.reads),
    },
    'inPlace',
    (services) => {
      const groups = new Map<string, GroupState>();
      const held: { row: Event; key: string | undefined }[] = [];
      const memory = services.memory.account(command.name, command.span, context.source);
      const fanOut = rowGroupsWatch(services, command.name, command.span, context.source);
      return {
        push(rows) {
          for (const row of rows) {
            const keys = groupKeysOf(row, compiled.byFields);
            fanOut(keys.length);
            for (const { key } of keys) {
              let group = groups.get(key);
              if (group === undefined) {
                group = compiled.createGroup();
                groups.set(key, group);
                memory.charge(64 + key.length + compiled.bytes(group));
              }
              if (!compiled.growing) compiled.add(group, row);
              else {
                const before = compiled.bytes(group);
                compiled.add(group, row);
                memory.charge(compiled.bytes(group) - before);
              }
            }
            held.push({ row, key: keys[0]?.key });
            // It holds every row until the end: they are charged as they come.
            memory.charge(32 + rowBytes(row));
          }
        },
        finish(emit) {
          const results = new Map<string, [string, MaybeValue][]>();
          for (const [key, state] of groups) results.set(key, compiled.results(state));
          const out: Event[] = [];
          for (const { row, key } of held) {
            const values = key === undefined ? undefined : results.get(key);
            if (values !== undefined)
              for (const [name, value] of values) writeField(row, name, value);
            out.push(row);
          }
          held.length = 0;
          memory.releaseAll();
          emit(out);
        },
      };
    },
  );
}
