import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import {
  compileLookupApplication,
  type LookupApplication,
} from '../../../src/spl/lookups/apply-lookup.ts';
import type { ResolvedLookup } from '../../../src/spl/lookups/lookup-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-lookups-'));
writeFileSync(
  path.join(dir, 'tools.csv'),
  [
    'tool,category,risk',
    'code.exe,ide,1',
    '*tunnel*,tunnel,5',
    'ngrok.exe,tunnel,',
    'Code.exe,ide2,2',
  ].join('\n'),
);
writeFileSync(
  path.join(dir, 'tools.yml'),
  [
    'name: tools_wild',
    'filename: tools.csv',
    'match_type: WILDCARD(tool)',
    "case_sensitive_match: 'false'",
    'min_matches: 1',
    "default_match: 'none'",
  ].join('\n'),
);
const { lookups: store, diagnostics } = loadSearchLibrary({ lookups: [dir] });

function resolved(name: string): ResolvedLookup {
  const r = store.resolve(name);
  assert.ok(!('severity' in r), JSON.stringify(r));
  return r;
}

function apply(name: string, application: LookupApplication, event: Event): Event {
  const fn = compileLookupApplication(resolved(name), application);
  assert.ok(typeof fn === 'function');
  const copy = { ...event };
  fn(copy);
  // A null field may be stored as undefined; compare only fields that have a value.
  return Object.fromEntries(Object.entries(copy).filter(([, v]) => v !== undefined));
}

const pair = (lookupField: string, eventField = lookupField) => ({ lookupField, eventField });

describe('lookup application', () => {
  test('the directory loads without problems', () => assert.deepEqual(diagnostics, []));

  const cases: {
    name: string;
    lookup: string;
    app: LookupApplication;
    event: Event;
    expected: Event;
  }[] = [
    {
      name: 'no OUTPUT clause: every other column, overwriting',
      lookup: 'tools.csv',
      app: { inputs: [pair('tool', 'process')], outputs: undefined, mode: 'OUTPUT' },
      event: { process: 'code.exe', category: 'old' },
      expected: { process: 'code.exe', category: 'ide', risk: '1' },
    },
    {
      name: 'OUTPUT with no match makes the output field null',
      lookup: 'tools.csv',
      app: {
        inputs: [pair('tool', 'process')],
        outputs: [pair('category', 'cat')],
        mode: 'OUTPUT',
      },
      event: { process: 'calc.exe', cat: 'old' },
      expected: { process: 'calc.exe' },
    },
    {
      name: 'OUTPUTNEW keeps a field that has a value',
      lookup: 'tools.csv',
      app: {
        inputs: [pair('tool', 'process')],
        outputs: [pair('category', 'cat'), pair('risk')],
        mode: 'OUTPUTNEW',
      },
      event: { process: 'code.exe', cat: 'old' },
      expected: { process: 'code.exe', cat: 'old', risk: '1' },
    },
    {
      name: 'a missing input field leaves the event alone',
      lookup: 'tools.csv',
      app: { inputs: [pair('tool', 'process')], outputs: [pair('category')], mode: 'OUTPUT' },
      event: { category: 'kept' },
      expected: { category: 'kept' },
    },
    {
      name: 'an empty cell gives no value',
      lookup: 'tools.csv',
      app: { inputs: [pair('tool')], outputs: [pair('risk')], mode: 'OUTPUT' },
      event: { tool: 'ngrok.exe' },
      expected: { tool: 'ngrok.exe' },
    },
    {
      name: 'wildcard, case-insensitive definition; several matches become a multivalue',
      lookup: 'tools_wild',
      app: { inputs: [pair('tool', 'process')], outputs: [pair('category')], mode: 'OUTPUT' },
      event: { process: 'CODE.EXE' },
      expected: { process: 'CODE.EXE', category: ['ide', 'ide2'] },
    },
    {
      name: 'min_matches/default_match fill a miss',
      lookup: 'tools_wild',
      app: { inputs: [pair('tool', 'process')], outputs: [pair('category')], mode: 'OUTPUT' },
      event: { process: 'calc.exe' },
      expected: { process: 'calc.exe', category: 'none' },
    },
    {
      name: 'a multivalue input is looked up value by value, in order, keeping repeats',
      lookup: 'tools_wild',
      app: { inputs: [pair('tool', 'p')], outputs: [pair('category')], mode: 'OUTPUT' },
      event: { p: ['devtunnel', 'calc', 'devtunnel'] },
      expected: { p: ['devtunnel', 'calc', 'devtunnel'], category: ['tunnel', 'none', 'tunnel'] },
    },
    {
      name: 'numbers are compared as their text',
      lookup: 'tools.csv',
      app: { inputs: [pair('risk', 'score')], outputs: [pair('tool')], mode: 'OUTPUT' },
      event: { score: 5 },
      expected: { score: 5, tool: '*tunnel*' },
    },
  ];
  for (const c of cases) {
    test(c.name, () => assert.deepEqual(apply(c.lookup, c.app, c.event), c.expected));
  }

  test('unknown columns and lookups are diagnostics', () => {
    const result = compileLookupApplication(resolved('tools.csv'), {
      inputs: [pair('nope')],
      outputs: [pair('category')],
      mode: 'OUTPUT',
    });
    assert.ok(typeof result !== 'function');
    assert.equal(result.code, 'LKP304');
    const unknown = store.resolve('missing');
    assert.ok('severity' in unknown);
    assert.equal(unknown.code, 'LKP301');
  });
});
