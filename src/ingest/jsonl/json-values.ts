// Finds where one JSON object ends in text holding several with no separator (evtx_dump output).

/** Returned by `findObjectEnd` when the text ends inside the object. */
export const OBJECT_INCOMPLETE = -1;

/**
 * The index after the `}` that closes the object opening at `start` (`s[start] === '{'`). Only
 * braces, brackets and strings are tracked; `JSON.parse` validates the rest. Mismatched nesting
 * ends at the first point the depth returns to zero, and the parse then reports it.
 */
export function findObjectEnd(s: string, start: number): number {
  let depth = 0;
  let p = start;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 34) {
      p = stringEnd(s, p + 1);
      if (p < 0) return OBJECT_INCOMPLETE;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return p + 1;
    p++;
  }
  return OBJECT_INCOMPLETE;
}

/** The index after the `"` closing a string whose content starts at `from`; -1 if none yet. */
function stringEnd(s: string, from: number): number {
  let quote = s.indexOf('"', from);
  while (quote >= 0) {
    let backslashes = 0;
    for (let i = quote - 1; i >= from && s.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = s.indexOf('"', quote + 1);
  }
  return -1;
}
