// rex offset_field=: where each named group matched, as Splunk writes it: `name=start-end`, zero-
// based character positions with the end inclusive (Search Reference, rex: `(?<firstfive>abcde)`
// over the alphabet gives `firstfive=0-4`), several pairs joined by `&` in name order (the format
// OpenSearch PPL's Splunk-compatible rex reproduces: `domain=10-15&username=0-8`).
import type { GroupSpan } from '../regex/spl-regex.ts';

export interface OffsetPair {
  readonly name: string;
  readonly text: string;
}

/** The pair of a group that matched `span` of `text` (UTF-16 positions counted as characters). */
export function offsetPair(name: string, text: string, span: GroupSpan): OffsetPair {
  const start = characterIndex(text, span[0]);
  const end = characterIndex(text, span[1]);
  return { name, text: `${name}=${start}-${end - 1}` };
}

/** The offset field's value: pairs by group name (stable: matches keep their order), `&`-joined. */
export function offsetFieldValue(pairs: readonly OffsetPair[]): string {
  return [...pairs]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => p.text)
    .join('&');
}

/** A character outside the BMP is two UTF-16 code units but one character. */
function characterIndex(text: string, utf16: number): number {
  if (!/[\uD800-\uDFFF]/.test(text.slice(0, utf16))) return utf16;
  let characters = 0;
  for (const _ of text.slice(0, utf16)) characters++;
  return characters;
}
