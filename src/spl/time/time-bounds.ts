// A window of event times, as a search reads it: earliest inclusive, latest exclusive (Splunk's rule).

/**
 * Epoch seconds. An event is inside when `earliest <= _time < latest`; an absent side is
 * unbounded, so `{}` is all time. Search Reference, "Time modifiers": earliest and latest find
 * every event with a timestamp greater than or equal to earliest and less than latest.
 */
export interface TimeBounds {
  readonly earliest?: number;
  readonly latest?: number;
}

export const ALL_TIME: TimeBounds = {};

export function isAllTime(bounds: TimeBounds): boolean {
  return bounds.earliest === undefined && bounds.latest === undefined;
}

/** Whether `time` falls inside `bounds`. */
export function withinBounds(bounds: TimeBounds, time: number): boolean {
  return (
    (bounds.earliest === undefined || time >= bounds.earliest) &&
    (bounds.latest === undefined || time < bounds.latest)
  );
}

/** The times both windows hold (possibly empty: earliest >= latest). */
export function intersectBounds(a: TimeBounds, b: TimeBounds): TimeBounds {
  return bounds(
    a.earliest === undefined
      ? b.earliest
      : b.earliest === undefined
        ? a.earliest
        : Math.max(a.earliest, b.earliest),
    a.latest === undefined
      ? b.latest
      : b.latest === undefined
        ? a.latest
        : Math.min(a.latest, b.latest),
  );
}

/** The smallest window holding both (an over-approximation of their union). */
export function hullBounds(a: TimeBounds, b: TimeBounds): TimeBounds {
  return bounds(
    a.earliest === undefined || b.earliest === undefined
      ? undefined
      : Math.min(a.earliest, b.earliest),
    a.latest === undefined || b.latest === undefined ? undefined : Math.max(a.latest, b.latest),
  );
}

function bounds(earliest: number | undefined, latest: number | undefined): TimeBounds {
  return {
    ...(earliest === undefined ? {} : { earliest }),
    ...(latest === undefined ? {} : { latest }),
  };
}
