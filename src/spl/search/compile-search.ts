// Compiles a search clause (spl/ast/search.ts) into a predicate over one event.
import {
  assertNever,
  type Diagnostic,
  type Event,
  error,
  failed,
  fieldReader as ownFieldReader,
  type Result,
  readField,
  type SourceText,
  succeeded,
} from '../../core/index.ts';
import type { SearchComparison, SearchExpr, SearchIn, SearchValue } from '../ast/search.ts';
import {
  meetsCondition,
  TIMEFORMAT_MODIFIER,
  type TimeCondition,
  type TimeConditionContext,
  timeCondition,
} from '../time/search-time-modifiers.ts';
import { clauseTimeModifiers, isTimeModifier } from '../time/search-time-window.ts';
import { scalarToNumber } from '../value/number.ts';
import { createLoweredReader, type LoweredReader, textValues } from './lowered-field.ts';
import { compileTermMatcher } from './raw-term.ts';
import { compileEquality, compileOrdering, type ValueTest } from './value-matcher.ts';
import { compileWildcard, SEARCH_WILDCARD } from './wildcard-pattern.ts';

export type SearchPredicate = (event: Event) => boolean;

export interface CompiledSearch {
  readonly test: SearchPredicate;
  /** Fields the clause reads by name; a field pattern such as `*_name` reads every field. */
  readonly fields: ReadonlySet<string>;
  /** True when bare terms or phrases read `_raw`, or a field name is a wildcard. */
  readonly readsRaw: boolean;
  readonly readsAllFields: boolean;
}

/** Stable codes of the search-clause compiler (docs/spl-semantics.md). */
const SearchCode = {
  unresolvedSubsearch: 'SPL401',
  badTimeModifier: 'SPL402',
} as const;

export type SearchCompileResult = Result<CompiledSearch>;

export interface SearchCompileOptions {
  /** The text spans point into, attached to diagnostics. */
  readonly source?: SourceText;
  /**
   * The search's time (epoch seconds) that relative time modifiers (`earliest=-24h`) count
   * from; defaults to the clock when the clause is compiled.
   */
  readonly now?: number;
  /**
   * The whole clause `expr` is a part of, when a caller compiles the parts of a clause one by
   * one: its `timeformat=` applies, and the caller adds the clause's implicit latest
   * (`latestNowPredicate`) itself.
   */
  readonly partOf?: SearchExpr;
}

interface SearchCompiler {
  readonly options: SearchCompileOptions;
  readonly diagnostics: Diagnostic[];
  readonly fields: Set<string>;
  readsRaw: boolean;
  readsAllFields: boolean;
  readonly readers: Map<string, LoweredReader>;
  readonly time: TimeConditionContext;
}

/**
 * Splunk search semantics: implicit AND, OR, NOT; `field=value` case-insensitive with `*`
 * wildcards, field names case-sensitive; any value of a multivalue field may match;
 * `field!=x` needs the field to exist while `NOT field=x` also keeps events without it;
 * `field=*` means the field exists; bare terms and phrases match `_raw` by token. Time
 * modifiers (`earliest=-24h@h`, `starthoursago=168`) test `_time`, never a field of that name.
 */
export function compileSearch(
  expr: SearchExpr,
  options: SearchCompileOptions = {},
): SearchCompileResult {
  const modifiers = clauseTimeModifiers(options.partOf ?? expr);
  const now = options.now ?? Date.now() / 1000;
  const compiler: SearchCompiler = {
    options,
    diagnostics: [],
    fields: new Set(),
    readsRaw: false,
    readsAllFields: false,
    readers: new Map(),
    time: {
      now,
      ...(modifiers.timeformat === undefined ? {} : { timeformat: modifiers.timeformat }),
    },
  };
  const clause = compileNode(compiler, expr);
  // "If you omit latest, the current time (now) is used" (Search Reference, "Time modifiers").
  const test: SearchPredicate =
    modifiers.latestIsNow && options.partOf === undefined
      ? both(clause, latestNowPredicate(now))
      : clause;
  if (compiler.diagnostics.length > 0) return failed(compiler.diagnostics);
  const { fields, readsRaw, readsAllFields } = compiler;
  return succeeded({ test, fields, readsRaw, readsAllFields });
}

