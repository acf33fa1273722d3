// SQL text pieces: every identifier and literal the store writes into SQL goes through these.

/** A double-quoted identifier. The store's names are generated or validated; quoting is belt and braces. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A number literal; only finite numbers reach SQL. */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

/**
 * A search wildcard pattern (`*` matches anything) as a LIKE pattern with `\` as its escape:
 * LIKE's own `%` and `_` are escaped so they match themselves.
 */
export function likePattern(pattern: string): string {
  let out = '';
  for (const c of pattern) {
    if (c === '*') out += '%';
    else if (c === '%' || c === '_' || c === '\\') out += `\\${c}`;
    else out += c;
  }
  return out;
}
