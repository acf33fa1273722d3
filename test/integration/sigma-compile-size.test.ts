// Compiling a rule is bounded and linear in its size. A rule whose values hold more than
// 1,048,576 characters is refused (SIGMA023, at the item that passes the bound) before the matcher
// is built: a 10 MB `|contains` value took 3 minutes and 3.1 GB. Under the bound, time and memory
// grow linearly, but the matcher's automaton (src/sigma/matcher) holds about 210 bytes per
// character today: issue 17 (engineer `sig`) rewrites it, and the memory test is marked todo until
// that lands. It still runs and reports its figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSigmaRules, createSigmaMatcher, loadSigmaRuleSet } from '../../src/sigma/index.ts';

test('a 10 MB |contains value is refused with SIGMA023 at its item, in bounded time and memory', () => {
  const text = ruleWith(10_000_000);
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const compiled = compileSigmaRules(loadSigmaRuleSet([{ name: 'r.yml', text }]));
  const ms = performance.now() - started;
  const grown = process.memoryUsage().heapUsed - heap;
  assert.equal(compiled.rules.length, 0);
  const refused = compiled.diagnostics[0];
  assert.equal(refused?.code, 'SIGMA023');
  assert.equal(text.slice(refused?.span?.start, refused?.span?.end), 'CommandLine|contains');
  assert.ok(ms < 30_000, `${Math.round(ms)} ms`);
  assert.ok(grown < 512 * 1024 * 1024, `${Math.round(grown / 1048576)} MB`);
});

function ruleWith(length: number): string {
  let value = '';
  let x = 12345;
  while (value.length < length) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    value += String.fromCharCode(97 + (x % 26));
  }
  return `title: big\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    CommandLine|contains: '${value}'\n  condition: sel\n`;
}

/** Milliseconds and retained heap bytes per character of compiling and first matching. */
function measure(length: number): { ms: number; bytesPerChar: number } {
  const text = ruleWith(length);
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const matcher = createSigmaMatcher(
    compileSigmaRules(loadSigmaRuleSet([{ name: 'r.yml', text }])),
  );
  matcher.match({
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: '1',
    CommandLine: 'x',
  });
  const ms = performance.now() - started;
  const bytesPerChar = (process.memoryUsage().heapUsed - heap) / length;
  return { ms, bytesPerChar };
}

test('a |contains value up to the bound compiles in linear time and memory', {
  todo: 'depends on issue 17 (sig): the Aho-Corasick automaton rewrite in src/sigma/matcher',
}, (t) => {
  const small = measure(100_000);
  const large = measure(1_000_000);
  t.diagnostic(
    `100 KB: ${Math.round(small.ms)} ms, ${Math.round(small.bytesPerChar)} B/char; 1 MB: ${Math.round(large.ms)} ms, ${Math.round(large.bytesPerChar)} B/char`,
  );
  assert.ok(large.ms < 15 * small.ms + 5_000, 'time grows linearly');
  assert.ok(large.bytesPerChar < 64, 'at most 64 bytes of heap per character of the rule');
});
