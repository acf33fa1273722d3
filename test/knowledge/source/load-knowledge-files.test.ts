// Loading --props paths: a Splunk app directory (default/ then local/), YAML, lookups, and what is refused.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadFieldKnowledge } from '../../../src/knowledge/load-field-knowledge.ts';
import { loadKnowledgeSources } from '../../../src/knowledge/source/load-knowledge-files.ts';
import { applyKnowledge } from '../helpers.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-knowledge-load-'));
after(() => rmSync(root, { recursive: true, force: true }));
const app = path.join(root, 'TA-test');
for (const dir of ['default', 'local', 'lookups'])
  mkdirSync(path.join(app, dir), { recursive: true });
writeFileSync(
  path.join(app, 'default', 'props.conf'),
  '[st]\nEVAL-from = "default"\nEVAL-kept = "default"\nLOOKUP-l = colours code OUTPUT colour\n',
);
writeFileSync(path.join(app, 'default', 'transforms.conf'), '[colours]\nfilename = colours.csv\n');
writeFileSync(path.join(app, 'default', 'eventtypes.conf'), '[x]\nsearch = a\n');
writeFileSync(path.join(app, 'default', 'app.conf'), '[ui]\nlabel = test\n');
writeFileSync(path.join(app, 'local', 'props.conf'), '[st]\nEVAL-from = "local"\n');
writeFileSync(path.join(app, 'lookups', 'colours.csv'), 'code,colour\n1,red\n');
const yaml = path.join(root, 'extra.yml');
writeFileSync(yaml, 'props:\n  st:\n    EVAL-from: \'"yaml"\'\n');

describe('loadKnowledgeSources', () => {
  test('an app directory: default/ then local/, lookups beside them, eventtypes.conf warned', () => {
    const sources = loadKnowledgeSources([app]);
    assert.deepEqual(
      sources.files.map((f) => [path.relative(app, f.source.name), f.kind]),
      [
        [path.join('default', 'props.conf'), 'props'],
        [path.join('default', 'transforms.conf'), 'transforms'],
        [path.join('local', 'props.conf'), 'props'],
      ],
    );
    assert.deepEqual([...sources.lookupFiles.keys()], ['colours.csv']);
    assert.deepEqual(
      sources.diagnostics.map((d) => [d.code, d.severity, path.basename(d.location ?? '')]),
      [['KNO002', 'warning', 'eventtypes.conf']],
    );
  });

  test('later paths win setting by setting; lookups in the app are found', () => {
    const { base, diagnostics } = loadFieldKnowledge({ builtin: false, paths: [app, yaml] });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['KNO002'],
    );
    const [out] = applyKnowledge(base, [{ sourcetype: 'st', source: 's', code: '1' }]);
    assert.deepEqual([out?.['from'], out?.['kept'], out?.['colour']], ['yaml', 'default', 'red']);
  });

  test('a missing path and a file that is not knowledge are errors with their location', () => {
    const other = path.join(root, 'notes.txt');
    writeFileSync(other, 'hello');
    const missing = path.join(root, 'nope');
    const sources = loadKnowledgeSources([missing, other]);
    assert.deepEqual(
      sources.diagnostics.map((d) => [d.code, d.severity, d.location]),
      [
        ['KNO001', 'error', missing],
        ['KNO002', 'error', other],
      ],
    );
  });
});
