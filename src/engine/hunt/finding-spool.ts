// Where a hunt keeps the findings of its report: a temporary file of JSON lines, so that memory
// does not grow with the number of findings (a hunt over millions of events keeps up to
// --max-findings of each of hundreds of detections).
import { closeSync, readSync, writeSync } from 'node:fs';
import os from 'node:os';
import type { Event, SharedEvent } from '../../core/index.ts';
import { closeWhenCollected, openTemporary } from '../spill/temporary-file.ts';
import type { Finding } from './finding.ts';
import type { HuntRule } from './hunt-rule.ts';

/** A bucket's lines are written in pieces of up to this many bytes. */
const PIECE = 16 * 1024;
/**
 * A bucket's first pending buffer; it doubles up to PIECE. Hundreds of detections find a few
 * events each: at a full piece each, their pending buffers held megabytes of mostly nothing.
 */
const FIRST_PENDING = 2 * 1024;

/** The findings of one detection with one risk score, in the order they were found. */
interface Bucket {
  readonly score: number;
  /**
   * Lines not written yet, as UTF-8 outside V8's heap: a line waits here long enough to outlive
   * young-generation collections, and as strings every spooled finding became old-generation
   * garbage that only a full collection frees (tens of megabytes of RSS in a long hunt).
   */
  pending: Buffer | undefined;
  pendingSize: number;
  /** Written pieces: offset and byte length, alternating. */
  readonly pieces: number[];
  count: number;
}

interface Spooled {
  /** The sink's sequence number: the order findings were found in. */
  readonly index: number;
  readonly fields: Event;
  readonly events?: readonly Event[];
  /** Absent for a finding without a time. */
  readonly time?: number;
  readonly riskEvents: number;
  readonly inputs?: readonly string[];
}

/** A finding read back, with its place in the order of finding. */
export interface SpooledFinding {
  readonly index: number;
  readonly finding: Finding;
}

export class FindingSpool {
  private readonly buckets = new Map<HuntRule, Map<number, Bucket>>();
  private readonly dir: string;
  private fd: number | undefined;
  private size = 0;
  /** The last finding's row and its JSON as UTF-8 (the rules matching one event share it; rows never change). */
  private lastFields: SharedEvent | undefined;
  private lastFieldsBytes: Buffer = Buffer.alloc(0);
  /** Whether JSON keeps every number of that row (NaN and infinities become null). */
  private lastFieldsExact = true;

  constructor(dir = os.tmpdir()) {
    this.dir = dir;
  }

  /**
   * Keeps the finding in the file; false when JSON cannot carry it exactly (a number that is not
   * finite): the caller keeps that one in memory.
   */
  add(finding: Finding, index: number): boolean {
    const { fields, events, time, riskEvents, inputs } = finding;
    // JSON.stringify of a Spooled record, the row written (and judged) once for the findings of
    // one event.
    if (fields !== this.lastFields) {
      const json = JSON.stringify(fields);
      this.lastFieldsExact = !json.includes('null') || finite(fields);
      // As UTF-8 once: each rule that matched the event copies the bytes into its bucket.
      this.lastFieldsBytes = Buffer.from(json, 'utf8');
      this.lastFields = fields;
    }
    if (!this.lastFieldsExact || (time !== undefined && !Number.isFinite(time))) return false;
    const head = `{"index":${index},"fields":`;
    let tail = '';
    if (events !== undefined) {
      const json = JSON.stringify(events);
      if (json.includes('null') && !events.every(finite)) return false;
      tail += `,"events":${json}`;
    }
    if (time !== undefined) tail += `,"time":${JSON.stringify(time)}`;
    tail += `,"riskEvents":${JSON.stringify(riskEvents)}`;
    if (inputs !== undefined) tail += `,"inputs":${JSON.stringify(inputs)}`;
    tail += '}\n';
    let byScore = this.buckets.get(finding.rule);
    if (byScore === undefined) {
      byScore = new Map();
      this.buckets.set(finding.rule, byScore);
    }
    let bucket = byScore.get(finding.riskScore);
    if (bucket === undefined) {
      bucket = {
        score: finding.riskScore,
        pending: undefined,
        pendingSize: 0,
        pieces: [],
        count: 0,
      };
      byScore.set(finding.riskScore, bucket);
    }
    bucket.count++;
    const row = this.lastFieldsBytes;
    // The head is ASCII: one byte a character.
    const size = head.length + row.length + Buffer.byteLength(tail, 'utf8');
    if (bucket.pendingSize + size > PIECE) this.write(bucket);
    if (size > PIECE) {
      this.writePiece(
        bucket,
        Buffer.concat([Buffer.from(head, 'utf8'), row, Buffer.from(tail, 'utf8')]),
      );
      return true;
    }
    const pending = roomFor(bucket, size);
    let at = bucket.pendingSize;
    at += pending.write(head, at, 'utf8');
    at += row.copy(pending, at);
    at += pending.write(tail, at, 'utf8');
    bucket.pendingSize = at;
    return true;
  }

