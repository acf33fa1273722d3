// The detect role (issue 15): content (reloaded on change), the scheduler, the Sigma stream, the
// output writer and the alert actions, put together over the store; and the typed functions the
// REST API, `spelunk status` and the web UI use: saved searches with their schedule and last
// run, run history, enable/disable, dispatch, risk events, notables, content status.
import type { Diagnostic, Event } from '../../core/index.ts';
import type { Workspace } from '../../engine/index.ts';
import type { DetectConfig } from '../config/detect-config-schema.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { IndexSearchDeps } from '../search/search-context.ts';
import type { EventStore } from '../store/event-store.ts';
import { alertActionsOf } from './actions/alert-actions-of.ts';
import { AlertDispatcher } from './actions/alert-dispatcher.ts';
import type { DetectClock } from './detect-clock.ts';
import {
  DetectContent,
  type DetectContentOptions,
  errorsOf,
  type ReloadOutcome,
} from './detect-content.ts';
import {
  type DetectEventQuery,
  type RunHistoryEntry,
  readLastRuns,
  readNotables,
  readRiskEvents,
  readRunHistory,
  type TimeWindowQuery,
} from './detect-queries.ts';
import {
  type DetectRuntime,
  DISABLED_SETTING,
  type RunIndexSearch,
  readDisabled,
} from './detect-runtime.ts';
import { DetectWriter } from './output/detect-writer.ts';
import { type SavedSearch, savedSearchesOf } from './saved-searches.ts';
import { Scheduler, scheduleCheckpointKey } from './schedule/scheduler.ts';
import { findingsOfRows } from './schedule/search-run.ts';
import type { SharedMatcher } from './stream/batch-matcher.ts';
import { MAX_STREAM_BACKLOG } from './stream/in-flight-batches.ts';
import { WorkerMatcherPort } from './stream/sigma-match-ports.ts';
import type { SigmaMatcherPort } from './stream/sigma-match-protocol.ts';
import { SigmaStream } from './stream/sigma-stream.ts';

export interface DetectServiceOptions {
  readonly content: DetectContentOptions;
  readonly config: DetectConfig;
  readonly clock: DetectClock;
  readonly store: EventStore;
  readonly ingest: IngestService;
  readonly runSearch: RunIndexSearch;
  readonly searchDeps: Omit<IndexSearchDeps, 'workspace'>;
  readonly maxResultRows: number;
  /** Reload when the content's files change (off in tests that reload by hand). */
  readonly watch: boolean;
  readonly log: (line: string) => void;
  /** Where streaming Sigma matches (default: a worker thread; tests: InProcessMatcherPort). */
  readonly sigmaMatcher?: () => SigmaMatcherPort;
}

/** A saved search as the REST API, `spelunk status` and the UI show it. */
export interface SavedSearchStatus
  extends Pick<
    SavedSearch,
    'name' | 'kind' | 'title' | 'id' | 'type' | 'description' | 'search' | 'alert'
  > {
  readonly enabled: boolean;
  readonly cron: string | undefined;
  readonly earliest: string | undefined;
  readonly latest: string | undefined;
  readonly scheduleFrom: string | undefined;
  /** Why it cannot be scheduled. */
  readonly problem: string | undefined;
  /** Epoch seconds of its next run (due now when not after the clock). */
  readonly nextRun: number | undefined;
  readonly lastRun: RunHistoryEntry | undefined;
  readonly suppressSeconds: number;
}

export interface DetectStatus {
  readonly now: number;
  readonly contentVersion: number;
  readonly lastReload: ReloadOutcome | undefined;
  /** Errors of the running content (detections that do not run, rules that do not compile). */
  readonly contentErrors: readonly Diagnostic[];
  readonly scheduled: number;
  readonly streaming: number;
  readonly disabled: number;
  readonly streamedEvents: number;
  readonly streamedFindings: number;
  /** Events committed before a restart and matched by the start's catch-up, and left out by its bound. */
  readonly streamCaughtUp: number;
  readonly streamCatchUpSkipped: number;
  readonly alertActions: readonly string[];
  readonly alertsDelivered: number;
}

/** What a dispatch's search job tells when it ends (SearchJob satisfies it). */
export interface DispatchedJob {
  readonly sid: string;
  readonly done: Promise<void>;
  readonly state: string;
  readonly rows: readonly Event[];
  readonly messages: readonly { readonly type: string; readonly text: string }[];
  /** Epoch seconds (the system clock). */
  readonly created: number;
  readonly finished: number | undefined;
}

export class UnknownSavedSearchError extends Error {
  constructor(name: string) {
    super(`no saved search is named "${name.slice(0, 200)}"`);
    this.name = 'UnknownSavedSearchError';
  }
}

