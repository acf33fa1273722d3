// `join [type=inner|left|outer] [max=N] [overwrite=b] [fields] [subsearch]`: joins results with a subsearch's (Search Reference, join).
import { type Event, readField, writeField } from '../../core/index.ts';
import type { JoinCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import {
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import type { Operator } from './operator.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { startSubsearch } from './subsearch-rows.ts';

/** Splunk's [join] subsearch_maxout default. */
const JOIN_MAX_SUBSEARCH_ROWS = 50_000;

/**
 * Rows match when every join field has the same value on both sides (compared as text,
 * case-sensitively; no fields: every field both sides have). type=inner (default) drops a row
 * with no match, left/outer keep it. max (default 1) subsearch rows join each row, 0 = all.
 * overwrite=true (default) lets subsearch values replace the row's. A subsearch that generates
 * its rows is known at start, so joining streams; one that reads events runs beside the main
 * search, and the rows reaching join wait for it until the end.
 */
export function compileJoin(command: JoinCommand, context: StageCompileContext): StageResult {
  if (command.options.usetime?.value === true) {
    return [
      commandError(
        context,
        EngineCode.unsupportedOption,
        'join usetime=true is not supported',
        command.options.usetime.span,
      ),
    ];
  }
  const plan = context.compileSubsearch(command.subsearch);
  if (failed(plan)) return plan;
  const type = command.options.type?.value ?? 'inner';
  const max = command.options.max?.value ?? 1;
  const overwrite = command.options.overwrite?.value ?? true;
  const fields = command.fields.map((f) => f.name);
  const needs = (downstream: FieldNeed): FieldNeed =>
    fields.length === 0 ? 'all' : unionNeed(downstream, fields);
  return defineStage(
    { ...headerOf(command), needs },
    'fresh',
    (services): Operator => {
      const sub = startSubsearch(plan, services, JOIN_MAX_SUBSEARCH_ROWS, 'join');
      let joiner: ((row: Event, out: Event[]) => void) | undefined;
      const joinerFor = () => {
        joiner ??= makeJoiner(sub.rows(), fields, type !== 'inner', max, overwrite);
        return joiner;
      };
      const held: Event[] = [];
      return {
        push(rows, emit) {
          if (!sub.early) {
            for (const row of rows) held.push(row);
            return;
          }
          const out: Event[] = [];
          const join = joinerFor();
          for (const row of rows) join(row, out);
          emit(out);
        },
        finish(emit) {
          if (sub.early) return;
          const out: Event[] = [];
          const join = joinerFor();
          for (const row of held) join(row, out);
          held.length = 0;
          emit(out);
        },
      };
    },
    { sidePlans: [plan] },
  );
}

function makeJoiner(
  subRows: readonly Event[],
  fields: readonly string[],
  keepUnmatched: boolean,
  max: number,
  overwrite: boolean,
): (row: Event, out: Event[]) => void {
  const text = (v: Event[string]) =>
    v === undefined
      ? undefined
      : Array.isArray(v)
        ? v.map((x) => scalarToString(x)).join('\n')
        : scalarToString(v as string | number);
  const merge = (row: Event, match: Event): Event => {
    const joined: Event = { ...row };
    for (const key of Object.keys(match)) {
      const value = match[key];
      if (value === undefined) continue;
      if (overwrite || readField(joined, key) === undefined) writeField(joined, key, value);
    }
    return joined;
  };
  const emitMatches = (row: Event, matches: readonly Event[], out: Event[]) => {
    if (matches.length === 0) {
      if (keepUnmatched) out.push({ ...row });
      return;
    }
    const taken = max > 0 ? matches.slice(0, max) : matches;
    for (const match of taken) out.push(merge(row, match));
  };
  if (fields.length > 0) {
    const index = new Map<string, Event[]>();
    for (const sub of subRows) {
      const parts = fields.map((f) => text(readField(sub, f)));
      if (parts.some((p) => p === undefined)) continue;
      const key = parts.join('\u0000');
      const list = index.get(key);
      if (list) list.push(sub);
      else index.set(key, [sub]);
    }
    return (row, out) => {
      const parts = fields.map((f) => text(readField(row, f)));
      const matches = parts.some((p) => p === undefined)
        ? []
        : (index.get(parts.join('\u0000')) ?? []);
      emitMatches(row, matches, out);
    };
  }
  return (row, out) => {
    const matches = subRows.filter((sub) => {
      let shared = 0;
      for (const key of Object.keys(sub)) {
        const value = readField(row, key);
        if (sub[key] === undefined || value === undefined) continue;
        shared++;
        if (text(sub[key]) !== text(value)) return false;
      }
      return shared > 0;
    });
    emitMatches(row, matches, out);
  };
}
