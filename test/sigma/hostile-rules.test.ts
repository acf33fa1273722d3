// Hostile rule files: deep YAML, alias bombs and deep conditions are refused at once, located.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSigmaRules, loadSigmaRuleSet } from '../../src/sigma/index.ts';
import { allDiagnostics, loadText } from './sigma-test-kit.ts';

const rule = (detection: string, before = '') =>
  `${before}title: t\nlogsource: {product: windows}\ndetection:\n${detection}`;

test('a rule nested thousands of levels deep is refused with SIGMA002 where it gets too deep', () => {
  for (const detection of [
    `  sel:\n    a: ${'['.repeat(3000)}x${']'.repeat(3000)}\n  condition: sel\n`,
    `  sel:\n    a:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(6 + i)}- `).join('\n')}x\n  condition: sel\n`,
  ]) {
    const started = performance.now();
    const diagnostics = allDiagnostics(loadText(rule(detection)));
    assert.ok(performance.now() - started < 2_000);
    assert.equal(diagnostics[0]?.code, 'SIGMA002');
    assert.match(diagnostics[0]?.message ?? '', /nested deeper than 128/);
    assert.ok((diagnostics[0]?.span?.start ?? 0) > 40, 'points into the detection');
  }
});

test('a billion-laughs rule is refused before any expansion', () => {
  let anchors = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 12; i++)
    anchors += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  const started = performance.now();
  const diagnostics = allDiagnostics(
    loadText(rule('  sel:\n    f: *a11\n  condition: sel\n', anchors)),
  );
  assert.ok(performance.now() - started < 1_000, `${performance.now() - started} ms`);
  assert.equal(diagnostics[0]?.code, 'SIGMA002');
  assert.match(diagnostics[0]?.message ?? '', /expands to \d{1,3}(,\d{3}){4} nodes/);
  let chain = 'b0: &b0 x\n';
  for (let i = 1; i < 200; i++) chain += `b${i}: &b${i} [*b${i - 1}]\n`;
  const deep = allDiagnostics(loadText(rule('  sel:\n    f: *b199\n  condition: sel\n', chain)));
  assert.match(deep[0]?.message ?? '', /aliases nest the document deeper than 128 levels/);
});

test('deep conditions are refused (SIGMA030); long flat ones compile', () => {
  const deep = loadText(rule(`  sel:\n    a: x\n  condition: ${'not '.repeat(3000)}sel\n`));
  assert.equal(allDiagnostics(deep)[0]?.code, 'SIGMA030');
  const flat = loadText(
    rule(`  sel:\n    a: x\n  condition: ${Array(20_000).fill('sel').join(' or ')}\n`),
  );
  assert.deepEqual(allDiagnostics(flat), []);
  assert.equal(compileSigmaRules(flat).rules.length, 1);
});

test('a rule whose values pass 1,048,576 characters is SIGMA023 at the item passing it; others compile', () => {
  const bigRule = (a: number, b: number) =>
    `title: big\nlogsource: {product: windows, category: process_creation}\ndetection:\n  first:\n    CommandLine|contains: '${'a'.repeat(a)}'\n  second:\n    Image|endswith: '${'b'.repeat(b)}'\n  condition: first or second\n`;
  const text = bigRule(600_000, 600_000);
  const started = performance.now();
  const compiled = compileSigmaRules(loadSigmaRuleSet([{ name: 'big.yml', text }]));
  assert.equal(compiled.rules.length, 0);
  const refused = compiled.diagnostics[0];
  assert.equal(refused?.code, 'SIGMA023');
  assert.match(text.slice(refused?.span?.start, refused?.span?.end), /^(CommandLine|Image)\|/);
  assert.ok(performance.now() - started < 5_000);
  const fits = compileSigmaRules(
    loadSigmaRuleSet([{ name: 'ok.yml', text: bigRule(500_000, 500_000) }]),
  );
  assert.equal(fits.rules.length, 1);
});
