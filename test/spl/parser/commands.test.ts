// One table row per command: the typed node the parser builds (spans removed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOne } from './parse-helpers.ts';

const field = (name: string, quoting = 'none') => ({ kind: 'FieldName', name, quoting });
const option = (name: string, value: unknown, text = String(value)) => ({ name, value, text });

test('stats: bare count, aliases, count(eval(...)), perc95, by with commas and spaces', () => {
  const node = parseOne(
    '| stats count dc(user) as users, count(eval(x>5)) AS big perc95(t) by host, src dest',
  ) as {
    aggregations: { function: string; argument?: { kind: string }; alias?: { name: string } }[];
    by: { fields: { name: string }[] };
  };
  assert.deepEqual(
    node.aggregations.map((a) => [a.function, a.argument?.kind ?? '-', a.alias?.name ?? '-']),
    [
      ['count', '-', '-'],
      ['dc', 'FieldName', 'users'],
      ['count', 'EvalArgument', 'big'],
      ['perc95', 'FieldName', '-'],
    ],
  );
  assert.deepEqual(
    node.by.fields.map((f) => f.name),
    ['host', 'src', 'dest'],
  );
});

test('tstats: options (also between aggregations), from datamodel, search-syntax where, by span', () => {
  const node = parseOne(
    '| tstats summariesonly=false count allow_old_summaries=true min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe NOT Processes.user=SYSTEM by Processes.dest _time span=1h',
  ) as Record<string, unknown>;
  assert.deepEqual(node['options'], {
    summariesonly: option('summariesonly', false, 'false'),
    allow_old_summaries: option('allow_old_summaries', true, 'true'),
  });
  assert.deepEqual(node['from'], {
    kind: 'TstatsFrom',
    keyword: 'from',
    source: 'datamodel',
    separator: '=',
    target: {
      kind: 'Text',
      value: 'Endpoint.Processes',
      raw: 'Endpoint.Processes',
      quoting: 'none',
    },
  });
  const where = node['where'] as { expr: { kind: string; operands: unknown[] } };
  assert.equal(where.expr.kind, 'SearchAnd');
  assert.deepEqual(node['by'], {
    kind: 'ByClause',
    keyword: 'by',
    fields: [field('Processes.dest'), field('_time')],
    timeSpan: option('span', { value: 1, unit: 'h' }, '1h'),
  });
});

test('field-shaping commands', () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      '| table a, b c*',
      { kind: 'Table', name: 'table', fields: [field('a'), field('b'), field('c*')] },
    ],
    [
      '| fields - a,b_*',
      {
        kind: 'Fields',
        name: 'fields',
        mode: 'remove',
        explicitMode: true,
        fields: [field('a'), field('b_*')],
      },
    ],
    ['| fillnull', { kind: 'Fillnull', name: 'fillnull', options: {}, fields: [] }],
    [
      '| fillnull value=NULL a b',
      {
        kind: 'Fillnull',
        name: 'fillnull',
        options: { value: option('value', 'NULL') },
        fields: [field('a'), field('b')],
      },
    ],
    [
      '| rename Processes.* as *, "a b" AS c',
      {
        kind: 'Rename',
        name: 'rename',
        renames: [
          { kind: 'RenamePair', from: field('Processes.*'), keyword: 'as', to: field('*') },
          { kind: 'RenamePair', from: field('a b', 'double'), keyword: 'AS', to: field('c') },
        ],
      },
    ],
    ['| reverse', { kind: 'Reverse', name: 'reverse' }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseOne(text), expected, text);
});

test('sort keys: glued and separate signs, comparators, trailing desc, limit', () => {
  const node = parseOne('| sort 10 limit=5 -count, + num(port) str(user) desc') as {
    count: { value: number };
    options: { limit: { value: number } };
    keys: { field: { name: string }; direction: string; comparator: string }[];
    reverse: { value: string };
  };
  assert.equal(node.count.value, 10);
  assert.equal(node.options.limit.value, 5);
  assert.deepEqual(
    node.keys.map((k) => [k.field.name, k.direction, k.comparator]),
    [
      ['count', 'desc', 'none'],
      ['port', 'asc', 'num'],
      ['user', 'asc', 'str'],
    ],
  );
  assert.equal(node.reverse.value, 'desc');
});

test('rex, regex and convert keep their raw pieces', () => {
  const rex = parseOne('| rex field=process max_match=0 "(?<x>\\\\d+)\\"" mode=sed') as Record<
    string,
    unknown
  >;
  assert.deepEqual(rex['pattern'], {
    kind: 'Text',
    value: '(?<x>\\d+)"',
    raw: '(?<x>\\\\d+)\\"',
    quoting: 'double',
  });
  assert.deepEqual(Object.keys(rex['options'] as object), ['field', 'max_match', 'mode']);
  const regex = parseOne('| regex Image!="(?i)\\.exe$"') as Record<string, unknown>;
  assert.equal(regex['negated'], true);
  assert.deepEqual(regex['field'], field('Image'));
  const convert = parseOne(
    '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) AS t dur2sec(d)',
  ) as {
    options: { timeformat: { value: string } };
    conversions: { function: string; field: { name: string }; alias?: { name: string } }[];
  };
  assert.equal(convert.options.timeformat.value, '%Y-%m-%dT%H:%M:%S');
  assert.deepEqual(
    convert.conversions.map((c) => [c.function, c.field.name, c.alias?.name]),
    [
      ['ctime', 'firstTime', 't'],
      ['dur2sec', 'd', undefined],
    ],
  );
});

