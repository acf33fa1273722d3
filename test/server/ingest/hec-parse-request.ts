// One HEC body as a parse worker gets it (HecParseRequest), with the plain defaults the tests share:
// endpoint `event`, no query, a token without defaults, the indexes `main` and `wineventlog`.
import type { HecParseRequest } from '../../../src/server/ingest/hec/hec-parse.ts';

export function hecParseRequest(
  body: string,
  overrides: Partial<HecParseRequest> = {},
): HecParseRequest {
  return {
    endpoint: 'event',
    body: Buffer.from(body),
    request: {},
    token: { name: 't', defaults: {} },
    indexes: ['main', 'wineventlog'],
    serverHost: 'spelunk',
    now: 1_714_550_400,
    ...overrides,
  };
}
