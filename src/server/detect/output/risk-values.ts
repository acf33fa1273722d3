// A field's value as one text (multivalues joined by newlines), for keys and comparisons.
import { type MaybeValue, valuesOf } from '../../../core/index.ts';
import { scalarToString } from '../../../spl/index.ts';

export function scalarText(value: MaybeValue): string {
  return valuesOf(value).map(scalarToString).join('\n');
}
