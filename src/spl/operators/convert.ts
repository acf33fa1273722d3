// `convert [timeformat=f] ctime(x) [AS y] ...`: converts field values (Search Reference, convert).
import {
  type Diagnostic,
  type Event,
  multivalue,
  readField,
  type Scalar,
  writeField,
} from '../../core/index.ts';
import type { ConvertCommand, ConvertFunction } from '../ast/command.ts';
import { parseNumber, scalarToNumber, scalarToString } from '../value/number.ts';
import { strftime } from '../value/strftime.ts';
import { strptime } from '../value/strptime.ts';
import { epochText } from '../value/time-text.ts';
import {
  commandError,
  EngineCode,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { type FieldPattern, fieldPattern, fillPattern } from './field-pattern.ts';
import { headerOf, updateStage } from './stage-kit.ts';

/** Splunk's default `timeformat` for ctime and mktime. */
const CONVERT_DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

/** One value converted, or `undefined` when it cannot be (the value then stays, except num()). */
type Converter = (value: Scalar) => Scalar | undefined;

interface Conversion {
  readonly from: FieldPattern;
  readonly to: string | undefined;
  readonly convert: Converter;
  /** num(): a value that cannot be converted is removed instead of kept. */
  readonly dropFailures: boolean;
}

/**
 * A value that does not convert is left as it is (num() removes it); a missing field stays
 * missing. Each value of a multivalue field converts on its own. `none(x)` keeps the fields it
 * names out of the wildcard conversions after it. Conversions apply in order.
 */
export function compileConvert(command: ConvertCommand, context: StageCompileContext): StageResult {
  const timeformat = command.options.timeformat?.value ?? CONVERT_DEFAULT_TIMEFORMAT;
  const diagnostics: Diagnostic[] = [];
  const excluded: FieldPattern[] = [];
  const conversions: Conversion[] = [];
  for (const c of command.conversions) {
    const from = fieldPattern(c.field.name);
    if (c.function === 'none') {
      excluded.push(from);
      continue;
    }
    const to = c.alias?.name;
    if (to?.includes('*') && !from.wildcard) {
      diagnostics.push(
        commandError(
          context,
          EngineCode.badArgument,
          'a wildcard alias needs a wildcard field',
          c.span,
        ),
      );
      continue;
    }
    conversions.push({
      from,
      to,
      convert: converterFor(c.function, timeformat),
      dropFailures: c.function === 'num',
    });
  }
  if (diagnostics.length > 0) return diagnostics;
  const wildcard = conversions.some((c) => c.from.wildcard);
  const needs = (downstream: FieldNeed): FieldNeed =>
    wildcard
      ? 'all'
      : unionNeed(
          downstream,
          conversions.map((c) => c.from.text),
        );
  const isExcluded = (field: string) => excluded.some((p) => p.matches(field));
  return updateStage({ ...headerOf(command), needs }, (row) => {
    for (const conversion of conversions) {
      if (!conversion.from.wildcard) {
        apply(row, conversion.from.text, conversion.to ?? conversion.from.text, conversion);
        continue;
      }
      for (const key of Object.keys(row)) {
        if (row[key] === undefined || isExcluded(key)) continue;
        const captures = conversion.from.captures(key);
        if (captures === undefined) continue;
        apply(
          row,
          key,
          conversion.to === undefined ? key : fillPattern(conversion.to, captures),
          conversion,
        );
      }
    }
  });
}

function apply(row: Event, from: string, to: string, conversion: Conversion): void {
  const value = readField(row, from);
  if (value === undefined) return;
  const values = (Array.isArray(value) ? value : [value]) as readonly Scalar[];
  const out: Scalar[] = [];
  for (const v of values) {
    // An event time is read as Splunk writes it, to the millisecond (time-text.ts).
    const converted = conversion.convert(
      from === '_time' && typeof v === 'number' ? epochText(v) : v,
    );
    if (converted !== undefined) out.push(converted);
    else if (!conversion.dropFailures) out.push(v);
  }
  writeField(row, to, multivalue(out));
}

function converterFor(fn: Exclude<ConvertFunction, 'none'>, timeformat: string): Converter {
  switch (fn) {
    case 'ctime':
      return (v) => {
        const seconds = scalarToNumber(v);
        return seconds === undefined ? undefined : strftime(seconds, timeformat);
      };
    case 'mktime':
      return (v) => strptime(scalarToString(v), timeformat);
    case 'dur2sec':
      return (v) => durationToSeconds(scalarToString(v));
    case 'mstime':
      return (v) => minutesSecondsToSeconds(scalarToString(v));
    case 'memk':
      return (v) => memoryToKilobytes(scalarToString(v));
    case 'rmcomma':
      // The digits stay as written ("1,000,000.00" → "1000000.00"), as Splunk shows them.
      return (v) => {
        const text = scalarToString(v).replaceAll(',', '').trim();
        const n = parseNumber(text);
        if (n === undefined) return undefined;
        return text.includes('.') ? text : n;
      };
    case 'rmunit':
      return (v) => leadingNumber(scalarToString(v));
    case 'auto':
    case 'num':
      return (v) =>
        scalarToNumber(v) ??
        leadingNumber(scalarToString(v)) ??
        memoryToKilobytes(scalarToString(v));
  }
}

/** `[D+]HH:MM:SS` → seconds. */
function durationToSeconds(text: string): number | undefined {
  const m = /^\s*(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 86_400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

/** `[MM:]SS.SSS` → seconds. */
function minutesSecondsToSeconds(text: string): Scalar | undefined {
  const m = /^\s*(?:(\d+):)?(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const seconds = m[2] as string;
  // Seconds alone keep their digits as written (1522196823.790), as rmcomma does.
  if (m[1] === undefined) return seconds.includes('.') ? seconds : Number(seconds);
  return Number(m[1]) * 60 + Number(seconds);
}

/** A number with an optional k/m/g suffix → kilobytes (no suffix is kilobytes). */
function memoryToKilobytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text);
  if (!m) return undefined;
  const scale = { '': 1, k: 1, m: 1024, g: 1024 * 1024 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Number(m[1]) * scale;
}

/** The number at the start of `10kb`, `3.5 ms`. */
function leadingNumber(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(text);
  return m ? Number(m[1]) : undefined;
}
