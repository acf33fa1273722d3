// Parses rex mode=sed expressions: `s/regex/replacement/flags` and `y/from/to/` (Search Reference, rex).

export type SedExpression =
  | {
      readonly kind: 'substitute';
      readonly pattern: string;
      readonly replacement: string;
      /** 0 = every match (`g`); N = only the Nth match; 1 when no flag. */
      readonly occurrence: number;
    }
  | { readonly kind: 'transliterate'; readonly from: string; readonly to: string };

/** The expression, or why it is not one. The character after `s`/`y` is the delimiter. */
export function parseSedExpression(text: string): SedExpression | string {
  const command = text[0];
  const delimiter = text[1];
  if (
    (command !== 's' && command !== 'y') ||
    delimiter === undefined ||
    /[\\\w\s]/.test(delimiter)
  ) {
    return 'a sed expression is s/<regex>/<replacement>/[g|N] or y/<chars>/<chars>/';
  }
  const parts = splitOn(text.slice(2), delimiter);
  if (parts.length !== 3) {
    return `expected three "${delimiter}"-separated parts after "${command}", found ${parts.length}`;
  }
  const [first = '', second = '', flags = ''] = parts;
  if (command === 'y') {
    if (flags !== '') return 'y/// takes no flags';
    const from = [...unescapeDelimiter(first, delimiter)];
    const to = [...unescapeDelimiter(second, delimiter)];
    if (from.length !== to.length) return 'y/// needs as many characters to map to as from';
    return { kind: 'transliterate', from: from.join(''), to: to.join('') };
  }
  let occurrence = 1;
  if (flags === 'g') occurrence = 0;
  else if (/^[1-9]\d{0,5}$/.test(flags)) occurrence = Number(flags);
  else if (flags !== '') return `unknown sed flags "${flags}" (use g or a number)`;
  // Only the delimiter's escape is the sed layer's; other escapes belong to the regex.
  return {
    kind: 'substitute',
    pattern: first.replaceAll(`\\${delimiter}`, delimiter),
    replacement: second.replaceAll(`\\${delimiter}`, delimiter),
    occurrence,
  };
}

function splitOn(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
    } else if (ch === delimiter) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeDelimiter(text: string, delimiter: string): string {
  return text.replaceAll(`\\${delimiter}`, delimiter).replaceAll('\\\\', '\\');
}
