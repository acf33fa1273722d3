// Hostile input never crashes or hangs the Sigma layer: mutated rule files and odd events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import { compileSigmaRules, convertToSpl, createSigmaMatcher } from '../../src/sigma/index.ts';
import { loadText, processRule, sysmonProcess } from './sigma-test-kit.ts';

const RULE = processRule(`    selection:
        Image|endswith: '\\whoami.exe'
        CommandLine|contains|all: ['/all', '/priv']
        CommandLine|re: '(?i)who[a-z]+'
    filter:
        - User|startswith: 'NT AUTHORITY'
        - ParentImage: null
    condition: selection and not 1 of filter*
`);

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const JUNK = [
  '|',
  ':',
  '-',
  ' ',
  '\n',
  '*',
  '?',
  '\\',
  "'",
  '"',
  '{',
  '[',
  ']',
  '}',
  '%',
  '&a',
  '*a',
  '!!str',
  '1 of',
  'not',
  '(',
  ')',
  '\t',
  '#',
];

test('500 mutated rule files load, compile and convert without throwing', () => {
  const next = random(1);
  for (let i = 0; i < 500; i++) {
    const chars = [...RULE];
    const edits = 1 + Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * chars.length);
      const roll = next();
      if (roll < 0.4) chars.splice(at, 1);
      else if (roll < 0.8) chars.splice(at, 0, JUNK[Math.floor(next() * JUNK.length)] as string);
      else chars.splice(at, 1, JUNK[Math.floor(next() * JUNK.length)] as string);
    }
    const text = chars.join('');
    const set = loadText(text);
    const failed = set.documents.filter((d) => d.document === undefined);
    for (const d of failed)
      assert.ok(
        d.diagnostics.some((x) => x.severity === 'error'),
        `no reason given for:\n${text}`,
      );
    const matcher = createSigmaMatcher(compileSigmaRules(set));
    matcher.match(sysmonProcess({ Image: 'C:\\whoami.exe', CommandLine: 'whoami /all /priv' }));
    convertToSpl(set);
  }
});

test('odd events: huge values, arrays, numbers, odd names, no Channel', () => {
  const set = loadText(RULE);
  const matcher = createSigmaMatcher(compileSigmaRules(set));
  const huge = `${'a'.repeat(1_000_000)}whoami /all /priv`;
  const events: Event[] = [
    sysmonProcess({ Image: 'C:\\whoami.exe', CommandLine: huge, ParentImage: 'C:\\explorer.exe' }),
    sysmonProcess({ Image: ['x', 'C:\\whoami.exe'], CommandLine: ['/all', 'whoami /all /priv'] }),
    sysmonProcess({ Image: 12, CommandLine: 3.5 }),
    { EventID: 1, CommandLine: 'whoami /all /priv' },
    { Channel: ['a', 'b'], EventID: ['1', '2'] },
    { 'Source Name': 'x', '': 'y', __proto__: 'z' } as unknown as Event,
    sysmonProcess({ Image: '\ud800\udfff\u0130\u03a3', CommandLine: '\u0000\uffff' }),
  ];
  const started = performance.now();
  for (const event of events) matcher.match(event);
  assert.equal(matcher.match(events[0] as Event).length, 1);
  assert.ok(performance.now() - started < 5000, 'matching stays linear in the value length');
});

test('a pathological regex is refused or runs in linear time', () => {
  const set = loadText(
    processRule(`    sel:\n        CommandLine|re: '(a+)+$'\n    condition: sel`),
  );
  const matcher = createSigmaMatcher(compileSigmaRules(set));
  const started = performance.now();
  matcher.match(sysmonProcess({ CommandLine: `${'a'.repeat(50_000)}!` }));
  assert.ok(performance.now() - started < 2000);
});
