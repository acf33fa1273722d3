// The running rule-set version as a matcher for the threads that encode batches (HEC's parse
// workers, batch-matcher.ts): each listener gets it now and whenever it changes.
import type { SharedMatcher } from './batch-matcher.ts';

export class SharedMatcherFeed {
  private shared: SharedMatcher | undefined;
  private readonly listeners: ((matcher: SharedMatcher | undefined) => void)[] = [];

  get current(): SharedMatcher | undefined {
    return this.shared;
  }

  listen(listener: (matcher: SharedMatcher | undefined) => void): void {
    this.listeners.push(listener);
    listener(this.shared);
  }

  set(shared: SharedMatcher | undefined): void {
    if (shared === this.shared) return;
    this.shared = shared;
    for (const listener of this.listeners) listener(shared);
  }
}
