// Streaming Sigma: every event the store commits is matched, after its commit, by the workspace's
// compiled Sigma set - on the matcher (sigma-matcher.ts), a worker thread by default, so neither
// decoding the encoded batches nor matching them takes the main thread's time from ingest and the
// store. Batches are copied to it as committed, one path for every source (HEC, `spelunk ingest`,
// monitor inputs); its findings come back per batch and are written here, as before. Correlation
// rules keep their per-group state in the matcher; at start, after a reload and after a matcher
// is replaced, that state is rebuilt from the index (the events of the longest correlation
// timespan replayed, their findings dropped as already written), so it survives a restart
// without a state file of its own. The threads that make events (HEC's parse workers) get the
// running version's rules (`onMatcher`) and match each event before encoding it; a batch they
// matched with the running version sends the matcher only its matched events (matched-events.ts).
import type { Event } from '../../../core/index.ts';
import { sigmaSearchName, type Workspace } from '../../../engine/index.ts';
import { type EncodedEvents, encodeEvents } from '../../store/encoded-events.ts';
import type { CommittedEvents } from '../../store/event-store.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import { DETECT_OUTPUT_INDEXES } from '../output/detect-records.ts';
import type { LiveFinding } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';
import type { SharedMatcher } from './batch-matcher.ts';
import { matchedEvents } from './matched-events.ts';
import type {
  LoadedReply,
  MatchedReply,
  MatcherReply,
  SigmaMatcherPort,
} from './sigma-match-protocol.ts';

/**
 * Events sent to the matcher and not answered past which new input is refused (HEC code 9) until
 * it catches up: bounds the memory the batches hold (~2 KB per Sysmon event, on each side) and the
 * delay a backlog adds to an alert (10,000 made the live bench's alert p99 worse under load).
 */
export const MAX_STREAM_BACKLOG = 5_000;
/** Events replayed at most when rebuilding correlation state, and per message. */
const MAX_REPLAY_EVENTS = 500_000;
const REPLAY_CHUNK = 2000;
/** A batch this many matchers failed while matching is dropped (it may be what kills them). */
const MAX_ATTEMPTS = 2;
/** Matchers replaced without one batch matched in between, after which streaming stops. */
const MAX_RESTARTS = 3;

const notOutput = (index: string) => !DETECT_OUTPUT_INDEXES.has(index);

interface Sent {
  readonly id: number;
  readonly batch: EncodedEvents;
  /** When it holds the matched events of a batch only: the events that batch committed. */
  readonly stands: number | undefined;
  /** Matchers that failed while matching it. */
  failures: number;
  posted: boolean;
}

interface Waiter {
  readonly resolve: (reply: MatcherReply) => void;
  readonly reject: (error: Error) => void;
}

export class SigmaStream {
  private readonly runtime: DetectRuntime;
  private readonly startPort: () => SigmaMatcherPort;
  private port: SigmaMatcherPort | undefined;
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
  private readonly inFlight = new Map<number, Sent>();
  /** Requests awaited here (loads, replays) by key. */
  private readonly waiters = new Map<string, Waiter>();
  private idleWaiters: (() => void)[] = [];
  /** The running version as the threads that encode batches match with it. */
  private shared: SharedMatcher | undefined;
  private readonly matcherListeners: ((matcher: SharedMatcher | undefined) => void)[] = [];
  private nextId = 0;
  private sequence = 0;
  /** Events committed and not yet matched. */
  backlog = 0;
  /** Events matched since start, and findings handed to the writer. */
  events = 0;
  findings = 0;

