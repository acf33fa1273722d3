// `makeresults [count=N] [annotate=b] [format=csv|json data="..."]`: generates results (Search Reference, makeresults).

import { parse } from 'csv-parse/sync';
import { type Event, writeField } from '../../core/index.ts';
import type { MakeresultsCommand } from '../ast/command.ts';
import { MAX_JSON_NESTING, parseBoundedJson } from '../value/json-value.ts';
import {
  commandError,
  EngineCode,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/** Rows beyond this make the search refuse rather than exhaust memory. */
const MAX_COUNT = 1_000_000;

/**
 * Each generated row has `_time` = the search's start time; annotate=true adds Splunk's
 * default fields (`host`, `source`, `sourcetype`, `splunk_server`...) as null-valued columns,
 * which print nothing, so only `_time` is set. format=csv|json with data= builds the rows from
 * the given text instead.
 */
export function compileMakeresults(
  command: MakeresultsCommand,
  context: StageCompileContext,
): StageResult {
  if (context.position > 0) {
    return [
      commandError(
        context,
        EngineCode.notFirst,
        'makeresults must be the first command',
        command.nameSpan,
      ),
    ];
  }
  const option = command.count ?? command.options.count;
  const count = option?.value ?? 1;
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        `count must be an integer from 0 to ${MAX_COUNT}`,
        option?.valueSpan ?? command.span,
      ),
    ];
  }
  const format = command.options.format;
  const data = command.options.data;
  let template: Event[] | undefined;
  if (format !== undefined || data !== undefined) {
    if (format === undefined || data === undefined) {
      return [
        commandError(
          context,
          EngineCode.badArgument,
          'format= and data= go together',
          (format ?? data)?.span ?? command.span,
        ),
      ];
    }
    const parsed = parseData(format.value, data.value);
    if (typeof parsed === 'string') {
      return [commandError(context, EngineCode.badArgument, parsed, data.valueSpan)];
    }
    template = parsed;
  }
  const clock = context.evalOptions.clock;
  return defineStage(
    { ...headerOf(command), needs: () => new Set() },
    'fresh',
    () => ({
      push() {},
      finish(emit) {
        const now = Math.floor(clock ? clock.searchStart() : Date.now() / 1000);
        if (template !== undefined) {
          emit(template.map((row) => ({ _time: now, ...row })));
          return;
        }
        const rows: Event[] = [];
        for (let i = 0; i < count; i++) rows.push({ _time: now });
        emit(rows);
      },
    }),
    { generating: true },
  );
}

function parseData(format: string, data: string): Event[] | string {
  if (format === 'csv') {
    try {
      const records = parse(data, { columns: true, skip_empty_lines: true }) as Record<
        string,
        string
      >[];
      return records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
    } catch (cause) {
      return `data is not valid CSV: ${(cause as Error).message}`;
    }
  }
  if (format === 'json') {
    const value = parseBoundedJson(data);
    if (value === undefined) {
      return `data is not valid JSON (or is nested deeper than ${MAX_JSON_NESTING} levels)`;
    }
    const items = Array.isArray(value) ? value : [value];
    const rows: Event[] = [];
    for (const item of items) {
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        return 'data must be JSON objects';
      const row: Event = {};
      for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number') writeField(row, key, v);
        else if (typeof v === 'boolean') writeField(row, key, String(v));
        else if (v !== null) writeField(row, key, JSON.stringify(v));
      }
      rows.push(row);
    }
    return rows;
  }
  return `format must be csv or json, not "${format}"`;
}
