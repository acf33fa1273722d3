// Fuzz target: SPL search text → compile → run over a few events. Searches are generated from
// the language's commands and expressions, then mutated.
import assert from 'node:assert/strict';
import { type Event, formatDiagnostics } from '../../src/core/index.ts';
import type { SeededRandom } from '../../src/core/seeded-random.ts';
import { compileSpl, MemoryLimitError } from '../../src/spl/index.ts';
import { type FuzzTarget, int, mutateText, pick } from './fuzz-kit.ts';

const FIELDS = [
  'a',
  'b',
  'user',
  'Image',
  'CommandLine',
  'n',
  '_time',
  'x',
  'host',
  'f.g',
  '"q r"',
];
const LITERALS = [
  '1',
  '0',
  '-3.5',
  '"text"',
  '"a\\\\b"',
  'null()',
  'true()',
  '"%d"',
  '""',
  '1e400',
];
const FUNCTIONS = [
  'len',
  'lower',
  'upper',
  'mvappend',
  'mvzip',
  'mvjoin',
  'mvcount',
  'mvindex',
  'split',
  'substr',
  'replace',
  'match',
  'if',
  'case',
  'coalesce',
  'tonumber',
  'tostring',
  'isnull',
  'like',
  'mvfilter',
  'mvmap',
  'printf',
  'round',
  'abs',
  'md5',
  'urldecode',
  'trim',
  'strftime',
  'now',
  'relative_time',
  'cidrmatch',
  'searchmatch',
  'mvdedup',
  'mvsort',
  'mvrange',
  'spath',
  'typeof',
];
const OPERATORS = ['+', '-', '*', '/', '%', '.', '=', '!=', '<', '>=', 'AND', 'OR', 'XOR', 'LIKE'];
const REGEXES = [
  '"(?<n>\\\\d+)"',
  '"^(a|aa)*$"',
  '"(?i)cmd\\\\.exe"',
  '"(?<w>\\\\w+)\\\\s+\\\\k<w>"',
  '"[a-z]++x"',
  '"(?=x)y"',
  '"(.*a){9}"',
  '"\\\\h+"',
  '"(?<k>[^=]+)=(?<v>\\\\S*)"',
];

function expr(next: SeededRandom, depth: number): string {
  const roll = next();
  if (depth <= 0 || roll < 0.3) return next() < 0.5 ? pick(next, FIELDS) : pick(next, LITERALS);
  if (roll < 0.6) {
    const name = pick(next, FUNCTIONS);
    const args = Array.from({ length: int(next, 4) }, () =>
      next() < 0.15 ? pick(next, REGEXES) : expr(next, depth - 1),
    );
    return `${name}(${args.join(', ')})`;
  }
  if (roll < 0.85)
    return `${expr(next, depth - 1)} ${pick(next, OPERATORS)} ${expr(next, depth - 1)}`;
  if (roll < 0.93) return `NOT ${expr(next, depth - 1)}`;
  return `(${expr(next, depth - 1)})`;
}

function term(next: SeededRandom): string {
  const field = pick(next, FIELDS);
  return pick(next, [
    `${field}=${pick(next, ['1', 'x*', '*a*b*', '"v w"', '10.0.0.0/8'])}`,
    `${field}!=2`,
    `NOT ${field}=3`,
    `${field} IN (1, "2", c*)`,
    `(${field}=a OR ${field}=b)`,
    'cmd*exe',
    'earliest=-1h',
    `${field}>5`,
  ]);
}

const AGGREGATES = [
  'count',
  'dc(a)',
  'values(user)',
  'list(b)',
  'sum(n)',
  'avg(n)',
  'perc95(n)',
  'latest(x)',
  'mode(a)',
  'count(eval(n>1))',
];

