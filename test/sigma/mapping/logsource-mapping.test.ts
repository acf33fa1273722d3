// Logsource mappings: the built-in Windows table, user files in spelunk's and THOR's formats.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_WINDOWS_MAPPING, loadLogsourceMapping } from '../../../src/sigma/index.ts';
import { entriesForLogsource } from '../../../src/sigma/mapping/logsource-mapping.ts';
import { matcherFor, SYSMON } from '../sigma-test-kit.ts';

const names = (logsource: Record<string, string>) =>
  entriesForLogsource(DEFAULT_WINDOWS_MAPPING, logsource).map((e) => [
    e.name,
    Object.fromEntries(e.conditions),
  ]);

test('process_creation runs on Sysmon 1 and Security 4688', () =>
  assert.deepEqual(names({ category: 'process_creation', product: 'windows' }), [
    ['process_creation_sysmon', { Channel: [SYSMON], EventID: ['1'] }],
    ['process_creation_security', { Channel: ['Security'], EventID: ['4688'] }],
  ]));

test('registry_add adds an EventType condition', () =>
  assert.deepEqual(names({ category: 'registry_add', product: 'windows' }), [
    ['registry_add_sysmon', { Channel: [SYSMON], EventID: ['12'], EventType: ['CreateKey'] }],
  ]));

test('services map to their channels; product alone to every event', () => {
  assert.deepEqual(names({ product: 'windows', service: 'security' }), [
    ['windows_security', { Channel: ['Security'] }],
  ]);
  assert.deepEqual(names({ product: 'windows' }), [['windows_any', {}]]);
  assert.deepEqual(names({ product: 'linux', category: 'process_creation' }), []);
});

test('registry_add rules do not fire on other registry events', () => {
  const { matches } = matcherFor(
    `title: R\nlogsource: {category: registry_add, product: windows}\ndetection:\n  sel:\n    TargetObject|contains: Run\n  condition: sel`,
  );
  assert.equal(
    matches({ Channel: SYSMON, EventID: '12', EventType: 'CreateKey', TargetObject: 'HKLM\\Run' }),
    true,
  );
  assert.equal(
    matches({ Channel: SYSMON, EventID: '12', EventType: 'DeleteKey', TargetObject: 'HKLM\\Run' }),
    false,
  );
});

test('spelunk format: entries, field mappings, extends: default, null selectors', () => {
  const loaded = loadLogsourceMapping({
    name: 'm.yml',
    text: `extends: default
fieldmappings:
  User: user_name
logsources:
  - name: edr_process
    category: process_creation
    product: windows
    service: ~
    conditions:
      Channel: EDR/Process
      EventID: [1, 100]
    fieldmappings:
      Image: process_path
`,
  });
  assert.deepEqual(loaded.diagnostics, []);
  const mapping = loaded.mapping;
  assert.ok(mapping);
  const { titles } = matcherFor(
    `title: P\nlogsource: {category: process_creation, product: windows}\ndetection:\n  sel:\n    Image|endswith: '\\x.exe'\n    User: bob\n  condition: sel`,
    { mapping },
  );
  assert.deepEqual(
    titles({ Channel: 'EDR/Process', EventID: '100', process_path: 'C:\\x.exe', user_name: 'BOB' }),
    ['P'],
  );
  assert.deepEqual(
    titles({ Channel: SYSMON, EventID: '1', Image: 'C:\\x.exe', user_name: 'bob' }),
    ['P'],
  );
});

test('THOR format: rewrite chains give category entries their service channels', () => {
  const loaded = loadLogsourceMapping({
    name: 'thor.yml',
    text: `title: THOR
logsources:
    process_creation_2:
        category: process_creation
        product: windows
        conditions:
            EventID: 4688
        rewrite:
            product: windows
            service: security
        fieldmappings:
            Image: NewProcessName
    windows-security:
        product: windows
        service: security
        sources:
            - "WinEventLog:Security"
    apache:
        category: webserver
        sources:
            - "File:/var/log/apache/*.log"
`,
  });
  assert.deepEqual(loaded.diagnostics, []);
  assert.deepEqual(
    loaded.mapping?.entries.map((e) => [
      e.name,
      Object.fromEntries(e.conditions),
      Object.fromEntries(e.fieldMappings),
    ]),
    [
      [
        'process_creation_2',
        { EventID: ['4688'], Channel: ['Security'] },
        { Image: ['NewProcessName'] },
      ],
      ['windows-security', { Channel: ['Security'] }, {}],
    ],
  );
});

test('a broken mapping file is refused with a located diagnostic', () => {
  const loaded = loadLogsourceMapping({ name: 'bad.yml', text: 'logsources: 3\n' });
  assert.equal(loaded.mapping, undefined);
  assert.equal(loaded.diagnostics[0]?.code, 'SIGMA060');
});
