// Streaming Sigma: every event the store commits is matched, after its commit, by the workspace's
// compiled Sigma set - on the matcher (sigma-matcher.ts), a worker thread by default, so neither
// decoding the encoded batches nor matching them takes the main thread's time from ingest and the
// store. Batches are copied to it as committed, one path for every source (HEC, `spelunk ingest`,
// monitor inputs); its findings come back per batch and are written here, as before. Correlation
// rules keep their per-group state in the matcher, rebuilt from the index at start, after a
// reload and after a matcher is replaced (correlation-replay.ts). The threads that make events
// (HEC's parse workers) get the running version's rules (`onMatcher`) and match each event before
// encoding it; a batch they matched with the running version sends the matcher only its matched
// events (matched-events.ts). Batches not answered yet: in-flight-batches.ts. How far it matched
// is committed with the findings (stream-position.ts); at start what was committed after that is
// matched first (stream-catch-up.ts), so a crash loses no finding and repeats none.
import type { Workspace } from '../../../engine/index.ts';
import type { EncodedEvents } from '../../store/encoded-events.ts';
import type { CommittedEvents, PartitionRows } from '../../store/event-store.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import type { SavedSearch } from '../saved-searches.ts';
import type { SharedMatcher } from './batch-matcher.ts';
import { notOutput, replayCorrelations } from './correlation-replay.ts';
import { InFlightBatches, type SentBatch } from './in-flight-batches.ts';
import { matchedEvents } from './matched-events.ts';
import { MatcherLink } from './matcher-link.ts';
import { SharedMatcherFeed } from './shared-matcher-feed.ts';
import type { LoadedReply, MatchedReply, SigmaMatcherPort } from './sigma-match-protocol.ts';
import { loadPosition, StreamCatchUp } from './stream-catch-up.ts';
import { StreamPosition } from './stream-position.ts';
import { StreamedFindings } from './streamed-findings.ts';

/** Matchers replaced without one batch matched in between, after which streaming stops. */
const MAX_RESTARTS = 3;

export class SigmaStream {
  private readonly runtime: DetectRuntime;
  private readonly link: MatcherLink;
  /** The version running (rebuilt on a new matcher when one fails). */
  private workspace: Workspace | undefined;
  private searches = new Map<string, SavedSearch>();
  private generation = 0;
  /** The rule-set version live batches go to; undefined: nothing to stream. */
  private active: number | undefined;
  /** False while a new matcher replaces a failed one: batches wait, in order. */
  private ready = true;
  private restarts = 0;
  private loading: Promise<void> = Promise.resolve();
  /** Committed batches not answered yet, in commit order. */
  private readonly inFlight = new InFlightBatches();
  /** The running version as the threads that encode batches match with it. */
  private readonly shared = new SharedMatcherFeed();
  private nextId = 0;
  /** Rows matched and handed over, committed with the findings. */
  private readonly position = new StreamPosition();
  private readonly output: StreamedFindings;
  /** What was committed after the position, matched before live batches. */
  readonly catchUp = new StreamCatchUp();
  /** Events matched since start (by catch-ups too). */
  events = 0;

  constructor(runtime: DetectRuntime, startPort: () => SigmaMatcherPort) {
    this.runtime = runtime;
    this.output = new StreamedFindings(runtime, this.position);
    this.link = new MatcherLink(startPort, {
      matched: (reply) => this.matched(reply),
      failed: (error) => this.failed(error),
    });
  }

  /** The rules to match: a new version on the matcher, its correlation state rebuilt from the index. */
  load(workspace: Workspace): Promise<void> {
    this.restarts = 0;
    return this.enqueue(workspace);
  }

  /** Loads run one after the other, so versions activate in the order they were loaded. */
  private enqueue(workspace: Workspace): Promise<void> {
    const next = this.loading.then(() => this.open(workspace));
    this.loading = next.catch(() => {});
    return next;
  }

  /** Findings handed to the writer. */
  get findings(): number {
    return this.output.count;
  }

  /** Events committed and not yet matched. */
  get backlog(): number {
    return this.inFlight.backlog;
  }

  /** Called with each commit (EventStore.onCommit); matching happens on the matcher. */
  committed(committed: CommittedEvents): void {
    if (this.active === undefined) return;
    this.position.renew(committed.rows);
    if (this.position.covers(committed.rows)) return;
    let last: SentBatch | undefined;
    for (const whole of committed.encoded(notOutput)) {
      if (!whole.indexNames.some(notOutput)) continue;
      let batch: EncodedEvents | undefined = whole;
      const matched =
        whole.matches !== undefined && whole.matches.version === this.shared.current?.version;
      if (matched) {
        batch = matchedEvents(whole, notOutput);
        if (batch === undefined) {
          this.events += whole.count;
          continue;
        }
      }
      const sent: SentBatch = {
        id: this.nextId++,
        batch,
        stands: matched ? whole.count : undefined,
        failures: 0,
        posted: false,
        covers: [],
      };
      this.inFlight.add(sent);
      if (this.ready) this.send(sent);
      last = sent;
    }
    if (last !== undefined) last.covers.push(...committed.rows);
    else this.cover(this.inFlight.cover(committed.rows));
  }

  /** Resolves once every committed batch sent has been answered and its findings handed over. */
  async idle(): Promise<void> {
    await this.loading;
    await this.inFlight.idle();
  }

  /** Calls `listener` with the running version's matcher now and whenever it changes. */
  onMatcher(listener: (matcher: SharedMatcher | undefined) => void): void {
    this.shared.listen(listener);
  }

  async close(): Promise<void> {
    this.shared.set(undefined);
    this.active = undefined;
    this.inFlight.clear();
    await this.link.close();
  }

