// Splunk's REST API (management port) as splunk-sdk and curl use it: the route table, then for
// each request: path (namespaced `/servicesNS/<owner>/<app>/` and trailing slashes accepted) →
// route → authentication (every route but login) → parameters (query + form body) → handler.
// Every failure is answered in splunkd's shape, `{"messages":[{"type":"ERROR","text":...}]}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, requestUrl, sendJson } from '../http/reply.ts';
import { detectStatus, listNotables, listRiskEvents } from './detect-routes.ts';
import { exportResults } from './export-route.ts';
import { dataIndexes, serverInfo } from './info-routes.ts';
import { getCheckpoint, ingestBatch } from './ingest-routes.ts';
import { controlJob, createJob, deleteJob, jobResults, jobStatus, listJobs } from './job-routes.ts';
import type { RestDeps, RestHandler } from './rest-context.ts';
import { RestError, sendRestError } from './rest-errors.ts';
import { param, requestParams, servicePath } from './rest-request.ts';
import {
  dispatchSavedSearch,
  getSavedSearch,
  listSavedSearches,
  reloadSavedSearches,
  savedSearchHistory,
  setSavedSearchEnabled,
} from './saved-search-routes.ts';

interface Route {
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly handler: RestHandler;
  /** Reads its own body (it is not a form). */
  readonly rawBody?: boolean;
}

const JOBS = '/services/search(?:/v2)?/jobs';
const SID = '([^/]+)';
const SAVED = '/services/saved/searches';

const ROUTES: readonly Route[] = [
  { methods: ['GET'], pattern: /^\/services\/server\/info$/, handler: serverInfo },
  { methods: ['GET'], pattern: /^\/services\/data\/indexes(?:\/([^/]+))?$/, handler: dataIndexes },
  { methods: ['GET', 'POST'], pattern: new RegExp(`^${JOBS}/export$`), handler: exportResults },
  { methods: ['GET'], pattern: new RegExp(`^${JOBS}$`), handler: listJobs },
  { methods: ['POST'], pattern: new RegExp(`^${JOBS}$`), handler: createJob },
  { methods: ['GET'], pattern: new RegExp(`^${JOBS}/${SID}$`), handler: jobStatus },
  { methods: ['DELETE'], pattern: new RegExp(`^${JOBS}/${SID}$`), handler: deleteJob },
  { methods: ['POST'], pattern: new RegExp(`^${JOBS}/${SID}/control$`), handler: controlJob },
  {
    methods: ['GET', 'POST'],
    pattern: new RegExp(`^${JOBS}/${SID}/(results|events|results_preview)$`),
    handler: jobResults,
  },
  { methods: ['GET'], pattern: new RegExp(`^${SAVED}$`), handler: listSavedSearches },
  { methods: ['POST'], pattern: new RegExp(`^${SAVED}/_reload$`), handler: reloadSavedSearches },
  {
    methods: ['GET'],
    pattern: new RegExp(`^${SAVED}/(?!_reload$)([^/]+)$`),
    handler: getSavedSearch,
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^${SAVED}/(?!_reload$)([^/]+)(?:/(enable|disable))?$`),
    handler: setSavedSearchEnabled,
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^${SAVED}/([^/]+)/dispatch$`),
    handler: dispatchSavedSearch,
  },
  {
    methods: ['GET'],
    pattern: new RegExp(`^${SAVED}/([^/]+)/history$`),
    handler: savedSearchHistory,
  },
  { methods: ['GET'], pattern: /^\/services\/spelunk\/detect\/status$/, handler: detectStatus },
  { methods: ['GET'], pattern: /^\/services\/spelunk\/risk$/, handler: listRiskEvents },
  { methods: ['GET'], pattern: /^\/services\/spelunk\/notables$/, handler: listNotables },
  {
    methods: ['GET'],
    pattern: /^\/services\/spelunk\/checkpoints\/([^/]+)$/,
    handler: getCheckpoint,
  },
  {
    methods: ['POST'],
    pattern: /^\/services\/spelunk\/ingest$/,
    handler: ingestBatch,
    rawBody: true,
  },
];

const LOGIN = /^\/services\/auth\/login$/;

export function createRestHandler(deps: RestDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = requestUrl(request);
      const path = servicePath(url.path);
      const method = request.method ?? 'GET';
      const address = clientAddress(request);
      if (LOGIN.test(path)) {
        if (method !== 'POST') throw new RestError(405, 'use POST to log in');
        const params = await requestParams(request, url.query, deps.maxBodyBytes);
        checkOutputMode(params);
        const sessionKey = await deps.auth.login(
          param(params, 'username'),
          param(params, 'password'),
          address,
        );
        sendJson(response, 200, { sessionKey });
        return;
      }
      // Authenticate before telling anything about the path.
      const user = await deps.auth.authenticate(request, address);
      const candidates = ROUTES.filter((r) => r.pattern.test(path));
      const route = candidates.find((r) => r.methods.includes(method));
      const match = route?.pattern.exec(path);
      if (route === undefined || match == null) {
        request.resume();
        if (candidates.length === 0) throw new RestError(404, `Not Found: ${path.slice(0, 200)}`);
        throw new RestError(405, `${method} is not allowed on ${path.slice(0, 200)}`, {
          headers: { Allow: candidates.flatMap((r) => r.methods).join(', ') },
        });
      }
      const params = route.rawBody
        ? new URLSearchParams(url.query)
        : await requestParams(request, url.query, deps.maxBodyBytes);
      checkOutputMode(params);
      await route.handler({ http: request, response, method, path, params, user, match }, deps);
    } catch (error) {
      if (error instanceof RestError) {
        sendRestError(response, error);
        return;
      }
      deps.log?.(
        `REST internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendRestError(response, new RestError(500, 'internal error (see the server log)'));
    }
  };
}

/**
 * splunkd defaults to XML (Atom); spelunk answers JSON, and says so when asked for XML. No
 * default path of the official splunk-sdk (2.0.2) asks for XML: against Splunk 5 and later it
 * adds `output_mode=json` to every request (oneshot and results `json_rows`), and its parser reads
 * JSON only; XML appears only in its browser timeline helper.
 */
function checkOutputMode(params: URLSearchParams): void {
  const mode = param(params, 'output_mode')?.toLowerCase();
  if (mode === 'xml' || mode === 'atom') {
    throw new RestError(
      400,
      `output_mode=${mode} is not supported: spelunk answers json (the default), and results also as json_rows, json_cols or csv`,
    );
  }
}
