// `timechart span=... <aggregations> [by field]`: aggregates per time bucket, one column per series (Search Reference, timechart).
import {
  type Diagnostic,
  type Event,
  type MaybeValue,
  readField,
  type Scalar,
  warning,
  writeField,
} from '../../core/index.ts';
import type { TimechartCommand } from '../ast/command.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';
import { compileAggregations, type GroupState } from './aggregations.ts';
import { bucketer } from './bin.ts';
import {
  commandError,
  EngineCode,
  failed,
  refuseOptions,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { spanSeconds } from './time-span.ts';

/** Empty buckets are filled in (cont=true) only while there are at most this many. */
const MAX_FILLED_BUCKETS = 100_000;
/** Aggregations whose OTHER column is the sum of the other series' values. */
const SUMMABLE = new Set(['count', 'sum']);
/** Aggregations whose empty cells are 0 rather than null. */
const ZERO_WHEN_EMPTY = new Set(['count', 'sum', 'dc']);

/**
 * span= is required (automatic spans need the search's time range). Buckets as `bin` makes
 * them; with cont=true (default) empty buckets between the first and the last are filled (up to
 * 100,000). With `by`, each series is a column: the top `limit` (default 10, 0 = all) by their
 * total, the rest summed into OTHER (useother, otherstr) for count/sum — other functions cannot
 * be summed, so the rest are left out with a warning; a null by-value is the NULL series (usenull,
 * nullstr). Several aggregations with `by` name columns `<aggregation>: <series>`. Empty cells are
 * 0 for count/sum/dc and null otherwise. `partial` and `fixedrange` concern the search's time
 * range picker, which spelunk does not have: they change nothing.
 */
export function compileTimechart(
  command: TimechartCommand,
  context: StageCompileContext,
): StageResult {
  const o = command.options;
  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...refuseOptions(context, 'timechart', o, ['bins', 'minspan'], 'give span='));
  if (o.span === undefined) {
    diagnostics.push(
      commandError(
        context,
        EngineCode.unsupportedOption,
        'timechart needs span= (automatic spans are not supported)',
        command.nameSpan,
      ),
    );
  }
  const bucket = o.span === undefined ? undefined : bucketer(o.span.value, true);
  if (o.span !== undefined && bucket === undefined) {
    diagnostics.push(
      commandError(
        context,
        EngineCode.badArgument,
        'span must be a positive time span',
        o.span.valueSpan,
      ),
    );
  }
  const compiled = compileAggregations(command.aggregations, undefined, context);
  if (failed(compiled)) diagnostics.push(...compiled);
  if (diagnostics.length > 0 || failed(compiled) || bucket === undefined || o.span === undefined)
    return diagnostics;
  if (compiled.outputs === undefined) {
    return [
      commandError(
        context,
        EngineCode.unsupportedOption,
        'wildcard fields in timechart functions are not supported',
        command.span,
      ),
    ];
  }
  const outputs = compiled.outputs;
  const additive = compiled.aggregations.map((a) => SUMMABLE.has(a.spec.name));
  const zeroWhenEmpty = compiled.aggregations.map((a) => ZERO_WHEN_EMPTY.has(a.spec.name));
  const byField = command.by?.fields[0]?.name;
  const limit = o.limit?.value ?? 10;
  const useOther = o.useother?.value ?? true;
  const otherText = o.otherstr?.value ?? 'OTHER';
  const useNull = o.usenull?.value ?? true;
  const nullText = o.nullstr?.value ?? 'NULL';
  const cont = o.cont?.value ?? true;
  const step = spanSeconds(o.span.value);
  const span = o.span;

  return defineStage(
    {
      ...headerOf(command),
      needs: () => unionNeed(compiled.reads, ['_time'], byField === undefined ? [] : [byField]),
    },
    'fresh',
    (services) => {
      const buckets = new Map<number, Map<string, GroupState>>();
      return {
        push(rows) {
          for (const row of rows) {
            const time = scalarToNumber(first(row['_time']));
            if (time === undefined) continue;
            const start = bucket(time) as number;
            let series = buckets.get(start);
            if (series === undefined) {
              series = new Map();
              buckets.set(start, series);
            }
            for (const name of seriesOf(row, byField, useNull, nullText)) {
              let state = series.get(name);
              if (state === undefined) {
                state = compiled.createGroup();
                series.set(name, state);
              }
              compiled.add(state, row);
            }
          }
        },
        finish(emit) {
          const cells = new Map<number, Map<string, MaybeValue[]>>();
          const totals = new Map<string, number>();
          for (const [start, series] of buckets) {
            const row = new Map<string, MaybeValue[]>();
            for (const [name, state] of series) {
              const values = compiled.results(state).map(([, v]) => v);
              row.set(name, values);
              totals.set(name, (totals.get(name) ?? 0) + (scalarToNumber(first(values[0])) ?? 0));
            }
            cells.set(start, row);
          }
          const ranked = [...totals.keys()].sort(
            (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0),
          );
          const shown = byField === undefined || limit === 0 ? ranked : ranked.slice(0, limit);
          const rest = new Set(ranked.slice(shown.length));
          const other = useOther && rest.size > 0 && byField !== undefined;
          if (other && !additive.every(Boolean)) {
            services.warn(
              warning(
                'SPL522',
                `timechart: ${rest.size} series past limit=${limit} are left out (OTHER can only sum count or sum)`,
                { source: context.source, span: command.span },
              ),
            );
          }
          const columns = (name: string) =>
            outputs.map((output) =>
              byField === undefined ? output : outputs.length === 1 ? name : `${output}: ${name}`,
            );
          let starts = [...cells.keys()].sort((a, b) => a - b);
          const firstStart = starts[0];
          const lastStart = starts[starts.length - 1];
          if (cont && step !== null && firstStart !== undefined && lastStart !== undefined) {
            const count = Math.floor((lastStart - firstStart) / step) + 1;
            if (count <= MAX_FILLED_BUCKETS)
              starts = Array.from({ length: count }, (_, i) => firstStart + i * step);
            else
              services.warn(
                warning(
                  'SPL523',
                  `timechart: ${count} buckets between the first and last event; empty ones are not filled in`,
                  { source: context.source, span: span.span },
                ),
              );
          }
          const empty = (i: number): MaybeValue => (zeroWhenEmpty[i] ? 0 : undefined);
          const out: Event[] = starts.map((start) => {
            const row: Event = { _time: start };
            const series = cells.get(start) ?? new Map<string, MaybeValue[]>();
            const names = byField === undefined ? [''] : shown;
            for (const name of names) {
              const values = series.get(name);
              columns(name).forEach((column, i) => {
                writeField(row, column, values === undefined ? empty(i) : (values[i] ?? empty(i)));
              });
            }
            if (other && additive.every(Boolean)) {
              columns(otherText).forEach((column, i) => {
                let sum = 0;
                for (const name of rest) sum += scalarToNumber(first(series.get(name)?.[i])) ?? 0;
                writeField(row, column, sum);
              });
            }
            return row;
          });
          emit(out);
        },
      };
    },
  );
}

function first(value: MaybeValue): Scalar | undefined {
  return Array.isArray(value) ? (value[0] as Scalar) : (value as Scalar | undefined);
}

function seriesOf(
  row: Event,
  field: string | undefined,
  useNull: boolean,
  nullText: string,
): string[] {
  if (field === undefined) return [''];
  const value = readField(row, field);
  if (value === undefined) return useNull ? [nullText] : [];
  return Array.isArray(value)
    ? [...new Set(value.map((v) => scalarToString(v)))]
    : [scalarToString(value as Scalar)];
}
