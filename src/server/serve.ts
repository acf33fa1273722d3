// `spelunk serve`: the server's roles put together in one process - the index (store), ingest
// (HEC, monitor inputs, `spelunk ingest`), search (jobs over the REST API), detect (scheduled
// searches, streaming Sigma, risk, notables, alerts) - each behind its own interface and keeping
// its state in the store, so they can later run as separate processes - and the web UI over them.
// open store → ingest service → users and session keys → detect (content, Sigma stream,
// scheduler) → search jobs over its workspace → HEC, REST and web UI listeners → monitor inputs
// → retention timer.
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { Diagnostic } from '../core/index.ts';
import type { AttackCatalog } from '../detection/index.ts';
import type { ServerConfig } from './config/config-schema.ts';
import { type DetectClock, systemClock } from './detect/detect-clock.ts';
import { DetectService } from './detect/detect-service.ts';
import { checkExposure, closeServer, listen } from './http/listen.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { IndexRegistry } from './indexes.ts';
import { createHecHandler } from './ingest/hec/hec-handler.ts';
import { HecParsePool } from './ingest/hec/hec-parse-pool.ts';
import { HecTokenTable } from './ingest/hec/hec-tokens.ts';
import { DEFAULT_INGEST_LIMITS, IngestService } from './ingest/ingest-service.ts';
import { MonitorInputs } from './ingest/monitor-inputs.ts';
import { RestAuth } from './rest/rest-auth.ts';
import { createRestHandler } from './rest/rest-handler.ts';
import { runIndexSearch } from './search/index-search.ts';
import { SearchJobs } from './search/search-jobs.ts';
import type { SearchWorkspaceOptions } from './search/search-workspace.ts';
import { newSessionSecret, SESSION_SECRET_SETTING, SessionKeys } from './security/sessions.ts';
import { UserTable } from './security/users.ts';
import { openDuckDbStore } from './store/duckdb-store.ts';
import type { EventStore } from './store/event-store.ts';
import { IngestRate } from './ui/ingest-rate.ts';
import { loadUiAssets } from './ui/ui-assets.ts';
import { createUiHandler } from './ui/ui-handler.ts';

export const DEFAULT_DATA_DIR = './spelunk-data';
const HEC_TOKEN_SETTING = 'hec.default-token';

export interface ServeOptions {
  readonly config: ServerConfig;
  readonly dataDir: string;
  /** Quick-start HEC token (`--hec-token`, SPELUNK_HEC_TOKEN), named `default`. */
  readonly hecToken?: string;
  /** Quick-start admin password (`--password`, SPELUNK_PASSWORD). */
  readonly adminPassword?: string;
  readonly workspace?: SearchWorkspaceOptions;
  /** Where the built web UI is (default: dist/ui at the package root). */
  readonly uiAssetsDir?: string;
  /** The ATT&CK catalogue the web UI names techniques from (`--attack`: a STIX bundle); the built-in table by default. */
  readonly attack?: AttackCatalog;
  /** Sigma rules streamed over every committed event (`--sigma`), and their logsource mapping. */
  readonly sigma?: readonly string[];
  readonly sigmaMapping?: string;
  /** The scheduler's clock (`--clock-file` in tests); the system clock by default. */
  readonly clock?: DetectClock;
  /** Reload the content when its files change (default true). */
  readonly watchContent?: boolean;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly hecUrl: string;
  readonly restUrl: string;
  /** The web UI's address, unless the UI is off. */
  readonly uiUrl?: string;
  /** The admin password generated on this first start (printed once), if one was. */
  readonly generatedPassword?: string;
  /** The HEC token of the `default` token when none was configured. */
  readonly defaultHecToken?: string;
  readonly store: EventStore;
  readonly ingest: IngestService;
  /** The detect role: saved searches, runs, risk, notables, content reloads. */
  readonly detect: DetectService;
  readonly workspaceDiagnostics: readonly Diagnostic[];
  close(): Promise<void>;
}