function compileNode(compiler: SearchCompiler, expr: SearchExpr): SearchPredicate {
  switch (expr.kind) {
    case 'SearchAnd': {
      const parts = expr.operands.map((o) => compileNode(compiler, o));
      if (parts.length === 1) return parts[0] as SearchPredicate;
      if (parts.length === 2) {
        const [a, b] = parts as [SearchPredicate, SearchPredicate];
        return (e) => a(e) && b(e);
      }
      return (e) => parts.every((p) => p(e));
    }
    case 'SearchOr': {
      const parts = expr.operands.map((o) => compileNode(compiler, o));
      return (e) => {
        for (const p of parts) if (p(e)) return true;
        return false;
      };
    }
    case 'SearchNot': {
      const inner = compileNode(compiler, expr.operand);
      return (e) => !inner(e);
    }
    case 'SearchComparison':
      return compileComparison(compiler, expr);
    case 'SearchIn':
      return compileIn(compiler, expr);
    case 'SearchTerm': {
      compiler.readsRaw = true;
      compiler.fields.add('_raw');
      const matches = compileTermMatcher(
        expr.value.text,
        expr.value.caseSensitive,
        expr.value.term,
      );
      return (e) => {
        const raw = e['_raw'];
        if (raw === undefined) return false;
        if (typeof raw === 'object') return raw.some((r) => matches(String(r)));
        return matches(String(raw));
      };
    }
    case 'SearchSubsearch':
      // The plan runs a subsearch and substitutes its results (field=value terms) first.
      compiler.diagnostics.push(
        error(
          SearchCode.unresolvedSubsearch,
          'subsearch results must be substituted before the search clause is compiled',
          {
            span: expr.span,
            ...(compiler.options.source ? { source: compiler.options.source } : {}),
          },
        ),
      );
      return () => false;
    default:
      return assertNever(expr, 'search expression kind');
  }
}

/** Reads a field's values for a test: lower-cased once per event when the test wants that. */
function fieldReader(
  compiler: SearchCompiler,
  field: string,
  lowered: boolean,
): (e: Event) => readonly string[] {
  compiler.fields.add(field);
  if (!lowered) return (e) => textValues(e, field);
  let reader = compiler.readers.get(field);
  if (!reader) {
    reader = createLoweredReader(field);
    compiler.readers.set(field, reader);
  }
  return reader;
}

/** The field names an event has that match a wildcard field name such as `*_name`. */
function matchingFields(pattern: string): (e: Event) => string[] {
  const matchesName = compileWildcard(pattern, SEARCH_WILDCARD);
  return (e) =>
    Object.keys(e).filter((name) => readField(e, name) !== undefined && matchesName(name));
}

function anyValue(values: readonly string[], test: ValueTest['test']): boolean {
  for (const v of values) if (test(v)) return true;
  return false;
}

function valueTest(op: SearchComparison['op'], value: SearchValue): ValueTest {
  return op === '=' || op === '!=' ? compileEquality(value) : compileOrdering(op, value);
}

function compileComparison(compiler: SearchCompiler, expr: SearchComparison): SearchPredicate {
  if (isTimeModifier(expr)) return compileTimeModifier(compiler, expr);
  const { field, op, value } = expr;
  const exists = value.text === '*';
  if (field.includes('*')) {
    compiler.readsAllFields = true;
    const names = matchingFields(field);
    const single = compileFieldTest(compiler, '', op, value, exists, true);
    return (e) => names(e).some((name) => single(e, name));
  }
  const test = compileFieldTest(compiler, field, op, value, exists, false);
  return (e) => test(e, field);
}

