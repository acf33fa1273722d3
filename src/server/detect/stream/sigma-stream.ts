// Streaming Sigma: every event the store commits is matched, as it commits, by the workspace's
// compiled Sigma set (the same SigmaHuntRun and event pump `hunt` uses). Correlation rules keep
// their per-group state in the detector; at start and after a reload that state is rebuilt from
// the index (the events of the longest correlation timespan replayed, their findings dropped as
// already written), so it survives a restart without a state file of its own.
import type { Event } from '../../../core/index.ts';
import {
  createEventPump,
  type EventPump,
  type Finding,
  FindingSink,
  type RiskEvent,
  SigmaHuntRun,
  sigmaSearchName,
  type Workspace,
} from '../../../engine/index.ts';
import type { CommittedEvents } from '../../store/event-store.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import { DETECT_OUTPUT_INDEXES } from '../output/detect-records.ts';
import type { LiveFinding } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';

/** Events waiting to be matched past which new input is refused (HEC code 9) until it catches up:
 * at ~2-3k events/s of matching under load this bounds the delay a backlog adds to an alert. */
export const MAX_STREAM_BACKLOG = 5_000;
/** Events matched per turn of the event loop (HTTP keeps being served in between). */
const EVENTS_PER_TURN = 2000;
/** Events replayed at most when rebuilding correlation state. */
const MAX_REPLAY_EVENTS = 500_000;

interface Matcher {
  readonly pump: EventPump;
  readonly run: SigmaHuntRun;
  /** Findings of the batch being pushed. */
  readonly found: LiveFinding[];
  replaying: boolean;
}

export class SigmaStream {
  private readonly runtime: DetectRuntime;
  private matcher: Matcher | undefined;
  private readonly queue: Event[][] = [];
  private draining = false;
  /** Events committed and not yet matched. */
  backlog = 0;
  private sequence = 0;
  /** Events matched since start, and findings handed to the writer. */
  events = 0;
  findings = 0;

  constructor(runtime: DetectRuntime) {
    this.runtime = runtime;
  }

  /** The rules to match: a new matcher, its correlation state rebuilt from the index. */
  async load(workspace: Workspace): Promise<void> {
    const compiled = workspace.sigma;
    if (compiled === undefined || compiled.rules.length === 0) {
      this.matcher = undefined;
      return;
    }
    const found: LiveFinding[] = [];
    let risks: RiskEvent[] = [];
    const searches = new Map<string, SavedSearch>();
    for (const s of this.runtime.searches()) if (s.kind === 'streaming') searches.set(s.name, s);
    const matcher: Matcher = { found, replaying: true } as Matcher;
    const sink = new FindingSink(
      {
        onRiskEvent: (risk) => risks.push(risk),
        onFinding: (finding: Finding) => {
          const raised = risks;
          risks = [];
          if (matcher.replaying || finding.time === undefined) return;
          const search = searches.get(sigmaSearchName(finding.rule.name));
          if (search === undefined) return;
          found.push({
            search,
            rule: finding.rule,
            fields: finding.fields,
            time: finding.time,
            risks: raised,
          });
        },
      },
      0,
    );
    const run = new SigmaHuntRun(compiled, sink);
    Object.assign(matcher, {
      run,
      pump: createEventPump([run], { knowledge: workspace.knowledge }),
    });
    const timespan = Math.max(0, ...compiled.correlations.map((c) => c.timespanSeconds));
    if (timespan > 0) await this.replay(matcher, timespan);
    matcher.replaying = false;
    this.matcher = matcher;
  }

  /** Called with each commit's events (EventStore.onCommit); matching happens right after. */
  committed(committed: CommittedEvents): void {
    // Decoding what HEC's workers encoded costs the main thread: only with rules to match.
    if (this.matcher === undefined) return;
    const batch = committed.events().filter((e) => !DETECT_OUTPUT_INDEXES.has(String(e['index'])));
    if (batch.length === 0 || this.matcher === undefined) return;
    // The pump may change what it is given; other commit listeners see the events as committed.
    this.queue.push(batch.map((e) => ({ ...e })));
    this.backlog += batch.length;
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  /** Matches up to EVENTS_PER_TURN events, then yields to the event loop. */
  private drain(): void {
    let matched = 0;
    try {
      while (matched < EVENTS_PER_TURN) {
        const batch = this.queue.shift();
        if (batch === undefined) break;
        this.backlog -= batch.length;
        const matcher = this.matcher;
        if (matcher === undefined) continue;
        matched += batch.length;
        matcher.pump.push(batch);
        this.events += batch.length;
        if (matcher.run.failure !== undefined) {
          this.runtime.log(`sigma stream: ${matcher.run.failure.message}`);
          this.matcher = undefined;
        }
        const findings = matcher.found.splice(0);
        if (findings.length === 0) continue;
        this.findings += findings.length;
        this.runtime.writer
          .commit({
            runId: `rt_${Math.floor(this.runtime.clock.now())}_${this.sequence++}`,
            findings,
          })
          .catch((error: unknown) =>
            this.runtime.log(`sigma stream: writing findings failed: ${String(error)}`),
          );
      }
    } finally {
      if (this.queue.length > 0) setImmediate(() => this.drain());
      else this.draining = false;
    }
  }

  /** Pushes the last `timespan` seconds of events through the matcher, oldest first. */
  private async replay(matcher: Matcher, timespan: number): Promise<void> {
    const now = this.runtime.clock.now();
    const events: Event[] = [];
    const source = this.runtime.store.query({
      indexes: this.runtime.searchDeps.indexes().filter((i) => !DETECT_OUTPUT_INDEXES.has(i)),
      filter: { kind: 'true' },
      fields: 'all',
      raw: false,
      earliest: now - timespan,
    });
    for await (const batch of source) {
      events.push(...batch);
      if (events.length >= MAX_REPLAY_EVENTS) {
        this.runtime.log(
          `sigma stream: correlation state rebuilt from the newest ${MAX_REPLAY_EVENTS} events only`,
        );
        break;
      }
    }
    events.sort((a, b) => Number(a['_time'] ?? 0) - Number(b['_time'] ?? 0));
    for (let i = 0; i < events.length; i += 1000) matcher.pump.push(events.slice(i, i + 1000));
    matcher.found.length = 0;
  }
}
