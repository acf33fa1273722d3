// `bin|bucket [span=...] field [AS alias]`: puts values into buckets (Search Reference, bin).
import { readField, type Scalar, writeField } from '../../core/index.ts';
import type { BinCommand } from '../ast/command.ts';
import type { SpanValue } from '../ast/common.ts';
import { formatNumber, scalarToNumber } from '../value/number.ts';
import { fromLocal, toParts } from '../value/time-parts.ts';
import {
  commandError,
  EngineCode,
  refuseOptions,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { type FieldNeed, unionNeed, withoutFields } from './field-need.ts';
import { headerOf, updateStage } from './stage-kit.ts';
import { spanSeconds } from './time-span.ts';

/**
 * A span with a time unit (or any span on `_time`) floors the value to the start of its
 * bucket, an epoch number: seconds to weeks from the epoch, days and longer at local midnight
 * (Splunk bins days in the user's time zone; spelunk uses the process's, UTC under `TZ=UTC`),
 * months, quarters and years at the calendar boundary. A plain number span on another field
 * gives the range text `10-20`, as Splunk does. Values that are not numbers are left as they
 * are. `bins=`, `minspan=`, `start=`, `end=` and `aligntime=` choose spans from the data's
 * range, which needs every value first; they are refused.
 */
export function compileBin(command: BinCommand, context: StageCompileContext): StageResult {
  const refused = refuseOptions(
    context,
    'bin',
    command.options,
    ['bins', 'minspan', 'start', 'end', 'aligntime'],
    'give span=',
  );
  if (refused.length > 0) return refused;
  const span = command.options.span;
  if (span === undefined) {
    return [
      commandError(
        context,
        EngineCode.unsupportedOption,
        'bin needs span= (automatic spans are not supported)',
        command.nameSpan,
      ),
    ];
  }
  const field = command.field.name;
  const target = command.alias?.name ?? field;
  const bucket = bucketer(span.value, field === '_time');
  if (bucket === undefined) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'span must be a positive number or time span',
        span.valueSpan,
      ),
    ];
  }
  const needs = (downstream: FieldNeed) => unionNeed(withoutFields(downstream, [target]), [field]);
  return updateStage({ ...headerOf(command), needs }, (row) => {
    const value = readField(row, field);
    if (value === undefined) return;
    const first = (Array.isArray(value) ? value[0] : value) as Scalar;
    const n = scalarToNumber(first);
    if (n === undefined) {
      if (target !== field) writeField(row, target, value);
      return;
    }
    writeField(row, target, bucket(n));
  });
}

/** The bucket start for a value: an epoch number for time spans, a `low-high` range for a plain span off `_time`. */
export function bucketer(span: SpanValue, isTime: boolean): ((n: number) => Scalar) | undefined {
  if (!(span.value > 0)) return undefined;
  const unit = span.unit;
  if (unit === 'mon' || unit === 'q' || unit === 'y') {
    const months = span.value * (unit === 'mon' ? 1 : unit === 'q' ? 3 : 12);
    return (n) => {
      const parts = toParts(n);
      const index =
        parts.year * 12 + (parts.month - 1) - ((parts.year * 12 + (parts.month - 1)) % months);
      return fromLocal(Math.floor(index / 12), (index % 12) + 1, 1);
    };
  }
  const seconds = spanSeconds(span);
  if (seconds === null) return undefined;
  if (unit === undefined && !isTime) {
    return (n) => {
      const low = Math.floor(n / seconds) * seconds;
      return `${formatNumber(low)}-${formatNumber(low + seconds)}`;
    };
  }
  if (unit === 'd' || unit === 'w') {
    // Local-midnight alignment: shift by the zone offset, floor, shift back.
    return (n) => {
      const offset = toParts(n).offsetMinutes * 60;
      return Math.floor((n + offset) / seconds) * seconds - offset;
    };
  }
  return (n) => Math.floor(n / seconds) * seconds;
}
