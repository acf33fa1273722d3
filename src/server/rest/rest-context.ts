// What the REST handlers work with: the roles (search jobs, the store's summary, the ingest
// service), authentication, limits; and one request being answered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DetectService } from '../detect/detect-service.ts';
import type { IndexRegistry } from '../indexes.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { SearchJobs } from '../search/search-jobs.ts';
import type { EventStore } from '../store/event-store.ts';
import type { RestAuth } from './rest-auth.ts';
import type { RestRequest } from './rest-request.ts';

export interface RestDeps {
  readonly auth: RestAuth;
  readonly jobs: SearchJobs;
  readonly store: Pick<EventStore, 'summary'>;
  readonly indexes: IndexRegistry;
  readonly ingest: IngestService;
  /** The detect role (saved searches, risk, notables); absent where a test leaves it out. */
  readonly detect?: DetectService;
  readonly maxBodyBytes: number;
  /** Bytes of one `spelunk ingest` batch. */
  readonly maxIngestBodyBytes: number;
  readonly serverName: string;
  readonly log?: (line: string) => void;
}

export interface RestCall extends RestRequest {
  readonly http: IncomingMessage;
  readonly response: ServerResponse;
  readonly match: RegExpExecArray;
}

export type RestHandler = (call: RestCall, deps: RestDeps) => Promise<void>;

/** Splunk's Atom-style JSON envelope around entries. */
export function feed(
  entries: readonly { name: string; content: Record<string, unknown> }[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const updated = new Date().toISOString();
  return {
    links: {},
    origin: '',
    updated,
    ...extra,
    entry: entries.map((e) => ({
      name: e.name,
      id: e.name,
      updated,
      links: {},
      author: 'spelunk',
      acl: { app: 'search', owner: 'nobody', sharing: 'global', can_write: true, modifiable: true },
      content: e.content,
    })),
    paging: { total: entries.length, perPage: 30, offset: 0 },
    messages: [],
  };
}
