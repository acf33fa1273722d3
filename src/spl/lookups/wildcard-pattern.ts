// Matching of lookup WILDCARD values, where `*` stands for any run of characters.

/**
 * Returns a test for `pattern`. Written by hand instead of through a RegExp because lookup rows
 * and event values are both untrusted: this greedy two-pointer walk is O(pattern × text) at worst
 * and never backtracks exponentially. `caseSensitive=false` expects `text` already lower-cased.
 */
export function compileWildcard(
  pattern: string,
  caseSensitive: boolean,
): (text: string) => boolean {
  const p = caseSensitive ? pattern : pattern.toLowerCase();
  const star = p.indexOf('*');
  if (star < 0) return (text) => text === p;
  const parts = p.split('*');
  const head = parts[0] ?? '';
  const tail = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((s) => s !== '');
  if (middle.length === 0) {
    if (head === '' && tail === '') return () => true;
    return (text) =>
      text.length >= head.length + tail.length && text.startsWith(head) && text.endsWith(tail);
  }
  return (text) => {
    if (text.length < head.length + tail.length) return false;
    if (!text.startsWith(head) || !text.endsWith(tail)) return false;
    // Each middle piece is taken at its leftmost place: that leaves the most room for the rest.
    let at = head.length;
    const end = text.length - tail.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}