function command(next: SeededRandom, depth: number): string {
  const f = () => pick(next, FIELDS);
  const aggs = () =>
    Array.from({ length: 1 + int(next, 3) }, () => pick(next, AGGREGATES)).join(' ');
  const sub = () => (depth > 0 ? pipeline(next, depth - 1) : 'search a=1');
  return pick(next, [
    () => `search ${Array.from({ length: 1 + int(next, 4) }, () => term(next)).join(' ')}`,
    () => `eval ${f()}=${expr(next, 4)}`,
    () => `where ${expr(next, 4)}`,
    () => `stats ${aggs()} by ${f()}`,
    () => `eventstats ${aggs()} by ${f()}`,
    () => `streamstats window=${int(next, 5)} ${aggs()} by ${f()}`,
    () => `sort ${pick(next, ['', '0 ', '- ', '5 '])}${f()}`,
    () => `dedup ${f()}`,
    () => `rex field=${f()} ${pick(next, REGEXES)}`,
    () => `regex ${f()}=${pick(next, REGEXES)}`,
    () => `table ${f()} ${f()}*`,
    () => `fields - ${f()}`,
    () => `rename ${f()} AS ${f()}`,
    () => `head ${int(next, 20)}`,
    () => `transaction ${f()} maxspan=${int(next, 60)}s`,
    () => `bin _time span=${1 + int(next, 10)}m`,
    () => `timechart span=1h count by ${f()}`,
    () => `top ${f()}`,
    () => `fillnull value=0`,
    () => `makemv delim="," ${f()}`,
    () => `mvexpand ${f()}`,
    () => `spath`,
    () => `append [${sub()}]`,
    () => `appendpipe [stats count]`,
    () => `foreach * [eval <<FIELD>>=<<FIELD>>]`,
    () => `search [${sub()} | fields ${f()}]`,
    () => `convert ctime(_time)`,
    () => `replace "a*" WITH "b" IN ${f()}`,
    () => `reverse`,
    () => `xmlkv`,
  ])();
}

function pipeline(next: SeededRandom, depth: number): string {
  const first = next() < 0.3 ? `| makeresults count=${int(next, 5)}` : term(next);
  const rest = Array.from({ length: int(next, 6) }, () => `| ${command(next, depth)}`);
  return [first, ...rest].join(' ');
}

const NASTY = [
  '|',
  '[',
  ']',
  '(',
  ')',
  '"',
  '\\',
  '`',
  '=',
  '*',
  ' OR ',
  ' NOT ',
  ',',
  '$',
  '\n',
  '\0',
  '\ud800',
  '(?<',
  '+',
];

const EVENTS: Event[] = [
  {
    _time: 1_700_000_000,
    a: '1',
    b: ['x', 'y'],
    user: 'u',
    Image: 'C:\\a\\cmd.exe',
    n: '5',
    host: 'h',
  },
  {
    _time: 1_700_000_060,
    a: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
    CommandLine: 'x=1 y=2',
    n: 'NaN',
    host: 'h',
  },
  { _time: 1_700_000_120, _raw: '<Event><System></System></Event>', user: 'v', x: '{"k":[1,2]}' },
  // Hostile field values: JSON and XML nested far deeper than any walker may recurse.
  {
    _time: 1_700_000_180,
    deep: `${'['.repeat(50_000)}1${']'.repeat(50_000)}`,
    _raw: `${'<a>'.repeat(20_000)}x${'</a>'.repeat(20_000)}`,
    x: `{"k":${'{"k":'.repeat(20_000)}1${'}'.repeat(20_001)}`,
  },
];

export const splTarget: FuzzTarget = {
  name: 'spl',
  generate: (next) => {
    const text = pipeline(next, 2);
    return next() < 0.4 ? mutateText(text, next, NASTY) : text;
  },
  async check(input) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    const result = compileSpl(text);
    if (!result.ok) {
      for (const d of result.diagnostics) {
        assert.match(d.code, /^SPL\d{3}$/, d.message);
        if (d.span)
          assert.ok(
            d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length + 1,
            `${d.code} span`,
          );
      }
      assert.equal(typeof formatDiagnostics(result.diagnostics), 'string');
      return;
    }
    const run = result.value.start({
      emit: () => {},
      warn: () => {},
      maxMemoryBytes: 64 * 1024 * 1024,
    });
    try {
      if (!result.value.generating) run.push(EVENTS.map((e) => ({ ...e })));
      run.finish();
    } catch (caught) {
      if (!(caught instanceof MemoryLimitError)) throw caught;
    }
  },
};
