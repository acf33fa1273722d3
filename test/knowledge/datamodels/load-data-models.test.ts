// Users' own mappings (YAML event types): they feed the data models, replace built-ins, and every problem is located.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from '../../../src/core/diagnostic.ts';
import type { Event } from '../../../src/core/event.ts';
import { loadDataModels } from '../../../src/knowledge/datamodels/load/load-data-models.ts';
import { sysmonEvent } from './dm-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-datamodels-'));

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

function spanned(d: Diagnostic | undefined): string | undefined {
  return d?.source && d.span ? d.source.text.slice(d.span.start, d.span.end) : undefined;
}

const edrProcess: Event = {
  _time: 1_700_000_000,
  index: 'edr',
  host: 'ws-9',
  source: 'edr.json',
  sourcetype: 'my:edr',
  event_type: 'process_start',
  image: 'C:\\tools\\devtunnel.exe',
  cmd: 'devtunnel.exe host',
  device: 'ws-9',
};

describe('user mapping files', () => {
  test("an event type with tags and fields puts a user's own source into Endpoint.Processes", () => {
    const mapping = file(
      'edr.yml',
      [
        'eventtypes:',
        '  my-edr-process-start:',
        '    search: sourcetype=my:edr event_type=process_start',
        '    tags: [process, report]',
        '    fields:',
        '      process_name: replace(image, "^.*\\\\\\\\", "")',
        '      process: cmd',
        '      dest: device',
        '',
      ].join('\n'),
    );
    const { dataModels, diagnostics } = loadDataModels({ paths: [mapping] });
    assert.deepEqual(diagnostics, []);
    const resolved = dataModels.resolve('Endpoint.Processes');
    assert.ok(resolved.ok);
    const projection = resolved.dataset.project(
      new Set(['Processes.process_name', 'Processes.process', 'Processes.dest', 'Processes.user']),
      'prefixed',
    );
    assert.deepEqual(projection.project(edrProcess), {
      'Processes.process_name': 'devtunnel.exe',
      'Processes.process': 'devtunnel.exe host',
      'Processes.dest': 'ws-9',
      'Processes.user': 'unknown',
    });
    assert.equal(projection.project({ ...edrProcess, event_type: 'file_write' }), undefined);
  });

  test('a file may redefine a built-in event type; empty tags switch it off', () => {
    const mapping = file(
      'off.yaml',
      'eventtypes:\n  spelunk-sysmon-process-create:\n    search: EventCode=1\n    tags: ""\n',
    );
    const { dataModels, diagnostics } = loadDataModels({ paths: [dir] });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [],
    );
    assert.ok(mapping);
    const resolved = dataModels.resolve('Endpoint.Processes');
    assert.ok(resolved.ok);
    const row = resolved.dataset
      .project(new Set(['Processes.process']), 'prefixed')
      .project(sysmonEvent(1, { process: 'a.exe' }));
    assert.equal(row, undefined);
  });

  test('without the built-ins, only the files map events', () => {
    const { dataModels } = loadDataModels({ builtin: false });
    assert.equal(dataModels.eventTypes.length, 0);
  });
});

describe('problems in mapping files', () => {
  const cases: readonly [string, string, string, string | undefined][] = [
    ['not YAML', 'eventtypes: [a, b', 'DMD101', undefined],
    ['an unknown top-level key', 'eventtype:\n  x: {}\n', 'DMD102', 'eventtype'],
    [
      'an unknown event type key',
      'eventtypes:\n  x:\n    search: a=b\n    tags: [t]\n    tag: [t]\n',
      'DMD102',
      'tag',
    ],
    ['no tags', 'eventtypes:\n  x:\n    search: a=b\n', 'DMD102', 'search: a=b\n'],
    [
      'a search that does not parse',
      'eventtypes:\n  x:\n    search: a=b (c=d\n    tags: [t]\n',
      'DMD201',
      undefined,
    ],
    [
      'a field expression that does not parse',
      'eventtypes:\n  x:\n    search: a=b\n    tags: [t]\n    fields:\n      y: if(a, \n',
      'DMD202',
      undefined,
    ],
    [
      'a field expression calling an unknown function',
      'eventtypes:\n  x:\n    search: a=b\n    tags: [t]\n    fields:\n      y: nosuch(a)\n',
      'DMD202',
      'nosuch',
    ],
  ];
  for (const [title, text, code, under] of cases) {
    test(`${title}: ${code}`, () => {
      const mapping = file(`bad-${code}-${title.length}.yml`, text);
      const { diagnostics, dataModels } = loadDataModels({ paths: [mapping] });
      const d = diagnostics.find((x) => x.severity === 'error');
      assert.equal(d?.code, code, diagnostics.map((x) => x.message).join('\n'));
      assert.equal(d?.source?.name, mapping);
      if (under !== undefined) assert.equal(spanned(d), under);
      // The built-ins still load.
      assert.ok(dataModels.eventTypes.length > 0);
    });
  }

  test('a path that does not exist and a file that is not YAML', () => {
    const missing = path.join(dir, 'missing.yml');
    const text = file('mapping.txt', 'x');
    const { diagnostics } = loadDataModels({ paths: [missing, text] });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.location]),
      [
        ['DMD001', missing],
        ['DMD002', text],
      ],
    );
  });

  test('an event type defined twice in the files is a warning; the later wins', () => {
    const a = file('twice-a.yml', 'eventtypes:\n  dup:\n    search: a=1\n    tags: [x]\n');
    const b = file('twice-b.yml', 'eventtypes:\n  dup:\n    search: a=2\n    tags: [y]\n');
    const { diagnostics, dataModels } = loadDataModels({ paths: [a, b], builtin: false });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, spanned(d)]),
      [['DMD204', 'warning', 'a=2']],
    );
    assert.deepEqual([...(dataModels.eventTypes[0]?.tags ?? [])], ['y']);
  });
});
