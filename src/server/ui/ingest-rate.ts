// Events committed per minute over the last hour, for the Data page's ingest rate: counted from
// the store's commit notifications. A view of this process only (a restart starts it empty), kept
// in a fixed ring of 60 minutes, so it is bounded whatever the ingest.
import type { EventStore } from '../store/event-store.ts';

const MINUTES = 60;

export class IngestRate {
  private readonly counts = new Array<number>(MINUTES).fill(0);
  private readonly minuteOf = new Array<number>(MINUTES).fill(-1);
  private readonly unsubscribe: () => void;
  private readonly now: () => number;

  constructor(store: Pick<EventStore, 'onCommit'>, now: () => number = () => Date.now()) {
    this.now = now;
    this.unsubscribe = store.onCommit((committed) => this.add(committed.count));
  }

  add(events: number): void {
    const minute = Math.floor(this.now() / 60_000);
    const slot = minute % MINUTES;
    if (this.minuteOf[slot] !== minute) {
      this.minuteOf[slot] = minute;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + events;
  }

  /** Per minute, oldest first: the minute's start (epoch seconds) and events committed in it. */
  snapshot(): {
    readonly minutes: readonly { time: number; events: number }[];
    readonly lastMinute: number;
  } {
    const current = Math.floor(this.now() / 60_000);
    const minutes: { time: number; events: number }[] = [];
    for (let m = current - MINUTES + 1; m <= current; m++) {
      const slot = m % MINUTES;
      minutes.push({
        time: m * 60,
        events: this.minuteOf[slot] === m ? (this.counts[slot] ?? 0) : 0,
      });
    }
    return { minutes, lastMinute: minutes[minutes.length - 2]?.events ?? 0 };
  }

  close(): void {
    this.unsubscribe();
  }
}
