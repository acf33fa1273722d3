// The hunt's one pass: once every detection is done (`head` satisfied) and no Sigma rule runs, reading stops.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { runHunt } from '../../../src/engine/hunt/run-hunt.ts';
import { openWorkspace } from '../../../src/engine/index.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import { BENIGN, makeContent, sysmonProcess, TUNNEL } from '../fixtures/make-content.ts';

const LINES = Buffer.from(
  Array.from({ length: 200 }, (_, i) => sysmonProcess(i % 2 === 0 ? TUNNEL : BENIGN, i + 1))
    .join('\n')
    .concat('\n'),
);

/** Up to 5,000 chunks: endless for a satisfied `head`, bounded so a pump that never stops fails. */
function stdinOf(chunks: number) {
  const seen = { chunks: 0 };
  const stream = new Readable({
    read() {
      seen.chunks++;
      this.push(seen.chunks > chunks ? null : LINES);
    },
  });
  return { seen, stream };
}

function headSetup(spl: string) {
  const fixture = makeContent();
  const setup = openWorkspace({ content: [fixture.content], select: ['Test Tunnel CLI'] });
  const detection = setup.detections[0]?.detection;
  const compiled = compileSpl(spl);
  assert.ok(detection && compiled.ok);
  return { ...setup, detections: [{ detection, plan: compiled.value }] };
}

test('a hunt whose every detection is done stops reading and releases stdin', async () => {
  const setup = headSetup(
    'source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 | head 3 | table Computer User',
  );
  const { seen, stream } = stdinOf(5000);
  const report = await runHunt(setup, ['-'], { input: { stdin: stream } });
  assert.equal(report.detections[0]?.findingCount, 3);
  assert.equal(stream.destroyed, true);
  assert.ok(seen.chunks < 100, `${seen.chunks} chunks pulled`);
  assert.ok(report.events < 100 * 200, `${report.events} events read`);
});

test('a detection that is not done reads every event', async () => {
  const setup = headSetup(
    'source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 | stats count',
  );
  const { stream } = stdinOf(20);
  const report = await runHunt(setup, ['-'], { input: { stdin: stream } });
  assert.equal(report.events, 20 * 200);
  assert.equal(report.detections[0]?.findings.first(1)[0]?.fields['count'], 20 * 200);
});
