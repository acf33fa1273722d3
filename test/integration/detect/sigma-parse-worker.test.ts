// Streaming Sigma matched in HEC's parse workers, on real worker threads: the pool gets the
// stream's running rules, its batches carry their matches, and the stream's findings over them
// equal those of the same body parsed without rules and matched whole by the Sigma worker. A
// parse worker that dies (out of its heap) fails only its own body; its replacement gets the
// rules, so later batches are matched where they are parsed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import type { SharedMatcher } from '../../../src/server/detect/stream/batch-matcher.ts';
import { WorkerMatcherPort } from '../../../src/server/detect/stream/sigma-match-ports.ts';
import { SigmaStream } from '../../../src/server/detect/stream/sigma-stream.ts';
import { HecError } from '../../../src/server/ingest/hec/hec-codes.ts';
import { parseHecBody } from '../../../src/server/ingest/hec/hec-parse.ts';
import { HecParsePool } from '../../../src/server/ingest/hec/hec-parse-pool.ts';
import type { EncodedEvents } from '../../../src/server/store/encoded-events.ts';
import { generateSysmonSample } from '../../fixtures/seed-sample.ts';
import { PREMATCH_RULES } from '../../server/detect/prematch-rules.ts';
import {
  committedEncoded,
  runtimeOf,
  workspaceOf,
} from '../../server/detect/sigma-stream-fixtures.ts';
import { hecParseRequest } from '../../server/ingest/hec-parse-request.ts';

const BODY = [...generateSysmonSample(400, 7)]
  .map((xml) =>
    JSON.stringify({
      event: xml,
      sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      index: 'wineventlog',
    }),
  )
  .join('\n');

async function findings(
  name: string,
  parse: (stream: SigmaStream) => Promise<readonly EncodedEvents[]>,
): Promise<unknown[]> {
  const workspace = workspaceOf(name, PREMATCH_RULES);
  const written: RunOutput[] = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, []),
    () => new WorkerMatcherPort(),
  );
  try {
    await stream.load(workspace);
    for (const batch of await parse(stream)) stream.committed(committedEncoded([batch]));
    await stream.idle();
    assert.equal(stream.events, 800);
  } finally {
    await stream.close();
  }
  return written.flatMap((w) =>
    w.findings.map((f) => ({ search: f.search.name, fields: f.fields, risks: f.risks })),
  );
}

test('batches matched in the parse workers give the findings of whole batches; a dead worker is replaced with the rules', {
  timeout: 120_000,
}, async () => {
  const whole = await findings('whole', async () => {
    const parsed = [parseHecBody(hecParseRequest(BODY)), parseHecBody(hecParseRequest(BODY))];
    return parsed.map((p) => (p.ok ? p.encoded : assert.fail('parsed')));
  });
  const pool = new HecParsePool({ workers: 1, maxHeapMb: 64 });
  try {
    const inWorkers = await findings('in-workers', async (stream) => {
      let shared: SharedMatcher | undefined;
      stream.onMatcher((m) => {
        shared = m;
        pool.setMatcher(m);
      });
      assert.ok(shared !== undefined);
      const first = await pool.parse(hecParseRequest(BODY));
      assert.ok(first.ok && first.encoded.matches?.version === shared.version);
      // Out of its 64 MB heap on this body's field names: that body alone fails.
      const huge = Array.from(
        { length: 2_500_000 },
        (_, i) => `{"event":"x","fields":{"f${i}":"b"}}`,
      ).join('\n');
      await assert.rejects(pool.parse(hecParseRequest(huge)), HecError);
      const second = await pool.parse(hecParseRequest(BODY));
      assert.ok(second.ok && second.encoded.matches !== undefined, 'the new worker has the rules');
      return [first.encoded, second.encoded];
    });
    assert.ok(whole.length > 0);
    assert.deepEqual(inWorkers, whole);
  } finally {
    await pool.close();
  }
});
