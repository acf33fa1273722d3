// A result row as a JSON object: visible fields only, `_time` as a timestamp, multivalues as arrays.
import { type Event, writeField } from '../../core/index.ts';
import { formatScalar, isShown } from '../../engine/index.ts';

export type JsonRow = Record<string, string | number | (string | number)[]>;

export function rowToJson(row: Event): JsonRow {
  const out: JsonRow = {};
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value === undefined || !isShown(key)) continue;
    if (Array.isArray(value)) {
      writeField(
        out,
        key,
        value.map((v: string | number) => (key === '_time' ? formatScalar(key, v) : v)),
      );
    } else if (key === '_time') {
      writeField(out, key, formatScalar(key, value as string | number));
    } else {
      writeField(out, key, value as string | number);
    }
  }
  return out;
}

/**
 * `JSON.stringify(rowToJson(row))`, at the cost of one `JSON.stringify(row)` for the rows readers
 * and searches make: `_time` first (a number, or absent), hidden fields (the `_line` and `_file`
 * readers add) only after every shown one, their members then cut off the end of the text.
 * Hunts write tens of thousands of findings a second this way; other rows take `rowToJson`.
 */
export function rowJsonText(row: Event): string {
  const [head, body] = rowJsonPieces(row);
  return `${head}${body}}`;
}

/**
 * `rowJsonText` in pieces, `head + body + '}'`, each a slice of the row's `JSON.stringify` (or a
 * short new head): a writer gives them to its sink, and the row's text (a kilobyte, written once
 * per finding of its event) is never copied into a joined string.
 */
export function rowJsonPieces(row: Event): readonly [string, string] {
  let position = 0;
  let hidden: string[] | undefined;
  for (const key in row) {
    if (key.charCodeAt(0) === 95 && key !== '_raw') {
      if (key === '_time') {
        if (position !== 0 || hidden !== undefined) return copied(row);
      } else {
        hidden ??= [];
        hidden.push(key);
      }
    } else if (hidden !== undefined) return copied(row);
    position++;
  }
  const time = row['_time'];
  if (time !== undefined && typeof time !== 'number') return copied(row);
  const text = JSON.stringify(row);
  // Where the members shown end: before the closing brace, or before the hidden members.
  let end = text.length - 1;
  if (hidden !== undefined) {
    // JSON.stringify wrote the hidden members last, each after a comma (when a shown one is first).
    let members = '';
    for (const key of hidden) {
      const value = row[key];
      if (value !== undefined) members += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    }
    end -= members.length;
    if (members !== '' && !(end > 1 && text.startsWith(members, end))) return copied(row);
  }
  if (time === undefined) return [text.slice(0, end), ''];
  // The number as JSON.stringify wrote it, replaced by its timestamp.
  const prefix = `{"_time":${JSON.stringify(time)}`;
  if (!text.startsWith(prefix)) return copied(row);
  return [
    `{"_time":${JSON.stringify(formatScalar('_time', time))}`,
    text.slice(prefix.length, end),
  ];
}

/** The pieces of a row copied by `rowToJson` first. */
function copied(row: Event): [string, string] {
  const text = JSON.stringify(rowToJson(row));
  return [text.slice(0, -1), ''];
}
