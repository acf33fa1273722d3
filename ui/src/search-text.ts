// Reading and changing a search's text the way the Search page needs: where its leading search
// clause ends (the histogram counts what it matches; a field value is added to it), and a term
// quoted as SPL writes one.

/** The offset of the first `|` outside quotes, backticks and brackets; the text's length if none. */
export function leadingSearchEnd(spl: string): number {
  let depth = 0;
  let quote = false;
  let macro = false;
  for (let i = 0; i < spl.length; i++) {
    const c = spl[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
    } else if (macro) {
      if (c === '`') macro = false;
    } else if (c === '"') quote = true;
    else if (c === '`') macro = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '|' && depth === 0) return i;
  }
  return spl.length;
}

/** Whether the search starts with a generating command (`| makeresults`, `| tstats`): no events to count. */
export function isGenerating(spl: string): boolean {
  return spl.trimStart().startsWith('|');
}

/** `field="value"` with SPL's escapes. */
export function searchTerm(field: string, value: string): string {
  const name = /^[A-Za-z_][\w.:-]*$/.test(field) ? field : `"${field.replace(/["\\]/g, '\\$&')}"`;
  return `${name}="${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The search with a term added to its leading search clause. */
export function withTerm(spl: string, term: string): string {
  const end = leadingSearchEnd(spl);
  const head = spl.slice(0, end).trimEnd();
  const tail = spl.slice(end);
  return `${head}${head === '' ? '' : ' '}${term}${tail === '' ? '' : ` ${tail.trimStart()}`}`;
}

const SPANS: readonly [number, string][] = [
  [1, '1s'],
  [10, '10s'],
  [60, '1m'],
  [300, '5m'],
  [600, '10m'],
  [1800, '30m'],
  [3600, '1h'],
  [3 * 3600, '3h'],
  [12 * 3600, '12h'],
  [86_400, '1d'],
  [7 * 86_400, '7d'],
  [30 * 86_400, '30d'],
  [365 * 86_400, '365d'],
];

/** A bucket span giving at most about 120 buckets over `seconds`. */
export function histogramSpan(seconds: number): { seconds: number; text: string } {
  for (const [length, text] of SPANS) {
    if (seconds / length <= 120) return { seconds: length, text };
  }
  return { seconds: 365 * 86_400, text: '365d' };
}
