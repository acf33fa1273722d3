// The memory budget of one search (`--max-memory`, like Splunk's limits.conf max_mem_usage_mb):
// every command that holds rows, groups or keys (stats, eventstats, dedup, sort, transaction,
// streamstats, ...) charges what it holds, estimated (core/memory-size.ts). Past the budget the
// search stops with an error naming the command and the budget: never an out-of-memory abort.
import { DiagnosticError, error, type SourceText, type Span } from '../../core/index.ts';

/** Splunk's max_mem_usage_mb is 200 MB per search; spelunk's estimates err high, so 256. */
export const DEFAULT_MAX_MEMORY_MB = 256;

export const MEMORY_LIMIT_CODE = 'SPL530';

/** Thrown when a search's commands hold more than its budget; the run cannot go on. */
export class MemoryLimitError extends DiagnosticError {}

export class MemoryBudget {
  readonly limitBytes: number;
  private used = 0;

  constructor(limitBytes = DEFAULT_MAX_MEMORY_MB * 1024 * 1024) {
    this.limitBytes = limitBytes;
  }

  /** What one command of the search holds, charged against the budget. */
  account(command: string, span: Span, source: SourceText): MemoryAccount {
    return new MemoryAccount(this, command, span, source);
  }

  /** @internal */
  add(bytes: number, account: MemoryAccount): void {
    this.used += bytes;
    if (this.used <= this.limitBytes) return;
    const mb = Math.round(this.limitBytes / (1024 * 1024));
    throw new MemoryLimitError([
      error(
        MEMORY_LIMIT_CODE,
        `${account.command} holds more than the search's memory budget of ${mb} MB: the search is stopped (give a larger --max-memory, or group and filter earlier)`,
        { source: account.source, span: account.span },
      ),
    ]);
  }

  /** @internal */
  remove(bytes: number): void {
    this.used -= bytes;
  }
}

export class MemoryAccount {
  readonly command: string;
  readonly span: Span;
  readonly source: SourceText;
  private readonly budget: MemoryBudget;
  private held = 0;

  constructor(budget: MemoryBudget, command: string, span: Span, source: SourceText) {
    this.budget = budget;
    this.command = command;
    this.span = span;
    this.source = source;
  }

  /** The command holds `bytes` more; throws MemoryLimitError past the budget. */
  charge(bytes: number): void {
    this.held += bytes;
    this.budget.add(bytes, this);
  }

  /** The command let go of `bytes`. */
  release(bytes: number): void {
    const freed = Math.min(bytes, this.held);
    this.held -= freed;
    this.budget.remove(freed);
  }

  /** The command now holds `bytes` in all (more or less than before). */
  set(bytes: number): void {
    if (bytes > this.held) this.charge(bytes - this.held);
    else this.release(this.held - bytes);
  }

  /** The command let go of everything (it emitted what it held). */
  releaseAll(): void {
    this.release(this.held);
  }
}
