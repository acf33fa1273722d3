// The CLI's side of a running server: `spelunk search --server` streams results from the export
// endpoint, `spelunk ingest --server` sends batches with their checkpoints. node:http(s) rather
// than fetch, so a server with a self-signed certificate can be reached with --insecure.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import type { Event } from '../../core/index.ts';
import type { IngestTarget } from '../ingest/file-ingest.ts';
import type { Checkpoint } from '../store/event-store.ts';

export interface ClientOptions {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** Accept a certificate that does not verify (a self-signed one). */
  readonly insecure?: boolean;
}

export class ServerRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ServerRequestError';
    this.status = status;
  }
}

/** One export row, or a message the search gave. */
export type ExportLine =
  | { readonly kind: 'result'; readonly result: Record<string, string | string[]> }
  | { readonly kind: 'message'; readonly type: string; readonly text: string };

export class SpelunkClient implements IngestTarget {
  private readonly options: ClientOptions;
  private readonly base: URL;

  constructor(options: ClientOptions) {
    this.options = options;
    this.base = new URL(options.url);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`--server must be an http:// or https:// URL, not ${options.url}`);
    }
  }

  /** The results of a search, as the export endpoint streams them. */
  async *search(
    spl: string,
    range: { earliest?: string; latest?: string } = {},
  ): AsyncIterable<ExportLine> {
    const form = new URLSearchParams({ search: spl, output_mode: 'json' });
    if (range.earliest !== undefined) form.set('earliest_time', range.earliest);
    if (range.latest !== undefined) form.set('latest_time', range.latest);
    const response = await this.send(
      'POST',
      '/services/search/v2/jobs/export',
      form.toString(),
      'application/x-www-form-urlencoded',
    );
    for await (const line of createInterface({
      input: response,
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (line.trim() === '') continue;
      const parsed = JSON.parse(line) as {
        result?: Record<string, string | string[]>;
        messages?: { type: string; text: string }[];
      };
      if (parsed.result !== undefined) yield { kind: 'result', result: parsed.result };
      for (const m of parsed.messages ?? []) yield { kind: 'message', type: m.type, text: m.text };
    }
  }

  async checkpoint(key: string): Promise<Checkpoint | undefined> {
    try {
      const response = await this.send(
        'GET',
        `/services/spelunk/checkpoints/${encodeURIComponent(key)}`,
      );
      return JSON.parse(await text(response)) as Checkpoint;
    } catch (error) {
      if (error instanceof ServerRequestError && error.status === 404) return undefined;
      throw error;
    }
  }

  async write(events: readonly Event[], checkpoint: Checkpoint): Promise<void> {
    const lines = [JSON.stringify({ checkpoint }), ...events.map((e) => JSON.stringify(e))];
    for (let attempt = 0; ; attempt++) {
      try {
        await text(
          await this.send(
            'POST',
            '/services/spelunk/ingest',
            `${lines.join('\n')}\n`,
            'application/x-ndjson',
          ),
        );
        return;
      } catch (error) {
        // 503: the index is behind; wait and send the same batch again (its checkpoint makes it once).
        if (!(error instanceof ServerRequestError) || error.status !== 503 || attempt >= 60)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** A JSON answer of the REST API (`spelunk status`: saved searches, the detect status). */
  async getJson(path: string): Promise<unknown> {
    const sep = path.includes('?') ? '&' : '?';
    return JSON.parse(await text(await this.send('GET', `${path}${sep}output_mode=json`)));
  }

  private send(
    method: string,
    path: string,
    body?: string,
    contentType?: string,
  ): Promise<IncomingMessage> {
    const url = new URL(path, this.base);
    const auth = Buffer.from(`${this.options.user}:${this.options.password}`).toString('base64');
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          headers: {
            Authorization: `Basic ${auth}`,
            ...(body === undefined
              ? {}
              : {
                  'Content-Type': contentType ?? 'text/plain',
                  'Content-Length': Buffer.byteLength(body),
                }),
          },
          ...(url.protocol === 'https:' && this.options.insecure
            ? { rejectUnauthorized: false }
            : {}),
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve(response);
            return;
          }
          text(response).then(
            (body) => reject(new ServerRequestError(status, errorText(status, body))),
            reject,
          );
        },
      );
      req.on('error', (error) =>
        reject(new Error(`cannot reach ${this.base.origin}: ${error.message}`)),
      );
      req.end(body);
    });
  }
}

async function text(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of splunkd's `{"messages":[...]}`, else the status. */
function errorText(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { messages?: { text?: string }[] };
    const texts = (parsed.messages ?? []).map((m) => m.text).filter(Boolean);
    if (texts.length > 0) return texts.join('\n');
  } catch {
    // not JSON
  }
  return `the server answered HTTP ${status}`;
}
