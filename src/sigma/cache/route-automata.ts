// The route-program cache: the automata a run's route programs built (matcher/route-program.ts),
// stored beside the compiled rule set under the same key, so the next run takes them instead of
// building them. One binary file: a header line (format, key, size and hash of the payload, and
// where each automaton's arrays sit; the hash covers those places too) padded to 8 bytes, then
// the arrays. Read whole into shared
// memory (a Sigma matching worker gets the same bytes, not a copy) and checked once; an
// automaton's typed arrays are views of it, made when a route first needs them.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type AhoCorasick, automatonOfTables } from '../matcher/aho-corasick.ts';
import type { AutomatonTables } from '../matcher/automaton-tables.ts';
import type { AutomatonLibrary } from '../matcher/route-program.ts';
import { checkCacheBytes, writeFileAtomically } from './cache-file.ts';
import { CACHE_FORMAT } from './cache-key.ts';

const MAGIC = 'spelunk-sigma-automata';

type ArrayKind = typeof Uint8Array | typeof Uint16Array | typeof Int32Array;
/** The tables' arrays in the file's order. */
const ARRAYS: readonly (readonly [Exclude<keyof AutomatonTables, 'classes'>, ArrayKind])[] = [
  ['classOf', Uint8Array],
  ['asciiClass', Uint8Array],
  ['table', Int32Array],
  ['rowOf', Int32Array],
  ['stateOfRow', Int32Array],
  ['fail', Int32Array],
  ['edgeStart', Int32Array],
  ['edgeKey', Uint16Array],
  ['edgeTarget', Int32Array],
  ['outStart', Int32Array],
  ['outIds', Int32Array],
  ['outputLink', Int32Array],
  ['emits', Uint8Array],
];

/** `[patterns' hash, payload offset, pattern count, classes, each array's length]` */
type EntryData = [string, number, number, number, number[]];

/** What a worker thread is sent: the shared bytes and where each automaton is. */
export interface RouteAutomataData {
  readonly file: string;
  readonly key: string;
  readonly bytes: SharedArrayBuffer | null;
  readonly payload: number;
  readonly entries: readonly EntryData[];
}

export type RouteAutomataRead =
  | { readonly kind: 'hit' | 'absent' | 'stale'; readonly library: RouteAutomata }
  | { readonly kind: 'corrupt'; readonly library: RouteAutomata; readonly reason: string };

