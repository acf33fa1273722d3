// Compiles the aggregations and by-clause shared by stats, eventstats and streamstats into groups of accumulators.
import {
  type Diagnostic,
  type Event,
  fieldReader,
  type MaybeValue,
  type Scalar,
} from '../../core/index.ts';
import type { Aggregation, ByClause } from '../ast/command.ts';
import { type Accumulator, type AggregateSpec, lookupAggregate } from '../eval/aggregates/index.ts';
import { EvalCode } from '../eval/eval-codes.ts';
import { scalarToNumber } from '../value/number.ts';
import {
  commandError,
  compileExpression,
  EngineCode,
  failed,
  type StageCompileContext,
} from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { type FieldPattern, fieldPattern, fillPattern } from './field-pattern.ts';

export interface CompiledAggregation {
  /** The output field: the alias, or the call as written (`count`, `dc(user)`). */
  readonly output: string;
  readonly spec: AggregateSpec;
  readonly arity: 0 | 1;
  /** The argument's value for one row (`undefined` for `count`). */
  readonly argument: (row: Event) => MaybeValue;
  /**
   * `values(*) as *`, `latest(proc_*)`: one accumulator per matching field of the rows; the
   * output name is the alias (or the call) with each `*` replaced by what it matched.
   */
  readonly wildcard?: { readonly field: FieldPattern; readonly output: string };
}

/**
 * Measured heap cost of a group's state (Node 20, 200,000 groups), for memory budgets: the
 * group's objects, arrays and map entry, and per aggregation its accumulator (an object and its
 * closures: about 720 bytes for count, 1,100-1,250 with the set or map of dc, values, mode).
 */
const GROUP_BYTES = 300;
const ACCUMULATOR_BYTES = 750;

/** The state of one group: opaque to the commands, which add rows and read results. */
export interface GroupState {
  readonly fixed: Accumulator[];
  /** Per wildcard aggregation: field name → accumulator (undefined for the others). */
  readonly dynamic: (Map<string, Accumulator> | undefined)[];
}

export interface Aggregations {
  readonly aggregations: readonly CompiledAggregation[];
  readonly byFields: readonly string[];
  /** Every field the aggregations and the by-clause read. */
  readonly reads: FieldNeed;
  /** The output fields, when no aggregation has a wildcard (undefined otherwise). */
  readonly outputs: readonly string[] | undefined;
  createGroup(): GroupState;
  /** Adds one row to a group. */
  add(group: GroupState, row: Event): void;
  /** The group's results as output name → value, in output order (wildcard ones by field name). */
  results(group: GroupState): [string, MaybeValue][];
  /** Whether a group's state grows with its rows (dc, values, list, percentiles, wildcards). */
  readonly growing: boolean;
  /** Estimated bytes of a group's state (key excluded). */
  bytes(group: GroupState): number;
}

/**
 * A boolean `eval(...)` argument counts as 1 when true and null when false, which is how
 * `count(eval(x=="a"))` counts matches. A wildcard argument covers every matching field that is
 * not a by-field and does not start with `_`.
 */
