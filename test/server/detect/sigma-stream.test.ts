// Streaming Sigma's protocol and queue, in-process: the stream sends committed batches encoded to
// its matcher (SigmaMatcherPort) and writes what comes back as findings of their saved searches;
// the detect role's own indexes are never matched; unanswered events count as backlog (the
// ingest's backpressure); a matcher that fails is replaced, gets the batches it did not answer
// (a batch in flight at two failures is dropped) and nothing is written twice; a reload runs
// the old version until the new one is activated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openWorkspace } from '../../../src/engine/index.ts';
import type { RunOutput } from '../../../src/server/detect/output/live-finding.ts';
import { InProcessMatcherPort } from '../../../src/server/detect/stream/sigma-match-ports.ts';
import { SigmaStream } from '../../../src/server/detect/stream/sigma-stream.ts';
import {
  committed,
  FlakyPort,
  processEvent,
  rule,
  runtimeOf,
  workspaceOf,
} from './sigma-stream-fixtures.ts';

const settle = () => new Promise((r) => setTimeout(r, 20));
const matchesOf = (port: FlakyPort) =>
  port.posted.filter((r) => r.kind === 'match' && !r.replay).length;

test('committed batches are matched off the stream, output indexes skipped, findings written once', async () => {
  const workspace = workspaceOf('one', rule('Tunnel tool', 'devtunnel host'));
  const written: RunOutput[] = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, []),
    () => new InProcessMatcherPort(),
  );
  await stream.load(workspace);
  stream.committed(
    committed([
      processEvent('devtunnel host -p 8080'),
      processEvent('notepad.exe'),
      processEvent('devtunnel host -p 9090', 'risk'),
    ]),
  );
  stream.committed(committed([processEvent('devtunnel host', 'notable')]));
  assert.equal(stream.backlog, 2);
  await stream.idle();
  assert.equal(stream.backlog, 0);
  assert.equal(stream.events, 2);
  assert.equal(written.length, 1);
  const finding = written[0]?.findings[0];
  assert.equal(finding?.search.name, 'Sigma - Tunnel tool');
  assert.equal(finding?.fields['CommandLine'], 'devtunnel host -p 8080');
  assert.equal(finding?.time, 1_714_550_400);
  assert.ok((finding?.risks.length ?? 0) > 0, 'the Sigma rule raised risk');
  await stream.close();
});

test('unanswered events are backlog; a failed matcher is replaced and gets what it did not answer', async () => {
  FlakyPort.started = [];
  const workspace = workspaceOf('two', rule('Tunnel tool two', 'devtunnel'));
  const written: RunOutput[] = [];
  const log: string[] = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, log),
    () => new FlakyPort(),
  );
  await stream.load(workspace);
  const first = FlakyPort.started[0] as FlakyPort;
  first.holding = true;
  stream.committed(committed([processEvent('devtunnel a'), processEvent('devtunnel b')]));
  stream.committed(committed([processEvent('devtunnel c')]));
  await settle();
  assert.equal(stream.backlog, 3, 'matched but unanswered batches still count');
  first.crash();
  // Committed while the new matcher loads: waits, then goes in order.
  stream.committed(committed([processEvent('devtunnel d')]));
  await stream.idle();
  assert.equal(FlakyPort.started.length, 2);
  assert.match(log.join('\n'), /the matcher failed \(killed\); a new one takes its place/);
  const second = FlakyPort.started[1] as FlakyPort;
  assert.equal(second.posted[0]?.kind, 'load');
  assert.equal(matchesOf(second), 3);
  const lines = written.flatMap((w) => w.findings.map((f) => f.fields['CommandLine']));
  assert.deepEqual(lines, ['devtunnel a', 'devtunnel b', 'devtunnel c', 'devtunnel d']);
  assert.equal(stream.backlog, 0);

  // A batch in flight at two failures in a row is dropped; later ones are matched.
  second.holding = true;
  stream.committed(committed([processEvent('devtunnel poison')]));
  await settle();
  FlakyPort.holdNew = true;
  second.crash();
  while (FlakyPort.started[2]?.posted.some((r) => r.kind === 'match') !== true) await settle();
  FlakyPort.holdNew = false;
  (FlakyPort.started[2] as FlakyPort).crash();
  await settle();
  stream.committed(committed([processEvent('devtunnel e')]));
  await stream.idle();
  const after = written.flatMap((w) => w.findings.map((f) => f.fields['CommandLine']));
  assert.deepEqual(after.slice(4), ['devtunnel e']);
  assert.match(log.join('\n'), /1 events it failed on twice are dropped/);
  await stream.close();
});

test('a reload: the old version matches until the new one is active; no rules stops streaming', async () => {
  FlakyPort.started = [];
  let workspace = workspaceOf('three', rule('Old rule', 'alpha'));
  const written: RunOutput[] = [];
  const stream = new SigmaStream(
    runtimeOf(() => workspace, written, []),
    () => new FlakyPort(),
  );
  await stream.load(workspace);
  stream.committed(committed([processEvent('alpha beta')]));
  workspace = workspaceOf('three-new', rule('New rule', 'beta'));
  const reloading = stream.load(workspace);
  stream.committed(committed([processEvent('alpha beta')]));
  await reloading;
  stream.committed(committed([processEvent('alpha beta')]));
  await stream.idle();
  assert.deepEqual(
    written.flatMap((w) => w.findings.map((f) => f.search.name)),
    ['Sigma - Old rule', 'Sigma - Old rule', 'Sigma - New rule'],
  );
  assert.equal(FlakyPort.started.length, 1, 'one matcher holds both versions');
  await stream.load(openWorkspace({ content: [], without: ['data-models'] }));
  stream.committed(committed([processEvent('alpha beta')]));
  assert.equal(stream.backlog, 0, 'nothing is sent without rules');
  await stream.close();
});
