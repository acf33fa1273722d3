// Risk from the three ESCU shapes, and contentctl's Python rounding of the 2024 score.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  readRisk,
  riskShapesUsed,
  roundHalfEven,
} from '../../../src/detection/normalize/risk-shapes.ts';
import {
  type DetectionYaml,
  detectionSchema,
} from '../../../src/detection/schema/detection-schema.ts';

const BASE = {
  name: 'X',
  id: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  version: 1,
  author: 'a',
  type: 'TTP',
  status: 'production',
  description: 'd',
  search: 's',
  how_to_implement: 'h',
  known_false_positives: 'k',
};

function detection(extra: Record<string, unknown>): DetectionYaml {
  return detectionSchema.parse({ ...BASE, ...extra });
}

test('Python rounds halves to even (contentctl computes the 2024 risk score with round())', () => {
  const table: readonly (readonly [number, number])[] = [
    [12.5, 12],
    [13.5, 14],
    [12.4, 12],
    [12.6, 13],
    [0.5, 0],
    [56, 56],
  ];
  for (const [input, expected] of table)
    assert.equal(roundHalfEven(input), expected, String(input));
});

test('2024 observables: contentctl v4.4.7 type mapping for risk and threat objects', () => {
  const observable = (name: string, type: string, role: string) => ({ name, type, role: [role] });
  const risk = readRisk(
    detection({
      tags: {
        confidence: 80,
        impact: 70,
        message: 'm $dest$',
        observable: [
          observable('dest', 'Endpoint', 'Victim'),
          observable('ip', 'IP Address', 'Victim'),
          observable('mail', 'Email Address', 'Victim'),
          observable('uname', 'User Name', 'Victim'),
          observable('proc', 'Process Name', 'Attacker'),
          observable('file', 'File Hash', 'Attacker'),
          observable('site', 'URL String', 'Attacker'),
          observable('src', 'IP Address', 'Attacker'),
          observable('geo', 'Geo Location', 'Attacker'),
        ],
      },
    }),
  );
  assert.equal(risk.shape, 'escu-2024');
  assert.deepEqual(
    risk.entities.map((e) => `${e.field}:${e.type}:${e.score}`),
    ['dest:system:56', 'ip:system:56', 'mail:user:56', 'uname:other:56'],
  );
  assert.deepEqual(
    risk.threatObjects.map((t) => `${t.field}:${t.type}`),
    ['proc:process', 'file:file_name', 'site:url', 'src:ip_address', 'geo:geo location'],
  );
});

test('without confidence and impact the written risk_score is used', () => {
  const risk = readRisk(
    detection({
      tags: { risk_score: 42, observable: [{ name: 'dest', type: 'Hostname', role: ['Victim'] }] },
    }),
  );
  assert.equal(risk.entities[0]?.score, 42);
});

test('a detection that declares no risk takes its shape from where its tags are', () => {
  assert.equal(readRisk(detection({ tags: { confidence: 1, impact: 1 } })).shape, 'escu-2024');
  assert.equal(readRisk(detection({ analytic_story: ['S'] })).shape, 'escu-2026');
  assert.equal(readRisk(detection({ tags: { analytic_story: ['S'] } })).shape, 'contentctl-5');
  assert.deepEqual(readRisk(detection({})).entities, []);
});

test('every shape that declares risk is reported, so a file mixing them can be refused', () => {
  const rba = { message: 'm', risk_objects: [{ field: 'dest', type: 'system', score: 5 }] };
  const findings = { entities: [{ field: 'dest', type: 'system', score: 5, message: 'm' }] };
  assert.deepEqual(riskShapesUsed(detection({ rba, intermediate_findings: findings })), [
    'contentctl-5',
    'escu-2026',
  ]);
  assert.deepEqual(riskShapesUsed(detection({ rba })), ['contentctl-5']);
});

test('the schema refuses risk types and scores contentctl refuses', () => {
  const bad = (rba: unknown) => detectionSchema.safeParse({ ...BASE, rba }).success;
  assert.equal(
    bad({ message: 'm', risk_objects: [{ field: 'd', type: 'host', score: 5 }] }),
    false,
  );
  assert.equal(
    bad({ message: 'm', risk_objects: [{ field: 'd', type: 'system', score: 101 }] }),
    false,
  );
  assert.equal(bad({ message: 'm', risk_objects: [] }), false);
  assert.equal(
    bad({
      message: 'm',
      risk_objects: [{ field: 'd', type: 'system', score: 5 }],
      threat_objects: [{ field: 'p', type: 'weird' }],
    }),
    false,
  );
});