export function compileAggregations(
  aggregations: readonly Aggregation[],
  by: ByClause | undefined,
  context: StageCompileContext,
  options: { readonly allnum?: boolean } = {},
): Aggregations | readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledAggregation[] = [];
  const reads: (string | FieldNeed)[] = [];
  // 'all' in `reads` stands for a wildcard argument.
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
    let wildcard: CompiledAggregation['wildcard'];
    if (arg?.kind === 'FieldName') {
      const name = arg.name;
      if (name.includes('*')) {
        const alias = aggregation.alias?.name;
        if (alias?.includes('*') && alias.split('*').length !== name.split('*').length) {
          diagnostics.push(
            commandError(
              context,
              EngineCode.badArgument,
              `wildcard mismatch: "${name}" and "${alias}" must hold the same number of "*"`,
              aggregation.span,
            ),
          );
          continue;
        }
        const written = context.source.text.slice(
          aggregation.functionSpan.start,
          aggregation.functionSpan.end,
        );
        wildcard = { field: fieldPattern(name), output: alias ?? `${written}(${name})` };
        reads.push('all');
      } else {
        argument = fieldReader(name);
        reads.push(name);
      }
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
    const counted = options.allnum && NUMERIC_AGGREGATES.has(spec.name) ? allNumeric(spec) : spec;
    compiled.push({ output, spec: counted, arity, argument, ...(wildcard ? { wildcard } : {}) });
  }
  if (diagnostics.length > 0) return diagnostics;
  // A field repeated in the by-clause (SPL112) groups once: its values would only multiply.
  const byFields = [...new Set((by?.fields ?? []).map((f) => f.name))];
  const needsTime = compiled.some((a) => a.spec.needsTime);
  const hasWildcard = compiled.some((a) => a.wildcard !== undefined);
  const byFieldSet = new Set(byFields);
  return {
    aggregations: compiled,
    byFields,
    reads: unionNeed(
      byFields,
      ...reads.map((r) => (typeof r === 'string' ? (r === 'all' ? 'all' : [r]) : r)),
    ),
    outputs: hasWildcard ? undefined : compiled.map((a) => a.output),
    growing: hasWildcard || compiled.some((a) => a.spec.create(a.arity).bytes !== undefined),
    bytes(group) {
      let n = GROUP_BYTES + ACCUMULATOR_BYTES * compiled.length;
      for (const accumulator of group.fixed) n += accumulator.bytes?.() ?? 0;
      for (const map of group.dynamic) {
        if (map === undefined) continue;
        for (const [key, accumulator] of map)
          n += ACCUMULATOR_BYTES + key.length + (accumulator.bytes?.() ?? 0);
      }
      return n;
    },
    createGroup: () => ({
      fixed: compiled.map((a) => a.spec.create(a.arity)),
      // A map per wildcard aggregation only: an empty Map costs hundreds of bytes per group.
      dynamic: compiled.map((a) => (a.wildcard ? new Map<string, Accumulator>() : undefined)),
    }),
    add(group, row) {
      const time = needsTime ? scalarToNumber(firstOf(row['_time'])) : undefined;
      for (let i = 0; i < compiled.length; i++) {
        const a = compiled[i] as CompiledAggregation;
        if (a.wildcard === undefined) {
          (group.fixed[i] as Accumulator).add(a.argument(row), time);
          continue;
        }
        const accumulators = group.dynamic[i] as Map<string, Accumulator>;
        for (const key in row) {
          const value = row[key];
          if (value === undefined || key.startsWith('_') || byFieldSet.has(key)) continue;
          if (!a.wildcard.field.matches(key)) continue;
          let accumulator = accumulators.get(key);
          if (accumulator === undefined) {
            accumulator = a.spec.create(a.arity);
            accumulators.set(key, accumulator);
          }
          accumulator.add(value, time);
        }
      }
    },
    results(group) {
      const out: [string, MaybeValue][] = [];
      compiled.forEach((a, i) => {
        if (a.wildcard === undefined) {
          out.push([a.output, (group.fixed[i] as Accumulator).result()]);
          return;
        }
        const accumulators = group.dynamic[i] as Map<string, Accumulator>;
        for (const key of [...accumulators.keys()].sort()) {
          const captures = a.wildcard.field.captures(key) ?? [];
          out.push([
            fillPattern(a.wildcard.output, captures),
            (accumulators.get(key) as Accumulator).result(),
          ]);
        }
      });
      return out;
    },
  };
}

function firstOf(value: MaybeValue): Scalar | undefined {
  return Array.isArray(value) ? (value[0] as Scalar) : (value as Scalar | undefined);
}

/** The aggregates that compute over numbers, which allnum=true guards. */
const NUMERIC_AGGREGATES: ReadonlySet<string> = new Set([
  'avg',
  'mean',
  'sum',
  'sumsq',
  'stdev',
  'stdevp',
  'var',
  'varp',
  'min',
  'max',
  'range',
  'median',
  'perc',
  'exactperc',
  'upperperc',
]);

/**
 * allnum=true: a group where the field has a value that is not a number (text, or empty) gets
 * no statistic (Search Reference, eventstats: "Because the age field contains values for
 * Seattle that are not all numbers, the entire set of values for Seattle are ignored").
 */
function allNumeric(spec: AggregateSpec): AggregateSpec {
  return {
    ...spec,
    create: (arity) => {
      const inner = spec.create(arity);
      let spoiled = false;
      return {
        add(value, time) {
          if (!spoiled && value !== undefined) {
            for (const v of Array.isArray(value) ? value : [value]) {
              if (scalarToNumber(v as Scalar) === undefined) spoiled = true;
            }
          }
          inner.add(value, time);
        },
        result: () => (spoiled ? undefined : inner.result()),
      };
    },
  };
}
