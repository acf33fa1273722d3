// Converts a correlation rule into SPL with pySigma's Splunk `stats` method: the referenced rules'
// searches (a `multisearch` when there are several), `bin _time` + `stats`, then `| search`.
import type { RuleRefExpr, SigmaCorrelation } from '../../model/rule.ts';
import { SplUnsupportedError } from './spl-condition.ts';
import { splField } from './spl-text.ts';

export interface ReferencedQueries {
  /** The rule's name, else its id: the `event_type` pySigma assigns. */
  readonly ruleId: string;
  /** The reference as the correlation writes it (aliases are keyed by it). */
  readonly ref: string;
  readonly queries: readonly string[];
}

const OPERATORS = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '==', neq: '!=' } as const;

export function convertCorrelation(
  correlation: SigmaCorrelation,
  referenced: readonly ReferencedQueries[],
): string {
  const search = correlationSearch(correlation, referenced);
  // pySigma's `timespan_mapping`: only months are renamed (`M` → `mon`).
  const span = correlation.timespan.replace(/M$/, 'mon');
  const groupBy = correlation.groupBy.map((f) => ` ${splField(f)}`).join('');
  const bin = `| bin _time span=${span}`;
  const condition = correlation.condition;
  let aggregate: string;
  let filter: string;
  switch (correlation.type) {
    case 'event_count':
    case 'value_count':
    case 'temporal': {
      if (condition.kind === 'expression') {
        aggregate = `${bin}\n| stats values(event_type) as event_types by _time${groupBy}`;
        filter = `| search ${expression(condition.expr)}`;
        break;
      }
      const metric =
        correlation.type === 'event_count'
          ? 'event_count'
          : correlation.type === 'value_count'
            ? 'value_count'
            : 'event_type_count';
      const stat =
        correlation.type === 'event_count'
          ? 'count'
          : correlation.type === 'value_count'
            ? `dc(${condition.field ?? ''})`
            : 'dc(event_type)';
      aggregate = `${bin}\n| stats ${stat} as ${metric} by _time${groupBy}`;
      filter = `| search ${condition.bounds.map((b) => `${metric} ${OPERATORS[b.op]} ${b.value}`).join(' ')}`;
      break;
    }
    default:
      throw new SplUnsupportedError(
        `pySigma's Splunk backend has no conversion for ${correlation.type} correlations`,
      );
  }
  return `${search}\n\n${aggregate}\n\n${filter}`;
}

function correlationSearch(
  correlation: SigmaCorrelation,
  referenced: readonly ReferencedQueries[],
): string {
  const single = referenced.length === 1 ? referenced[0] : undefined;
  if (single !== undefined && single.queries.length === 1) return single.queries[0] as string;
  const lines = referenced.flatMap((r) => {
    const rename = [...correlation.aliases]
      .flatMap(([alias, byRule]) => {
        const field = byRule.get(r.ref);
        return field === undefined ? [] : [` | rename ${field} as ${alias}`];
      })
      .join('');
    return r.queries.map((q) => `[ search ${q} | eval event_type="${r.ruleId}"${rename} ]`);
  });
  return `| multisearch\n${lines.join('\n')}`;
}

/** Extended temporal conditions: `event_types="rule"` joined as pySigma's text backend joins them. */
function expression(expr: RuleRefExpr): string {
  switch (expr.kind) {
    case 'ref':
      return `event_types="${expr.name}"`;
    case 'not':
      return `NOT ${expr.arg.kind === 'ref' ? expression(expr.arg) : `(${expression(expr.arg)})`}`;
    case 'and':
      return expr.args
        .map((a) => ` ${a.kind === 'or' ? `(${expression(a)})` : expression(a)} `)
        .join(' ')
        .trim();
    case 'or':
      return expr.args
        .map((a) => ` ${expression(a)} `)
        .join('OR')
        .trim();
  }
}
