// Streaming Sigma over batches matched where they were made (HEC's parse workers): one HEC body
// parsed with the stream's running rules (its batch carries its matches, and only the matched
// events go to the matcher) and parsed without them (the whole batch goes) gives the same
// findings, risk and correlations included, and the same count of events matched; a batch
// matched with another version, or resent to a new matcher after a failure, is matched there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import {
  BatchMatcher,
  type SharedMatcher,
} from '../../../src/server/detect/stream/batch-matcher.ts';
import { SigmaStream } from '../../../src/server/detect/stream/sigma-stream.ts';
import { type HecParseRequest, parseHecBody } from '../../../src/server/ingest/hec/hec-parse.ts';
import type { EncodedEvents } from '../../../src/server/store/encoded-events.ts';
import { generateSysmonSample } from '../../fixtures/seed-sample.ts';
import { hecParseRequest } from '../ingest/hec-parse-request.ts';
import { PREMATCH_RULES } from './prematch-rules.ts';
import { committedEncoded, FlakyPort, runtimeOf, workspaceOf } from './sigma-stream-fixtures.ts';

function body(from: number, count: number): HecParseRequest {
  const lines = [...generateSysmonSample(from + count, 7)].slice(from);
  const events = lines.map((xml) =>
    JSON.stringify({
      event: xml,
      sourcetype: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      index: 'wineventlog',
    }),
  );
  return hecParseRequest(events.join('\n'), { indexes: ['main', 'wineventlog', 'risk'] });
}

function parsed(request: HecParseRequest, matcher?: BatchMatcher): EncodedEvents {
  const result = parseHecBody(request, matcher);
  assert.ok(result.ok);
  return result.encoded;
}

/** What was written, as comparable data. */
function findingsOf(written: readonly RunOutput[]): unknown[] {
  return written.flatMap((w) =>
    w.findings.map((f) => ({
      search: f.search.name,
      fields: f.fields,
      time: f.time,
      risks: f.risks,
    })),
  );
}

async function streamOver(
  name: string,
  batches: (shared: SharedMatcher) => readonly EncodedEvents[],
): Promise<{ written: RunOutput[]; events: number; posted: number; port: FlakyPort }> {
  const workspace = workspaceOf(name, PREMATCH_RULES);
  const written: RunOutput[] = [];
  FlakyPort.started = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, []),
    () => new FlakyPort(),
  );
  await stream.load(workspace);
  let shared: SharedMatcher | undefined;
  stream.onMatcher((m) => (shared = m));
  assert.ok(shared !== undefined, 'the running version is shared with the threads that encode');
  for (const batch of batches(shared)) stream.committed(committedEncoded([batch]));
  await stream.idle();
  const port = FlakyPort.started[0] as FlakyPort;
  const posted = port.posted.reduce((n, r) => n + (r.kind === 'match' ? r.batch.count : 0), 0);
  await stream.close();
  return { written, events: stream.events, posted, port };
}

test('a batch matched where it was parsed gives the findings of the whole batch matched by the stream', async () => {
  const requests = [body(0, 300), body(300, 300)];
  const whole = await streamOver('whole', () => requests.map((r) => parsed(r)));
  const matched = await streamOver('matched', (shared) =>
    requests.map((r) => parsed(r, new BatchMatcher(shared))),
  );
  assert.equal(whole.events, 600);
  assert.equal(matched.events, 600);
  assert.equal(whole.posted, 600);
  assert.ok(matched.posted > 0 && matched.posted < 200, `${matched.posted} events sent`);
  const expected = findingsOf(whole.written);
  const names = new Set(expected.map((f) => (f as { search: string }).search));
  assert.deepEqual([...names].sort(), ['Sigma - Renderer', 'Sigma - Tunnels on one host']);
  assert.deepEqual(findingsOf(matched.written), expected);
});

test('matches of another version are not used: that batch is matched whole', async () => {
  const request = body(0, 200);
  const whole = await streamOver('whole-2', () => [parsed(request)]);
  const stale = await streamOver('stale', (shared) => [
    parsed(request, new BatchMatcher({ ...shared, version: shared.version + 1 })),
  ]);
  assert.equal(stale.posted, 200);
  assert.deepEqual(findingsOf(stale.written), findingsOf(whole.written));
});

test('matched batches a failed matcher did not answer are matched again by the new one, none lost or doubled', async () => {
  const requests = [body(0, 300), body(300, 300)];
  const whole = await streamOver('whole-3', () => requests.map((r) => parsed(r)));
  const workspace = workspaceOf('resent', PREMATCH_RULES);
  const written: RunOutput[] = [];
  FlakyPort.started = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, []),
    () => new FlakyPort(),
  );
  await stream.load(workspace);
  let shared: SharedMatcher | undefined;
  stream.onMatcher((m) => (shared = m));
  const first = FlakyPort.started[0] as FlakyPort;
  first.holding = true;
  for (const r of requests) {
    const batch = parsed(r, new BatchMatcher(shared as SharedMatcher));
    stream.committed(committedEncoded([batch]));
  }
  await new Promise((r) => setTimeout(r, 20));
  first.crash();
  await stream.idle();
  const second = FlakyPort.started[1] as FlakyPort;
  const resent = second.posted.filter((r) => r.kind === 'match' && !r.replay);
  assert.equal(resent.length, 2);
  assert.ok(resent.every((r) => r.kind === 'match' && r.batch.matches === undefined));
  assert.deepEqual(findingsOf(written), findingsOf(whole.written));
  assert.equal(stream.events, 600);
  await stream.close();
});
