// Reading a user's ATT&CK catalogue: a STIX bundle or the flattened techniques CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { builtinAttackCatalog, readAttackCatalog } from '../../../src/detection/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'spelunk-attack-'));

test('a STIX bundle: attack-patterns with their mitre-attack id, tactics and flags', () => {
  const file = path.join(dir, 'enterprise-attack.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'bundle',
      objects: [
        {
          type: 'attack-pattern',
          name: 'IDE Tunneling',
          external_references: [{ source_name: 'mitre-attack', external_id: 'T1219.001' }],
          kill_chain_phases: [
            { kill_chain_name: 'mitre-attack', phase_name: 'command-and-control' },
          ],
        },
        {
          type: 'attack-pattern',
          name: 'Old',
          revoked: true,
          external_references: [{ source_name: 'mitre-attack', external_id: 'T9999' }],
        },
        { type: 'x-mitre-tactic', name: 'Command and Control' },
      ],
    }),
  );
  const read = readAttackCatalog(file);
  assert.ok(read.ok);
  const catalog = read.value;
  assert.equal(catalog.complete, true);
  assert.deepEqual(catalog.techniques.get('T1219.001'), {
    id: 'T1219.001',
    name: 'IDE Tunneling',
    tactics: ['Command and Control'],
    revoked: false,
    deprecated: false,
  });
  assert.equal(catalog.techniques.get('T9999')?.revoked, true);
});

test('a techniques CSV with `;`-separated tactic shortnames', () => {
  const file = path.join(dir, 'techniques.csv');
  writeFileSync(
    file,
    'technique_id,name,tactics,is_subtechnique,revoked,deprecated\nT1053.005,Scheduled Task,execution;persistence,true,false,false\n',
  );
  const read = readAttackCatalog(file);
  assert.ok(read.ok);
  assert.deepEqual(read.value.techniques.get('T1053.005')?.tactics, ['Execution', 'Persistence']);
});

test('anything else is refused with a diagnostic', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['missing.json', '', 'ESCU100'],
    ['not-json.json', '{', 'ESCU112'],
    ['no-objects.json', '{"type":"bundle"}', 'ESCU112'],
    ['empty.csv', 'technique_id,name\n', 'ESCU112'],
  ];
  for (const [name, text, code] of cases) {
    const file = path.join(dir, name);
    if (name !== 'missing.json') writeFileSync(file, text);
    const result = readAttackCatalog(file);
    assert.ok(!result.ok, name);
    assert.equal(result.diagnostics[0]?.code, code, name);
  }
});

test('the built-in table covers the techniques of the bundled pack and is not complete', () => {
  const catalog = builtinAttackCatalog();
  assert.equal(catalog.complete, false);
  assert.deepEqual(catalog.techniques.get('T1219.001')?.tactics, ['Command and Control']);
  assert.deepEqual(catalog.techniques.get('T1053.005')?.tactics, [
    'Execution',
    'Persistence',
    'Privilege Escalation',
  ]);
});
