// Sigma string values: literal text interleaved with wildcards and placeholders (pySigma SigmaString).

export interface Wildcard {
  readonly wildcard: '*' | '?';
}
export interface Placeholder {
  readonly placeholder: string;
}
export type StringPart = string | Wildcard | Placeholder;
export type SigmaStringParts = readonly StringPart[];

export const ANY: Wildcard = { wildcard: '*' };
export const ONE: Wildcard = { wildcard: '?' };

export function isWildcard(part: StringPart): part is Wildcard {
  return typeof part === 'object' && 'wildcard' in part;
}
function isPlaceholder(part: StringPart): part is Placeholder {
  return typeof part === 'object' && 'placeholder' in part;
}

/**
 * Spec "Escape Character", as pySigma parses it: `\` escapes `*`, `?` and `\` only; before any
 * other character (or at the end) the backslash is kept literally, so `C:\Windows\` needs no
 * escaping and every `\\` becomes one `\`.
 */
export function parseSigmaString(text: string): SigmaStringParts {
  const parts: StringPart[] = [];
  let literal = '';
  let escaped = false;
  for (const c of text) {
    if (escaped) {
      literal += c === '*' || c === '?' || c === '\\' ? c : `\\${c}`;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === '*' || c === '?') {
      if (literal !== '') parts.push(literal);
      parts.push(c === '*' ? ANY : ONE);
      literal = '';
    } else {
      literal += c;
    }
  }
  if (escaped) literal += '\\';
  if (literal !== '') parts.push(literal);
  return parts;
}

/** Concatenates parts, merging adjacent literal text as pySigma's `_merge_strs` does. */
export function concatParts(...lists: readonly SigmaStringParts[]): SigmaStringParts {
  const out: StringPart[] = [];
  for (const list of lists) {
    for (const part of list) {
      const last = out[out.length - 1];
      if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
      else if (part !== '') out.push(part);
    }
  }
  return out;
}

export function hasWildcards(parts: SigmaStringParts): boolean {
  return parts.some(isWildcard);
}

export function hasPlaceholders(parts: SigmaStringParts): boolean {
  return parts.some(isPlaceholder);
}

export function startsWithAny(parts: SigmaStringParts): boolean {
  const first = parts[0];
  return first !== undefined && isWildcard(first) && first.wildcard === '*';
}

export function endsWithAny(parts: SigmaStringParts): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && isWildcard(last) && last.wildcard === '*';
}

/** pySigma `to_plain()`: wildcards as `*`/`?`, literal `*`/`?` escaped, placeholders as `%x%`. */
export function partsToPlain(parts: SigmaStringParts): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p.replaceAll('*', '\\*').replaceAll('?', '\\?');
      return isWildcard(p) ? p.wildcard : `%${p.placeholder}%`;
    })
    .join('');
}

/** The literal text of a wildcard-free string (placeholders rendered as `%x%`). */
export function literalText(parts: SigmaStringParts): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : isWildcard(p) ? p.wildcard : `%${p.placeholder}%`))
    .join('');
}

/** `expand`: `%name%` becomes a placeholder; `\%` is a literal percent (pySigma `insert_placeholders`). */
export function insertPlaceholders(parts: SigmaStringParts): SigmaStringParts {
  const out: StringPart[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      out.push(part);
      continue;
    }
    let last = 0;
    for (const m of part.matchAll(/(?<!\\)%([^%]+)%/g)) {
      const before = part.slice(last, m.index).replaceAll('\\%', '%');
      if (before !== '') out.push(before);
      out.push({ placeholder: m[1] ?? '' });
      last = m.index + m[0].length;
    }
    const rest = part.slice(last).replaceAll('\\%', '%');
    if (rest !== '') out.push(rest);
  }
  return out;
}

/**
 * Replaces every placeholder by each of its values, building the cartesian product in pySigma's
 * order (first placeholder varies slowest). `valuesOf` returns the replacement parts.
 */
export function expandPlaceholders(
  parts: SigmaStringParts,
  valuesOf: (name: string) => readonly SigmaStringParts[],
): SigmaStringParts[] {
  const index = parts.findIndex(isPlaceholder);
  if (index < 0) return [parts];
  const placeholder = parts[index] as Placeholder;
  const prefix = parts.slice(0, index);
  const suffixes = expandPlaceholders(parts.slice(index + 1), valuesOf);
  const out: SigmaStringParts[] = [];
  for (const replacement of valuesOf(placeholder.placeholder)) {
    for (const suffix of suffixes) out.push(concatParts(prefix, replacement, suffix));
  }
  return out;
}
