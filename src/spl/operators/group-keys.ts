// The groups a row belongs to (one per combination of by-field values) and the order groups are shown in.
import {
  type Event,
  readField,
  type Scalar,
  type SourceText,
  type Span,
  warning,
} from '../../core/index.ts';
import { compareForSort } from '../value/compare.ts';
import { scalarToString } from '../value/number.ts';
import type { RunServices } from './run-services.ts';

/**
 * Groups one row may join: multivalue by-fields multiply (`by a b c` with 10 values each is
 * 1,000 groups), so the combinations stop here instead of growing exponentially.
 */
export const MAX_ROW_GROUPS = 10_000;

/**
 * The group keys of a row: one per combination of by-field values (a multivalue field puts the
 * row in a group per value), at most MAX_ROW_GROUPS. None when a by-field is null: stats drops
 * such rows.
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
    // One value, or the cap reached (a multivalue then counts by its first value, and the
    // warning says the rest were left out): every combination grows in place, no copies.
    if (!Array.isArray(value) || combos.length >= MAX_ROW_GROUPS) {
      const one = (Array.isArray(value) ? value[0] : value) as Scalar;
      const text = `${scalarToString(one)}\u0000`;
      for (const c of combos) {
        c.key += text;
        c.values.push(one);
      }
      continue;
    }
    const list = [...new Set((value as readonly Scalar[]).map(String))];
    const next: { key: string; values: Scalar[] }[] = [];
    for (const c of combos) {
      for (const v of list) {
        if (next.length >= MAX_ROW_GROUPS) break;
        next.push({ key: `${c.key}${scalarToString(v)}\u0000`, values: [...c.values, v] });
      }
    }
    combos = next;
  }
  return combos;
}

/** Warns once per run when a row reached MAX_ROW_GROUPS (SPL524); call with its key count. */
export function rowGroupsWatch(
  services: RunServices,
  command: string,
  span: Span,
  source: SourceText,
): (keys: number) => void {
  let warned = false;
  return (keys) => {
    if (warned || keys < MAX_ROW_GROUPS) return;
    warned = true;
    services.warn(
      warning(
        'SPL524',
        `${command}: a row belongs to more than ${MAX_ROW_GROUPS.toLocaleString('en-US')} groups (its multivalue by-fields multiply); the rest are left out`,
        { source, span },
      ),
    );
  };
}

/** Orders groups by their by-values, each compared as `sort` compares (numbers numerically). */
export function compareGroupValues(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareForSort(a[i] as Scalar, b[i] as Scalar);
    if (order !== 0) return order;
  }
  return 0;
}
