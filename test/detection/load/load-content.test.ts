// The loader over the fixture content directories: the three shapes normalised, every problem located.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from '../../../src/core/diagnostic.ts';
import { lineColumnAt } from '../../../src/core/span.ts';
import { loadContent } from '../../../src/detection/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'detection');
const shapes = loadContent([path.join(FIXTURES, 'shapes')]);
const broken = loadContent([path.join(FIXTURES, 'broken')]);

/** `ESCU110 missing_search.yml:1:1`: what a test can pin about a diagnostic. */
function located(d: Diagnostic): string {
  const file = path.basename(d.source?.name ?? d.location ?? '?');
  if (!d.source || !d.span) return `${d.code} ${file}`;
  const { line, column } = lineColumnAt(d.source.text, d.span.start);
  return `${d.code} ${file}:${line}:${column}`;
}

function detection(name: string) {
  const found = shapes.detections.find((d) => d.name === name);
  assert.ok(found, name);
  return found;
}

test('every file of the shapes fixture loads, with warnings only', () => {
  assert.deepEqual(
    Object.fromEntries(
      Object.entries(shapes.files).map(([k, v]) => [k, `${v.loaded}/${v.failed}`]),
    ),
    {
      detection: '3/0',
      macro: '2/0',
      lookup: '1/0',
      story: '1/0',
      data_source: '1/0',
      baseline: '0/0',
    },
  );
  assert.deepEqual(shapes.diagnostics.map(located).sort(), [
    'ESCU123 fixture_2026_shape.yml:11:7',
    'ESCU123 fixture_contentctl_5_shape.yml:10:5',
    'ESCU150 fixture_contentctl_5_shape.yml:48:15',
  ]);
  assert.ok(shapes.detections.every((d) => d.enabled));
});

test('2024 shape: Victim observables score confidence × impact / 100 (Python rounding)', () => {
  const d = detection('Fixture 2024 Shape');
  assert.equal(d.shape, 'escu-2024');
  assert.equal(d.riskMessage, 'certutil ran on $dest$ as $user$');
  // round(50 × 25 / 100) = round(12.5) = 12 in Python; the YAML's risk_score (99) is ignored,
  // and contentctl v4.4.7 files a Victim "User Name" under `other`.
  assert.deepEqual(
    d.riskEntities.map((e) => `${e.field}:${e.type}:${e.score}`),
    ['dest:system:12', 'user:user:12', 'who:other:12'],
  );
  assert.deepEqual(d.threatObjects, [{ field: 'process_name', type: 'process' }]);
  assert.deepEqual(d.analyticStories, ['Fixture Story']);
  assert.equal(d.filterMacro, 'fixture_2024_shape_filter');
  const attack = d.tests[0]?.attackData[0];
  assert.equal(attack?.location.kind, 'url');
  assert.equal(
    attack?.location.kind === 'url' ? attack.location.mirrorPath : '',
    'media/splunk/attack_data/master/datasets/attack_techniques/T1105/certutil/sysmon.log',
  );
});

test('contentctl 5 shape: rba risk and threat objects share the rba message', () => {
  const d = detection('Fixture contentctl 5 Shape');
  assert.equal(d.shape, 'contentctl-5');
  assert.equal(d.status, 'experimental');
  assert.deepEqual(d.riskEntities, [
    { field: 'dest', type: 'system', score: 40, message: '$user$ on $dest$ resolved $QueryName$' },
    { field: 'user', type: 'user', score: 30, message: '$user$ on $dest$ resolved $QueryName$' },
  ]);
  assert.deepEqual(d.threatObjects, [{ field: 'QueryName', type: 'domain' }]);
  assert.deepEqual(d.techniques, [
    { id: 'T1219.001', name: 'IDE Tunneling', tactics: ['Command and Control'] },
  ]);
  const [unit, benign] = d.tests;
  assert.equal(unit?.kind, 'unit');
  assert.equal(unit?.expectsResults, true);
  assert.equal(benign?.kind, 'benign');
  assert.equal(benign?.expectsResults, false);
  assert.equal(benign?.attackData[0]?.customIndex, 'wineventlog');
  assert.equal(benign?.attackData[0]?.host, 'fixture-host');
  assert.equal(
    unit?.attackData[0]?.location.kind === 'file' ? unit.attackData[0].location.path : '',
    path.join(FIXTURES, 'shapes', 'data', 'dns.log'),
  );
});