export class DetectService {
  readonly content: DetectContent;
  private readonly options: DetectServiceOptions;
  private readonly runtime: DetectRuntime;
  private readonly scheduler: Scheduler;
  private readonly stream: SigmaStream;
  private readonly dispatcher: AlertDispatcher;
  private readonly writer: DetectWriter;
  /** The disabled saved searches as stored (read at first need). */
  private disabledNames: Set<string> | undefined;
  private searchList: readonly SavedSearch[];
  private readonly unsubscribe: (() => void)[] = [];

  private constructor(options: DetectServiceOptions) {
    this.options = options;
    const { store, ingest, clock, config, log } = options;
    this.content = new DetectContent(options.content, log);
    this.searchList = savedSearchesOf(this.content.current, config);
    this.dispatcher = new AlertDispatcher({
      actions: alertActionsOf(config),
      store,
      record: async (delivery) => {
        await this.writer.commit({ runId: '', findings: [], records: [delivery] });
      },
      clock,
      maxRetrySeconds: config.actions.webhook?.maxRetryInterval ?? 300,
      log,
    });
    this.writer = new DetectWriter({
      store,
      ingest,
      clock,
      incidents: { threshold: config.incidents.threshold, windowSeconds: config.incidents.window },
      suppressSeconds: Math.max(
        0,
        ...this.searchList.map((s) => s.throttling?.periodSeconds ?? s.suppressSeconds),
      ),
      onAlerts: (alerts) => this.dispatcher.send(alerts),
      log,
    });
    this.runtime = {
      store,
      writer: this.writer,
      clock,
      config,
      searches: () => this.searchList,
      workspace: () => this.content.current,
      // Read once; setEnabled keeps it current (the scheduler asks every second).
      disabled: async () => {
        this.disabledNames ??= await readDisabled(store);
        return this.disabledNames;
      },
      runSearch: options.runSearch,
      searchDeps: options.searchDeps,
      maxResultRows: options.maxResultRows,
      log,
    };
    this.scheduler = new Scheduler(this.runtime);
    this.stream = new SigmaStream(
      this.runtime,
      options.sigmaMatcher ?? (() => new WorkerMatcherPort()),
    );
  }

  /** Loads the content, the writer's copies of its output, rebuilds the Sigma correlation state, resends pending alerts, starts the scheduler. */
  static async start(options: DetectServiceOptions): Promise<DetectService> {
    const service = new DetectService(options);
    if (!options.config.enabled) return service;
    await service.writer.load();
    await service.stream.load(service.content.current);
    service.unsubscribe.push(
      options.store.onCommit((committed) => service.stream.committed(committed)),
    );
    options.ingest.addPressure(() => service.stream.backlog > MAX_STREAM_BACKLOG);
    service.unsubscribe.push(
      service.content.onChange((workspace) => {
        service.searchList = savedSearchesOf(workspace, options.config);
        service.scheduler.loaded(service.searchList, options.clock.now());
        service.stream
          .load(workspace)
          .catch((e: unknown) => options.log(`sigma stream: ${String(e)}`));
      }),
    );
    if (options.watch) service.content.watch();
    await service.dispatcher.resumePending();
    service.scheduler.start();
    return service;
  }

  get workspace(): Workspace {
    return this.content.current;
  }

  /**
   * Calls `listener` with the live Sigma rules as a matcher for the threads that make events
   * (HEC's parse workers: their batches then carry their matches), now and on every change.
   */
  onStreamMatcher(listener: (matcher: SharedMatcher | undefined) => void): void {
    this.stream.onMatcher(listener);
  }

  reload(reason: string): Promise<ReloadOutcome> {
    return this.content.reload(reason);
  }

  /** Every saved search with its schedule, next run and last run. */
  async savedSearches(): Promise<SavedSearchStatus[]> {
    const { store, clock } = this.options;
    const now = clock.now();
    const [disabled, lastRuns] = await Promise.all([readDisabled(store), readLastRuns(store, now)]);
    const out: SavedSearchStatus[] = [];
    for (const search of this.searchList) {
      let nextRun: number | undefined;
      if (search.schedule !== undefined && !disabled.has(search.name)) {
        const checkpoint = await store.checkpoint(scheduleCheckpointKey(search.name));
        nextRun = search.schedule.cron.next(checkpoint?.position ?? now);
      }
      out.push(statusOf(search, !disabled.has(search.name), nextRun, lastRuns.get(search.name)));
    }
    return out;
  }

  async savedSearch(name: string): Promise<SavedSearchStatus> {
    const found = (await this.savedSearches()).find((s) => s.name === name);
    if (found === undefined) throw new UnknownSavedSearchError(name);
    return found;
  }

  /** Run records newest first (one search's, or all). */
  history(query: TimeWindowQuery & { readonly searchName?: string }): Promise<RunHistoryEntry[]> {
    return readRunHistory(this.options.store, this.options.clock.now(), query);
  }

