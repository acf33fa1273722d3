// Time spans of bin span=, streamstats time_window=, transaction maxspan=: units to seconds.
import type { SpanValue, TimeUnit } from '../ast/common.ts';

/** Seconds per fixed-length unit; months, quarters and years are calendar units (see bin). */
export const UNIT_SECONDS: Readonly<Record<Exclude<TimeUnit, 'mon' | 'q' | 'y'>, number>> = {
  us: 1e-6,
  ms: 1e-3,
  cs: 1e-2,
  ds: 1e-1,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

/** The span in seconds; a span without a unit is seconds. null for calendar units or a span ≤ 0. */
export function spanSeconds(span: SpanValue): number | null {
  if (!(span.value > 0)) return null;
  const unit = span.unit ?? 's';
  if (unit === 'mon' || unit === 'q' || unit === 'y') return null;
  return span.value * UNIT_SECONDS[unit];
}
