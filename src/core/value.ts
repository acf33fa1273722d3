// Field values as SPL sees them: a scalar, a multivalue list, or null (an absent field).

/** One value. Extracted event fields are strings; eval results may be numbers. */
export type Scalar = string | number;

/**
 * A field's value. An array is an SPL multivalue field and always holds at least two values:
 * use `multivalue()` to build one, so a single value stays a scalar and an empty list is null.
 */
export type FieldValue = Scalar | readonly Scalar[];

/** SPL null: the field is absent. We never store JS `null` in an event. */
export type MaybeValue = FieldValue | undefined;

export function isMultivalue(value: MaybeValue): value is readonly Scalar[] {
  return Array.isArray(value);
}

/** Builds a field value from a list: [] is null, [x] is x, longer lists stay multivalue. */
export function multivalue(values: readonly Scalar[]): MaybeValue {
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return values;
}

/** The values of a field as a list: null is [], a scalar is [scalar]. */
export function valuesOf(value: MaybeValue): readonly Scalar[] {
  if (value === undefined) return [];
  return isMultivalue(value) ? value : [value];
}
