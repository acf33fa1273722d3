// A bounded external sort: items are held up to a run's size, each full run is sorted and spilled
// to one temporary file, and `sorted()` merges the runs. Memory holds one run being filled, or
// one read buffer per run being merged, whatever the number of items.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ExternalSortOptions<T> {
  readonly compare: (a: T, b: T) => number;
  /** One line of text, without a line break (JSON is). */
  readonly encode: (item: T) => string;
  readonly decode: (line: string) => T;
  /** Items held before a run is spilled (default 10,000). */
  readonly runSize?: number;
  /** Runs merged at once; more are merged in passes (default 64). */
  readonly fanIn?: number;
  /** Where the temporary file goes (default the system's). */
  readonly dir?: string;
}

interface Run {
  readonly file: SpillFile;
  readonly start: number;
  readonly end: number;
}

/** Bytes read from a run at a time while merging. */
const READ_SIZE = 1 << 16;
const NEWLINE = 0x0a;

/**
 * Equal items keep the order they were added in (runs are merged with the earlier run first). A
 * sorter is read once; `close` removes its file (it is unlinked as soon as it is open, so a
 * crash leaves nothing behind either).
 */
export class ExternalSorter<T> {
  private held: T[] = [];
  private runs: Run[] = [];
  private spill: SpillFile | undefined;
  private readonly files: SpillFile[] = [];
  private readonly runSize: number;
  private readonly fanIn: number;
  /** Items added. */
  count = 0;

  private readonly options: ExternalSortOptions<T>;

  constructor(options: ExternalSortOptions<T>) {
    this.options = options;
    this.runSize = options.runSize ?? 10_000;
    this.fanIn = Math.max(2, options.fanIn ?? 64);
  }

  add(item: T): void {
    this.held.push(item);
    this.count++;
    if (this.held.length >= this.runSize) this.spillHeld();
  }

  /** Every item in order. Call once. */
  *sorted(): Generator<T> {
    if (this.runs.length === 0) {
      const items = this.held.sort(this.options.compare);
      this.held = [];
      yield* items;
      return;
    }
    if (this.held.length > 0) this.spillHeld();
    while (this.runs.length > this.fanIn) this.mergePass();
    for (const line of this.merge(this.runs)) yield this.options.decode(line);
  }

  close(): void {
    for (const file of this.files) file.close();
    this.files.length = 0;
    this.held = [];
  }

  private spillHeld(): void {
    this.held.sort(this.options.compare);
    const file = this.spillFile();
    const start = file.size;
    let text = '';
    for (const item of this.held) {
      text += `${this.options.encode(item)}\n`;
      if (text.length >= READ_SIZE) {
        file.append(text);
        text = '';
      }
    }
    file.append(text);
    this.runs.push({ file, start, end: file.size });
    this.held = [];
  }

  /** Merges the runs `fanIn` at a time into a new file. */
  private mergePass(): void {
    const out = this.newFile();
    const merged: Run[] = [];
    for (let i = 0; i < this.runs.length; i += this.fanIn) {
      const start = out.size;
      let text = '';
      for (const line of this.merge(this.runs.slice(i, i + this.fanIn))) {
        text += `${line}\n`;
        if (text.length >= READ_SIZE) {
          out.append(text);
          text = '';
        }
      }
      out.append(text);
      merged.push({ file: out, start, end: out.size });
    }
    // The merged runs' files are read no more.
    for (const run of this.runs) if (run.file !== out) run.file.close();
    this.runs = merged;
    this.spill = out;
  }

  /** The lines of `runs` in order (heads compared decoded; ties to the earlier run). */
  private *merge(runs: readonly Run[]): Generator<string> {
    const heads: { readonly reader: RunReader; line: string; item: T; readonly order: number }[] =
      [];
    runs.forEach((run, order) => {
      const reader = new RunReader(run);
      const line = reader.next();
      if (line !== undefined) heads.push({ reader, line, item: this.options.decode(line), order });
    });
    const before = (a: (typeof heads)[number], b: (typeof heads)[number]) => {
      const c = this.options.compare(a.item, b.item);
      return c < 0 || (c === 0 && a.order < b.order);
    };
    const heap = new MinHeap(heads, before);
    for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
      yield top.line;
      const line = top.reader.next();
      if (line === undefined) heap.pop();
      else {
        top.line = line;
        top.item = this.options.decode(line);
        heap.siftDown();
      }
    }
  }

  private spillFile(): SpillFile {
    this.spill ??= this.newFile();
    return this.spill;
  }

  private newFile(): SpillFile {
    const file = new SpillFile(this.options.dir ?? tmpdir());
    this.files.push(file);
    return file;
  }
}

/** A temporary file, unlinked once open: written at its end, read by position. */
class SpillFile {
  readonly fd: number;
  size = 0;
  private closed = false;

  constructor(dir: string) {
    const folder = mkdtempSync(path.join(dir, 'spelunk-sort-'));
    const file = path.join(folder, 'runs');
    this.fd = openSync(file, 'w+', 0o600);
    rmSync(folder, { recursive: true, force: true });
  }

  append(text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    }
    this.size += bytes.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** Reads a run's lines in pieces of READ_SIZE bytes (a line break is never inside a UTF-8 character). */
class RunReader {
  private position: number;
  private lines: string[] = [];
  private next_ = 0;
  private carry: Buffer = Buffer.alloc(0);

  private readonly run: Run;

  constructor(run: Run) {
    this.run = run;
    this.position = run.start;
  }

  next(): string | undefined {
    while (this.next_ >= this.lines.length) {
      if (!this.fill()) return undefined;
    }
    return this.lines[this.next_++];
  }

  private fill(): boolean {
    const left = this.run.end - this.position;
    if (left <= 0) return false;
    const piece = Buffer.allocUnsafe(Math.min(READ_SIZE, left));
    const read = readSync(this.run.file.fd, piece, 0, piece.length, this.position);
    if (read <= 0) throw new Error(`the sort's temporary file ends early at ${this.position}`);
    this.position += read;
    const bytes =
      this.carry.length === 0
        ? piece.subarray(0, read)
        : Buffer.concat([this.carry, piece.subarray(0, read)]);
    const last = bytes.lastIndexOf(NEWLINE);
    this.carry = Buffer.from(bytes.subarray(last + 1));
    this.lines = last < 0 ? [] : bytes.toString('utf8', 0, last).split('\n');
    this.next_ = 0;
    return true;
  }
}

/** A binary heap whose top is the item `before` puts first. */
class MinHeap<T> {
  private readonly items: T[];
  private readonly before: (a: T, b: T) => boolean;

  constructor(items: T[], before: (a: T, b: T) => boolean) {
    this.items = items;
    this.before = before;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): void {
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      this.siftDown();
    }
  }

  /** Restores the order after the top item changed. */
  siftDown(from = 0): void {
    const items = this.items;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < items.length && this.before(items[left] as T, items[first] as T)) first = left;
      if (right < items.length && this.before(items[right] as T, items[first] as T)) first = right;
      if (first === i) return;
      [items[i], items[first]] = [items[first] as T, items[i] as T];
      i = first;
    }
  }
}
