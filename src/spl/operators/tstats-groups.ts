// tstats' BY clause: group keys with fillnull_value for null fields and span= buckets of _time.
import { type Event, fieldReader, type MaybeValue, type Scalar } from '../../core/index.ts';
import type { ByClause } from '../ast/command.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';
import { bucketer } from './bin.ts';

export interface GroupKey {
  readonly key: string;
  readonly values: readonly Scalar[];
}

/** The groups one projected row falls in (none when a by-field is null and nothing fills it). */
export type GroupKeys = (row: Event) => readonly GroupKey[];

const NO_GROUPS: readonly GroupKey[] = [];
const ONE_GROUP: readonly GroupKey[] = [{ key: '', values: [] }];

/**
 * Search Reference, tstats: "fillnull_value: ... substitutes for null values for any field
 * within its group-by field list"; without it, rows with a null by-field are left out (as in
 * stats). `by _time span=1h` groups by the start of each hour (bin's alignment); `_time` without
 * a span groups by the whole second, the resolution data-model summaries keep (a spelunk
 * decision: Splunk may choose a coarser automatic span). A multivalue by-field puts the row in
 * one group per distinct value, as stats does. Aggregations still see the exact `_time`.
 */
export function compileGroupKeys(
  by: ByClause | undefined,
  fillnull: string | undefined,
): GroupKeys | undefined {
  const fields = by?.fields.map((f) => f.name) ?? [];
  if (fields.length === 0) return () => ONE_GROUP;
  const span = by?.timeSpan;
  const bucket = span === undefined ? wholeSecond : bucketer(span.value, true);
  if (bucket === undefined) return undefined;
  const readers = fields.map((field) => valuesOf(field, field === '_time' ? bucket : undefined));
  if (readers.length === 1) {
    const read = readers[0] as ValuesReader;
    return (row) => {
      const values = read(row, fillnull);
      if (values === undefined) return NO_GROUPS;
      return values.map((v) => ({ key: scalarToString(v), values: [v] }));
    };
  }
  return (row) => {
    let combos: GroupKey[] = [{ key: '', values: [] }];
    for (const read of readers) {
      const values = read(row, fillnull);
      if (values === undefined) return NO_GROUPS;
      combos = combos.flatMap((c) =>
        values.map((v) => ({
          key: `${c.key}${scalarToString(v)}\u0000`,
          values: [...c.values, v],
        })),
      );
    }
    return combos;
  };
}

type ValuesReader = (row: Event, fillnull: string | undefined) => readonly Scalar[] | undefined;

function valuesOf(field: string, bucket: ((n: number) => Scalar) | undefined): ValuesReader {
  const read = fieldReader(field);
  return (row, fillnull) => {
    const value: MaybeValue = read(row);
    if (value === undefined) return fillnull === undefined ? undefined : [fillnull];
    if (Array.isArray(value)) {
      const distinct = [...new Set((value as readonly Scalar[]).map(scalarToString))];
      return bucket === undefined ? distinct : distinct.map((v) => bucketOf(v, bucket));
    }
    return [bucket === undefined ? (value as Scalar) : bucketOf(value as Scalar, bucket)];
  };
}

function bucketOf(value: Scalar, bucket: (n: number) => Scalar): Scalar {
  const n = scalarToNumber(value);
  return n === undefined ? value : bucket(n);
}

function wholeSecond(n: number): number {
  return Math.floor(n);
}
