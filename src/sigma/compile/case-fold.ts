// Case folding for Sigma's case-insensitive matching: per-character lower-casing, length-preserving.
//
// Every string is folded the same way on both sides, one UTF-16 code unit at a time, as the
// automata fold while scanning. `toLowerCase()` is used where it gives exactly that; strings with
// the characters where it would not (U+0130 İ → "i̇", contextual final Σ, and surrogate pairs,
// which it lower-cases as whole characters) are mapped per code unit instead, so offsets in
// folded text are offsets in the original and the automata find what the tests accept.

const SPECIAL = /[\u0130\u03a3\ud800-\udfff]/;

/** Folded code unit of every UTF-16 code unit (surrogates map to themselves). */
export const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : c === 0x130 ? 0x69 : c;
  }
  table[0x3a3] = 0x3c3;
  return table;
}

export function foldCase(text: string): string {
  if (!SPECIAL.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(FOLD[text.charCodeAt(i)] ?? 0);
  return out;
}
