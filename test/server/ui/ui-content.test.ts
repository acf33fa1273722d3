// The Detections and ATT&CK pages' content: each detection's techniques named from the ATT&CK
// table (the built-in one, or a full catalogue the user gives, whose every technique then fills
// the matrix), its tests and drilldowns.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readAttackCatalog } from '../../../src/detection/index.ts';
import { openSearchWorkspace } from '../../../src/server/search/search-workspace.ts';
import { contentOverview } from '../../../src/server/ui/ui-content.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-ui-content-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const workspace = openSearchWorkspace();

test('the built-in pack: techniques named from the built-in table, tests and drilldowns', () => {
  const content = contentOverview(workspace);
  assert.equal(content.catalog, 'built-in table');
  assert.deepEqual(content.matrix, []);
  assert.equal(content.tactics.length, 14);
  const cli = content.detections.find((d) => d.name === 'Windows IDE CLI Tunnel Started');
  assert.equal(cli?.savedSearch, 'ESCU - Windows IDE CLI Tunnel Started - Rule');
  assert.deepEqual(cli?.techniques, [
    { id: 'T1219.001', name: 'IDE Tunneling', tactics: ['Command and Control'] },
  ]);
  assert.ok(cli?.tests.some((t) => /Atomic Test 1/.test(t.name)));
  assert.ok(cli?.drilldowns.some((d) => d.search.includes('%original_detection_search%')));
});

test("a user's catalogue names the techniques and fills the matrix (revoked ones left out)", () => {
  const file = path.join(dir, 'techniques.csv');
  writeFileSync(
    file,
    [
      'technique_id,name,tactics,revoked,deprecated',
      'T1219.001,IDE Tunneling (catalogue),command-and-control,false,false',
      'T1572,Protocol Tunneling,command-and-control,false,false',
      'T1059,Command and Scripting Interpreter,execution,false,false',
      'T9999,Old,execution,true,false',
    ].join('\n'),
  );
  const read = readAttackCatalog(file);
  assert.ok(read.ok);
  const content = contentOverview(workspace, read.value);
  assert.deepEqual(
    content.matrix.map((t) => t.id),
    ['T1219.001', 'T1572', 'T1059'],
  );
  const cli = content.detections.find((d) => d.name === 'Windows IDE CLI Tunnel Started');
  assert.equal(cli?.techniques[0]?.name, 'IDE Tunneling (catalogue)');
  assert.equal(content.catalog, file);
});
