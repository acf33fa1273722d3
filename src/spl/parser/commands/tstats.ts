// `tstats [options] <aggregations> [FROM ...] [WHERE <search>] [BY <fields> [span=..]]`
// (Search Reference, tstats). The WHERE clause uses search syntax, not eval.
import { span } from '../../../core/index.ts';
import type {
  ByClause,
  TstatsCommand,
  TstatsFrom,
  TstatsOptions,
  TstatsWhere,
} from '../../ast/command.ts';
import { parseAggregations, parseByClause } from '../aggregations.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { atOption, type OptionTable, parseOptions } from '../options.ts';
import { parseSearchClause } from '../search-clause.ts';

const OPTIONS: OptionTable = {
  prestats: 'boolean',
  local: 'boolean',
  append: 'boolean',
  summariesonly: 'boolean',
  include_reduced_buckets: 'boolean',
  allow_old_summaries: 'boolean',
  chunk_size: 'integer',
  fillnull_value: 'string',
};
const CLAUSES = ['from', 'where', 'by'];

export const parseTstats: CommandParser = (cursor, header): TstatsCommand => {
  const options = parseOptions<TstatsOptions>(cursor, 'tstats', OPTIONS);
  const aggregations = parseAggregations(cursor, CLAUSES);
  // ESCU writes options after an aggregation too: `tstats count `summariesonly` values(x)`.
  while (atOption(cursor)) {
    parseOptions(cursor, 'tstats', OPTIONS, options);
    aggregations.push(...parseAggregations(cursor, CLAUSES));
  }
  let from: TstatsFrom | undefined;
  let where: TstatsWhere | undefined;
  let by: ByClause | undefined;
  for (;;) {
    if (!from && cursor.atKeyword('argument', 'from')) from = parseFrom(cursor);
    else if (!where && cursor.atKeyword('argument', 'where')) where = parseWhere(cursor);
    else if (!by && cursor.atKeyword('argument', 'by')) by = parseByClause(cursor, CLAUSES, true);
    else break;
  }
  expectEnd(cursor, 'tstats');
  return {
    kind: 'Tstats',
    ...commandBase(cursor, header),
    options,
    aggregations,
    ...(from ? { from } : {}),
    ...(where ? { where } : {}),
    ...(by ? { by } : {}),
  };
};

function parseFrom(cursor: Cursor): TstatsFrom {
  const keyword = cursor.next('argument');
  const first = cursor.next('argument');
  if (first.kind !== 'word' && first.kind !== 'string')
    cursor.unexpected(first, 'a data model or namespace after FROM');
  const lower = first.text.toLowerCase();
  const base = { kind: 'TstatsFrom' as const, keyword: keyword.text };
  if ((lower === 'datamodel' || lower === 'sid') && cursor.peek('argument').text === '=') {
    cursor.next('argument');
    const target = cursor.next('argument');
    if (target.kind !== 'word' && target.kind !== 'string')
      cursor.unexpected(target, 'a data model name');
    return {
      ...base,
      source: lower,
      separator: '=',
      target: textArgument(target),
      span: span(keyword.span.start, target.span.end),
    };
  }
  const colon = /^(datamodel|sid):(.+)$/i.exec(first.text);
  if (colon && !first.quoted) {
    const offset = (colon[1] ?? '').length + 1;
    const targetText = colon[2] ?? '';
    return {
      ...base,
      source: (colon[1] ?? '').toLowerCase() === 'sid' ? 'sid' : 'datamodel',
      separator: ':',
      target: {
        kind: 'Text',
        value: targetText,
        raw: targetText,
        quoting: 'none',
        span: span(first.span.start + offset, first.span.end),
      },
      span: span(keyword.span.start, first.span.end),
    };
  }
  return {
    ...base,
    source: 'namespace',
    separator: '',
    target: textArgument(first),
    span: span(keyword.span.start, first.span.end),
  };
}

function parseWhere(cursor: Cursor): TstatsWhere {
  const keyword = cursor.next('argument');
  const expr = parseSearchClause(cursor, { stopWords: ['by', 'from'] });
  if (!expr) cursor.unexpected(cursor.peek('search'), 'a search after WHERE');
  return {
    kind: 'TstatsWhere',
    keyword: keyword.text,
    expr,
    span: span(keyword.span.start, expr.span.end),
  };
}
