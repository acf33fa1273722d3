// `saved/searches` as splunkd serves them, over the detect role: list and one search (schedule,
// next run, last run's status, duration and result count), enable/disable, dispatch (a search
// job over `dispatch.earliest_time`..`dispatch.latest_time`, as splunk-sdk's
// `savedSearch.dispatch()` expects), history (the runs, newest first), `_reload` (content).

import { resolveTime } from '../../spl/index.ts';
import type { RunHistoryEntry } from '../detect/detect-queries.ts';
import type { SavedSearchStatus } from '../detect/detect-service.ts';
import { UnknownSavedSearchError } from '../detect/detect-service.ts';
import { sendJson } from '../http/reply.ts';
import { TooManySearchesError } from '../search/search-job.ts';
import { detectOf } from './detect-routes.ts';
import { feed, type RestCall, type RestHandler } from './rest-context.ts';
import { RestError } from './rest-errors.ts';
import { intParam, param } from './rest-request.ts';

/** The `<name>` of the path, decoded (the SDK encodes names with spaces). */
function nameOf(call: RestCall): string {
  try {
    return decodeURIComponent(call.match[1] ?? '');
  } catch {
    throw new RestError(400, 'the saved search name is not valid percent-encoding');
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnknownSavedSearchError) throw new RestError(404, error.message);
    throw error;
  }
}

export const listSavedSearches: RestHandler = async (call, deps) => {
  const searches = await detectOf(deps).savedSearches();
  const offset = intParam(call.params, 'offset', 0);
  const count = intParam(call.params, 'count', 30);
  const page = count === 0 ? searches.slice(offset) : searches.slice(offset, offset + count);
  const body = feed(page.map(entryOf));
  body['paging'] = { total: searches.length, perPage: count, offset };
  sendJson(call.response, 200, body);
};

export const getSavedSearch: RestHandler = async (call, deps) => {
  const search = await guarded(() => detectOf(deps).savedSearch(nameOf(call)));
  sendJson(call.response, 200, feed([entryOf(search)]));
};

/** `POST saved/searches/<name>` with `disabled=0|1` (the SDK's `savedSearch.update`), or `…/enable|disable`. */
export const setSavedSearchEnabled: RestHandler = async (call, deps) => {
  const name = nameOf(call);
  const action = call.match[2];
  let enabled: boolean;
  if (action === 'enable' || action === 'disable') enabled = action === 'enable';
  else {
    const disabled = param(call.params, 'disabled');
    if (disabled === undefined) {
      throw new RestError(
        400,
        'spelunk changes only `disabled` of a saved search (its content is its YAML)',
      );
    }
    enabled = !['1', 'true', 't', 'yes'].includes(disabled.toLowerCase());
  }
  const detect = detectOf(deps);
  await guarded(() => detect.setEnabled(name, enabled));
  sendJson(call.response, 200, feed([entryOf(await detect.savedSearch(name))]));
};

export const dispatchSavedSearch: RestHandler = async (call, deps) => {
  const detect = detectOf(deps);
  const search = await guarded(async () => detect.scheduledSearch(nameOf(call)));
  const detection = search.detection?.detection;
  if (detection === undefined) {
    throw new RestError(
      400,
      `${search.name} is a streaming Sigma rule: it runs on every event and cannot be dispatched`,
    );
  }
  const now = (() => {
    const text = param(call.params, 'dispatch.now') ?? param(call.params, 'now');
    if (text === undefined) return Date.now() / 1000;
    const n = Number(text);
    if (!Number.isFinite(n))
      throw new RestError(400, `dispatch.now must be epoch seconds, not "${text.slice(0, 40)}"`);
    return n;
  })();
  const side = (name: 'earliest' | 'latest'): number => {
    const text =
      param(call.params, `dispatch.${name}_time`) ??
      search.schedule?.[name] ??
      (name === 'earliest' ? '-70m@m' : '-10m@m');
    const resolved = resolveTime(text, now);
    if (!resolved.ok) throw new RestError(400, `dispatch.${name}_time: ${resolved.message}`);
    return resolved.time;
  };
  const window = { earliest: side('earliest'), latest: side('latest') };
  const trigger = ['1', 'true', 't'].includes(
    (param(call.params, 'trigger_actions') ?? '0').toLowerCase(),
  );
  let job: ReturnType<typeof deps.jobs.create>;
  try {
    job = deps.jobs.create(
      {
        spl: detection.search,
        now,
        timeRange: { earliest: window.earliest, latest: window.latest },
      },
      call.user,
    );
  } catch (error) {
    if (error instanceof TooManySearchesError) {
      throw new RestError(503, error.message, { headers: { 'Retry-After': '5' } });
    }
    throw error;
  }
  detect
    .recordDispatch(search, job, window, trigger)
    .catch((error: unknown) => deps.log?.(`dispatch of ${search.name}: ${String(error)}`));
  sendJson(call.response, 201, { sid: job.sid });
};