  private async open(workspace: Workspace): Promise<void> {
    this.workspace = workspace;
    const compiled = workspace.sigma;
    if (compiled === undefined || compiled.rules.length === 0) {
      await this.close();
      return;
    }
    const port = this.link.open();
    const generation = ++this.generation;
    const loaded = (await this.link.request(`load:${generation}`, {
      kind: 'load',
      generation,
      options: {
        ...workspace.options,
        ...(workspace.sigmaFiles === undefined ? {} : { sigmaFiles: workspace.sigmaFiles }),
      },
    })) as LoadedReply;
    if (loaded.problem !== undefined || loaded.rules === 0) {
      this.runtime.log(
        `sigma stream: the matcher did not open the rules (${loaded.problem ?? 'no rules'}); the running version goes on`,
      );
      return;
    }
    const searches = new Map<string, SavedSearch>();
    for (const s of this.runtime.searches()) if (s.kind === 'streaming') searches.set(s.name, s);
    const timespan = Math.max(0, ...compiled.correlations.map((c) => c.timespanSeconds));
    const match = (batch: EncodedEvents, replay: boolean) => {
      const id = this.nextId++;
      const request = { kind: 'match', id, generation, replay, batch } as const;
      return this.link.request(`match:${id}`, request) as Promise<MatchedReply>;
    };
    // Nothing streams (start, rules back after none): it picks up at its position, and a catch-up
    // a failed matcher cut short goes on. Else live batches go to the running version meanwhile.
    const resume = this.active === undefined || this.catchUp.pending;
    if (resume) await loadPosition(this.runtime, this.position);
    if (timespan > 0) {
      const upTo = resume ? (table: string) => this.position.of(table) : undefined;
      await replayCorrelations(this.runtime, timespan, (batch) => match(batch, true), upTo);
    }
    // In the turn that activates: later commits are live, earlier ones the catch-up's.
    if (this.active === undefined) this.catchUp.plan(this.runtime, this.position);
    port.post({ kind: 'activate', generation });
    this.active = generation;
    this.searches = searches;
    this.shared.set(
      loaded.matcher === undefined ? undefined : { version: generation, data: loaded.matcher },
    );
    if (!this.catchUp.pending) return;
    this.ready = false;
    try {
      await this.catchUp.run(
        this.runtime,
        this.position,
        (batch) => match(batch, false),
        (reply) => {
          this.events += reply.events;
          this.output.hand(this.searches, reply.findings);
        },
      );
    } catch (error) {
      // A failed matcher's replacement goes on with it; anything else ends it, said so.
      if (this.link.current !== port) throw error;
      const left = this.catchUp.abandon();
      this.runtime.log(
        `sigma stream: the catch-up stopped (${String(error)}); ${left} events committed before it are not matched`,
      );
    }
    this.ready = true;
    this.flush();
  }

  /** Sends the batches waiting (after a catch-up, on a new matcher). */
  private flush(): void {
    for (const sent of this.inFlight.values()) if (!sent.posted) this.send(sent);
  }

  /** Rows of commits with no batch in flight: matched, so the position moves. */
  private cover(rows: readonly PartitionRows[]): void {
    this.position.cover(rows);
    if (this.position.hasMoved) this.output.hand(this.searches, []);
  }

  private send(sent: SentBatch): void {
    const port = this.link.current;
    if (this.active === undefined || port === undefined) return;
    sent.posted = true;
    // Matches name rules of the version they were found with; a batch resent to another (a new
    // matcher after a failure: the same rules) has its matched events matched again there.
    const { matches, ...unmatched } = sent.batch;
    port.post({
      kind: 'match',
      id: sent.id,
      generation: this.active,
      replay: false,
      batch: matches === undefined || matches.version === this.active ? sent.batch : unmatched,
    });
  }

  private matched(reply: MatchedReply): void {
    const sent = this.inFlight.take(reply.id);
    if (sent === undefined) return;
    this.events += sent.stands ?? reply.events;
    this.restarts = 0;
    if (reply.failure !== undefined) {
      this.runtime.log(`sigma stream: ${reply.failure}`);
      this.shared.set(undefined);
      this.active = undefined;
      this.inFlight.clear();
    }
    this.position.cover(sent.covers);
    this.output.hand(this.searches, reply.findings);
    this.inFlight.settled();
  }

  /**
   * The matcher is gone: a new one opens the running version and rebuilds correlation state, then
   * gets the batches that were not answered (findings are sent back per batch, so none of theirs
   * was written) and those committed meanwhile, in order.
   */
  private failed(error: Error): void {
    this.ready = false;
    const dropped = this.inFlight.matcherFailed();
    // The oldest batch: covered (given up, and said so below) before any other.
    if (dropped !== undefined) this.cover(dropped.covers);
    const workspace = this.workspace;
    if (++this.restarts > MAX_RESTARTS || workspace === undefined) {
      this.runtime.log(
        `sigma stream: the matcher failed (${error.message}) ${MAX_RESTARTS} times in a row; streaming stops until the content is reloaded`,
      );
      this.shared.set(undefined);
      this.active = undefined;
      this.ready = true;
      this.inFlight.clear();
      return;
    }
    this.runtime.log(
      `sigma stream: the matcher failed (${error.message}); a new one takes its place${dropped === undefined ? '' : `; ${dropped.batch.count} events it failed on twice are dropped`}`,
    );
    this.enqueue(workspace)
      .then(() => {
        this.ready = true;
        this.flush();
      })
      .catch((e: unknown) => this.runtime.log(`sigma stream: ${String(e)}`));
  }
}
