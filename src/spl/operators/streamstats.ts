// `streamstats [options] <aggregations> [by fields]`: running aggregates, written on each row as it passes (Search Reference, streamstats).
import {
  type Event,
  type MaybeValue,
  rowBytes,
  type Scalar,
  writeField,
} from '../../core/index.ts';
import type { StreamstatsCommand } from '../ast/command.ts';
import type { Evaluator } from '../eval/eval-types.ts';
import { scalarToNumber } from '../value/number.ts';
import { type Aggregations, compileAggregations, type GroupState } from './aggregations.ts';
import {
  commandError,
  compileExpression,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed, withoutFields } from './field-need.ts';
import { groupKeysOf } from './group-keys.ts';
import type { MemoryAccount } from './memory-budget.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { spanSeconds } from './time-span.ts';

/**
 * current=true (default) counts the row itself. window=N aggregates only the last N rows
 * (global=true, the default, takes them from all rows; global=false from the row's group);
 * time_window the rows within that span of the row's _time. Windows are re-aggregated per row,
 * O(window). reset_on_change resets when a by-field changes; reset_before/reset_after when their
 * expression is true. A row with a null by-field passes without aggregates.
 */
export function compileStreamstats(
  command: StreamstatsCommand,
  context: StageCompileContext,
): StageResult {
  const compiled = compileAggregations(command.aggregations, command.by, context, {
    allnum: command.options.allnum?.value === true,
  });
  if (failed(compiled)) return compiled;
  const options = command.options;
  const current = options.current?.value ?? true;
  const window = options.window?.value ?? 0;
  const global = options.global?.value ?? true;
  const timeWindow =
    options.time_window === undefined ? undefined : spanSeconds(options.time_window.value);
  if (timeWindow === null) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'time_window must be a time span such as 5m',
        options.time_window?.valueSpan ?? command.span,
      ),
    ];
  }
  const resetOnChange = options.reset_on_change?.value ?? false;
  const resets: { before?: Evaluator; after?: Evaluator } = {};
  const extraReads: string[] = [];
  for (const which of ['before', 'after'] as const) {
    const option = which === 'before' ? options.reset_before : options.reset_after;
    if (option === undefined) continue;
    const expr = compileExpression(context, option.value);
    if (failed(expr)) return expr;
    resets[which] = expr.evaluate;
    extraReads.push(...expr.fields);
  }
  const outputs = compiled.outputs ?? [];
  const windowed = window > 0 || timeWindow !== undefined;
  if (timeWindow !== undefined) extraReads.push('_time');
  return defineStage(
    {
      ...headerOf(command),
      needs: (downstream) =>
        unionNeed(withoutFields(downstream, outputs), compiled.reads, extraReads),
    },
    'inPlace',
    (services) => {
      const memory = services.memory.account(command.name, command.span, context.source);
      return windowed
        ? windowedOperator(compiled, current, window, global, timeWindow, resets, memory)
        : runningOperator(compiled, current, resetOnChange, resets, memory);
    },
  );
}

type Resets = { readonly before?: Evaluator; readonly after?: Evaluator };

function runningOperator(
  compiled: Aggregations,
  current: boolean,
  resetOnChange: boolean,
  resets: Resets,
  memory: MemoryAccount,
) {
  let groups = new Map<string, GroupState>();
  // The groups are dropped on a reset: so is what they were charged.
  const reset = () => {
    groups = new Map();
    memory.releaseAll();
  };
  const add = (group: GroupState, row: Event) => {
    if (!compiled.growing) return compiled.add(group, row);
    const before = compiled.bytes(group);
    compiled.add(group, row);
    memory.charge(compiled.bytes(group) - before);
  };
  let previousKey: string | undefined;
  return {
    push(rows: readonly Event[], emit: (rows: readonly Event[]) => void) {
      for (const row of rows) {
        if (resets.before?.(row) === true) reset();
        const keys = groupKeysOf(row, compiled.byFields);
        const first = keys[0];
        if (
          resetOnChange &&
          first !== undefined &&
          previousKey !== undefined &&
          first.key !== previousKey
        ) {
          reset();
        }
        if (first !== undefined) previousKey = first.key;
        for (const { key } of keys) {
          let group = groups.get(key);
          if (group === undefined) {
            group = compiled.createGroup();
            groups.set(key, group);
            memory.charge(64 + key.length + compiled.bytes(group));
          }
          if (current) add(group, row);
          if (key === first?.key) write(row, compiled.results(group));
          if (!current) add(group, row);
        }
        if (resets.after?.(row) === true) reset();
      }
      emit(rows);
    },
    finish() {},
  };
}

function windowedOperator(
  compiled: Aggregations,
  current: boolean,
  window: number,
  global: boolean,
  timeWindow: number | undefined,
  resets: Resets,
  memory: MemoryAccount,
) {
  let recent: { row: Event; key: string | undefined; time: number | undefined }[] = [];
  // The rows in the window are held: charged as the window is after each row.
  let heldBytes = 0;
  const bytesOf = new WeakMap<Event, number>();
  return {
    push(rows: readonly Event[], emit: (rows: readonly Event[]) => void) {
      for (const row of rows) {
        if (resets.before?.(row) === true) recent = [];
        const key = groupKeysOf(row, compiled.byFields)[0]?.key;
        const stamp = row['_time'];
        // A multivalue `_time` (renamed into it) counts by its first value.
        const time = scalarToNumber(
          (Array.isArray(stamp) ? stamp[0] : stamp) as Scalar | undefined,
        );
        const entry = { row, key, time };
        bytesOf.set(row, 48 + rowBytes(row));
        if (current) recent.push(entry);
        if (key !== undefined) {
          let members = recent.filter((e) => e.key === key);
          if (timeWindow !== undefined && time !== undefined) {
            members = members.filter((e) => e.time !== undefined && time - e.time < timeWindow);
          }
          if (window > 0) members = members.slice(-window);
          const group = compiled.createGroup();
          for (const member of members) compiled.add(group, member.row);
          write(row, compiled.results(group));
        }
        if (!current) recent.push(entry);
        if (window > 0 && global && recent.length > window) recent = recent.slice(-window);
        if (window > 0 && !global && recent.length > window * 64) {
          // Keep at most `window` rows per group once the buffer grows.
          const counts = new Map<string | undefined, number>();
          recent = recent
            .reverse()
            .filter((e) => {
              const n = (counts.get(e.key) ?? 0) + 1;
              counts.set(e.key, n);
              return n <= window;
            })
            .reverse();
        }
        if (timeWindow !== undefined && time !== undefined) {
          recent = recent.filter((e) => e.time === undefined || time - e.time < timeWindow);
        }
        if (resets.after?.(row) === true) recent = [];
        heldBytes = 0;
        for (const e of recent) heldBytes += bytesOf.get(e.row) ?? 0;
        memory.set(heldBytes);
      }
      emit(rows);
    },
    finish() {},
  };
}

function write(row: Event, results: readonly [string, MaybeValue][]): void {
  for (const [name, value] of results) writeField(row, name, value);
}
