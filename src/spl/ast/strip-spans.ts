// A copy of an AST without source positions, for comparing two parses of different texts.

function isSpan(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('start') && keys.includes('end');
}

/** Drops every `{start, end}` span (`span`, `nameSpan`, ...); keeps everything else. */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (isSpan(child)) continue;
    out[key] = stripSpans(child);
  }
  return out;
}
