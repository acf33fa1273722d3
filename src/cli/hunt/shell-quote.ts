// Quotes words for a POSIX shell, so printed commands can be pasted as they are.

const SAFE = /^[\w@%+=:,./-]+$/;

/** `it's` → `'it'\''s'`; words of safe characters stay bare. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