/** The cache file under `key`: its automata when whole, else an empty library that writes anew. */
export function readRouteAutomata(file: string, key: string): RouteAutomataRead {
  const empty = (): RouteAutomata =>
    new RouteAutomata({ file, key, bytes: null, payload: 0, entries: [] });
  let bytes: SharedArrayBuffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      bytes = new SharedArrayBuffer(size);
      const view = new Uint8Array(bytes);
      for (let at = 0; at < size; ) {
        const n = readSync(fd, view, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
      return { kind: 'absent', library: empty() };
    return { kind: 'corrupt', library: empty(), reason: (cause as Error).message };
  }
  const view = new Uint8Array(bytes);
  // The hash covers where each automaton sits as well as the arrays.
  const checked = checkCacheBytes(view, MAGIC, key, (header) => {
    const entries = (header as { readonly entries?: unknown }).entries;
    return Array.isArray(entries) ? JSON.stringify(entries) : null;
  });
  if (checked.kind === 'stale') return { kind: 'stale', library: empty() };
  if (checked.kind === 'corrupt') return { ...checked, library: empty() };
  const { header, payload } = checked;
  if (payload % 8 !== 0)
    return { kind: 'corrupt', library: empty(), reason: 'its header is damaged' };
  const entries = (header as { readonly entries: EntryData[] }).entries;
  return { kind: 'hit', library: new RouteAutomata({ file, key, bytes, payload, entries }) };
}

export class RouteAutomata implements AutomatonLibrary {
  private readonly data: RouteAutomataData;
  private readonly stored = new Map<string, EntryData>();
  /** Built in this run, by hash: written with the stored ones on `persist`. */
  private readonly fresh = new Map<string, { tables: AutomatonTables; patterns: number }>();
  private written = 0;

  constructor(data: RouteAutomataData) {
    this.data = data;
    for (const entry of data.entries) this.stored.set(entry[0], entry);
  }

  /** The library as data a worker thread can be sent (the bytes are shared, not copied). */
  share(): RouteAutomataData {
    return this.data;
  }

  find(patterns: string): AhoCorasick | undefined {
    const entry = this.stored.get(hashOf(patterns));
    const { bytes } = this.data;
    if (entry === undefined || bytes === null) return undefined;
    const [, offset, patternCount, classes, lengths] = entry;
    const tables: Record<string, unknown> = { classes };
    let at = this.data.payload + offset;
    try {
      for (let i = 0; i < ARRAYS.length; i++) {
        const [name, Kind] = ARRAYS[i] as (typeof ARRAYS)[number];
        const length = lengths[i] as number;
        if (at + length * Kind.BYTES_PER_ELEMENT > bytes.byteLength) return undefined;
        tables[name] = new Kind(bytes as unknown as ArrayBuffer, at, length);
        at = align(at + length * Kind.BYTES_PER_ELEMENT);
      }
    } catch {
      // A header the checksum covers but this code did not write (offsets out of range): build.
      return undefined;
    }
    return automatonOfTables(tables as unknown as AutomatonTables, patternCount);
  }

  built(patterns: string, automaton: AhoCorasick): void {
    this.fresh.set(hashOf(patterns), {
      tables: automaton.tables,
      patterns: automaton.patternCount,
    });
  }

  /**
   * Writes the stored and the built automata (when some were built since the last write) to a
   * temporary file renamed over the cache, so a reader never sees half a file. A cache that
   * cannot be written is left as it is: the rule set's own write already warned (SIGMA081).
   */
  persist(): void {
    if (this.fresh.size === this.written) return;
    this.written = this.fresh.size;
    const parts: { tables: AutomatonTables | null; entry: EntryData }[] = [];
    let size = 0;
    const { bytes, payload } = this.data;
    for (const entry of this.stored.values()) {
      if (this.fresh.has(entry[0]) || bytes === null) continue;
      parts.push({ tables: null, entry: [entry[0], size, entry[2], entry[3], entry[4]] });
      size += entryBytes(entry[4]);
    }
    for (const [hash, { tables, patterns }] of this.fresh) {
      const lengths = ARRAYS.map(([name]) => tables[name].length);
      parts.push({ tables, entry: [hash, size, patterns, tables.classes, lengths] });
      size += entryBytes(lengths);
    }
    const arraysOf = (part: (typeof parts)[number]): Uint8Array[] => {
      if (part.tables !== null) {
        const tables = part.tables;
        return ARRAYS.map(([name]) => {
          const a = tables[name];
          return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        });
      }
      const old = this.stored.get(part.entry[0]) as EntryData;
      return [new Uint8Array(bytes as SharedArrayBuffer, payload + old[1], entryBytes(old[4]))];
    };
    const entries = parts.map((p) => p.entry);
    const hash = createHash('sha256').update(JSON.stringify(entries));
    const padding = new Uint8Array(8);
    const chunks: Uint8Array[] = [];
    for (const part of parts) {
      for (const a of arraysOf(part)) {
        chunks.push(a);
        const pad = align(a.byteLength) - a.byteLength;
        if (pad > 0) chunks.push(padding.subarray(0, pad));
      }
    }
    for (const c of chunks) hash.update(c);
    let header = JSON.stringify({
      magic: MAGIC,
      format: CACHE_FORMAT,
      key: this.data.key,
      bytes: size,
      sha256: hash.digest('hex'),
      entries,
    });
    header += ' '.repeat(align(Buffer.byteLength(header) + 1) - Buffer.byteLength(header) - 1);
    try {
      writeFileAtomically(this.data.file, [`${header}\n`, ...chunks]);
    } catch {
      // Not written: the rule set's own write reports an unwritable cache folder (SIGMA081).
    }
  }
}

const align = (n: number): number => Math.ceil(n / 8) * 8;

function entryBytes(lengths: readonly number[]): number {
  let size = 0;
  for (let i = 0; i < ARRAYS.length; i++) {
    const Kind = (ARRAYS[i] as (typeof ARRAYS)[number])[1];
    size += align((lengths[i] as number) * Kind.BYTES_PER_ELEMENT);
  }
  return size;
}

function hashOf(patterns: string): string {
  return createHash('sha256').update(patterns).digest('hex');
}
