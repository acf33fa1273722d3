// The bundled content pack (content/): it loads cleanly, and every detection fires on its attack
// data and stays quiet on its benign data when run through the SPL engine.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import {
  BUILTIN_CONTENT_DIR,
  compileDetection,
  type Detection,
  type DetectionTest,
  loadContent,
} from '../../src/detection/index.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import { loadFieldKnowledge } from '../../src/knowledge/load-field-knowledge.ts';

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'content');
const pack = loadContent([CONTENT]);
/** The built-in Sysmon/Security knowledge supplies the add-on fields seed 004 groups by. */
const knowledge = loadFieldKnowledge({ lookups: pack.lookups });

test('the pack loads with no errors, and its only warning is seed 000 lacking a filter macro', () => {
  assert.deepEqual(
    pack.diagnostics.map((d) => `${d.severity} ${d.code} ${path.basename(d.source?.name ?? '')}`),
    ['warning ESCU124 detect_ide_tunneling.yml'],
  );
  assert.equal(pack.detections.length, 9);
  assert.deepEqual(
    pack.detections.filter((d) => !d.enabled).map((d) => d.name),
    [],
  );
});

test('every detection is mapped to T1219.001 (Command and Control) and has tests', () => {
  for (const d of pack.detections) {
    const ide = d.techniques.find((t) => t.id === 'T1219.001');
    const seed004 = d.name === 'Windows Devtunnels Image Loaded';
    assert.ok(ide || seed004, `${d.name} names T1219.001`);
    for (const t of d.techniques) assert.ok(t.tactics.length > 0, `${d.name}: ${t.id} has tactics`);
    assert.ok(
      d.tests.some((t) => t.expectsResults),
      `${d.name} has an attack test`,
    );
  }
});

test('every TTP and Anomaly detection has risk, a filter macro from the allowlist, and benign tests', () => {
  for (const d of pack.detections.filter((x) => x.type === 'TTP' || x.type === 'Anomaly')) {
    assert.ok(d.riskEntities.length > 0, `${d.name} has risk entities`);
    assert.ok(d.search.includes(`\`${d.filterMacro}\``), `${d.name} ends in its filter macro`);
    const filter = pack.macros.get(d.filterMacro);
    assert.match(filter?.definition ?? '', /^`ide_tunnel_allowlist\(\w+\)`$/, d.name);
    assert.ok(
      d.tests.some((t) => t.kind === 'benign'),
      `${d.name} has benign tests`,
    );
  }
});

test('seed 004 keeps its risk entity and drilldowns as published', () => {
  const d = pack.detections.find((x) => x.name === 'Windows Devtunnels Image Loaded');
  assert.equal(d?.shape, 'escu-2026');
  assert.deepEqual(d?.riskEntities, [
    {
      field: 'dest',
      type: 'system',
      score: 20,
      message: 'Potential Devtunnels image load observed on $dest$ via $ImageLoaded$.',
    },
  ]);
  assert.equal(d?.drilldowns.length, 2);
});

/** Result rows each attack test returns: a change here is a change in what a detection finds. */
const EXPECTED_ROWS: Readonly<Record<string, number>> = {
  'Detect IDE Tunneling/Atomic Test 1 - VS Code CLI Tunnel Initiation': 1,
  'Detect IDE Tunneling/Atomic Test 2 - DevTunnel CLI Tunnel Creation': 2,
  'Detect IDE Tunneling/Atomic Test 3 - VS Code Tunnel Persistence via Scheduled Task': 1,
  'Windows DevTunnel Host With Anonymous Access/Atomic Test 2 - DevTunnel CLI Tunnel Creation': 1,
  'Windows Devtunnels Image Loaded/True Positive Test': 1,
  'Windows IDE CLI Tunnel Started/Atomic Test 1 - VS Code CLI Tunnel Initiation': 1,
  // cursor-tunnel.exe, the CLI renamed devsync.exe, and the CLI with --cli-data-dir before `tunnel`.
  'Windows IDE CLI Tunnel Started/Cursor and renamed VS Code CLI tunnels': 3,
  // `tunnel user login`, `tunnel service install` and the `internal-run` service process.
  'Windows IDE CLI Tunnel Started/VS Code tunnel service install': 3,
  'Windows IDE Tunnel Relay DNS Query/Atomic Test 1 - VS Code CLI Tunnel Initiation': 1,
  // devtunnel.exe, and PowerShell resolving the public devtunnels.ms URL.
  'Windows IDE Tunnel Relay DNS Query/Atomic Test 2 - DevTunnel CLI Tunnel Creation': 2,
  'Windows IDE Tunnel Relay DNS Query/Cursor and renamed VS Code CLI tunnels': 2,
  'Windows IDE Tunnel Relay Network Connection/Atomic Test 1 - VS Code CLI Tunnel Initiation': 1,
  'Windows IDE Tunnel Relay Network Connection/Atomic Test 2 - DevTunnel CLI Tunnel Creation': 2,
  // The cmd.exe that runs remote-dev-server.bat, and the backend JVM.
  'Windows JetBrains Remote Development Backend/JetBrains remote-dev-server started from a web shell': 2,
  'Windows Scheduled Task Runs IDE Tunnel/Atomic Test 3 - VS Code Tunnel Persistence via Scheduled Task': 1,
  'Windows VS Code Tunnel Service Installed/VS Code tunnel service install': 1,
};

async function rowsOf(d: Detection, t: DetectionTest): Promise<Event[]> {
  const rows: Event[] = [];
  for (const attack of t.attackData) {
    assert.equal(attack.location.kind, 'file', 'the pack ships its own data');
    if (attack.location.kind !== 'file') continue;
    const compiled = compileDetection(d, pack);
    assert.ok(compiled.ok, `${d.name} compiles`);
    const context = { emit: (r: readonly Event[]) => rows.push(...r), warn: () => {} };
    await runPlansOverInputs([{ plan: compiled.value, context }], [attack.location.path], {
      knowledge: knowledge.base,
      input: {
        source: attack.source,
        sourcetype: attack.sourcetype,
        ...(attack.customIndex ? { index: attack.customIndex } : {}),
      },
    });
  }
  return rows;
}

for (const d of pack.detections) {
  for (const t of d.tests) {
    test(`${d.name}/${t.name}: ${t.expectsResults ? 'fires' : 'stays quiet'}`, async () => {
      const rows = await rowsOf(d, t);
      if (!t.expectsResults) {
        assert.deepEqual(rows, []);
        return;
      }
      assert.equal(rows.length, EXPECTED_ROWS[`${d.name}/${t.name}`], 'result rows');
      // contentctl's rule: every risk-object field of a result is populated.
      for (const entity of d.riskEntities) {
        assert.ok(
          rows.some((r) => r[entity.field] !== undefined && r[entity.field] !== 'null'),
          entity.field,
        );
      }
    });
  }
}

test('BUILTIN_CONTENT_DIR is the repository content/ folder', () => {
  assert.equal(BUILTIN_CONTENT_DIR, CONTENT);
});
