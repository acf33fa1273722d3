// `$field$` tokens of risk messages and drilldown searches, filled from a result row.
import { readField, type SharedEvent, valuesOf } from '../../core/index.ts';
import { scalarToString } from '../../spl/index.ts';

/**
 * A token is `$name$` where the name has no `$` and no whitespace (contentctl finds tokens with
 * `\$\S+\$`). `$$` is not a token.
 */
const TOKEN = /\$([^$\s]+)\$/g;

/** The field names a template's tokens refer to, in order of first use. */
export function tokenFields(template: string): readonly string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1] as string))];
}

/**
 * Replaces each `$field$` with the row's value of that field. A multivalue field gives its values
 * joined by `, `; an absent field gives the empty text, as Splunk's alert-action tokens do (and
 * contentctl fails a risk event whose message still holds a token). `lookup` can supply tokens
 * that are not row fields (`info_min_time`); the row wins when it has the field.
 */
export function fillTokens(
  template: string,
  row: SharedEvent,
  lookup: (name: string) => string | undefined = () => undefined,
): string {
  return template.replace(TOKEN, (_, name: string) => {
    const value = readField(row, name);
    if (value !== undefined) return valuesOf(value).map(scalarToString).join(', ');
    return lookup(name) ?? '';
  });
}
