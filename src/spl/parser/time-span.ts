// Time spans of `span=`, `maxspan=`, `time_window=`: a number and a Splunk time unit.
import type { SpanValue } from '../ast/common.ts';
import { timeUnitOf } from '../value/time-units.ts';

/** `10s`, `1h`, `2.5`, `1mon` (Search Reference, bin: `span=<log-span> | <span-length>`). */
export function parseSpanValue(text: string): SpanValue | undefined {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unitText = match[2] ?? '';
  if (unitText === '') return { value };
  const unit = timeUnitOf(unitText);
  return unit ? { value, unit } : undefined;
}
