// mvreverse(X), commands(search) and mvrange(start, end, step) with a time-span step
// (Search Reference, "Multivalue eval functions").
import { multivalue } from '../../../core/index.ts';
import { splitPipeline } from '../../lexer/split-pipeline.ts';
import { parseSpanValue } from '../../parser/time-span.ts';
import { applyRelativeTime } from '../../time/relative-time.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { capValues, MAX_MULTIVALUE_VALUES } from '../../value/value-limits.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction } from './define.ts';
import { valuesOfArg } from './multivalue.ts';

export const mvreverseFunction = defineValueFunction({
  name: 'mvreverse',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'mvreverse(X): the values of X in reverse order',
  apply: ([x]) => multivalue([...valuesOfArg(x)].reverse()),
});

/**
 * commands(search): the command of each pipeline segment, in order; the leading segment is a
 * `search` unless the search starts with `|` ("search foo | stats count | sort count" gives
 * search, stats, sort).
 */
export const commandsFunction = defineValueFunction({
  name: 'commands',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'commands(search): the commands a search string uses, as a multivalue',
  apply: ([x]) => {
    const v = firstScalar(x);
    if (v === undefined) return undefined;
    const text = scalarToString(v);
    const { slices } = splitPipeline(text, 0, text.length);
    const names = slices.flatMap((slice, i) => {
      const word = /^\s*([A-Za-z_][\w-]*)/.exec(text.slice(slice.start, slice.end))?.[1];
      const leadingSearch = i === 0 && slice.pipe === undefined && !/^\s*\|/.test(text);
      if (leadingSearch) return ['search'];
      return word === undefined ? [] : [word.toLowerCase()];
    });
    return multivalue(names);
  },
});

/**
 * mvrange(start, end[, step]): numbers from start up to, not including, end. A time-span step
 * ("7d", "1mon") counts start and end as UNIX times and steps by calendar time in the process
 * time zone, as relative time does.
 */
export const mvrangeFunction = defineValueFunction({
  name: 'mvrange',
  minArgs: 2,
  maxArgs: 3,
  returns: 'any',
  summary:
    'mvrange(start, end[, step]): numbers from start up to end; a step such as "7d" steps through time',
  apply: ([s, e, st]) => {
    const start = scalarToNumber(firstScalar(s));
    const end = scalarToNumber(firstScalar(e));
    if (start === undefined || end === undefined) return undefined;
    const stepValue = st === undefined ? 1 : firstScalar(st);
    if (stepValue === undefined) return undefined;
    const numeric = scalarToNumber(stepValue);
    const next =
      numeric !== undefined ? (v: number) => v + numeric : timeStep(scalarToString(stepValue));
    if (next === undefined || numeric === 0) return undefined;
    const out: number[] = [];
    for (let v = start; (numeric ?? 1) > 0 ? v < end : v > end; v = next(v)) {
      // One past the cap, so capValues cuts it and the command warns (SPL310).
      if (out.length > MAX_MULTIVALUE_VALUES || !Number.isFinite(v)) break;
      out.push(v);
    }
    return multivalue(capValues(out));
  },
});

function timeStep(text: string): ((time: number) => number) | undefined {
  const span = parseSpanValue(text);
  if (span?.unit === undefined || !Number.isInteger(span.value) || span.value <= 0)
    return undefined;
  const unit = span.unit;
  if (unit === 'us' || unit === 'ms' || unit === 'cs' || unit === 'ds') return undefined;
  const steps = [{ kind: 'offset' as const, amount: span.value, unit }];
  return (time) => applyRelativeTime(time, steps);
}

export const multivalueMoreFunctions: readonly EvalFunctionSpec[] = [
  mvreverseFunction,
  commandsFunction,
  mvrangeFunction,
];
