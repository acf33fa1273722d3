// The groups a row belongs to (one per combination of by-field values) and the order groups are shown in.
import { type Event, readField, type Scalar } from '../../core/index.ts';
import { compareForSort } from '../value/compare.ts';
import { scalarToString } from '../value/number.ts';

/**
 * The group keys of a row: one per combination of by-field values (a multivalue field puts the
 * row in a group per value). None when a by-field is null: stats drops such rows.
 */
export function groupKeysOf(
  row: Event,
  byFields: readonly string[],
): { key: string; values: Scalar[] }[] {
  if (byFields.length === 0) return [{ key: '', values: [] }];
  if (byFields.length === 1) {
    const value = readField(row, byFields[0] as string);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      const v = value as Scalar;
      return [{ key: scalarToString(v), values: [v] }];
    }
    return [...new Set((value as readonly Scalar[]).map((v) => scalarToString(v)))].map((key) => ({
      key,
      values: [key],
    }));
  }
  let combos: { key: string; values: Scalar[] }[] = [{ key: '', values: [] }];
  for (const field of byFields) {
    const value = readField(row, field);
    if (value === undefined) return [];
    const list = Array.isArray(value)
      ? [...new Set((value as readonly Scalar[]).map(String))]
      : [value as Scalar];
    combos = combos.flatMap((c) =>
      list.map((v) => ({ key: `${c.key}${scalarToString(v)}\u0000`, values: [...c.values, v] })),
    );
  }
  return combos;
}

/** Orders groups by their by-values, each compared as `sort` compares (numbers numerically). */
export function compareGroupValues(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareForSort(a[i] as Scalar, b[i] as Scalar);
    if (order !== 0) return order;
  }
  return 0;
}
