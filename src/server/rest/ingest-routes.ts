// What `spelunk ingest --server` talks to: a file's checkpoint by its content key, and batches
// of events read by the CLI with the checkpoint they reach, committed together. Events are checked
// as strictly as HEC checks its own: a known index, a finite `_time`, text values.
import type { Event } from '../../core/index.ts';
import { writeField } from '../../core/index.ts';
import { BodyTooLargeError, closeAfterReply, readBody } from '../http/read-body.ts';
import { sendJson } from '../http/reply.ts';
import { ServerBusyError } from '../ingest/ingest-service.ts';
import type { Checkpoint } from '../store/event-store.ts';
import type { RestDeps, RestHandler } from './rest-context.ts';
import { notFound, RestError } from './rest-errors.ts';

export const getCheckpoint: RestHandler = async (call, deps) => {
  const key = call.match[1] as string;
  const checkpoint = await deps.ingest.checkpoint(key);
  if (checkpoint === undefined) throw notFound(`checkpoint ${key}`);
  sendJson(call.response, 200, checkpoint);
};

/** Body: one JSON line `{"checkpoint":{...}}`, then one event per line. */
export const ingestBatch: RestHandler = async (call, deps) => {
  let body: Buffer;
  try {
    body = await readBody(call.http, deps.maxIngestBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      closeAfterReply(call.response);
      throw new RestError(413, error.message);
    }
    throw error;
  }
  const lines = body
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const checkpoint = parseCheckpoint(lines[0]);
  const events = lines.slice(1).map((line, i) => parseEvent(line, i, deps));
  try {
    await deps.ingest.submit({ events, checkpoints: [checkpoint], bytes: body.length });
  } catch (error) {
    if (error instanceof ServerBusyError) {
      throw new RestError(503, error.message, { headers: { 'Retry-After': '1' } });
    }
    throw error;
  }
  sendJson(call.response, 200, { events: events.length, checkpoint });
};

function parseCheckpoint(line: string | undefined): Checkpoint {
  const value = safeParse(line ?? '', 'the first line');
  const c = (value as { checkpoint?: Record<string, unknown> }).checkpoint;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c['key'] !== 'string' ||
    !/^file:[0-9a-f]{64}$/.test(c['key']) ||
    !Number.isSafeInteger(c['position']) ||
    typeof c['complete'] !== 'boolean' ||
    typeof c['detail'] !== 'string'
  ) {
    throw new RestError(
      400,
      'the first line must be {"checkpoint":{"key":"file:<sha256>","position":n,"complete":b,"detail":"..."}}',
    );
  }
  return {
    key: c['key'],
    position: c['position'] as number,
    complete: c['complete'],
    detail: c['detail'].slice(0, 1000),
  };
}

function parseEvent(line: string, i: number, deps: RestDeps): Event {
  const value = safeParse(line, `event ${i}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RestError(400, `event ${i} is not a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const time = record['_time'];
  const index = record['index'];
  if (typeof time !== 'number' || !Number.isFinite(time))
    throw new RestError(400, `event ${i}: _time must be epoch seconds`);
  if (typeof index !== 'string' || !deps.indexes.has(index)) {
    throw new RestError(400, `event ${i}: no index "${String(index).slice(0, 80)}" on this server`);
  }
  const event: Event = {};
  for (const name of Object.keys(record)) {
    const v = record[name];
    if (name === '' || name.length > 4096)
      throw new RestError(400, `event ${i}: a field name must be 1 to 4096 characters`);
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
      writeField(event, name, v);
    else if (
      Array.isArray(v) &&
      v.length >= 2 &&
      v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
    ) {
      writeField(event, name, v as (string | number)[]);
    } else
      throw new RestError(
        400,
        `event ${i}: field "${name.slice(0, 80)}" must be text, a number or a list of them`,
      );
  }
  return event;
}

function safeParse(line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new RestError(400, `${what} is not JSON`);
  }
}
