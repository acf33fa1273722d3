// transforms.conf FORMAT for search-time extractions: `name::value` pairs whose parts are text or `$n`.
import { type Span, span } from '../../core/index.ts';

export type FormatPart =
  | { readonly kind: 'group'; readonly index: number }
  | { readonly kind: 'text'; readonly text: string };

export interface FormatPair {
  readonly name: FormatPart;
  readonly value: FormatPart;
}

export type FormatResult =
  | { readonly ok: true; readonly pairs: readonly FormatPair[] }
  | { readonly ok: false; readonly message: string; readonly span: Span };

/**
 * transforms.conf.spec, FORMAT: `<field-name>::<field-value>( <field-name>::<field-value>)*`,
 * each part a string or `$<group>`. Concatenation (`foo$1`) exists at index time only, so a part
 * is a group only when it is exactly `$<n>`; `$0` (the old DEST_KEY value) is index-time only.
 * Offsets in the result are relative to `format`.
 */
export function parseFormat(format: string, groupCount: number): FormatResult {
  const pairs: FormatPair[] = [];
  const item = /\S+/g;
  for (let m = item.exec(format); m !== null; m = item.exec(format)) {
    const token = m[0];
    const at = span(m.index, m.index + token.length);
    const sep = token.indexOf('::');
    if (sep < 0) return { ok: false, message: `"${token}" is not <name>::<value>`, span: at };
    const name = partOf(token.slice(0, sep), groupCount);
    if ('error' in name) return { ok: false, message: name.error, span: at };
    const value = partOf(token.slice(sep + 2), groupCount);
    if ('error' in value) return { ok: false, message: value.error, span: at };
    if (name.kind === 'text' && name.text === '') {
      return { ok: false, message: `"${token}" has no field name`, span: at };
    }
    pairs.push({ name, value });
  }
  if (pairs.length === 0) {
    return { ok: false, message: 'FORMAT names no field', span: span(0, format.length) };
  }
  return { ok: true, pairs };
}

function partOf(text: string, groupCount: number): FormatPart | { readonly error: string } {
  const group = /^\$(\d+)$/.exec(text);
  if (!group) return { kind: 'text', text };
  const index = Number(group[1]);
  if (index === 0)
    return { error: '$0 (the previous value of DEST_KEY) exists at index time only' };
  if (index > groupCount) {
    return {
      error: `$${index} refers to a capturing group the REGEX does not have (it has ${groupCount})`,
    };
  }
  return { kind: 'group', index };
}
