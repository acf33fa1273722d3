// Rewrites every value of one field of a row as text (replace, rex mode=sed).
import { type Event, readField, type Scalar, writeField } from '../../core/index.ts';
import { scalarToString } from '../value/number.ts';

/** A null field stays null; a multivalue field keeps one edited value per value. */
export function editFieldText(row: Event, field: string, edit: (text: string) => string): void {
  const value = readField(row, field);
  if (value === undefined) return;
  writeField(
    row,
    field,
    Array.isArray(value)
      ? value.map((v) => edit(scalarToString(v)))
      : edit(scalarToString(value as Scalar)),
  );
}
