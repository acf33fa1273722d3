// rex offset_field=: where each named group matched, as Splunk writes it: `name=start-end`, zero-
// based character positions with the end inclusive (Search Reference, rex: `(?<firstfive>abcde)`
// over the alphabet gives `firstfive=0-4`), several pairs joined by `&` in name order (the format
// OpenSearch PPL's Splunk-compatible rex reproduces: `domain=10-15&username=0-8`).
import type { GroupSpan } from '../regex/spl-regex.ts';

export interface OffsetPair {
  readonly name: string;
  readonly text: string;
}

/** Counts UTF-16 positions of one text as characters (a character outside the BMP is two units). */
export type CharacterIndex = (utf16: number) => number;

/**
 * The counter for `text`: the identity when the text has no surrogate pair, else a binary
 * search over where its pairs start, so every position costs O(log pairs), never a rescan.
 */
export function characterIndexOf(text: string): CharacterIndex {
  const pairs: number[] = [];
  for (let i = text.search(/[\uD800-\uDBFF]/); i >= 0 && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) pairs.push(i++);
  }
  if (pairs.length === 0) return (utf16) => utf16;
  return (utf16) => {
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairs[mid] as number) + 1 < utf16) low = mid + 1;
      else high = mid;
    }
    return utf16 - low;
  };
}

/** The pair of a group that matched `span` (positions counted by `index`). */
export function offsetPair(name: string, span: GroupSpan, index: CharacterIndex): OffsetPair {
  return { name, text: `${name}=${index(span[0])}-${index(span[1]) - 1}` };
}

/** The offset field's value: pairs by group name (stable: matches keep their order), `&`-joined. */
export function offsetFieldValue(pairs: readonly OffsetPair[]): string {
  return [...pairs]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => p.text)
    .join('&');
}
