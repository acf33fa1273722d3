// A copy of an AST without source positions, for comparing two parses of different texts.

/** Drops `span`, every `...Span` key and generic tokens' `spaceBefore`; keeps everything else. */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'span' || key.endsWith('Span')) continue;
    out[key] = stripSpans(child);
  }
  return out;
}
