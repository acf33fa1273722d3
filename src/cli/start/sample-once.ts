// The bundled sample in the start system, once per data directory: each file sent through HEC
// (`/services/collector/raw`, one request per file, committed when the reply comes) and marked
// done in the store; then every scheduled detection dispatched over the sample's time window with
// its actions on (risk events, notables), as an analyst replays old data, and that marked too.
// The sample's events are from 2025: the hourly schedules around the clock never see them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningServer } from '../../server/index.ts';

const INGESTED = 'start.sample-file:';
const DETECTED = 'start.sample-detected';

export interface Rest {
  readonly url: string;
  readonly auth: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.log'))
    .sort();
}

/** Sends the files HEC has not taken yet; the events sent now. */
export async function ingestSampleOnce(
  server: RunningServer,
  dir: string,
  token: string,
): Promise<number> {
  let events = 0;
  for (const file of files(dir)) {
    const body = readFileSync(file);
    const key = `${INGESTED}${createHash('sha256').update(body).digest('hex')}`;
    if ((await server.store.setting(key)) !== undefined) continue;
    const before = await countEvents(server);
    const response = await fetch(
      `${server.hecUrl}/services/collector/raw?sourcetype=XmlWinEventLog&index=wineventlog`,
      { method: 'POST', headers: { Authorization: `Splunk ${token}` }, body },
    );
    const reply = await response.text();
    if (!response.ok) throw new Error(`HEC refused ${file}: ${response.status} ${reply}`);
    const after = await countEvents(server);
    events += after - before;
    await server.store.putSetting(key, path.relative(dir, file));
  }
  return events;
}

async function countEvents(server: RunningServer): Promise<number> {
  return (await server.store.summary()).reduce(
    (n, i) => (i.name === 'wineventlog' ? n + i.events : n),
    0,
  );
}

async function rest<T>(api: Rest, pathAndQuery: string, form?: Record<string, string>): Promise<T> {
  const response = await fetch(`${api.url}/services/${pathAndQuery}`, {
    method: form ? 'POST' : 'GET',
    headers: { Authorization: api.auth, 'Content-Type': 'application/x-www-form-urlencoded' },
    ...(form ? { body: new URLSearchParams({ output_mode: 'json', ...form }) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${pathAndQuery}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

interface Feed {
  readonly entry: { readonly name: string; readonly content: Record<string, unknown> }[];
}

/**
 * Dispatches every enabled scheduled search over the sample's window (its first event to one
 * second past its last) with actions, once; waits until each run is recorded. The runs done now.
 */
export async function detectSampleOnce(server: RunningServer, api: Rest): Promise<number> {
  if ((await server.store.setting(DETECTED)) !== undefined) return 0;
  const sample = (await server.store.summary()).find((i) => i.name === 'wineventlog');
  if (sample?.minTime === undefined || sample.maxTime === undefined) return 0;
  const searches = (await rest<Feed>(api, 'saved/searches?output_mode=json&count=0')).entry.filter(
    (e) => e.content['spelunk.kind'] === 'scheduled' && e.content['disabled'] !== true,
  );
  // One at a time: each run is recorded before the next starts, within the search limits.
  const deadline = Date.now() + 300_000;
  for (const search of searches) {
    const name = encodeURIComponent(search.name);
    const { sid } = await rest<{ sid: string }>(api, `saved/searches/${name}/dispatch`, {
      'dispatch.earliest_time': String(Math.floor(sample.minTime)),
      'dispatch.latest_time': String(Math.floor(sample.maxTime) + 1),
      trigger_actions: '1',
    });
    for (;;) {
      const history = await rest<Feed>(
        api,
        `saved/searches/${name}/history?output_mode=json&count=20`,
      );
      if (history.entry.some((e) => e.name === sid)) break;
      if (Date.now() > deadline)
        throw new Error(
          `the dispatched run ${sid} of ${search.name} was not recorded in 5 minutes`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await server.store.putSetting(DETECTED, String(searches.length));
  return searches.length;
}

/** `| stats count` of a search, through the REST API. */
export async function countOf(api: Rest, search: string): Promise<number> {
  const answer = await rest<{ results: { count?: string }[] }>(api, 'search/jobs', {
    search: `search ${search} | stats count`,
    exec_mode: 'oneshot',
  });
  return Number(answer.results[0]?.count ?? 0);
}
