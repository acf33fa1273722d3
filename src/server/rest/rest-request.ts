// One REST request's parameters: the query string and, for POST, the form-urlencoded body (the
// SDK's and curl's form), merged; a path under `/servicesNS/<owner>/<app>/` reads as `/services/`.
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import { RestError } from './rest-errors.ts';

export interface RestRequest {
  readonly method: string;
  /** `/services/...`, namespace and trailing slashes removed. */
  readonly path: string;
  readonly params: URLSearchParams;
  readonly user: string;
}

const NAMESPACED = /^\/servicesNS\/[^/]+\/[^/]+(\/.*)?$/;

export function servicePath(path: string): string {
  const namespaced = NAMESPACED.exec(path);
  return namespaced ? `/services${namespaced[1] ?? ''}` : path;
}

export async function requestParams(
  request: IncomingMessage,
  query: URLSearchParams,
  maxBodyBytes: number,
): Promise<URLSearchParams> {
  const params = new URLSearchParams(query);
  if (request.method !== 'POST' && request.method !== 'PUT' && request.method !== 'DELETE') {
    request.resume();
    return params;
  }
  let body: Buffer;
  try {
    body = await readBody(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new RestError(413, error.message);
    throw error;
  }
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.append(key, value);
  return params;
}

/** The last value of a parameter (a form may repeat one), or undefined. */
export function param(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  const value = all[all.length - 1];
  return value === undefined || value === '' ? undefined : value;
}

export function intParam(
  params: URLSearchParams,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = param(params, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new RestError(400, `${name} must be a whole number, not "${text.slice(0, 40)}"`);
  return Math.min(n, max);
}
