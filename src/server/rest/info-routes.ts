// `server/info` (the SDK logs in only when it finds generator.version) and `data/indexes`.
import { hostname, platform, release } from 'node:os';
import { sendJson } from '../http/reply.ts';
import { feed, type RestHandler } from './rest-context.ts';
import { notFound } from './rest-errors.ts';

/** The splunkd version spelunk answers as: ≥ 9.0.2, so the SDK uses the v2 search endpoints. */
export const SPLUNK_VERSION = '9.4.0';
export const BUILD = 'spelunk-0.1.0';

export const serverInfo: RestHandler = async (call, deps) => {
  sendJson(
    call.response,
    200,
    feed(
      [
        {
          name: 'server-info',
          content: {
            version: SPLUNK_VERSION,
            build: BUILD,
            serverName: deps.serverName,
            host: hostname(),
            product_type: 'enterprise',
            os_name: platform(),
            os_version: release(),
            server_roles: ['indexer', 'search_head'],
          },
        },
      ],
      { generator: { build: BUILD, version: SPLUNK_VERSION } },
    ),
  );
};

export const dataIndexes: RestHandler = async (call, deps) => {
  const stored = await deps.store.summary();
  const wanted = call.match[1];
  const entries = deps.indexes.policies
    .filter((p) => wanted === undefined || p.index === wanted)
    .map((policy) => {
      const s = stored.find((x) => x.name === policy.index);
      return {
        name: policy.index,
        content: {
          totalEventCount: String(s?.events ?? 0),
          currentDBSizeMB: Math.round((s?.diskBytes ?? 0) / 1048576),
          maxTotalDataSizeMB: Math.round(policy.maxBytes / 1048576),
          frozenTimePeriodInSecs: policy.maxAgeSeconds,
          minTime: s?.minTime === undefined ? '' : new Date(s.minTime * 1000).toISOString(),
          maxTime: s?.maxTime === undefined ? '' : new Date(s.maxTime * 1000).toISOString(),
          datatype: 'event',
          disabled: false,
        },
      };
    });
  if (wanted !== undefined && entries.length === 0) throw notFound(`index "${wanted}"`);
  sendJson(call.response, 200, feed(entries));
};
