// Splunk's time syntax, one parser for the whole project: time modifiers, time ranges, windows.

export { indexTimeBoundsToRead, timeBoundsToRead } from '../plan/time-to-read.ts';
export { applyRelativeTime, parseRelativeTime, type RelativeStep } from './relative-time.ts';
export {
  isTimeModifierName,
  type TimeCondition,
  type TimeField,
  timeCondition,
} from './search-time-modifiers.ts';
export { type ClauseTimeWindow, clauseTimeWindow } from './search-time-window.ts';
export {
  ALL_TIME,
  hullBounds,
  intersectBounds,
  isAllTime,
  type TimeBounds,
  withinBounds,
} from './time-bounds.ts';
export {
  DEFAULT_TIMEFORMAT,
  parseTimeModifier,
  resolveTime,
  resolveTimeModifier,
  type TimeModifier,
  type TimeModifierOptions,
  type TimeModifierParse,
  type TimeResolution,
} from './time-modifier.ts';
export {
  resolveTimeRange,
  type TimeRangeInput,
  type TimeRangeProblem,
  type TimeRangeResolution,
} from './time-range.ts';
