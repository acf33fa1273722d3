// Field knowledge over fields named like Object.prototype members: read and written as fields, never inherited.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { loadDataModels } from '../../../src/knowledge/datamodels/load/load-data-models.ts';
import { readKnowledgeText } from '../../../src/knowledge/source/load-knowledge-files.ts';
import { applyKnowledge, cleanKnowledge } from '../helpers.ts';

const event = (fields: Event): Event => ({ sourcetype: 'st', source: 's', ...fields });
const carrying = (json: string): Event => event(JSON.parse(json) as Event);
const own = (row: Event | undefined, name: string): unknown =>
  row === undefined ? undefined : Object.getOwnPropertyDescriptor(row, name)?.value;

function apply(props: string, events: readonly Event[], transforms?: string): Event[] {
  const base = cleanKnowledge({ props: `[st]\n${props}\n`, ...(transforms ? { transforms } : {}) });
  const out = applyKnowledge(base, events);
  for (const row of out) assert.equal(Object.getPrototypeOf(row), Object.prototype);
  return out;
}

describe('FIELDALIAS, EVAL, EXTRACT, REPORT', () => {
  test('FIELDALIAS from hasOwnProperty: aliases the field, never the inherited method', () => {
    const [without, withField] = apply('FIELDALIAS-x = hasOwnProperty AS owner', [
      event({}),
      carrying('{"hasOwnProperty":"h"}'),
    ]);
    assert.equal(own(without, 'owner'), undefined);
    assert.equal(own(withField, 'owner'), 'h');
  });

  test('FIELDALIAS AS / ASNEW into __proto__ and toString', () => {
    const [as] = apply('FIELDALIAS-x = user AS __proto__', [event({ user: ['u1', 'u2'] })]);
    assert.deepEqual(own(as, '__proto__'), ['u1', 'u2']);
    const [asnew] = apply('FIELDALIAS-x = user ASNEW toString', [event({ user: 'u' })]);
    assert.equal(own(asnew, 'toString'), 'u');
    // An alias target that is an inherited name is not "already set".
    const [kept] = apply('FIELDALIAS-x = user ASNEW constructor', [event({ user: 'u' })]);
    assert.equal(own(kept, 'constructor'), 'u');
  });

  test('EVAL-constructor and EVAL reading valueOf', () => {
    const [plain, carried] = apply(
      'EVAL-constructor = coalesce(valueOf, "none")\nEVAL-__proto__ = if(isnull(toString), "no", "yes")',
      [event({}), carrying('{"valueOf":"v","toString":"t"}')],
    );
    assert.equal(own(plain, 'constructor'), 'none');
    assert.equal(own(plain, '__proto__'), 'no');
    assert.equal(own(carried, 'constructor'), 'v');
    assert.equal(own(carried, '__proto__'), 'yes');
  });

  test('EXTRACT named groups __proto__ and toString; EXTRACT ... in constructor', () => {
    const [row] = apply('EXTRACT-x = (?<__proto__>\\w+)-(?<toString>\\w+)', [
      event({ _raw: 'left-right' }),
    ]);
    assert.equal(own(row, '__proto__'), 'left');
    assert.equal(own(row, 'toString'), 'right');
    const [none, some] = apply('EXTRACT-y = (?<first>\\w) in constructor', [
      event({}),
      carrying('{"constructor":"zz"}'),
    ]);
    assert.equal(own(none, 'first'), undefined);
    assert.equal(own(some, 'first'), 'z');
  });

  test('REPORT with SOURCE_KEY = constructor', () => {
    const transforms = '[t]\nREGEX = (?<part>\\d+)\nSOURCE_KEY = constructor\n';
    const [none, some] = apply(
      'REPORT-x = t',
      [event({}), carrying('{"constructor":"a12"}')],
      transforms,
    );
    assert.equal(own(none, 'part'), undefined);
    assert.equal(own(some, 'part'), '12');
  });
});

describe('LOOKUP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-knowledge-proto-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'names.csv');
  writeFileSync(file, 'constructor,__proto__\nk,P\n');
  const lookupFiles = new Map([['names.csv', file]]);
  const transforms = '[names]\nfilename = names.csv\n';

  test('input constructor, output __proto__; events without the input are left alone', () => {
    const base = cleanKnowledge({
      props: '[st]\nLOOKUP-l = names constructor OUTPUT __proto__\n',
      transforms,
      lookupFiles,
    });
    const [without, matched] = applyKnowledge(base, [event({}), carrying('{"constructor":"k"}')]);
    assert.equal(Object.hasOwn(without ?? {}, '__proto__'), false);
    assert.equal(own(matched, '__proto__'), 'P');
    assert.equal(Object.getPrototypeOf(matched), Object.prototype);
  });
});

describe('knowledge files', () => {
  test('a YAML section named constructor is an unknown section', () => {
    const { files, diagnostics } = readKnowledgeText('constructor:\n  x: 1\n', 'k.yml');
    assert.equal(files.length, 0);
    assert.match(diagnostics[0]?.message ?? '', /unknown section "constructor"/);
  });
});

describe('data models', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-dm-proto-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('event type searches and field expressions over prototype names', () => {
    const mapping = path.join(dir, 'proto.yml');
    writeFileSync(
      mapping,
      [
        'eventtypes:',
        '  proto-process:',
        '    search: sourcetype=my:edr constructor=*',
        '    tags: [process, report]',
        '    fields:',
        '      process_name: toString',
        '      process: coalesce(__proto__, "none")',
        '',
      ].join('\n'),
    );
    const { dataModels, diagnostics } = loadDataModels({ paths: [mapping], builtin: false });
    assert.deepEqual(diagnostics, []);
    const resolved = dataModels.resolve('Endpoint.Processes');
    assert.ok(resolved.ok);
    const projection = resolved.dataset.project(
      new Set(['Processes.process_name', 'Processes.process']),
      'prefixed',
    );
    const edr = { sourcetype: 'my:edr', _time: 1 };
    assert.equal(projection.project(edr), undefined);
    const row = projection.project({
      ...edr,
      ...(JSON.parse('{"constructor":"c","toString":"t.exe","__proto__":"cmd"}') as Event),
    });
    assert.deepEqual(row, { 'Processes.process_name': 't.exe', 'Processes.process': 'cmd' });
    // Without toString, CIM's process_name falls back to the first word of process.
    const fallback = projection.project({ ...edr, constructor: 'c' });
    assert.deepEqual(fallback, { 'Processes.process_name': 'none', 'Processes.process': 'none' });
  });
});
