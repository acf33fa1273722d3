// now() and time(): the search's start time and the wall clock, from the injectable EvalClock.
import type { EvalFunctionSpec } from '../eval-types.ts';

const nowFunction: EvalFunctionSpec = {
  name: 'now',
  minArgs: 0,
  maxArgs: 0,
  returns: 'number',
  pure: false,
  summary: 'now(): the time the search started, epoch seconds',
  compile: (site) => {
    const { searchStart } = site.clock;
    return () => searchStart();
  },
};

const timeFunction: EvalFunctionSpec = {
  name: 'time',
  minArgs: 0,
  maxArgs: 0,
  returns: 'number',
  pure: false,
  summary: 'time(): the wall-clock time of this evaluation, epoch seconds with microseconds',
  compile: (site) => {
    const { wallClock } = site.clock;
    // "with microsecond resolution": six decimals, as Splunk shows it (1534376565.299298).
    return () => wallClock().toFixed(6);
  },
};

export const clockFunctions: readonly EvalFunctionSpec[] = [nowFunction, timeFunction];