test('lookup: inputs with AS, OUTPUTNEW list; bin with span; dedup; head', () => {
  const lookup = parseOne(
    '| lookup update=true hijacklibs library AS loaded_file, excludes OUTPUTNEW islibrary, comment AS c',
  ) as {
    table: { value: string };
    inputs: { field: { name: string }; alias?: { name: string } }[];
    output: { mode: string; fields: { field: { name: string }; alias?: { name: string } }[] };
  };
  assert.equal(lookup.table.value, 'hijacklibs');
  assert.deepEqual(
    lookup.inputs.map((i) => [i.field.name, i.alias?.name]),
    [
      ['library', 'loaded_file'],
      ['excludes', undefined],
    ],
  );
  assert.equal(lookup.output.mode, 'OUTPUTNEW');
  assert.deepEqual(
    lookup.output.fields.map((i) => [i.field.name, i.alias?.name]),
    [
      ['islibrary', undefined],
      ['comment', 'c'],
    ],
  );
  const bin = parseOne('| bucket _time span=10s') as {
    name: string;
    options: { span: { value: unknown } };
  };
  assert.equal(bin.name, 'bucket');
  assert.deepEqual(bin.options.span.value, { value: 10, unit: 's' });
  const dedup = parseOne('| dedup 2 user host keepempty=t sortby -_time') as Record<
    string,
    unknown
  >;
  assert.deepEqual((dedup['options'] as { keepempty: { value: boolean } }).keepempty.value, true);
  const head = parseOne('| head 5') as { count: { value: number } };
  assert.equal(head.count.value, 5);
});

test('subsearch commands: join, append, appendpipe with a leading pipe, foreach templates, map', () => {
  const join = parseOne('| join type=outer user [search index=x | stats count by user]') as {
    options: { type: { value: string } };
    subsearch: { pipeline: { commands: unknown[] } };
  };
  assert.equal(join.options.type.value, 'outer');
  assert.equal(join.subsearch.pipeline.commands.length, 2);
  const appendpipe = parseOne('| appendpipe [| stats count | where count=0]') as {
    subpipeline: { pipeline: { leadingPipe: boolean; commands: { kind: string }[] } };
  };
  assert.equal(appendpipe.subpipeline.pipeline.leadingPipe, true);
  assert.deepEqual(
    appendpipe.subpipeline.pipeline.commands.map((c) => c.kind),
    ['Stats', 'Where'],
  );
  const foreach = parseOne("| foreach stdev_* [eval x_<<MATCHSTR>>='<<FIELD>>' * 2]") as {
    template: {
      pipeline: { commands: { kind: string; assignments: { field: { name: string } }[] }[] };
    };
  };
  assert.equal(foreach.template.pipeline.commands[0]?.assignments[0]?.field.name, 'x_<<MATCHSTR>>');
  const map = parseOne(
    '| map maxsearches=10 search="search EventCode=4624 TargetLogonId=$TargetLogonId$"',
  ) as {
    search: { value: string };
  };
  assert.equal(map.search.value, 'search EventCode=4624 TargetLogonId=$TargetLogonId$');
});

test('transaction boundaries: quoted search, eval(...), (search)', () => {
  const node = parseOne(
    '| transaction user maxspan=5m startswith="login" endswith=(EventCode=4634)',
  ) as {
    options: {
      startswith: { value: { kind: string } };
      endswith: { value: { kind: string } };
      maxspan: { value: unknown };
    };
  };
  assert.equal(node.options.startswith.value.kind, 'Text');
  assert.equal(node.options.endswith.value.kind, 'SearchComparison');
  assert.deepEqual(node.options.maxspan.value, { value: 5, unit: 'm' });
});

test('a real command spelunk does not model is Generic with its tokens', () => {
  const node = parseOne('| apply model_x threshold=0.5') as {
    kind: string;
    args: { text: string }[];
  };
  assert.equal(node.kind, 'Generic');
  assert.deepEqual(
    node.args.map((a) => a.text),
    ['model_x', 'threshold', '=', '0.5'],
  );
});

test('eval: several assignments, unusual target names', () => {
  const node = parseOne('| eval a=1, cpu:mem=x/y, {key}=v, \'b c\'="s"') as {
    assignments: { field: { name: string } }[];
  };
  assert.deepEqual(
    node.assignments.map((a) => a.field.name),
    ['a', 'cpu:mem', '{key}', 'b c'],
  );
});
