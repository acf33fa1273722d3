// `hunt`'s entry: every detection and Sigma rule over every input in one pass, then risk and the report.
import { statSync } from 'node:fs';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import { type InputOptions, openInputs } from '../../ingest/index.ts';
import { createEventPump } from '../pump/event-pump.ts';
import { pumpSource } from '../pump/pump-source.ts';
import {
  DEFAULT_INCIDENT_OPTIONS,
  findIncidents,
  type IncidentOptions,
} from '../risk/risk-incidents.ts';
import { MAX_KEPT_CONTRIBUTIONS } from '../risk/risk-ledger.ts';
import { canMatchOnThread, SigmaMatchThread } from '../sigma-thread/sigma-match-thread.ts';
import { type EventTimeRange, withinTimeRange } from '../triage/event-time-range.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type FindingHooks, FindingSink, type RuleFindings } from './finding-sink.ts';
import { HUNT_CODES } from './hunt-codes.ts';
import { type DetectionOutcome, type HuntReport, rankOutcomes } from './hunt-report.ts';
import { sigmaCoverageWarnings, splCoverageWarnings } from './input-coverage.ts';
import { RankedFindings } from './ranked-findings.ts';
import { SigmaHuntRun } from './sigma-hunt-run.ts';
import { SplDetectionRun } from './spl-detection-run.ts';

export interface HuntOptions {
  /** How to read the inputs (`--index`, `--source`, `--sourcetype`, `--input-format`, stdin). */
  readonly input?: Omit<InputOptions, 'needRaw' | 'onBytes'>;
  readonly incidents?: IncidentOptions;
  /** Findings kept per detection for the report (default 10,000). */
  readonly maxKeptFindings?: number;
  /** Memory budget of each search, and of the Sigma correlations (`--max-memory`, in bytes). */
  readonly maxMemoryBytes?: number;
  /**
   * False when the output streams every finding (`onFinding`) and reads none from the report
   * (JSON lines, the timeline): nothing is kept, and no HUNT003 says so.
   */
  readonly keepFindings?: boolean;
  /** Only events inside this range are read by the detections (`--start`/`--end`). */
  readonly timeRange?: EventTimeRange;
  /**
   * Match the Sigma rules on a worker thread that reads the inputs again (files and folders
   * only; stdin is read once, on the main thread): same findings, in the same order.
   */
  readonly sigmaThread?: boolean;
}

/** Live figures for a progress display; read them from `HuntHooks.onProgress`. */
export interface HuntProgress {
  readonly startedAt: number;
  /** Input files (directories expanded; `-` counts as one). */
  totalFiles: number;
  /** Sum of the input files' sizes (stdin counts 0). */
  totalBytes: number;
  bytes: number;
  events: number;
  findings: number;
  /** Files started so far. */
  files(): number;
}

export interface HuntHooks extends FindingHooks {
  /** Called after each batch of events; the display decides how often to draw. */
  readonly onProgress?: (progress: HuntProgress) => void;
  /** Called once the inputs are resolved, before reading. */
  readonly onStart?: (progress: HuntProgress) => void;
}

/**
 * start every detection's run and the Sigma detector, consumers of one pump → open the inputs
 * (readers keep `_raw` only if a search or knowledge step reads it) → pump every batch (route,
 * Sigma as read, knowledge, each detection) → finish the runs → coverage check (filters that
 * matched none of the origins the pump saw) → risk totals and incidents → report.
 */