function compileFieldTest(
  compiler: SearchCompiler,
  field: string,
  op: SearchComparison['op'],
  value: SearchValue,
  exists: boolean,
  dynamic: boolean,
): (e: Event, name: string) => boolean {
  const { lowered, test } = valueTest(op, value);
  const read = dynamic ? undefined : fieldReader(compiler, field, lowered);
  const values = (e: Event, name: string) =>
    read
      ? read(e)
      : lowered
        ? textValues(e, name).map((v) => v.toLowerCase())
        : textValues(e, name);
  if (op === '=') {
    if (exists) {
      if (dynamic) return (e, name) => readField(e, name) !== undefined;
      const present = ownFieldReader(field);
      return (e) => present(e) !== undefined;
    }
    return (e, name) => anyValue(values(e, name), test);
  }
  if (op === '!=') {
    // `field!=x` is true only for events that have the field (Search Reference, search:
    // "field!=value ... does not return events where the field does not exist").
    if (exists) return () => false;
    return (e, name) => {
      const vs = values(e, name);
      return vs.length > 0 && !anyValue(vs, test);
    };
  }
  return (e, name) => anyValue(values(e, name), test);
}

function compileIn(compiler: SearchCompiler, expr: SearchIn): SearchPredicate {
  if (isTimeModifier(expr)) {
    report(compiler, SearchCode.badTimeModifier, `${expr.field} takes one time, not a list`, expr);
    return () => false;
  }
  const tests = expr.values.map((value) =>
    compileComparison(compiler, {
      kind: 'SearchComparison',
      field: expr.field,
      fieldSpan: expr.fieldSpan,
      op: '=',
      value,
      span: value.span,
    }),
  );
  return (e) => {
    for (const t of tests) if (t(e)) return true;
    return false;
  };
}

function report(
  compiler: SearchCompiler,
  code: string,
  message: string,
  node: { readonly span: SearchExpr['span'] },
): void {
  compiler.diagnostics.push(
    error(code, message, {
      span: node.span,
      ...(compiler.options.source ? { source: compiler.options.source } : {}),
    }),
  );
}

/** `earliest=-24h@h` and the other time modifiers: a test of `_time` (or `_indextime`). */
function compileTimeModifier(compiler: SearchCompiler, expr: SearchComparison): SearchPredicate {
  if (expr.field === TIMEFORMAT_MODIFIER) return () => true; // read before compiling
  const result = timeCondition(expr.field, expr.op, expr.value.text, compiler.time);
  if (!result.ok) {
    report(compiler, SearchCode.badTimeModifier, result.message, expr);
    return () => false;
  }
  return timeTest(compiler, result.condition);
}

function timeTest(compiler: SearchCompiler, condition: TimeCondition): SearchPredicate {
  compiler.fields.add(condition.field);
  return conditionPredicate(condition, compiler.time.now);
}

/**
 * A time condition as a predicate. A row without `_time` fails it; a row without `_indextime`
 * was read from a file, not an index, and counts as indexed at the search's time.
 */
function conditionPredicate(condition: TimeCondition, now: number): SearchPredicate {
  const read = ownFieldReader(condition.field);
  const missing = condition.field === '_indextime' ? now : undefined;
  return (e) => {
    const value = read(e);
    const time = scalarToNumber(typeof value === 'object' ? value[0] : value) ?? missing;
    return time !== undefined && meetsCondition(condition, time);
  };
}

/**
 * `_time < now`: what a clause with an earliest and no latest also tests ("If you omit latest,
 * the current time (now) is used", Search Reference, "Time modifiers"). Reads `_time`.
 */
export function latestNowPredicate(now: number): SearchPredicate {
  return conditionPredicate({ field: '_time', op: '<', time: now, side: 'latest' }, now);
}

function both(a: SearchPredicate, b: SearchPredicate): SearchPredicate {
  return (e) => a(e) && b(e);
}
