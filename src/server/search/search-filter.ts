// The leading search clause as a StoreFilter: what the store can check of it. Field comparisons on
// stored fields keep Splunk's meaning (textual, case-insensitive, `*` wildcards, `!=` needs the
// field, `NOT` keeps events without it); bare terms become "`_raw` contains" (looser than
// Splunk's token match); anything the store cannot see - a field field knowledge computes at
// search time, a CIDR value, an ordering, a wildcard field name, a subsearch - is `unknown`.
import { assertNever } from '../../core/index.ts';
import type { SearchComparison, SearchExpr, SearchValue } from '../../spl/index.ts';
import { isTimeModifierName } from '../../spl/index.ts';
import type { StoreFilter } from '../store/store-query.ts';

/** Fields the store cannot filter on for this search (written by field knowledge, or `_time`). */
export interface FilterLimits {
  readonly computed: (field: string) => boolean;
}

/**
 * Time modifiers (`earliest=-24h@h`) are conditions on `_time` the plan carries as its time
 * bounds, which the store query applies: as conjuncts of the whole clause they are exactly those
 * bounds (`true` here); anywhere else (inside OR, NOT) the bounds only approximate them.
 */
export function searchFilter(expr: SearchExpr | undefined, limits: FilterLimits): StoreFilter {
  if (expr === undefined) return { kind: 'true' };
  if (isTimeModifier(expr)) return timeModifierFilter(expr as SearchComparison);
  if (expr.kind === 'SearchAnd') {
    return {
      kind: 'and',
      operands: expr.operands.map((e) =>
        isTimeModifier(e) ? timeModifierFilter(e as SearchComparison) : nestedFilter(e, limits),
      ),
    };
  }
  return nestedFilter(expr, limits);
}

function isTimeModifier(expr: SearchExpr): boolean {
  return (
    expr.kind === 'SearchComparison' &&
    expr.fieldQuoting === undefined &&
    isTimeModifierName(expr.field)
  );
}

/** `_time` bounds are exact; `_indextime` ones are not (the store keeps no index time). */
function timeModifierFilter(expr: SearchComparison): StoreFilter {
  return expr.field.startsWith('_index_') ? { kind: 'unknown' } : { kind: 'true' };
}

function nestedFilter(expr: SearchExpr, limits: FilterLimits): StoreFilter {
  switch (expr.kind) {
    case 'SearchAnd':
      return { kind: 'and', operands: expr.operands.map((e) => nestedFilter(e, limits)) };
    case 'SearchOr':
      return { kind: 'or', operands: expr.operands.map((e) => nestedFilter(e, limits)) };
    case 'SearchNot':
      return { kind: 'not', operand: nestedFilter(expr.operand, limits) };
    case 'SearchComparison':
      if (isTimeModifier(expr)) return { kind: 'unknown' };
      return comparison(expr.field, expr.op, expr.value, limits);
    case 'SearchIn':
      return {
        kind: 'or',
        operands: expr.values.map((value) => comparison(expr.field, '=', value, limits)),
      };
    case 'SearchTerm':
      return {
        kind: 'rawContains',
        text: expr.value.text,
        caseSensitive: expr.value.caseSensitive,
      };
    case 'SearchSubsearch':
      return { kind: 'unknown' };
    default:
      return assertNever(expr, 'search expression');
  }
}

function comparison(
  field: string,
  op: SearchComparison['op'],
  value: SearchValue,
  limits: FilterLimits,
): StoreFilter {
  if (field.includes('*') || field === '_time' || limits.computed(field))
    return { kind: 'unknown' };
  if (op !== '=' && op !== '!=') return { kind: 'unknown' };
  // A CIDR value matches addresses in the block, which SQL text comparison cannot state.
  if (value.text.includes('/') && !value.text.includes('*')) return { kind: 'unknown' };
  const positive: StoreFilter =
    value.text === '*'
      ? { kind: 'exists', field }
      : {
          kind: 'match',
          field,
          pattern: value.caseSensitive ? value.text : value.text.toLowerCase(),
          caseSensitive: value.caseSensitive,
        };
  if (op === '=') return positive;
  // `field!=x` keeps events that have the field and no value matching x; `field!=*` keeps none.
  if (value.text === '*') return { kind: 'false' };
  return {
    kind: 'and',
    operands: [
      { kind: 'exists', field },
      { kind: 'not', operand: positive },
    ],
  };
}