export async function runHunt(
  workspace: Workspace,
  paths: readonly string[],
  options: HuntOptions = {},
  hooks: HuntHooks = {},
): Promise<HuntReport> {
  const startedAt = performance.now();
  let files: () => number = () => 0;
  const progress: HuntProgress = {
    startedAt,
    totalFiles: 0,
    totalBytes: 0,
    bytes: 0,
    events: 0,
    findings: 0,
    files: () => files(),
  };
  const sink = new FindingSink(
    {
      onFinding: (finding) => {
        progress.findings++;
        hooks.onFinding?.(finding);
      },
      ...(hooks.onRiskEvent ? { onRiskEvent: hooks.onRiskEvent } : {}),
    },
    options.keepFindings === false ? 0 : options.maxKeptFindings,
    workspace.triage,
  );
  const runs = workspace.detections.map(
    (d) => new SplDetectionRun(d, sink, options.maxMemoryBytes),
  );
  const threaded =
    options.sigmaThread === true &&
    workspace.sigma !== undefined &&
    canMatchOnThread(paths, options.input ?? {});
  let thread: SigmaMatchThread | undefined;
  const sigma = workspace.sigma
    ? new SigmaHuntRun(
        workspace.sigma,
        sink,
        options.maxMemoryBytes,
        threaded ? (event) => (thread as SigmaMatchThread).matchesOf(event) : undefined,
      )
    : undefined;
  const pump = createEventPump(sigma ? [sigma, ...runs] : runs, {
    knowledge: workspace.knowledge,
  });

  const inputs =
    paths.length === 0
      ? undefined
      : await openInputs(paths, {
          ...options.input,
          needRaw: pump.needsRaw,
          onBytes: (n) => {
            progress.bytes += n;
          },
        });
  if (inputs !== undefined) {
    progress.totalFiles = inputs.files.length;
    progress.totalBytes = inputs.files.reduce((sum, file) => sum + sizeOf(file), 0);
    files = () => inputs.summary().files.length;
  }
  hooks.onStart?.(progress);
  let outsideRange = 0;
  const inRange =
    inputs === undefined || options.timeRange === undefined
      ? inputs?.source
      : withinTimeRange(inputs.source, options.timeRange, (n) => {
          outsideRange += n;
        });
  if (threaded && workspace.sigma !== undefined) {
    const { onProblem: _p, stdin: _s, signal: _a, ...input } = options.input ?? {};
    thread = new SigmaMatchThread({
      compiled: workspace.sigma,
      paths,
      input: { ...input, needRaw: pump.needsRaw },
      ...(options.timeRange === undefined ? {} : { timeRange: options.timeRange }),
    });
  }
  const source = thread === undefined || inRange === undefined ? inRange : thread.through(inRange);
  try {
    await pumpSource(pump, source, () => {
      progress.events = pump.events;
      hooks.onProgress?.(progress);
    });
  } finally {
    await thread?.close();
  }
  progress.events = pump.events;

  const diagnostics: Diagnostic[] = [];
  if (inputs !== undefined) {
    const seen = pump.seen();
    diagnostics.push(
      ...splCoverageWarnings(
        runs
          .filter((r) => !r.generating)
          .map((r) => ({ name: r.findings.rule.name, route: r.route })),
        seen,
      ),
    );
    if (sigma) diagnostics.push(...sigmaCoverageWarnings(sigma.detector.matcher.routes(), seen));
  }
  const outcomes: DetectionOutcome[] = [];
  const maxKept = options.maxKeptFindings;
  for (const run of runs) {
    if (run.failure) diagnostics.push(run.failure);
    diagnostics.push(...run.warnings);
    outcomes.push(
      outcomeOf(run.findings, sink, run.eventsRouted, run.firstEventTime, run.lastEventTime),
    );
  }
  if (sigma?.failure) diagnostics.push(sigma.failure);
  if (thread?.failure !== undefined) {
    diagnostics.push(
      warning(
        HUNT_CODES.sigmaThreadStopped,
        `the Sigma matching thread stopped (${thread.failure.message}); the main thread matched the events from there on`,
      ),
    );
  }
  for (const { correlation, message } of sigma?.detector.correlations.stats.stopped ?? []) {
    diagnostics.push(
      error(HUNT_CODES.detectionFailed, message, {
        source: correlation.origin.source,
        span: correlation.origin.span,
      }),
    );
  }
  for (const findings of [...runs.map((r) => r.findings), ...(sigma?.rules.values() ?? [])]) {
    if (findings.untimed === 0) continue;
    diagnostics.push(
      warning(
        HUNT_CODES.findingsUntimed,
        `${findings.untimed.toLocaleString('en-US')} of the findings of "${findings.rule.name}" have no time: no _time or lastTime, and its search read no event with a time; their risk counts in the totals, not in incident windows`,
      ),
    );
  }
  for (const findings of sigma?.rules.values() ?? []) {
    outcomes.push(outcomeOf(findings, sink, undefined, undefined, undefined));
  }
  for (const outcome of outcomes) {
    if (
      options.keepFindings !== false &&
      !outcome.noisy &&
      outcome.findingCount > outcome.findings.length
    ) {
      diagnostics.push(
        warning(
          HUNT_CODES.findingsNotKept,
          `"${outcome.rule.name}" found ${outcome.findingCount.toLocaleString('en-US')} results; the report keeps the first ${(maxKept ?? outcome.findings.length).toLocaleString('en-US')} (--format jsonl streams them all)`,
        ),
      );
    }
  }
  const { ledger } = sink;
  if (ledger.contributionsDropped > 0) {
    diagnostics.push(
      warning(
        HUNT_CODES.riskEventsNotKept,
        `${ledger.events.toLocaleString('en-US')} risk events: risk totals count them all, the incident window sees the first ${MAX_KEPT_CONTRIBUTIONS.toLocaleString('en-US')}`,
      ),
    );
  }
  const incidentOptions = options.incidents ?? DEFAULT_INCIDENT_OPTIONS;
  const withFindings = outcomes.filter((o) => o.findingCount > 0);
  return {
    detections: rankOutcomes(withFindings),
    ran: {
      spl: runs.length,
      sigma: sigma?.ruleCount ?? 0,
      quiet: runs.length + (sigma?.ruleCount ?? 0) - withFindings.length,
    },
    notRun: workspace.notRun,
    leftOut: workspace.triage.leftOut(),
    summary: sink.summary.summary(),
    risk: {
      events: ledger.events,
      totals: ledger.totals(),
      incidents: findIncidents(ledger.entityLedgers(), incidentOptions),
      options: incidentOptions,
    },
    inputs: inputs?.summary(),
    events: progress.events,
    eventsOutsideRange: outsideRange,
    elapsedMs: performance.now() - startedAt,
    diagnostics,
  };
}

function outcomeOf(
  findings: RuleFindings,
  sink: FindingSink,
  eventsRouted: number | undefined,
  firstEventTime: number | undefined,
  lastEventTime: number | undefined,
): DetectionOutcome {
  return {
    rule: findings.rule,
    findings: new RankedFindings(findings.rule, findings.held, sink.spool),
    findingCount: findings.count,
    riskTotal: findings.riskTotal,
    firstTime: findings.firstTime,
    lastTime: findings.lastTime,
    noisy: findings.noisy === true,
    eventsRouted,
    firstEventTime,
    lastEventTime,
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
