// What the live-detection tests share: the bundled Atomic and benign telemetry sent through HEC
// with splunk-logging at chosen (current) times, a clock file the server's scheduler reads, a
// webhook receiver, and waits on the server's saved searches.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO } from '../dist.ts';
import { adminAuth, HEC_TOKEN } from '../server/serve-process.ts';

export const ATTACK_DIR = path.join(REPO, 'content', 'data', 'attack', 'T1219.001');
export const BENIGN_DIR = path.join(REPO, 'content', 'data', 'benign');
export const HOUR = 3600;

interface LoggerClass {
  new (
    config: Record<string, unknown>,
  ): {
    send(payload: Record<string, unknown>): void;
    flush(callback: (error: unknown, response: unknown, body: unknown) => void): void;
    eventFormatter: (message: unknown) => unknown;
    error: (error: unknown) => void;
  };
}
const SplunkLogger = (createRequire(import.meta.url)('splunk-logging') as { Logger: LoggerClass })
  .Logger;

/** The test folders of a telemetry folder (each holds .log files of XmlWinEventLog events). */
export function testFolders(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => statSync(p).isDirectory())
    .sort();
}

/**
 * Sends a test folder's events through HEC with splunk-logging, re-timed to `start` plus each
 * event's offset from the folder's first event (capped at 20 minutes, so a test stays in one window).
 */
export async function sendFolder(hecUrl: string, folder: string, start: number): Promise<number> {
  const events: { xml: string; time: number; sourcetype: string }[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.log'))) {
    const text = readFileSync(path.join(folder, file), 'utf8');
    const sourcetype = file.includes('security')
      ? 'XmlWinEventLog:Security'
      : 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
    for (const xml of text.split(/(?=<Event[ >])/).filter((e) => e.trim().startsWith('<Event'))) {
      const time = Date.parse(/SystemTime='([^']+)'/.exec(xml)?.[1] ?? '') / 1000;
      events.push({ xml: xml.trim(), time, sourcetype });
    }
  }
  const first = Math.min(...events.map((e) => e.time));
  const logger = new SplunkLogger({ token: HEC_TOKEN, url: hecUrl, maxBatchCount: 0 });
  logger.eventFormatter = (message) => message;
  let failure: unknown;
  logger.error = (error) => {
    failure = error;
  };
  for (const e of events) {
    logger.send({
      message: e.xml,
      metadata: {
        time: Math.round((start + Math.min(e.time - first, 1200)) * 1000),
        sourcetype: e.sourcetype,
        index: 'wineventlog',
      },
    });
  }
  await new Promise<void>((resolve, reject) =>
    logger.flush((error) => (error ? reject(error) : resolve())),
  );
  if (failure !== undefined) throw failure;
  return events.length;
}

export function setClock(file: string, time: number): void {
  // A rename, so the server never reads a half-written file.
  writeFileSync(`${file}.tmp`, String(time));
  renameSync(`${file}.tmp`, file);
}

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** A webhook receiver on loopback: every POST's headers and JSON body. */
export async function webhookReceiver(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SavedSearchEntry {
  readonly name: string;
  readonly content: Record<string, unknown>;
}

export async function rest(restUrl: string, pathname: string): Promise<Record<string, unknown>> {
  const sep = pathname.includes('?') ? '&' : '?';
  const response = await fetch(`${restUrl}${pathname}${sep}output_mode=json`, {
    headers: { Authorization: adminAuth() },
  });
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export async function savedSearches(restUrl: string): Promise<SavedSearchEntry[]> {
  return (await rest(restUrl, '/services/saved/searches?count=0'))['entry'] as SavedSearchEntry[];
}

/** Waits until every enabled scheduled search's last run is the one scheduled at `time`. */
export async function waitForRuns(
  restUrl: string,
  time: number,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let behind: string[] = [];
  while (Date.now() < deadline) {
    const entries = await savedSearches(restUrl);
    behind = entries
      .filter((e) => e.content['is_scheduled'] === true && e.content['disabled'] !== true)
      .filter((e) => Number(e.content['spelunk.last_run.scheduled_time']) !== time)
      .map((e) => `${e.name} (${e.content['spelunk.last_run.scheduled_time']})`);
    if (behind.length === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`runs at ${time} not done: ${behind.join(', ')}`);
}

/** Walks the clock hour by hour from `from` to `to` (top of hour + 60 s), waiting for each hour's runs. */
export async function walkClock(
  restUrl: string,
  clockFile: string,
  from: number,
  to: number,
): Promise<void> {
  for (let hour = from; hour <= to; hour += HOUR) {
    setClock(clockFile, hour + 60);
    await waitForRuns(restUrl, hour);
  }
}