  /** Turns a saved search on or off (kept in the store); turned on, it runs from its next scheduled time. */
  async setEnabled(name: string, enabled: boolean): Promise<void> {
    const search = this.searchList.find((s) => s.name === name);
    if (search === undefined) throw new UnknownSavedSearchError(name);
    const { store, clock } = this.options;
    const disabled = await readDisabled(store);
    if (enabled === !disabled.has(name)) return;
    if (enabled) {
      disabled.delete(name);
      if (search.schedule !== undefined) {
        await this.writer.commit({
          runId: '',
          findings: [],
          checkpoints: [
            {
              key: scheduleCheckpointKey(name),
              position: Math.floor(clock.now()),
              complete: true,
              detail: 'enabled',
            },
          ],
        });
        this.scheduler.forget(name);
      }
    } else disabled.add(name);
    await store.putSetting(DISABLED_SETTING, JSON.stringify([...disabled].sort()));
    this.disabledNames = disabled;
    this.scheduler.tick();
  }

  riskEvents(query: DetectEventQuery): Promise<Event[]> {
    return readRiskEvents(this.options.store, this.options.clock.now(), query);
  }

  notables(query: DetectEventQuery): Promise<Event[]> {
    return readNotables(this.options.store, this.options.clock.now(), query);
  }

  /** The scheduled search a dispatch runs, or why it cannot. */
  scheduledSearch(name: string): SavedSearch {
    const search = this.searchList.find((s) => s.name === name);
    if (search === undefined) throw new UnknownSavedSearchError(name);
    return search;
  }

  /**
   * A manual run (REST dispatch) as it ends: its run record, and with `triggerActions` its
   * findings written as a scheduled run's are (risk events, notables, alerts).
   */
  async recordDispatch(
    search: SavedSearch,
    job: DispatchedJob,
    window: { readonly earliest: number; readonly latest: number },
    triggerActions: boolean,
  ): Promise<void> {
    const started = this.options.clock.now();
    await job.done.catch(() => undefined);
    const failed = job.state === 'FAILED';
    const findings =
      triggerActions && !failed ? findingsOfRows(search, job.rows, window.latest) : [];
    const errors = job.messages.filter((m) => m.type === 'ERROR').map((m) => m.text);
    await this.writer.commit({
      runId: job.sid,
      findings,
      run: {
        savedsearch_name: search.name,
        search_type: 'manual',
        status: failed ? 'failed' : 'success',
        ...(errors.length > 0 ? { reason: errors.join('\n') } : {}),
        sid: job.sid,
        scheduled_time: started,
        dispatch_time: started,
        earliest_time: window.earliest,
        latest_time: window.latest,
        run_time: (job.finished ?? Date.now() / 1000) - job.created,
        result_count: job.rows.length,
      },
    });
  }

  async status(): Promise<DetectStatus> {
    const disabled = await readDisabled(this.options.store);
    return {
      now: this.options.clock.now(),
      contentVersion: this.content.version,
      lastReload: this.content.lastReload,
      contentErrors: errorsOf(this.content.current),
      scheduled: this.searchList.filter((s) => s.kind === 'scheduled').length,
      streaming: this.searchList.filter((s) => s.kind === 'streaming').length,
      disabled: disabled.size,
      streamedEvents: this.stream.events,
      streamedFindings: this.stream.findings,
      streamCaughtUp: this.stream.catchUp.events,
      streamCatchUpSkipped: this.stream.catchUp.skipped,
      alertActions: alertActionsOf(this.options.config).map((a) => a.name),
      alertsDelivered: this.dispatcher.delivered,
    };
  }

  /** Resolves once the scheduler, the stream's writes and the alert deliveries are idle (tests). */
  async idle(): Promise<void> {
    await this.stream.idle();
    await this.scheduler.idle();
    await this.writer.idle();
    // Deliveries are recorded through the writer: written at once here, not after its delay.
    await this.writer.during(this.dispatcher.idle());
    await this.writer.idle();
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe) off();
    this.content.close();
    await this.scheduler.close();
    await this.stream.close();
    await this.writer.idle();
    this.writer.close();
    this.dispatcher.close();
    this.options.clock.close();
  }
}

function statusOf(
  search: SavedSearch,
  enabled: boolean,
  nextRun: number | undefined,
  lastRun: RunHistoryEntry | undefined,
): SavedSearchStatus {
  return {
    name: search.name,
    kind: search.kind,
    title: search.title,
    id: search.id,
    type: search.type,
    description: search.description,
    search: search.search,
    enabled,
    cron: search.schedule?.cron.text,
    earliest: search.schedule?.earliest,
    latest: search.schedule?.latest,
    scheduleFrom: search.schedule?.from,
    problem: search.problem,
    nextRun,
    lastRun,
    suppressSeconds: search.throttling?.periodSeconds ?? search.suppressSeconds,
    alert: search.alert,
  };
}
