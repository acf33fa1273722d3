// The time of a record that has no timestamp, as Splunk gives it (Getting Data In, "How timestamp
// assignment works"): the time of the previous event from the same source; for the first ones,
// the file's modification time; for a stream, the time it is read.
import { statSync } from 'node:fs';

export class UntimedRecords {
  private previous: number | undefined;
  private fileTime: number | undefined;
  private readonly path: string;
  private readonly now: () => number;

  constructor(path: string, now: () => number = () => Date.now() / 1000) {
    this.path = path;
    this.now = now;
  }

  /** A record's own time: later records without one take it. */
  saw(time: number): void {
    this.previous = time;
  }

  /** The time for a record with none. */
  timeFor(): number {
    if (this.previous !== undefined) return this.previous;
    this.fileTime ??= this.modificationTime() ?? this.now();
    return this.fileTime;
  }

  private modificationTime(): number | undefined {
    if (this.path === '-' || this.path === '') return undefined;
    try {
      return statSync(this.path).mtimeMs / 1000;
    } catch {
      return undefined;
    }
  }
}
