// Errors as splunkd answers them: an HTTP status and `{"messages":[{"type":"ERROR","text":...}]}`.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/reply.ts';

export class RestError extends Error {
  readonly status: number;
  readonly type: 'ERROR' | 'WARN';
  readonly code: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    text: string,
    options: { type?: 'ERROR' | 'WARN'; code?: string; headers?: Record<string, string> } = {},
  ) {
    super(text);
    this.name = 'RestError';
    this.status = status;
    this.type = options.type ?? 'ERROR';
    this.code = options.code;
    this.headers = options.headers ?? {};
  }
}

export function sendRestError(response: ServerResponse, error: RestError): void {
  sendJson(
    response,
    error.status,
    {
      messages: [
        {
          type: error.type,
          ...(error.code === undefined ? {} : { code: error.code }),
          text: error.message,
        },
      ],
    },
    error.headers,
  );
}

export const notFound = (what: string) => new RestError(404, `${what} not found`);
