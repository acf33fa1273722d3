// `stats <aggregations> [by fields]`: one result per group of by-field values (Search Reference, stats).
import { type Event, type Scalar, writeField } from '../../core/index.ts';
import type { StatsCommand } from '../ast/command.ts';
import { compileAggregations, type GroupState } from './aggregations.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { compareGroupValues, groupKeysOf, rowGroupsWatch } from './group-keys.ts';
import { defineStage, headerOf } from './stage-kit.ts';

interface Group {
  readonly values: readonly Scalar[];
  readonly state: GroupState;
}

/**
 * Rows with a null by-field are dropped; a multivalue by-field counts the row in each value's
 * group. Results come sorted by the by-field values (numbers numerically, then text). With no
 * by-clause there is always exactly one result, even for no rows (`count` = 0). Holds one set
 * of accumulators per group, nothing per row.
 */
export function compileStats(command: StatsCommand, context: StageCompileContext): StageResult {
  const compiled = compileAggregations(command.aggregations, command.by, context, {
    allnum: command.options.allnum?.value === true,
  });
  if (failed(compiled)) return compiled;
  const { byFields } = compiled;
  const header = headerOf(command);
  return defineStage({ ...header, needs: () => compiled.reads }, 'fresh', (services) => {
    const groups = new Map<string, Group>();
    const memory = services.memory.account(header.command, header.span, context.source);
    const fanOut = rowGroupsWatch(services, header.command, header.span, context.source);
    return {
      push(rows) {
        for (const row of rows) {
          const keys = groupKeysOf(row, byFields);
          fanOut(keys.length);
          for (const { key, values } of keys) {
            let group = groups.get(key);
            if (group === undefined) {
              group = { values, state: compiled.createGroup() };
              groups.set(key, group);
              memory.charge(64 + key.length + compiled.bytes(group.state));
            }
            if (!compiled.growing) compiled.add(group.state, row);
            else {
              // dc, values, percentiles ...: the group's state grows with its distinct values.
              const before = compiled.bytes(group.state);
              compiled.add(group.state, row);
              memory.charge(compiled.bytes(group.state) - before);
            }
          }
        }
      },
      finish(emit) {
        if (byFields.length === 0 && groups.size === 0) {
          groups.set('', { values: [], state: compiled.createGroup() });
        }
        const ordered = [...groups.values()].sort((a, b) => compareGroupValues(a.values, b.values));
        const out: Event[] = ordered.map((group) => {
          const row: Event = {};
          byFields.forEach((field, i) => {
            writeField(row, field, group.values[i]);
          });
          for (const [name, value] of compiled.results(group.state)) writeField(row, name, value);
          return row;
        });
        groups.clear();
        memory.releaseAll();
        emit(out);
      },
    };
  });
}
