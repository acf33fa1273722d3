// The Sigma stream's connection to its matcher (a SigmaMatcherPort, started on first use and again
// after a failure): requests it awaits a reply to (a version's load, a replay chunk) by key, live
// batches' replies handed on, and the port's failure reported once, its waiting requests failed.
import type {
  MatchedReply,
  MatcherReply,
  MatcherRequest,
  SigmaMatcherPort,
} from './sigma-match-protocol.ts';

interface Waiter {
  readonly resolve: (reply: MatcherReply) => void;
  readonly reject: (error: Error) => void;
}

export interface MatcherLinkEvents {
  /** A live batch's reply (no request waits for it). */
  readonly matched: (reply: MatchedReply) => void;
  /** The running port failed (its waiting requests were failed first). */
  readonly failed: (error: Error) => void;
}

export class MatcherLink {
  private readonly start: () => SigmaMatcherPort;
  private readonly events: MatcherLinkEvents;
  private port: SigmaMatcherPort | undefined;
  private readonly waiters = new Map<string, Waiter>();

  constructor(start: () => SigmaMatcherPort, events: MatcherLinkEvents) {
    this.start = start;
    this.events = events;
  }

  /** The running port; undefined while none runs (before the first load, after a failure). */
  get current(): SigmaMatcherPort | undefined {
    return this.port;
  }

  /** The running port, a new one started when none runs. */
  open(): SigmaMatcherPort {
    if (this.port !== undefined) return this.port;
    const port = this.start();
    port.onReply((reply) => {
      if (!this.answer(reply) && reply.kind === 'matched') this.events.matched(reply);
    });
    port.onFailure((error) => {
      if (port !== this.port) return;
      this.port = undefined;
      for (const waiter of this.waiters.values()) waiter.reject(error);
      this.waiters.clear();
      this.events.failed(error);
    });
    this.port = port;
    return port;
  }

  /** Posts `request` (on the running port, or a new one) and resolves with its reply. */
  request(key: string, request: MatcherRequest): Promise<MatcherReply> {
    const port = this.open();
    return new Promise<MatcherReply>((resolve, reject) => {
      this.waiters.set(key, { resolve, reject });
      port.post(request);
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    await port?.close();
  }

  private answer(reply: MatcherReply): boolean {
    const key = reply.kind === 'loaded' ? `load:${reply.generation}` : `match:${reply.id}`;
    const waiter = this.waiters.get(key);
    if (waiter === undefined) return false;
    this.waiters.delete(key);
    waiter.resolve(reply);
    return true;
  }
}
