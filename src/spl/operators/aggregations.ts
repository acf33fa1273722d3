// Compiles the aggregations and by-clause shared by stats, eventstats and streamstats into groups of accumulators.
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { Event } from '../../core/event.ts';
import type { MaybeValue, Scalar } from '../../core/value.ts';
import type { Aggregation, ByClause } from '../ast/command.ts';
import { type Accumulator, type AggregateSpec, lookupAggregate } from '../eval/aggregates/index.ts';
import { EvalCode } from '../eval/eval-codes.ts';
import { compareForSort } from '../value/compare.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';
import {
  commandError,
  compileExpression,
  EngineCode,
  failed,
  type StageCompileContext,
} from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';

export interface CompiledAggregation {
  /** The output field: the alias, or the call as written (`count`, `dc(user)`). */
  readonly output: string;
  readonly spec: AggregateSpec;
  readonly arity: 0 | 1;
  /** The argument's value for one row (`undefined` for `count`). */
  readonly argument: (row: Event) => MaybeValue;
}

export interface Aggregations {
  readonly aggregations: readonly CompiledAggregation[];
  readonly byFields: readonly string[];
  /** Every field the aggregations and the by-clause read. */
  readonly reads: FieldNeed;
  /** Fresh accumulators for one group. */
  createGroup(): Accumulator[];
  /** Adds one row to a group's accumulators. */
  add(group: readonly Accumulator[], row: Event): void;
}

/**
 * A boolean `eval(...)` argument counts as 1 when true and null when false, which is how
 * `count(eval(x=="a"))` counts matches. Wildcard arguments (`values(*)`) are refused.
 */
export function compileAggregations(
  aggregations: readonly Aggregation[],
  by: ByClause | undefined,
  context: StageCompileContext,
): Aggregations | readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledAggregation[] = [];
  const reads: (string | FieldNeed)[] = [];
  for (const aggregation of aggregations) {
    const spec = lookupAggregate(aggregation.function);
    if (spec === undefined) {
      diagnostics.push(
        commandError(
          context,
          EvalCode.unknownAggregate,
          `unknown stats function "${aggregation.function}"`,
          aggregation.functionSpan,
        ),
      );
      continue;
    }
    const arity: 0 | 1 = aggregation.argument === undefined ? 0 : 1;
    if (arity < spec.minArgs || arity > spec.maxArgs) {
      diagnostics.push(
        commandError(
          context,
          EvalCode.aggregateArity,
          arity === 0
            ? `${aggregation.function} needs a field: ${aggregation.function}(<field>)`
            : `${aggregation.function} takes no field`,
          aggregation.span,
        ),
      );
      continue;
    }
    let argument: (row: Event) => MaybeValue = () => undefined;
    const arg = aggregation.argument;
    if (arg?.kind === 'FieldName') {
      if (arg.name.includes('*')) {
        diagnostics.push(
          commandError(
            context,
            EngineCode.unsupportedOption,
            'wildcard fields in stats functions are not supported',
            arg.span,
          ),
        );
        continue;
      }
      const name = arg.name;
      argument = (row) => row[name];
      reads.push(name);
    } else if (arg?.kind === 'EvalArgument') {
      const expr = compileExpression(context, arg.expr);
      if (failed(expr)) {
        diagnostics.push(...expr);
        continue;
      }
      const evaluate = expr.evaluate;
      argument = (row) => {
        const value = evaluate(row);
        return value === true ? 1 : value === false ? undefined : value;
      };
      reads.push(expr.fields);
    }
    if (spec.needsTime) reads.push('_time');
    const output =
      aggregation.alias?.name ??
      context.source.text
        .slice(aggregation.span.start, aggregation.span.end)
        .replace(/\s+/g, '')
        .replace(/\(\)$/, '');
    compiled.push({ output, spec, arity, argument });
  }
  if (diagnostics.length > 0) return diagnostics;
  const byFields = (by?.fields ?? []).map((f) => f.name);
  const needsTime = compiled.some((a) => a.spec.needsTime);
  return {
    aggregations: compiled,
    byFields,
    reads: unionNeed(byFields, ...reads.map((r) => (typeof r === 'string' ? [r] : r))),
    createGroup: () => compiled.map((a) => a.spec.create(a.arity)),
    add(group, row) {
      const time = needsTime ? scalarToNumber(firstOf(row['_time'])) : undefined;
      for (let i = 0; i < compiled.length; i++) {
        (group[i] as Accumulator).add((compiled[i] as CompiledAggregation).argument(row), time);
      }
    },
  };
}

function firstOf(value: MaybeValue): Scalar | undefined {
  return Array.isArray(value) ? (value[0] as Scalar) : (value as Scalar | undefined);
}

/**
 * The group keys of a row: one per combination of by-field values (a multivalue field puts the
 * row in a group per value). None when a by-field is null: stats drops such rows.
 */
export function groupKeysOf(
  row: Event,
  byFields: readonly string[],
): { key: string; values: Scalar[] }[] {
  if (byFields.length === 0) return [{ key: '', values: [] }];
  if (byFields.length === 1) {
    const value = row[byFields[0] as string];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      const v = value as Scalar;
      return [{ key: scalarToString(v), values: [v] }];
    }
    return [...new Set((value as readonly Scalar[]).map((v) => scalarToString(v)))].map((key) => ({
      key,
      values: [key],
    }));
  }
  let combos: { key: string; values: Scalar[] }[] = [{ key: '', values: [] }];
  for (const field of byFields) {
    const value = row[field];
    if (value === undefined) return [];
    const list = Array.isArray(value)
      ? [...new Set((value as readonly Scalar[]).map(String))]
      : [value as Scalar];
    combos = combos.flatMap((c) =>
      list.map((v) => ({ key: `${c.key}${scalarToString(v)}\u0000`, values: [...c.values, v] })),
    );
  }
  return combos;
}

/** Orders groups by their by-values, each compared as `sort` compares (numbers numerically). */
export function compareGroupValues(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareForSort(a[i] as Scalar, b[i] as Scalar);
    if (order !== 0) return order;
  }
  return 0;
}
