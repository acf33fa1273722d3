// The search optimizer keeps the search compiler's answers: same rows kept, over many shapes and values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { compileOptimizedSearch } from '../../../src/spl/operators/search-optimizer.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';
import { compileSearch } from '../../../src/spl/search/compile-search.ts';

const CLAUSES = [
  'index=win* sourcetype=Sysmon EventCode=1 (Image="*\\\\code.exe" OR Image="*tunnel*" OR CommandLine="*--remote*")',
  'EventCode IN (1, 3) user!=admin (host=a OR user=b OR host=c)',
  'NOT Image="*cmd*" (EventCode=1 OR EventCode=7)',
  'CommandLine=*serve-web* OR (host=a user=*)',
  'user=B* EventCode>=3',
];

function events(count: number): Event[] {
  let seed = 11;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[seed % list.length] as T;
  };
  return Array.from({ length: count }, (_, i) => {
    const event: Event = {
      index: pick(['wineventlog', 'WinEventLog', 'main']),
      sourcetype: pick(['sysmon', 'Sysmon', 'other']),
      EventCode: pick(['1', '3', '7', 1, '01']),
      Image: pick(['C:\\x\\Code.exe', 'C:\\devtunnel.exe', 'C:\\cmd.exe', 'notepad']),
      CommandLine: pick([`x --remote ${i}`, `serve-web ${i}`, 'plain', undefined]),
      host: pick(['a', 'b', 'c', undefined]),
      user: pick(['admin', 'b', 'Bob', ['b', 'admin'], undefined]),
    };
    return Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined));
  });
}

test('optimized and plain search keep exactly the same rows', () => {
  const sample = events(20_000);
  for (const clause of CLAUSES) {
    const parsed = parseSpl(clause);
    const command = parsed.pipeline.commands[0];
    assert.ok(command?.kind === 'Search' && command.expr !== undefined, clause);
    const plain = compileSearch(command.expr);
    assert.ok(plain.ok);
    const optimized = compileOptimizedSearch(
      { source: parsed.expanded } as Parameters<typeof compileOptimizedSearch>[0],
      command.expr,
    );
    assert.ok(!Array.isArray(optimized));
    const test = (optimized as { test: (e: Event) => boolean }).test;
    const expected = sample.map((e) => plain.value.test(e));
    assert.deepEqual(
      sample.map((e) => test(e)),
      expected,
      clause,
    );
    assert.ok(
      expected.some(Boolean) && !expected.every(Boolean),
      `${clause} keeps some rows and drops others`,
    );
  }
});
