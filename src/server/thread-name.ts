// Names the calling worker thread as Linux shows it (`top -H`, /proc/<pid>/task/<tid>/comm), so
// the server's CPU per thread can be told apart (bench server-hec and live): every Node thread
// is "node" otherwise. Linux only, best effort: elsewhere, or if refused, nothing happens.
import { writeFileSync } from 'node:fs';

export function nameThisThread(name: string): void {
  try {
    // Synchronous, so it runs on this very thread: /proc/thread-self is the caller's task.
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {}
}
