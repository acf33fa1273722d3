// Splunk's spellings of time units (`s`, `secs`, `minute`, `mon`, `qtr`, ...), shared by spans and relative time modifiers.
import { ownEntry } from '../../core/index.ts';
import type { TimeUnit } from '../ast/common.ts';

/** Search Reference, bin (`span=`) and "Time modifiers": each unit and the words that name it. */
const SPELLINGS: Readonly<Record<TimeUnit, readonly string[]>> = {
  us: ['us'],
  ms: ['ms'],
  cs: ['cs'],
  ds: ['ds'],
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['w', 'week', 'weeks'],
  mon: ['mon', 'month', 'months'],
  q: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  y: ['y', 'yr', 'yrs', 'year', 'years'],
};

const UNIT_BY_WORD: Readonly<Record<string, TimeUnit>> = Object.fromEntries(
  (Object.entries(SPELLINGS) as [TimeUnit, readonly string[]][]).flatMap(([unit, words]) =>
    words.map((word) => [word, unit]),
  ),
);

/** The unit a word names, any case; undefined for anything else. */
export function timeUnitOf(word: string): TimeUnit | undefined {
  return ownEntry(UNIT_BY_WORD, word.toLowerCase());
}
