// Readers that read with blocking calls give the event loop a turn now and then.

/**
 * A turn for the event loop (timers, I/O callbacks): reads that block, and the promises they
 * resolve, would otherwise keep it waiting for a whole input (the progress display, a server).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
