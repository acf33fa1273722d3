// The hunt's progress bar: drawn on a terminal once the run is long, never on a pipe.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createProgressDisplay } from '../../src/cli/hunt/progress-bar.ts';
import type { HuntProgress } from '../../src/engine/hunt/run-hunt.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  stream.isTTY = isTTY;
  stream.columns = 200;
  stream.cursorTo = () => true;
  stream.clearLine = () => true;
  stream.moveCursor = () => true;
  stream.clearScreenDown = () => true;
  return { stream, text: () => text };
}

/** The test's clock stands still, so the rate shown is exact. */
const NOW = 1_000_000;
const clock = () => NOW;

function progress(startedAgoMs: number): HuntProgress {
  return {
    startedAt: NOW - startedAgoMs,
    totalFiles: 4,
    totalBytes: 8_000_000,
    bytes: 2_000_000,
    events: 50_000,
    findings: 3,
    files: () => 2,
  };
}

test('a long run on a terminal shows files done, megabytes, events per second, findings and the time left', () => {
  const { stream, text } = fakeStream(true);
  const display = createProgressDisplay(stream, clock);
  display.update(progress(5000));
  display.stop();
  // The second file is being read; a quarter of the bytes took 5 s, three quarters take 15 s.
  assert.match(
    text(),
    /hunting .* 25% \| 1\/4 files \| 2\.0\/8\.0 MB \| 50,000 events, 10,000\/s \| 3 findings \| ETA 15s/,
  );
});

test('a line says the rules are loading, then what is ready and how long it took', () => {
  const { stream, text } = fakeStream(true);
  let now = NOW;
  const display = createProgressDisplay(stream, () => now);
  display.begin('loading and compiling rules');
  assert.equal(text(), 'spelunk: loading and compiling rules ...');
  now += 2500;
  display.end('9 detections ready');
  assert.ok(text().endsWith('\r\u001b[Kspelunk: 9 detections ready (2.5 s)\n'), text());
  const pipe = fakeStream(false);
  const quiet = createProgressDisplay(pipe.stream, clock);
  quiet.begin('loading and compiling rules');
  quiet.end('ready');
  assert.equal(pipe.text(), '');
});

test('no bar for a short run, nor on a pipe', () => {
  const short = fakeStream(true);
  const shortDisplay = createProgressDisplay(short.stream, clock);
  shortDisplay.update(progress(100));
  shortDisplay.stop();
  assert.equal(short.text(), '');
  const pipe = fakeStream(false);
  const pipeDisplay = createProgressDisplay(pipe.stream, clock);
  pipeDisplay.update(progress(5000));
  pipeDisplay.stop();
  assert.equal(pipe.text(), '');
});
