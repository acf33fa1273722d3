// The measurements, end to end: over a million events with unique values, each holding
// command either finishes or stops at --max-memory with SPL530, and the process's peak RSS stays
// well under 1 GB (measured from /proc while the CLI runs).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI } from '../dist.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-memory-'));
const events = path.join(root, 'unique.json');
after(() => rmSync(root, { recursive: true, force: true }));

before(async () => {
  const out = createWriteStream(events);
  for (let i = 0; i < 1_200_000; i++) {
    const line = `{"EventID":1,"user":"user-${i}","host":"h${i % 1000}","@timestamp":"2024-03-01T10:00:00Z"}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
});

/** Runs the CLI; its exit status, stderr and the highest VmHWM read while it ran (kB). */
function runMeasured(args: readonly string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, TZ: 'UTC' } });
  let stderr = '';
  let peakKb = 0;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // The process has just ended.
    }
  }, 20);
  return new Promise<{ status: number | null; stderr: string; peakKb: number }>((resolve) => {
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stderr, peakKb });
    });
  });
}

for (const command of ['stats', 'eventstats', 'sort 0', 'transaction', 'streamstats', 'dedup']) {
  test(`${command} by a unique field over 1.2M events: bounded peak RSS, SPL530 or a result`, async (t) => {
    const by = command === 'sort 0' || command === 'dedup' ? 'user' : 'count by user';
    const run = await runMeasured([
      'search',
      '--max-memory',
      '128',
      `| ${command} ${by} | stats count`,
      events,
    ]);
    const outcome = run.status === 0 ? 'finished' : 'stopped (SPL530)';
    t.diagnostic(`${command}: ${outcome}, peak RSS ${Math.round(run.peakKb / 1024)} MB`);
    assert.ok(run.peakKb > 0, 'measured');
    assert.ok(run.peakKb < 700 * 1024, `${command}: peak RSS ${Math.round(run.peakKb / 1024)} MB`);
    if (run.status !== 0) {
      assert.equal(run.status, 1);
      assert.match(
        run.stderr,
        new RegExp(
          `error\\[SPL530\\]: ${command.split(' ')[0]} holds more than the search's memory budget of 128 MB`,
        ),
      );
    }
  });
}
