// The server as the UI sees it: its own calls under /api/ui and Splunk's REST API under
// /api/services, authenticated by the HttpOnly session cookie; every changing request carries
// the CSRF token the session gave.

export type Value = string | string[];
export type Row = Record<string, Value>;

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

let csrf = '';
let onLoggedOut: () => void = () => {};

export function setSession(token: string, loggedOut: () => void): void {
  csrf = token;
  onLoggedOut = loggedOut;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  if (method !== 'GET') headers.set('X-CSRF-Token', csrf);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body = text === '' ? {} : (JSON.parse(text) as unknown);
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/login')) onLoggedOut();
    const messages = (body as { messages?: { text?: string }[] }).messages ?? [];
    throw new ApiError(
      response.status,
      messages.map((m) => m.text).join('; ') || response.statusText,
    );
  }
  return body as T;
}

export function getJson<T>(path: string): Promise<T> {
  return call<T>(path);
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A REST call with a form body, as splunkd takes it. */
export function postForm<T>(path: string, form: Record<string, string>): Promise<T> {
  return call<T>(`/api/services/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function getRest<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const params = new URLSearchParams({ output_mode: 'json', ...query });
  return call<T>(`/api/services/${path}?${params.toString()}`);
}

export function deleteRest(path: string): Promise<unknown> {
  return call(`/api/services/${path}`, { method: 'DELETE' });
}

export interface Session {
  readonly user: string;
  readonly csrf: string;
}

export interface JobMessage {
  readonly type: string;
  readonly text: string;
}

export interface JobStatus {
  readonly dispatchState: string;
  readonly isDone: boolean;
  readonly isFailed: boolean;
  readonly resultCount: number;
  readonly scanCount: number;
  readonly runDuration: number;
  readonly messages: readonly JobMessage[];
}

export interface Results {
  readonly fields: readonly string[];
  readonly rows: readonly Row[];
  readonly messages: readonly JobMessage[];
  readonly status: JobStatus;
}

export interface TimeRange {
  readonly earliest: string;
  readonly latest: string;
}

/** The REST API wants a search command first; a search as typed may start with its terms. */
export function restSearch(spl: string): string {
  const trimmed = spl.trim();
  return trimmed.startsWith('|') || /^search\b/i.test(trimmed) ? trimmed : `search ${trimmed}`;
}

/** Runs a search job to its end and reads up to `maxRows` results. */
export async function runSearch(
  spl: string,
  range: TimeRange,
  maxRows: number,
  signal?: AbortSignal,
): Promise<Results> {
  const form: Record<string, string> = {
    search: restSearch(spl),
    exec_mode: 'normal',
    output_mode: 'json',
  };
  if (range.earliest !== '') form['earliest_time'] = range.earliest;
  if (range.latest !== '') form['latest_time'] = range.latest;
  const { sid } = await postForm<{ sid: string }>('search/v2/jobs', form);
  const job = `search/v2/jobs/${encodeURIComponent(sid)}`;
  try {
    let status: JobStatus;
    for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
      if (signal?.aborted) throw new ApiError(0, 'cancelled');
      const feed = await getRest<{ entry: { content: JobStatus }[] }>(job);
      const content = feed.entry[0]?.content;
      if (content === undefined) throw new ApiError(500, 'the job has no status');
      status = content;
      if (status.isDone || status.isFailed) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (status.isFailed) {
      const errors = status.messages.filter((m) => m.type === 'ERROR').map((m) => m.text);
      throw new ApiError(400, errors.join('\n') || 'the search failed');
    }
    const results = await getRest<{
      fields: { name: string }[];
      results: Row[];
      messages: JobMessage[];
    }>(`${job}/results`, { count: String(maxRows) });
    return {
      fields: results.fields.map((f) => f.name),
      rows: results.results,
      messages: status.messages,
      status,
    };
  } finally {
    deleteRest(job).catch(() => {});
  }
}

export function valueText(value: Value | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('\n') : value;
}