test('2026 shape: tags at the top level, each entity with its own message', () => {
  const d = detection('Fixture 2026 Shape');
  assert.equal(d.shape, 'escu-2026');
  assert.equal(d.date, '2026-02-01');
  assert.deepEqual(d.riskEntities, [
    {
      field: 'dest',
      type: 'system',
      score: 20,
      message: 'Image load on $dest$ via $ImageLoaded$.',
    },
  ]);
  assert.deepEqual(d.analyticStories, ['Fixture Story']);
  assert.deepEqual(
    d.techniques.map((t) => [t.id, t.tactics]),
    [['T1090', ['Command and Control']]],
  );
  assert.equal(d.securityDomain, 'endpoint');
});

test('stories list the detections that name them; lookups reach the SPL lookup store', () => {
  assert.deepEqual(shapes.stories[0]?.detections.length, 3);
  const lookup = shapes.lookups.resolve('fixture_hosts');
  assert.ok(!('severity' in lookup));
  assert.equal(lookup.definition.caseSensitive, false);
  assert.deepEqual(lookup.table.columns, ['host', 'owner']);
  assert.ok(shapes.macros.has('sysmon') && shapes.macros.has('security_content_ctime(1)'));
  assert.ok(shapes.macros.has('drop_dm_object_name(1)'), 'the front end built-ins are included');
});

test('broken content: every problem is reported where it is, and the rest loads', () => {
  assert.deepEqual(broken.diagnostics.map(located), [
    'SPL101 bad_search.yml:11:5',
    'ESCU101 bad_yaml.yml:3:17',
    'ESCU110 missing_search.yml:1:1',
    'ESCU112 missing_search.yml:14:15',
    'ESCU112 mixed_shapes.yml:18:1',
    'ESCU102 pyyaml_only.yml:10:1',
    'ESCU111 unknown_field.yml:12:1',
    'ESCU120 unknown_field.yml:2:5',
    'ESCU112 bad_match_type.yml:3:13',
    'ESCU130 missing_csv.yml:2:11',
    'ESCU121 sysmon_again.yml:1:1',
  ]);
  assert.deepEqual(
    broken.detections.map((d) => [d.name, d.enabled ? 'enabled' : d.disabled?.group]),
    [
      ['Bad Search', 'the search does not parse'],
      ['Duplicate Id', 'enabled'],
      ['Mstats Search', 'unsupported command "mstats"'],
      ['PyYAML Only', 'status: deprecated'],
    ],
  );
  assert.deepEqual(broken.files.detection, { loaded: 4, failed: 4 });
});

test('a search the engine cannot run is disabled with the reason, not reported as an error', () => {
  const mstats = broken.detections.find((d) => d.name === 'Mstats Search');
  assert.equal(mstats?.disabled?.code, 'unsupported-command');
  assert.equal(mstats?.disabled?.diagnostic?.code, 'SPL501');
  assert.match(mstats?.disabled?.message ?? '', /^unsupported command "mstats": /);
  // The engine's diagnostic points into the YAML file, at the command name.
  assert.equal(
    located(mstats?.disabled?.diagnostic as Diagnostic),
    'SPL501 mstats_search.yml:9:12',
  );
  assert.ok(!broken.diagnostics.some((d) => d.code === 'SPL501'));
});

test('a search that does not parse is an error in the YAML file, under the bad command', () => {
  const bad = broken.detections.find((d) => d.name === 'Bad Search');
  assert.equal(bad?.enabled, false);
  const d = bad?.disabled?.diagnostic;
  assert.ok(d?.source && d.span);
  assert.equal(d.source.text.slice(d.span.start, d.span.end), 'evall');
});

test('a directory that is not content is refused, and the others still load', () => {
  const pack = loadContent([path.join(FIXTURES, 'no-such-dir'), path.join(FIXTURES, 'shapes')]);
  assert.equal(pack.diagnostics[0]?.code, 'ESCU100');
  assert.equal(pack.detections.length, 3);
});
