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
  const split = templateOf(template);
  const { parts } = split;
  if (parts.length === 1) return parts[0] as string;
  if (parts.length === 3) {
    // One token, the common case (`<title> on $host$`): finding after finding fills it with the
    // same value, and gets the same text back (one string: its hash is computed once).
    const value = readField(row, parts[1] as string);
    if (typeof value === 'string') {
      if (value !== split.lastValue) {
        split.lastValue = value;
        split.lastText = parts[0] + value + parts[2];
      }
      return split.lastText;
    }
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = readField(row, name);
    if (typeof value === 'string') out += value;
    else if (value !== undefined) out += valuesOf(value).map(scalarToString).join(', ');
    else out += lookup(name) ?? '';
    out += parts[i + 1] as string;
  }
  return out;
}

/** A template split at its tokens, and its last filling when it has one token. */
interface SplitTemplate {
  /** Text and field names alternating (text first and last). */
  readonly parts: readonly string[];
  lastValue: string | undefined;
  lastText: string;
}

/**
 * A template split at its tokens, once per template: every finding fills its detection's risk
 * message.
 */
function templateOf(template: string): SplitTemplate {
  let split = splitTemplates.get(template);
  if (split === undefined) {
    split = { parts: template.split(TOKEN), lastValue: undefined, lastText: '' };
    if (splitTemplates.size >= MAX_SPLIT_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, split);
  }
  return split;
}

/** Templates come from content and rules (a few per detection); the bound is for the hostile. */
const MAX_SPLIT_TEMPLATES = 10_000;
const splitTemplates = new Map<string, SplitTemplate>();
