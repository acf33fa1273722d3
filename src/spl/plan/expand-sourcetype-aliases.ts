// Rewrites `sourcetype=<legacy per-channel name>` so it also selects events indexed under the
// current convention: `sourcetype=XmlWinEventLog source=<that name>` (docs/event-model.md).
import { expandLegacySourcetype, type Span } from '../../core/index.ts';
import type { SearchComparison, SearchExpr, SearchIn, SearchValue } from '../ast/search.ts';

/**
 * Returns `node` with every `sourcetype=`, `sourcetype!=` and `sourcetype IN (...)` term that names
 * a legacy sourcetype widened; untouched subtrees keep their identity. Applied to whole pipelines
 * (subsearches included) before planning, so the search predicates, the route filters and the
 * printer all see the same clause.
 */
export function expandSourcetypeAliases<T>(node: T): T {
  return rewrite(node) as T;
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const next = node.map((item) => {
      const rewritten = rewrite(item);
      if (rewritten !== item) changed = true;
      return rewritten;
    });
    return changed ? next : node;
  }
  if (node === null || typeof node !== 'object') return node;
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'SearchComparison') return widenComparison(node as SearchComparison);
  if (kind === 'SearchIn') return widenIn(node as SearchIn);
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const rewritten = rewrite(value);
    if (rewritten !== value) changed = true;
    next[key] = rewritten;
  }
  return changed ? next : node;
}

function widenComparison(comparison: SearchComparison): SearchExpr {
  if (comparison.field !== 'sourcetype') return comparison;
  if (comparison.op !== '=' && comparison.op !== '!=') return comparison;
  const current = currentConvention(comparison.value, comparison.span);
  if (current === undefined) return comparison;
  const { span } = comparison;
  return comparison.op === '='
    ? { kind: 'SearchOr', operands: [comparison, current], span }
    : {
        kind: 'SearchAnd',
        operands: [comparison, { kind: 'SearchNot', operand: current, span }],
        span,
      };
}

function widenIn(list: SearchIn): SearchExpr {
  if (list.field !== 'sourcetype') return list;
  const widened = list.values.flatMap((value) => currentConvention(value, list.span) ?? []);
  if (widened.length === 0) return list;
  return { kind: 'SearchOr', operands: [list, ...widened], span: list.span };
}

/** `sourcetype=XmlWinEventLog source=<legacy name>` for a legacy name, else undefined. */
function currentConvention(value: SearchValue, span: Span): SearchExpr | undefined {
  if (value.caseSensitive || value.term) return undefined;
  const expansion = expandLegacySourcetype(value.text);
  if (expansion === undefined) return undefined;
  return {
    kind: 'SearchAnd',
    operands: [
      comparison('sourcetype', expansion.sourcetype, value.span, span),
      comparison('source', expansion.source, value.span, span),
    ],
    span,
  };
}

function comparison(field: string, text: string, valueSpan: Span, span: Span): SearchComparison {
  const value: SearchValue = {
    text,
    quoted: true,
    caseSensitive: false,
    term: false,
    span: valueSpan,
  };
  return { kind: 'SearchComparison', field, fieldSpan: span, op: '=', value, span };
}