export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeError';
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { config, log } = options;
  const tls = config.tls;
  const exposure = checkExposure(config.listen.host, tls !== undefined, config.listen.insecure);
  if (exposure !== undefined) throw new ServeError(exposure);
  const store = await openDuckDbStore(options.dataDir, {
    memoryLimitMb: Math.max(64, Math.round(config.storage.memoryLimit / 1048576)),
    checkpointThresholdMb: Math.max(1, Math.round(config.storage.checkpointThreshold / 1048576)),
    partitionSeconds: config.storage.partition,
  });
  const closers: (() => Promise<void>)[] = [() => store.close()];
  try {
    // Before anything listens: a missing UI build is a start-up error, not a blank page later.
    const assets = config.listen.ui ? loadUiAssets(options.uiAssetsDir) : undefined;
    const indexes = new IndexRegistry(config.indexes);
    const ingest = await IngestService.start(store, {
      maxQueuedEvents: config.limits.ingestQueueEvents,
      maxQueuedBytes: config.limits.ingestQueueSize,
      maxCommitEvents: DEFAULT_INGEST_LIMITS.maxCommitEvents,
      maxWaitMs: config.limits.ingestQueueWait * 1000,
    });
    closers.unshift(() => ingest.drain());
    const { users, generatedPassword } = await UserTable.open(store, {
      ...(options.adminPassword === undefined ? {} : { adminPassword: options.adminPassword }),
      configured: new Map(config.users.map((u) => [u.name, u.passwordHash])),
    });
    const sessions = new SessionKeys(
      await store.initSetting(SESSION_SECRET_SETTING, newSessionSecret()),
    );
    const limiter = new RateLimiter();

    const searchDeps = {
      store,
      indexes: () => indexes.all(),
      defaultIndexes: config.search.defaultIndexes,
      maxMemoryBytes: config.limits.maxJobMemory,
    };
    const workspaceOptions = options.workspace ?? {};
    const detect = await DetectService.start({
      content: {
        ...workspaceOptions,
        ...(options.sigma === undefined ? {} : { sigma: options.sigma }),
        ...(options.sigmaMapping === undefined ? {} : { sigmaMapping: options.sigmaMapping }),
      },
      config: config.detect,
      clock: options.clock ?? systemClock,
      store,
      ingest,
      runSearch: runIndexSearch,
      searchDeps,
      maxResultRows: config.limits.maxResultRows,
      watch: options.watchContent ?? true,
      log,
    });
    closers.unshift(() => detect.close());
    const jobs = new SearchJobs(
      (request, output) =>
        runIndexSearch(request, { ...searchDeps, workspace: detect.workspace }, output),
      {
        maxConcurrent: config.limits.maxConcurrentSearches,
        timeoutSeconds: config.limits.searchTimeout,
        maxResultRows: config.limits.maxResultRows,
        maxMemoryBytes: config.limits.maxJobMemory,
        ttlSeconds: config.limits.jobTtl,
      },
    );
    closers.unshift(async () => jobs.close());

    const tokens = [...config.hec.tokens];
    let defaultHecToken: string | undefined;
    if (options.hecToken !== undefined) {
      tokens.push({ name: 'default', token: options.hecToken, useAck: false, disabled: false });
    } else if (tokens.length === 0) {
      defaultHecToken = await store.initSetting(HEC_TOKEN_SETTING, crypto.randomUUID());
      tokens.push({ name: 'default', token: defaultHecToken, useAck: false, disabled: false });
    }
    const parser = new HecParsePool({
      ...(config.hec.parseWorkers === undefined ? {} : { workers: config.hec.parseWorkers }),
      log,
    });
    closers.unshift(() => parser.close());
    detect.onStreamMatcher((matcher) => parser.setMatcher(matcher));
    const hec = await listen(
      { host: config.listen.host, port: config.listen.hecPort, ...(tls ? { tls } : {}) },
      createHecHandler({
        tokens: new HecTokenTable(tokens),
        ingest,
        indexes,
        rateLimiter: limiter,
        parser,
        maxBodyBytes: config.hec.maxBodySize,
        allowQueryToken: config.hec.allowQueryToken,
        log,
      }),
    );
    closers.unshift(() => closeServer(hec));
    const auth = new RestAuth(users, sessions, limiter, {
      loginsPerMinute: config.limits.loginsPerMinute,
      requestsPerSecond: config.limits.restRequestsPerSecond,
    });
    const restHandler = createRestHandler({
      auth,
      jobs,
      store,
      indexes,
      detect,
      ingest,
      maxBodyBytes: config.limits.restMaxBodySize,
      maxIngestBodyBytes: config.hec.maxBodySize,
      serverName: hostname(),
      log,
    });
    const rest = await listen(
      { host: config.listen.host, port: config.listen.restPort, ...(tls ? { tls } : {}) },
      restHandler,
    );
    closers.unshift(() => closeServer(rest));
    let ui: Server | undefined;
    if (assets !== undefined) {
      const rate = new IngestRate(store);
      closers.unshift(async () => rate.close());
      ui = await listen(
        { host: config.listen.host, port: config.listen.uiPort, ...(tls ? { tls } : {}) },
        createUiHandler({
          assets,
          auth,
          sessions,
          rest: restHandler,
          store,
          workspace: () => detect.workspace,
          ...(options.attack === undefined ? {} : { attack: options.attack }),
          rate,
          secure: tls !== undefined,
          maxBodyBytes: config.limits.restMaxBodySize,
          log,
        }),
      );
      const listening = ui;
      closers.unshift(() => closeServer(listening));
    }

    const monitors = new MonitorInputs(config.inputs, ingest, log);
    monitors.start();
    closers.unshift(async () => monitors.stop());
    const retention = setInterval(() => {
      store
        .enforceRetention(indexes.policies, Date.now() / 1000, 3600)
        .then((dropped) => {
          for (const d of dropped) {
            log(
              `retention: dropped ${d.index} partition ${new Date(d.start * 1000).toISOString()} (${d.events} events, ${d.reason})`,
            );
          }
        })
        .catch((error: unknown) => log(`retention failed: ${String(error)}`));
    }, config.storage.retentionInterval * 1000);
    retention.unref();
    closers.unshift(async () => clearInterval(retention));

    const scheme = tls ? 'https' : 'http';
    return {
      hecUrl: `${scheme}://${urlHost(config.listen.host)}:${port(hec)}`,
      restUrl: `${scheme}://${urlHost(config.listen.host)}:${port(rest)}`,
      ...(ui === undefined
        ? {}
        : { uiUrl: `${scheme}://${urlHost(config.listen.host)}:${port(ui)}` }),
      ...(generatedPassword === undefined ? {} : { generatedPassword }),
      ...(defaultHecToken === undefined ? {} : { defaultHecToken }),
      store,
      ingest,
      detect,
      workspaceDiagnostics: detect.workspace.diagnostics,
      close: async () => {
        for (const close of closers)
          await close().catch((e: unknown) => log(`shutdown: ${String(e)}`));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}

function port(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