  constructor(runtime: DetectRuntime, startPort: () => SigmaMatcherPort) {
    this.runtime = runtime;
    this.startPort = startPort;
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

  /** Called with each commit (EventStore.onCommit); matching happens on the matcher. */
  committed(committed: CommittedEvents): void {
    if (this.active === undefined) return;
    for (const whole of committed.encoded(notOutput)) {
      if (!whole.indexNames.some(notOutput)) continue;
      let batch: EncodedEvents | undefined = whole;
      const matched = whole.matches !== undefined && whole.matches.version === this.shared?.version;
      if (matched) {
        batch = matchedEvents(whole, notOutput);
        if (batch === undefined) {
          this.events += whole.count;
          continue;
        }
      }
      const sent: Sent = {
        id: this.nextId++,
        batch,
        stands: matched ? whole.count : undefined,
        failures: 0,
        posted: false,
      };
      this.inFlight.set(sent.id, sent);
      this.backlog += batch.count;
      if (this.ready) this.send(sent);
    }
  }

  /** Resolves once every committed batch sent has been answered and its findings handed over. */
  async idle(): Promise<void> {
    await this.loading;
    while (this.inFlight.size > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  /** Calls `listener` with the running version's matcher now and whenever it changes. */
  onMatcher(listener: (matcher: SharedMatcher | undefined) => void): void {
    this.matcherListeners.push(listener);
    listener(this.shared);
  }

  private share(shared: SharedMatcher | undefined): void {
    if (shared === this.shared) return;
    this.shared = shared;
    for (const listener of this.matcherListeners) listener(shared);
  }

  async close(): Promise<void> {
    this.share(undefined);
    this.active = undefined;
    this.dropInFlight();
    const port = this.port;
    this.port = undefined;
    await port?.close();
  }

  private async open(workspace: Workspace): Promise<void> {
    this.workspace = workspace;
    const compiled = workspace.sigma;
    if (compiled === undefined || compiled.rules.length === 0) {
      await this.close();
      return;
    }
    const port = this.portOf();
    const generation = ++this.generation;
    const loaded = (await this.request(`load:${generation}`, {
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
    if (timespan > 0) await this.replay(generation, timespan);
    port.post({ kind: 'activate', generation });
    this.active = generation;
    this.searches = searches;
    this.share(
      loaded.matcher === undefined ? undefined : { version: generation, data: loaded.matcher },
    );
  }

  private portOf(): SigmaMatcherPort {
    if (this.port !== undefined) return this.port;
    const port = this.startPort();
    port.onReply((reply) => this.replied(reply));
    port.onFailure((error) => this.failed(port, error));
    this.port = port;
    return port;
  }

  private send(sent: Sent): void {
    if (this.active === undefined || this.port === undefined) return;
    sent.posted = true;
    // Matches name rules of the version they were found with; a batch resent to another (a new
    // matcher after a failure: the same rules) has its matched events matched again there.
    const { matches, ...unmatched } = sent.batch;
    this.port.post({
      kind: 'match',
      id: sent.id,
      generation: this.active,
      replay: false,
      batch: matches === undefined || matches.version === this.active ? sent.batch : unmatched,
    });
  }

  private request(key: string, request: Parameters<SigmaMatcherPort['post']>[0]) {
    const port = this.portOf();
    return new Promise<MatcherReply>((resolve, reject) => {
      this.waiters.set(key, { resolve, reject });
      port.post(request);
    });
  }

  private replied(reply: MatcherReply): void {
    const key = reply.kind === 'loaded' ? `load:${reply.generation}` : `match:${reply.id}`;
    const waiter = this.waiters.get(key);
    if (waiter !== undefined) {
      this.waiters.delete(key);
      waiter.resolve(reply);
      return;
    }
    if (reply.kind === 'matched') this.matched(reply);
  }

  private matched(reply: MatchedReply): void {
    const sent = this.inFlight.get(reply.id);
    if (sent === undefined) return;
    this.inFlight.delete(reply.id);
    this.backlog -= sent.batch.count;
    this.events += sent.stands ?? reply.events;
    this.restarts = 0;
    if (reply.failure !== undefined) {
      this.runtime.log(`sigma stream: ${reply.failure}`);
      this.share(undefined);
      this.active = undefined;
      this.dropInFlight();
    }
    const findings: LiveFinding[] = [];
    for (const found of reply.findings) {
      const search = this.searches.get(sigmaSearchName(found.rule.name));
      if (search !== undefined) findings.push({ search, ...found });
    }
    if (findings.length > 0) {
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
    if (this.inFlight.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * The matcher is gone: a new one opens the running version and rebuilds correlation state, then
   * gets the batches that were not answered (findings are sent back per batch, so none of theirs
   * was written) and those committed meanwhile, in order.
   */
  private failed(port: SigmaMatcherPort, error: Error): void {
    if (port !== this.port) return;
    this.port = undefined;
    for (const waiter of this.waiters.values()) waiter.reject(error);
    this.waiters.clear();
    this.ready = false;
    // Batches are matched in order: the oldest unanswered one is what it was matching.
    let dropped = 0;
    const matching = this.inFlight.values().next().value as Sent | undefined;
    if (matching !== undefined && ++matching.failures >= MAX_ATTEMPTS) {
      this.inFlight.delete(matching.id);
      this.backlog -= matching.batch.count;
      dropped = matching.batch.count;
    }
    for (const sent of this.inFlight.values()) sent.posted = false;
    const workspace = this.workspace;
    if (++this.restarts > MAX_RESTARTS || workspace === undefined) {
      this.runtime.log(
        `sigma stream: the matcher failed (${error.message}) ${MAX_RESTARTS} times in a row; streaming stops until the content is reloaded`,
      );
      this.share(undefined);
      this.active = undefined;
      this.ready = true;
      this.dropInFlight();
      return;
    }
    this.runtime.log(
      `sigma stream: the matcher failed (${error.message}); a new one takes its place${dropped > 0 ? `; ${dropped} events it failed on twice are dropped` : ''}`,
    );
    this.enqueue(workspace)
      .then(() => {
        this.ready = true;
        for (const sent of this.inFlight.values()) if (!sent.posted) this.send(sent);
      })
      .catch((e: unknown) => this.runtime.log(`sigma stream: ${String(e)}`));
  }

  private dropInFlight(): void {
    this.inFlight.clear();
    this.backlog = 0;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Pushes the last `timespan` seconds of events through the new version, oldest first. */
  private async replay(generation: number, timespan: number): Promise<void> {
    const now = this.runtime.clock.now();
    const events: Event[] = [];
    const source = this.runtime.store.query({
      indexes: this.runtime.searchDeps.indexes().filter(notOutput),
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
    for (let i = 0; i < events.length; i += REPLAY_CHUNK) {
      const id = this.nextId++;
      await this.request(`match:${id}`, {
        kind: 'match',
        id,
        generation,
        replay: true,
        batch: encodeEvents(events.slice(i, i + REPLAY_CHUNK)),
      });
    }
  }
}
