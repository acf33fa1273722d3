// `search/jobs` and `search/v2/jobs`: create (exec_mode normal, blocking, oneshot), list, status,
// results/events/results_preview (GET in v1, POST in v2; both accepted on both), control
// (cancel, finalize, touch, setttl), delete.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/reply.ts';
import type { IndexSearchRequest } from '../search/search-context.ts';
import { type SearchJob, TooManySearchesError } from '../search/search-job.ts';
import { feed, type RestCall, type RestHandler } from './rest-context.ts';
import { notFound, RestError } from './rest-errors.ts';
import { intParam, param } from './rest-request.ts';
import { formatResults, resultMode } from './results-format.ts';

/** The search request of a job's parameters: `search`, `earliest_time`, `latest_time`, `now`. */
export function searchRequest(params: URLSearchParams): IndexSearchRequest {
  const search = param(params, 'search');
  if (search === undefined) throw new RestError(400, 'Missing search parameter: give search=<SPL>');
  const earliest = param(params, 'earliest_time');
  const latest = param(params, 'latest_time');
  const now = param(params, 'now');
  const nowSeconds = now === undefined ? undefined : Number(now);
  if (nowSeconds !== undefined && !Number.isFinite(nowSeconds)) {
    throw new RestError(400, `now must be epoch seconds, not "${now?.slice(0, 40)}"`);
  }
  return {
    spl: search,
    ...(earliest || latest
      ? {
          timeRange: {
            ...(earliest ? { earliest } : {}),
            ...(latest ? { latest } : {}),
          },
        }
      : {}),
    ...(nowSeconds === undefined ? {} : { now: nowSeconds }),
  };
}

function startJob(call: RestCall, deps: Parameters<RestHandler>[1]): SearchJob {
  const request = searchRequest(call.params);
  try {
    const job = deps.jobs.create(request, call.user, param(call.params, 'id'));
    const ttl = param(call.params, 'timeout');
    if (ttl !== undefined && Number(ttl) > 0) job.ttl = Number(ttl);
    return job;
  } catch (error) {
    if (error instanceof TooManySearchesError) {
      throw new RestError(503, error.message, { headers: { 'Retry-After': '5' } });
    }
    throw error;
  }
}

export const createJob: RestHandler = async (call, deps) => {
  const mode = (param(call.params, 'exec_mode') ?? 'normal').toLowerCase();
  if (mode !== 'normal' && mode !== 'blocking' && mode !== 'oneshot') {
    throw new RestError(
      400,
      `exec_mode must be normal, blocking or oneshot, not "${mode.slice(0, 20)}"`,
    );
  }
  // Oneshot answers with results; the SDK asks json_rows unless told otherwise.
  const outputMode =
    mode === 'oneshot' ? resultMode(param(call.params, 'output_mode'), 'json') : undefined;
  const job = startJob(call, deps);
  if (mode === 'normal') {
    sendJson(call.response, 201, { sid: job.sid });
    return;
  }
  await job.done;
  if (mode === 'blocking') {
    sendJson(call.response, 201, { sid: job.sid });
    return;
  }
  deps.jobs.delete(job.sid);
  if (job.state === 'FAILED') throw jobFailure(job);
  sendResults(call.response, outputMode ?? 'json', job, call.params);
};

function jobFailure(job: SearchJob): RestError {
  const error = job.messages.filter((m) => m.type === 'ERROR').map((m) => m.text);
  return new RestError(400, error.join('\n') || 'the search failed');
}

export const listJobs: RestHandler = async (call, deps) => {
  sendJson(
    call.response,
    200,
    feed(deps.jobs.list(call.user).map((job) => ({ name: job.sid, content: jobContent(job) }))),
  );
};

function jobOf(call: RestCall, deps: Parameters<RestHandler>[1]): SearchJob {
  const sid = call.match[1] as string;
  const job = deps.jobs.get(sid, call.user);
  if (job === undefined) throw notFound(`Unknown sid: search job ${sid}`);
  return job;
}

export const jobStatus: RestHandler = async (call, deps) => {
  const job = jobOf(call, deps);
  sendJson(call.response, 200, feed([{ name: job.sid, content: jobContent(job) }]));
};

export const deleteJob: RestHandler = async (call, deps) => {
  const job = jobOf(call, deps);
  deps.jobs.delete(job.sid);
  sendJson(call.response, 200, { messages: [{ type: 'INFO', text: 'Search job cancelled.' }] });
};

export const controlJob: RestHandler = async (call, deps) => {
  const job = jobOf(call, deps);
  const action = (param(call.params, 'action') ?? '').toLowerCase();
  let text: string;
  switch (action) {
    case 'cancel':
      deps.jobs.delete(job.sid);
      text = 'Search job cancelled.';
      break;
    case 'finalize':
      job.finalize();
      text = 'Search job finalized.';
      break;
    case 'touch':
      text = 'Search job touched.';
      break;
    case 'setttl': {
      const ttl = intParam(call.params, 'ttl', job.ttl, 86_400 * 7);
      job.ttl = ttl;
      text = `The ttl of the search job was changed to ${ttl}.`;
      break;
    }
    case 'pause':
    case 'unpause':
    case 'enablepreview':
    case 'disablepreview':
    case 'setpriority':
    case 'save':
    case 'unsave':
      throw new RestError(
        400,
        `action=${action} is not supported by spelunk (cancel, finalize, touch and setttl are)`,
      );
    default:
      throw new RestError(
        400,
        `unknown action "${action.slice(0, 20)}": cancel, finalize, touch or setttl`,
      );
  }
  sendJson(call.response, 200, { messages: [{ type: 'INFO', text }] });
};

/** `results` and `events` (spelunk keeps a job's results; events are those results) and `results_preview`. */
export const jobResults: RestHandler = async (call, deps) => {
  const job = jobOf(call, deps);
  const preview = call.match[2] === 'results_preview';
  if (!job.isDone && !preview) {
    call.response.writeHead(204).end();
    return;
  }
  sendResults(
    call.response,
    resultMode(param(call.params, 'output_mode'), 'json'),
    job,
    call.params,
  );
};

function sendResults(
  response: ServerResponse,
  mode: ReturnType<typeof resultMode>,
  job: SearchJob,
  params: URLSearchParams,
): void {
  const offset = intParam(params, 'offset', 0);
  const count = intParam(params, 'count', 100);
  const rows = job.rows.slice(offset, count === 0 ? undefined : offset + count);
  const body = formatResults(mode, rows, offset, job.messages);
  response.writeHead(200, {
    'Content-Type': body.contentType,
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body.text);
}

function jobContent(job: SearchJob): Record<string, unknown> {
  const now = Date.now() / 1000;
  const range = job.request.timeRange;
  return {
    sid: job.sid,
    search: job.request.spl,
    dispatchState: job.state,
    isDone: job.isDone,
    isFailed: job.state === 'FAILED',
    isFinalized: job.stopReason === 'finalize',
    isPaused: false,
    isSaved: false,
    isZombie: false,
    doneProgress: job.isDone ? 1 : 0,
    eventCount: job.scanned,
    scanCount: job.scanned,
    eventAvailableCount: job.rows.length,
    resultCount: job.rows.length,
    runDuration: (job.finished ?? now) - job.created,
    ttl: job.ttl,
    earliestTime: range?.earliest ?? '',
    latestTime: range?.latest ?? '',
    messages: job.messages,
    request: {
      search: job.request.spl,
      earliest_time: range?.earliest ?? '',
      latest_time: range?.latest ?? '',
    },
  };
}
