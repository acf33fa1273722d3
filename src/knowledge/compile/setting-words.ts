// Splits a FIELDALIAS or LOOKUP value into words: bare words, "double-quoted" names, and commas.
import { type Span, span } from '../../core/index.ts';

export interface SettingWord {
  readonly text: string;
  /** Offsets in the value. */
  readonly span: Span;
  readonly quoted: boolean;
  /** A `,` separator (add-ons write `A AS a, B AS b`). */
  readonly comma: boolean;
}

/** A quote may be escaped inside a quoted name with `\"`. */
export function splitSettingWords(
  value: string,
): readonly SettingWord[] | { readonly message: string; readonly span: Span } {
  const words: SettingWord[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === ',') {
      words.push({ text: ',', span: span(i, i + 1), quoted: false, comma: true });
      i++;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      while (j < value.length && value[j] !== '"') {
        if (value[j] === '\\' && value[j + 1] === '"') j++;
        text += value[j];
        j++;
      }
      if (j >= value.length) return { message: 'unterminated quoted name', span: span(i, i + 1) };
      words.push({ text, span: span(i, j + 1), quoted: true, comma: false });
      i = j + 1;
    } else {
      let j = i;
      while (j < value.length && !/[\s,"]/.test(value[j] ?? '')) j++;
      words.push({ text: value.slice(i, j), span: span(i, j), quoted: false, comma: false });
      i = j;
    }
  }
  return words;
}
