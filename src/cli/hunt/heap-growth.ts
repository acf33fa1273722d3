// How far V8 lets a hunt's old generation grow past what it held after a full collection. A
// hunt promotes garbage steadily (route programs built at first events, memos starting over,
// the rules' compile-time leftovers), and V8's own factor (up to 4x while the heap is small)
// let it pile up: with every SigmaHQ rule the old generation reached ~140 MB over a live ~90 MB,
// and the process 260-290 MB of RSS. At 25% more than the live heap a full collection comes
// sooner, and each one, over a heap of ~90 MB, costs tens of milliseconds (docs/hunt.md, "Memory").
import v8 from 'node:v8';

/** Percent the old generation may grow past its live size before the next full collection. */
export const HUNT_HEAP_GROWING_PERCENT = 25;

/** Read by V8 each time it sets the next limit, so it applies from the next full collection on. */
export function limitHeapGrowth(percent = HUNT_HEAP_GROWING_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