export const savedSearchHistory: RestHandler = async (call, deps) => {
  const detect = detectOf(deps);
  const name = nameOf(call);
  await guarded(() => detect.savedSearch(name));
  const runs = await detect.history({
    searchName: name,
    limit: intParam(call.params, 'count', 100, 10_000) || 10_000,
  });
  sendJson(call.response, 200, feed(runs.map(historyEntry)));
};

export const reloadSavedSearches: RestHandler = async (call, deps) => {
  const outcome = await detectOf(deps).reload('REST _reload');
  sendJson(call.response, outcome.applied ? 200 : 400, {
    applied: outcome.applied,
    messages: outcome.errors.map((d) => ({ type: 'ERROR', text: d.message })),
  });
};

function entryOf(search: SavedSearchStatus): { name: string; content: Record<string, unknown> } {
  const last = search.lastRun;
  return {
    name: search.name,
    content: {
      search: search.search,
      description: search.description,
      disabled: !search.enabled,
      is_scheduled: search.kind === 'scheduled' && search.cron !== undefined,
      cron_schedule: search.cron ?? '',
      'dispatch.earliest_time': search.earliest ?? '',
      'dispatch.latest_time': search.latest ?? '',
      next_scheduled_time: search.nextRun === undefined ? '' : splunkTime(search.nextRun),
      'alert.suppress': search.suppressSeconds > 0,
      'alert.suppress.period': `${search.suppressSeconds}s`,
      'action.risk': true,
      'action.notable': search.alert,
      'spelunk.kind': search.kind,
      'spelunk.type': search.type,
      'spelunk.id': search.id ?? '',
      'spelunk.title': search.title,
      'spelunk.schedule_from': search.scheduleFrom ?? '',
      'spelunk.problem': search.problem ?? '',
      'spelunk.next_run': search.nextRun ?? null,
      'spelunk.last_run.status': last?.status ?? '',
      'spelunk.last_run.reason': last?.reason ?? '',
      'spelunk.last_run.sid': last?.sid ?? '',
      'spelunk.last_run.scheduled_time': last?.scheduled_time ?? null,
      'spelunk.last_run.run_time': last?.run_time ?? null,
      'spelunk.last_run.result_count': last?.result_count ?? null,
      'spelunk.last_run.risk_event_count': last?.risk_event_count ?? null,
    },
  };
}

function historyEntry(run: RunHistoryEntry): { name: string; content: Record<string, unknown> } {
  return {
    name: run.sid,
    content: {
      ...run,
      sid: run.sid,
      dispatchState:
        run.status === 'failed' ? 'FAILED' : run.status === 'skipped' ? 'SKIPPED' : 'DONE',
      isDone: true,
      isFailed: run.status === 'failed',
      isScheduled: run.search_type === 'scheduled',
      runDuration: run.run_time,
      resultCount: run.result_count,
    },
  };
}

/** splunkd's `next_scheduled_time` format: `2024-05-01 09:00:00 UTC`. */
function splunkTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
