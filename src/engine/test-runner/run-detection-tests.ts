// `spelunk test`'s entry: every detection's tests replayed and judged as contentctl judges them, with no Splunk server.
import { existsSync, statSync } from 'node:fs';
import type { SharedEvent } from '../../core/index.ts';
import {
  type AttackData,
  type Detection,
  type DetectionTest,
  mirroredCandidates,
} from '../../detection/index.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Plan } from '../../spl/index.ts';
import { createEventPump } from '../pump/event-pump.ts';
import { PlanConsumer } from '../pump/plan-consumer.ts';
import { pumpSource } from '../pump/pump-source.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { CONTENTCTL_TEST_INDEX, type ReplayFile, replayFiles } from './replay-inputs.ts';
import { summarizeTests, type TestResult, type TestRunReport } from './test-report.ts';
import { benignJudge, unitJudge } from './test-verdict.ts';

export interface TestRunOptions {
  /** Where attack-data URLs are looked up, the URL's path mirrored under each (docs/testing-detections.md). */
  readonly dataDirs: readonly string[];
  /** The memory budget of each test's search (`--max-memory`, in bytes). */
  readonly maxMemoryBytes?: number;
}

export interface TestRunHooks {
  /** Each result as soon as its test is decided. */
  readonly onResult?: (result: TestResult) => void;
  /** The rows a test's search returned, as it returns them (the verdict keeps only counts). */
  readonly onRows?: (
    detection: Detection,
    test: DetectionTest,
    rows: readonly SharedEvent[],
  ) => void;
}

/**
 * For each selected detection (in load order) and each of its tests: decide whether it runs (contentctl
 * skips manual tests, non-production and Correlation detections; spelunk also skips searches it
 * cannot run, saying why) → locate the attack data (missing → skipped with the paths looked at)
 * → replay it with the test's source/sourcetype/index/host → run the search over all of it with
 * the field knowledge → judge the results (contentctl's rule; benign: no results).
 */
export async function runDetectionTests(
  workspace: Workspace,
  options: TestRunOptions,
  hooks: TestRunHooks = {},
): Promise<TestRunReport> {
  const started = performance.now();
  const { knowledge } = workspace;
  const results: TestResult[] = [];
  const record = (result: TestResult) => {
    results.push(result);
    hooks.onResult?.(result);
  };
  for (const detection of workspace.selected) {
    const skip = skipReason(detection);
    // Compiled once, when the content loaded; a search that did not compile says why there.
    const plan = skip === undefined ? workspace.content.plans.get(detection.id) : undefined;
    const compileError = detection.disabled?.message ?? 'the search does not compile';
    for (const test of detection.tests) {
      const base = { detection, test };
      if (skip !== undefined) record(resultOf(base, 'skipped', false, skip, [], 0, 0, 0));
      else if (plan === undefined) {
        record(
          resultOf(
            base,
            'failed',
            true,
            `the search does not compile: ${compileError}`,
            [],
            0,
            0,
            0,
          ),
        );
      } else if (test.kind === 'manual' || test.kind === 'integration') {
        record(
          resultOf(
            base,
            'skipped',
            false,
            `${test.kind} tests need Splunk Enterprise Security`,
            [],
            0,
            0,
            0,
          ),
        );
      } else record(await runTest(detection, test, plan, knowledge, options, hooks));
    }
  }
  return summarizeTests(results, (performance.now() - started) / 1000);
}

