// spelunk's own detect endpoints (for `spelunk status` and the web UI): the role's status, risk
// events and notables as JSON, each read from the store.
import { type Diagnostic, type Event, formatDiagnostics } from '../../core/index.ts';
import type { DetectEventQuery } from '../detect/detect-queries.ts';
import type { DetectService } from '../detect/detect-service.ts';
import { sendJson } from '../http/reply.ts';
import type { RestDeps, RestHandler } from './rest-context.ts';
import { RestError } from './rest-errors.ts';
import { intParam, param } from './rest-request.ts';

/** The detect role, or 404 where it does not run. */
export function detectOf(deps: RestDeps): DetectService {
  if (deps.detect === undefined)
    throw new RestError(404, 'live detection is not running on this server');
  return deps.detect;
}

export const detectStatus: RestHandler = async (call, deps) => {
  const status = await detectOf(deps).status();
  sendJson(call.response, 200, {
    ...status,
    contentErrors: status.contentErrors.map(problem),
    lastReload:
      status.lastReload === undefined
        ? null
        : {
            ...status.lastReload,
            errors: status.lastReload.errors.map(problem),
          },
  });
};

/** A problem with its code, message, and the text with file:line and a caret. */
function problem(d: Diagnostic): { code: string; message: string; text: string } {
  return { code: d.code, message: d.message, text: formatDiagnostics([d]) };
}

function eventQuery(params: URLSearchParams): DetectEventQuery {
  const time = (name: string): number | undefined => {
    const text = param(params, name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n))
      throw new RestError(400, `${name} must be epoch seconds, not "${text.slice(0, 40)}"`);
    return n;
  };
  const earliest = time('earliest_time');
  const latest = time('latest_time');
  const riskObject = param(params, 'risk_object');
  const searchName = param(params, 'search_name');
  return {
    ...(earliest === undefined ? {} : { earliest }),
    ...(latest === undefined ? {} : { latest }),
    ...(riskObject === undefined ? {} : { riskObject }),
    ...(searchName === undefined ? {} : { searchName }),
    limit: intParam(params, 'count', 1000, 50_000),
  };
}

function rows(events: readonly Event[]): Record<string, unknown>[] {
  return events.map((e) =>
    Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
  );
}

export const listRiskEvents: RestHandler = async (call, deps) => {
  sendJson(call.response, 200, {
    results: rows(await detectOf(deps).riskEvents(eventQuery(call.params))),
  });
};

export const listNotables: RestHandler = async (call, deps) => {
  sendJson(call.response, 200, {
    results: rows(await detectOf(deps).notables(eventQuery(call.params))),
  });
};