  /** The detection's spooled findings with this risk score, in the order they were found. */
  *findings(rule: HuntRule, score: number): Generator<SpooledFinding> {
    const bucket = this.buckets.get(rule)?.get(score);
    if (bucket === undefined) return;
    const { pieces } = bucket;
    // One buffer for every piece (each is decoded to a string at once): a new 16 KB buffer per
    // piece was array-buffer garbage V8 frees only after tens of megabytes of it, while the
    // report is written.
    let bytes: Buffer | undefined;
    for (let i = 0; i < pieces.length; i += 2) {
      const size = pieces[i + 1] as number;
      if (bytes === undefined || bytes.length < size)
        bytes = Buffer.allocUnsafeSlow(Math.max(size, PIECE));
      readSync(this.fd as number, bytes, 0, size, pieces[i] as number);
      yield* lines(rule, score, bytes.toString('utf8', 0, size));
    }
    if (bucket.pending !== undefined)
      yield* lines(rule, score, bucket.pending.toString('utf8', 0, bucket.pendingSize));
  }

  /** The risk scores of the detection's spooled findings, highest first. */
  scores(rule: HuntRule): number[] {
    return [...(this.buckets.get(rule)?.keys() ?? [])].sort((a, b) => b - a);
  }

  /** Spooled findings of the detection. */
  count(rule: HuntRule): number {
    let n = 0;
    for (const bucket of this.buckets.get(rule)?.values() ?? []) n += bucket.count;
    return n;
  }

  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      closeWhenCollected.unregister(this);
    }
    this.fd = undefined;
    this.buckets.clear();
  }

  /** The bucket's pending lines into the file. */
  private write(bucket: Bucket): void {
    if (bucket.pending === undefined || bucket.pendingSize === 0) return;
    this.writePiece(bucket, bucket.pending.subarray(0, bucket.pendingSize));
    bucket.pendingSize = 0;
  }

  private writePiece(bucket: Bucket, bytes: Buffer): void {
    if (this.fd === undefined) {
      this.fd = openTemporary(this.dir, 'findings.jsonl');
      closeWhenCollected.register(this, this.fd, this);
    }
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    bucket.pieces.push(this.size, bytes.length);
    this.size += bytes.length;
  }
}

/** The bucket's pending buffer, grown (doubling, up to PIECE) to take `size` more bytes. */
function roomFor(bucket: Bucket, size: number): Buffer {
  const need = bucket.pendingSize + size;
  const pending = bucket.pending;
  if (pending !== undefined && need <= pending.length) return pending;
  let capacity = Math.max(FIRST_PENDING, pending?.length ?? 0);
  while (capacity < need) capacity *= 2;
  // Never from Buffer's shared pool: a small slice there would keep its whole 8 KB slab.
  const grown = Buffer.allocUnsafeSlow(Math.min(PIECE, capacity));
  pending?.copy(grown, 0, 0, bucket.pendingSize);
  bucket.pending = grown;
  return grown;
}

function* lines(rule: HuntRule, riskScore: number, text: string): Generator<SpooledFinding> {
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const { index, fields, events, time, riskEvents, inputs } = JSON.parse(line) as Spooled;
    const finding: Finding = {
      rule,
      fields,
      ...(events === undefined ? {} : { events }),
      time,
      riskScore,
      riskEvents,
      ...(inputs === undefined ? {} : { inputs }),
    };
    yield { index, finding };
  }
}

/** Whether JSON keeps every number of the event (NaN and infinities become null). */
function finite(event: SharedEvent): boolean {
  return Object.values(event).every((v) =>
    Array.isArray(v)
      ? v.every((x) => typeof x !== 'number' || Number.isFinite(x))
      : typeof v !== 'number' || Number.isFinite(v),
  );
}
