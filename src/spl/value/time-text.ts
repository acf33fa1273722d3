// The text of an event time (`_time`, epoch seconds) where a command reads it as text. Splunk keeps
// an event's time with its subseconds and writes them to the millisecond: the convert page's
// `convert mstime(_time) AS ms_time` shows 1522196823.790 for an event at 17:27:03.790
// (Search Reference, convert). A whole second stays a whole number; a time finer than a
// millisecond keeps microseconds (the finest subsecond a timestamp holds, %6N).
import type { Scalar } from '../../core/index.ts';

export function epochText(seconds: number): Scalar {
  if (Number.isInteger(seconds) || !Number.isFinite(seconds)) return seconds;
  const millis = seconds * 1000;
  const whole = Math.abs(millis - Math.round(millis)) < 1e-3;
  return seconds.toFixed(whole ? 3 : 6);
}
