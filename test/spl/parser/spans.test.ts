// Every node carries the span of exactly the text it was parsed from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../../../src/core/span.ts';
import type {
  RexCommand,
  SearchCommand,
  StatsCommand,
  TstatsCommand,
} from '../../../src/spl/ast/command.ts';
import { walkNodes } from '../../../src/spl/ast/walk.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';

function under(text: string, span: Span | undefined): string {
  assert.ok(span);
  return text.slice(span.start, span.end);
}

test('stats: command, name, aggregation, function, alias and by-clause spans', () => {
  const text = 'index=x | stats count(x) as n, dc(y) by host src';
  const stats = parsePipeline(text).pipeline.commands[1] as StatsCommand;
  assert.equal(under(text, stats.span), 'stats count(x) as n, dc(y) by host src');
  assert.equal(under(text, stats.nameSpan), 'stats');
  assert.equal(under(text, stats.aggregations[0]?.span), 'count(x) as n');
  assert.equal(under(text, stats.aggregations[0]?.functionSpan), 'count');
  assert.equal(under(text, stats.aggregations[0]?.alias?.span), 'n');
  assert.equal(under(text, stats.by?.span), 'by host src');
});

test('options: name, value and the whole name=value', () => {
  const text = '| rex field=process max_match=0 "(?<a>x)"';
  const rex = parsePipeline(text).pipeline.commands[0] as RexCommand;
  const field = rex.options.field;
  assert.equal(under(text, field?.span), 'field=process');
  assert.equal(under(text, field?.nameSpan), 'field');
  assert.equal(under(text, field?.valueSpan), 'process');
  assert.equal(under(text, rex.pattern.span), '"(?<a>x)"');
});

test('search clauses and tstats clauses', () => {
  const text =
    'a (b=1 OR c!="x y") | tstats count from datamodel=Endpoint.Processes where P.x=1 by P.y';
  const [search, tstats] = parsePipeline(text).pipeline.commands as [SearchCommand, TstatsCommand];
  assert.equal(under(text, search.expr?.span), 'a (b=1 OR c!="x y")');
  const texts: string[] = [];
  walkNodes(search.expr, (node) => {
    if (node.kind === 'SearchComparison')
      texts.push(under(text, (node as unknown as { span: Span }).span));
  });
  assert.deepEqual(texts, ['b=1', 'c!="x y"']);
  assert.equal(under(text, tstats.from?.span), 'from datamodel=Endpoint.Processes');
  assert.equal(under(text, tstats.from?.target.span), 'Endpoint.Processes');
  assert.equal(under(text, tstats.where?.span), 'where P.x=1');
});

test('every node of a long search has a span inside the text, start <= end', () => {
  const text =
    '| tstats count from datamodel=X.Y where a=1 by b | eval c=if(d>1, "e", f) | lookup t g AS h OUTPUT i | join j [search k | stats dc(l) by j] | sort - m';
  const parsed = parsePipeline(text);
  assert.deepEqual(parsed.diagnostics, []);
  let nodes = 0;
  walkNodes(parsed.pipeline, (node) => {
    const span = (node as unknown as { span?: Span }).span;
    assert.ok(span, `${node.kind} has a span`);
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, node.kind);
    nodes++;
  });
  assert.ok(nodes > 30);
});
