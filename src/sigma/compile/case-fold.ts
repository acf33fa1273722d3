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

/**
 * Lower-cases a block of code units at a time (one string per block, not per character: a
 * fresh process pays this at start). Only U+0130 lower-cases to two code units; a block whose
 * lower-cased text changes length is mapped one character at a time. Final sigma, the one
 * contextual mapping, is set after.
 */
function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  const BLOCK = 512;
  const codes = new Uint16Array(BLOCK);
  for (let start = 0; start < 65536; start += BLOCK) {
    if (start >= 0xd800 && start < 0xe000) {
      for (let c = start; c < start + BLOCK; c++) table[c] = c;
      continue;
    }
    for (let i = 0; i < BLOCK; i++) codes[i] = start + i;
    const lower = String.fromCharCode(...codes).toLowerCase();
    if (lower.length === BLOCK) {
      for (let i = 0; i < BLOCK; i++) table[start + i] = lower.charCodeAt(i);
      continue;
    }
    for (let c = start; c < start + BLOCK; c++) {
      const one = String.fromCharCode(c).toLowerCase();
      table[c] = one.length === 1 ? one.charCodeAt(0) : c === 0x130 ? 0x69 : c;
    }
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
