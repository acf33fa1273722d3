// `spl-predicates`: the seed 000 search clause and its eval/where expressions over in-memory events.
import type { Event } from '../../src/core/event.ts';
import type { Expr } from '../../src/spl/ast/expr.ts';
import type { SearchExpr, SearchValue } from '../../src/spl/ast/search.ts';
import { compileExpr } from '../../src/spl/eval/compile-expr.ts';
import { compileSearch } from '../../src/spl/search/compile-search.ts';
import { type BenchSection, bestOf, rate, ratio } from '../harness.ts';

const at = { start: 0, end: 0 };
const value = (text: string): SearchValue => ({
  text,
  quoted: true,
  caseSensitive: false,
  term: false,
  span: at,
});
const eq = (field: string, text: string): SearchExpr => ({
  kind: 'SearchComparison',
  field,
  fieldSpan: at,
  op: '=',
  value: value(text),
  span: at,
});
const field = (name: string): Expr => ({ kind: 'Field', name, quoted: false, span: at });
const str = (v: string): Expr => ({ kind: 'String', value: v, span: at });
const num = (v: number): Expr => ({ kind: 'Number', value: v, text: String(v), span: at });
const call = (name: string, ...args: Expr[]): Expr => ({
  kind: 'Call',
  name,
  args,
  nameSpan: at,
  span: at,
});
const flag = (f: string, re: string): Expr =>
  call('if', call('match', field(f), str(re)), num(1), num(0));

// index=... sourcetype=... EventCode=1 (Image="*\\code.exe" OR ... OR CommandLine="*--remote-tunnel*")
const seedSearch: SearchExpr = {
  kind: 'SearchAnd',
  span: at,
  operands: [
    eq('index', 'wineventlog'),
    eq('sourcetype', 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'),
    eq('EventCode', '1'),
    {
      kind: 'SearchOr',
      span: at,
      operands: [
        ...[
          '*\\code.exe',
          '*\\code-tunnel.exe',
          '*\\code-insiders.exe',
          '*\\devtunnel.exe',
          '*\\devtunnel',
          '*\\jetbrains-gateway.exe',
          '*\\gateway.exe',
          '*\\remote-dev-server*',
          '*\\cursor.exe',
        ].map((v) => eq('Image', v)),
        ...['*tunnel*', '*serve-web*', '*--remote-tunnel*'].map((v) => eq('CommandLine', v)),
      ],
    },
  ],
};

const seedEvals: Expr[] = [
  flag('CommandLine', '(?i)tunnel'),
  flag('Image', '(?i)(code\\.exe|code-tunnel|code-insiders)'),
  flag('Image', '(?i)(jetbrains-gateway|gateway\\.exe|remote-dev-server|idea|pycharm)'),
  flag('CommandLine', '(?i)(--github|github|--provider\\s+github)'),
  flag('CommandLine', '(?i)(--cli|--no-browser|--accept-server-license-terms|serve-web)'),
];

function makeEvents(n: number): Event[] {
  const images = [
    'C:\\Windows\\System32\\svchost.exe',
    'C:\\Program Files\\Microsoft VS Code\\Code.exe',
    'C:\\Windows\\explorer.exe',
    'C:\\Users\\dev\\devtunnel.exe',
    'C:\\Windows\\System32\\cmd.exe',
  ];
  const lines = [
    'svchost.exe -k netsvcs',
    'code.exe tunnel --accept-server-license-terms',
    'explorer.exe',
    'devtunnel host -p 8080',
    'cmd.exe /c whoami',
  ];
  return Array.from({ length: n }, (_, i) => ({
    _time: 1_700_000_000 + i,
    index: 'wineventlog',
    sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    host: `host${i % 50}`,
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    EventCode: i % 4 === 0 ? '3' : '1',
    Image: images[i % images.length] as string,
    CommandLine: `${lines[i % lines.length]} ${i}`,
  }));
}

const section: BenchSection = {
  name: 'spl-predicates',
  description:
    'seed 000 search clause + eval expressions over in-memory events, next to a field-read floor',
  async run() {
    const events = makeEvents(200_000);
    const compiled = compileSearch(seedSearch);
    if (!compiled.ok) throw new Error('seed search did not compile');
    const test = compiled.value.test;
    const evals = seedEvals.map((e) => {
      const c = compileExpr(e);
      if (!c.ok) throw new Error('seed eval did not compile');
      return c.value.evaluate;
    });
    let sink = 0;
    const floor = await bestOf(5, () => {
      for (const e of events)
        if (
          e['EventCode'] === '1' &&
          typeof e['Image'] === 'string' &&
          typeof e['CommandLine'] === 'string'
        )
          sink++;
    });
    const searchOnly = await bestOf(5, () => {
      for (const e of events) if (test(e)) sink++;
    });
    const withEvals = await bestOf(5, () => {
      for (const e of events) {
        if (!test(e)) continue;
        for (const evaluate of evals) if (evaluate(e) === 1) sink++;
      }
    });
    console.log(
      `events: ${events.length}, matched per pass: ${events.filter(test).length} (sink ${sink > 0 ? 'ok' : 'empty'})`,
    );
    console.log(`floor (read three fields):        ${rate(events.length, floor)}`);
    console.log(
      `search clause:                    ${rate(events.length, searchOnly)}  (${ratio(searchOnly, floor)} floor time)`,
    );
    console.log(
      `search clause + 5 match() evals:  ${rate(events.length, withEvals)}  (${ratio(withEvals, floor)} floor time)`,
    );
  },
};

export default section;