async function runTest(
  detection: Detection,
  test: DetectionTest,
  plan: Plan,
  knowledge: KnowledgeBase,
  options: TestRunOptions,
  hooks: TestRunHooks,
): Promise<TestResult> {
  const { dataDirs } = options;
  const started = performance.now();
  const base = { detection, test };
  const files: ReplayFile[] = [];
  for (const attack of test.attackData) {
    const located = locate(attack, dataDirs);
    if ('missing' in located) {
      return resultOf(base, 'skipped', false, located.missing, located.lookedAt, 0, 0, 0);
    }
    files.push({
      path: located.path,
      source: attack.source,
      sourcetype: attack.sourcetype,
      index: attack.customIndex ?? CONTENTCTL_TEST_INDEX,
      host: attack.host,
    });
  }
  const judge = test.expectsResults ? unitJudge(detection) : benignJudge();
  const warnings: string[] = [];
  const pump = createEventPump(
    [
      new PlanConsumer(
        plan,
        {
          emit: (rows) => {
            for (const row of rows) judge.add(row);
            hooks.onRows?.(detection, test, rows);
          },
          warn: (d) => warnings.push(`${d.code}: ${d.message}`),
          ...(options.maxMemoryBytes === undefined
            ? {}
            : { maxMemoryBytes: options.maxMemoryBytes }),
        },
        { rowsKept: false },
      ),
    ],
    { knowledge },
  );
  const replay = replayFiles(files, pump.needsRaw);
  let events = 0;
  const counted = (async function* () {
    for await (const batch of replay.source) {
      events += batch.length;
      yield batch;
    }
  })();
  try {
    await pumpSource(pump, counted);
  } catch (cause) {
    const message = `the search stopped: ${cause instanceof Error ? cause.message : String(cause)}`;
    return resultOf(
      base,
      'failed',
      true,
      message,
      files.map((f) => f.path),
      0,
      events,
      seconds(started),
    );
  }
  const refused = replay
    .summaries()
    .flatMap((s) =>
      s.files.filter((f) => f.refused !== undefined).map((f) => `${f.path}: ${f.refused}`),
    );
  if (refused.length > 0) {
    return resultOf(
      base,
      'failed',
      true,
      `attack data not read: ${refused.join('; ')}`,
      files.map((f) => f.path),
      0,
      events,
      seconds(started),
    );
  }
  const verdict = judge.verdict();
  const skippedRecords = replay.summaries().reduce((n, s) => n + s.skipped, 0);
  const notes = [
    ...(skippedRecords > 0 ? [`${skippedRecords} attack data records could not be read`] : []),
    ...warnings.slice(0, 3),
  ];
  const message = notes.length > 0 ? `${verdict.reason} (${notes.join('; ')})` : verdict.reason;
  return resultOf(
    base,
    verdict.passed ? 'passed' : 'failed',
    false,
    message,
    files.map((f) => f.path),
    verdict.results,
    events,
    seconds(started),
  );
}

/** contentctl's skips, and the searches spelunk cannot run. */
function skipReason(detection: Detection): string | undefined {
  if (detection.manualTest !== undefined) return `manual test: ${detection.manualTest}`;
  if (detection.status !== 'production')
    return `the detection is ${detection.status} (contentctl tests production detections only)`;
  if (detection.type === 'Correlation')
    return 'Correlation searches read risk events: contentctl does not unit-test them';
  if (!detection.enabled && detection.disabled?.code !== 'search-does-not-parse') {
    return `spelunk cannot run this search: ${detection.disabled?.message ?? 'disabled'}`;
  }
  return undefined;
}

function locate(
  attack: AttackData,
  dataDirs: readonly string[],
): { path: string } | { missing: string; lookedAt: readonly string[] } {
  const candidates = mirroredCandidates(attack.location, dataDirs);
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return { path: candidate };
  }
  if (candidates.length === 0) {
    const mirror = attack.location.kind === 'url' ? attack.location.mirrorPath : '';
    return {
      missing: `attack data ${attack.data} needs a data directory: give --data-dir DIR with the file at DIR/${mirror}`,
      lookedAt: [],
    };
  }
  return {
    missing: `attack data not found: looked for ${candidates.join(', ')}`,
    lookedAt: candidates,
  };
}

function resultOf(
  base: { readonly detection: Detection; readonly test: DetectionTest },
  status: TestResult['status'],
  error: boolean,
  message: string,
  data: readonly string[],
  results: number,
  events: number,
  secondsTaken: number,
): TestResult {
  return {
    detection: base.detection.name,
    detectionId: base.detection.id,
    file: base.detection.origin.file.name,
    test: base.test.name,
    kind: base.test.kind,
    status,
    error,
    message,
    results,
    events,
    seconds: secondsTaken,
    data,
  };
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}
