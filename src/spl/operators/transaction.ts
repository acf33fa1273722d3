// `transaction fields [maxspan] [maxpause] [maxevents] [startswith] [endswith] ...`: groups related events (Search Reference, transaction).
import {
  type Diagnostic,
  type Event,
  maxOf,
  minOf,
  multivalue,
  readField,
  type Scalar,
  writeField,
} from '../../core/index.ts';
import type { TransactionCommand } from '../ast/command.ts';
import type { CommandOption, SpanValue, TextArgument } from '../ast/common.ts';
import type { Expr } from '../ast/expr.ts';
import type { SearchExpr } from '../ast/search.ts';
import { isTrue } from '../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';
import {
  commandError,
  compileExpression,
  EngineCode,
  failed,
  refuseOptions,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { compileSearchPredicate } from './search-predicate.ts';
import { collectingStage, headerOf } from './stage-kit.ts';
import { spanSeconds } from './time-span.ts';

/** Splunk's default maxevents. */
const TRANSACTION_MAX_EVENTS = 1000;

type RowTest = (row: Event) => boolean;

interface Open {
  readonly rows: Event[];
  readonly first: number;
  last: number;
  readonly started: boolean;
}

/**
 * The rows are held and walked in `_time` order. Rows share a transaction when they have the
 * same values for all the listed fields; a row missing one of them joins none (spelunk does not
 * implement Splunk's partial `connected=false` matching). A transaction closes when the next
 * row would exceed maxspan (from its first row) or maxpause (from its last), at maxevents rows,
 * or at a row matching endswith (included); with startswith, one begins only at a matching row
 * (a new start closes the open one). A transaction is complete (`closed_txn=1`) unless it lacks
 * a required start or end; incomplete ones are dropped unless keepevicted=true. Each result has
 * `_time` of its first row, `duration`, `eventcount`, `closed_txn`, `_raw` joined by newlines,
 * and every other field's values merged (distinct in order, or all with mvlist=true). Results
 * come newest first, as Splunk gives them.
 */
export function compileTransaction(
  command: TransactionCommand,
  context: StageCompileContext,
): StageResult {
  const o = command.options;
  const diagnostics: Diagnostic[] = [];
  const seconds = (option: CommandOption<SpanValue> | undefined) => {
    if (option === undefined) return Number.POSITIVE_INFINITY;
    const s = spanSeconds(option.value);
    if (s === null) {
      diagnostics.push(
        commandError(
          context,
          EngineCode.badArgument,
          `${option.name} must be a time span such as 5m`,
          option.valueSpan,
        ),
      );
      return Number.POSITIVE_INFINITY;
    }
    return s;
  };
  const maxspan = seconds(o.maxspan);
  const maxpause = seconds(o.maxpause);
  const maxevents = o.maxevents?.value ?? TRANSACTION_MAX_EVENTS;
  diagnostics.push(
    ...refuseOptions(context, 'transaction', o, [
      'unifyends',
      'maxopentxn',
      'maxopenevents',
      'mvraw',
    ]),
  );
  const startsWith =
    o.startswith === undefined ? undefined : condition(o.startswith.value, context, diagnostics);
  const endsWith =
    o.endswith === undefined ? undefined : condition(o.endswith.value, context, diagnostics);
  if (diagnostics.length > 0) return diagnostics;
  const keepEvicted = o.keepevicted?.value ?? false;
  const mvlist = o.mvlist?.value ?? false;
  const fields = command.fields.map((f) => f.name);

  return collectingStage(
    { ...headerOf(command), needs: () => 'all' },
    'fresh',
    (rows) => {
      const timed = rows
        .map((row, seq) => ({ row, seq, time: scalarToNumber(firstOf(row['_time'])) ?? 0 }))
        .sort((a, b) => a.time - b.time || a.seq - b.seq);
      const open = new Map<string, Open>();
      const done: { rows: Event[]; closed: boolean }[] = [];
      const close = (key: string, closed: boolean) => {
        const txn = open.get(key);
        if (txn === undefined) return;
        open.delete(key);
        done.push({ rows: txn.rows, closed });
      };
      const complete = (txn: Open) =>
        (startsWith === undefined || txn.started) && endsWith === undefined;
      for (const { row, time } of timed) {
        const key = keyOf(row, fields);
        if (key === undefined) continue;
        let txn = open.get(key);
        if (
          txn !== undefined &&
          (time - txn.first > maxspan || time - txn.last > maxpause || txn.rows.length >= maxevents)
        ) {
          close(key, complete(txn));
          txn = undefined;
        }
        const starts = startsWith?.(row) ?? false;
        if (txn !== undefined && starts) {
          close(key, complete(txn));
          txn = undefined;
        }
        if (txn === undefined) {
          if (startsWith !== undefined && !starts) {
            if (keepEvicted) done.push({ rows: [row], closed: false });
            continue;
          }
          txn = { rows: [], first: time, last: time, started: starts };
          open.set(key, txn);
        }
        txn.rows.push(row);
        txn.last = time;
        if (endsWith?.(row)) close(key, true);
      }
      for (const [key, txn] of [...open]) close(key, complete(txn));
      return done
        .filter((t) => t.closed || keepEvicted)
        .map((t) => merge(t.rows, t.closed, mvlist))
        .sort((a, b) => (b['_time'] as number) - (a['_time'] as number));
    },
    context.source,
  );
}

function condition(
  value: TextArgument | Expr | SearchExpr,
  context: StageCompileContext,
  diagnostics: Diagnostic[],
): RowTest | undefined {
  if (value.kind === 'Text') {
    const parse = context.evalOptions.parseSearch;
    let expr: SearchExpr;
    try {
      if (parse === undefined) throw new Error('no search parser');
      expr = parse(value.value);
    } catch {
      diagnostics.push(
        commandError(
          context,
          EngineCode.badArgument,
          `"${value.value}" is not a search expression`,
          value.span,
        ),
      );
      return undefined;
    }
    return searchTest(expr, context, diagnostics);
  }
  if (value.kind.startsWith('Search')) return searchTest(value as SearchExpr, context, diagnostics);
  const compiled = compileExpression(context, value as Expr);
  if (failed(compiled)) {
    diagnostics.push(...compiled);
    return undefined;
  }
  return (row) => isTrue(compiled.evaluate(row));
}

function searchTest(
  expr: SearchExpr,
  context: StageCompileContext,
  diagnostics: Diagnostic[],
): RowTest | undefined {
  const predicate = compileSearchPredicate(context, expr);
  if (failed(predicate)) {
    diagnostics.push(...predicate);
    return undefined;
  }
  return predicate.test;
}

function keyOf(row: Event, fields: readonly string[]): string | undefined {
  let key = '';
  for (const field of fields) {
    const value = readField(row, field);
    if (value === undefined) return undefined;
    key += `${Array.isArray(value) ? value.map((v) => scalarToString(v)).join('\u0001') : scalarToString(value as Scalar)}\u0000`;
  }
  return key;
}

function firstOf(value: Event[string]): Scalar | undefined {
  return Array.isArray(value) ? (value[0] as Scalar) : (value as Scalar | undefined);
}

function merge(rows: readonly Event[], closed: boolean, mvlist: boolean): Event {
  const values = new Map<string, Scalar[]>();
  const raws: string[] = [];
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value === undefined || key === '_time') continue;
      if (key === '_raw') {
        raws.push(scalarToString(firstOf(value) ?? ''));
        continue;
      }
      const list = values.get(key) ?? [];
      for (const v of (Array.isArray(value) ? value : [value]) as Scalar[]) {
        if (mvlist || !list.some((x) => x === v)) list.push(v);
      }
      values.set(key, list);
    }
  }
  const times = rows.map((r) => scalarToNumber(firstOf(r['_time'])) ?? 0);
  const first = minOf(times);
  const out: Event = { _time: first };
  for (const [key, list] of values) writeField(out, key, multivalue(list));
  if (raws.length > 0) out['_raw'] = raws.join('\n');
  out['duration'] = maxOf(times) - first;
  out['eventcount'] = rows.length;
  out['closed_txn'] = closed ? 1 : 0;
  return out;
}
