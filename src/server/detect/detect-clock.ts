// The detect role's clock: what time the scheduler thinks it is. The system clock in production;
// a file (`serve --clock-file`) or a settable clock in tests, so a day of windows runs in seconds.
import { readFileSync, unwatchFile, watchFile } from 'node:fs';

export interface DetectClock {
  /** Epoch seconds. */
  now(): number;
  /** Called when the time jumps (a test moved it); the system clock never calls it. */
  onChange(listener: () => void): () => void;
  close(): void;
}

export const systemClock: DetectClock = {
  now: () => Date.now() / 1000,
  onChange: () => () => {},
  close: () => {},
};

/** A clock set by hand (in-process tests). */
export class ManualClock implements DetectClock {
  private time: number;
  private readonly listeners = new Set<() => void>();

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  set(time: number): void {
    this.time = time;
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
  }
}

/**
 * The time is the epoch seconds written in `file`, looked at every 50 ms; a test writes a later
 * time to move the schedule on. A file that cannot be read or holds no number is an error at
 * start, and keeps the last good time afterwards.
 */
export function fileClock(file: string): DetectClock {
  const clock = new ManualClock(readClockFile(file));
  watchFile(file, { interval: 50 }, () => {
    try {
      const time = readClockFile(file);
      if (time !== clock.now()) clock.set(time);
    } catch {
      // A test rewriting the file may be caught half-way: the next look reads it whole.
    }
  });
  return {
    now: () => clock.now(),
    onChange: (listener) => clock.onChange(listener),
    close: () => {
      unwatchFile(file);
      clock.close();
    },
  };
}

function readClockFile(file: string): number {
  const text = readFileSync(file, 'utf8').trim();
  const time = Number(text);
  if (text === '' || !Number.isFinite(time)) {
    throw new Error(`${file} must hold epoch seconds, not "${text.slice(0, 40)}"`);
  }
  return time;
}
