// A detection's findings as the report ranks them: by risk, highest first; equal risk in the
// order found. A few (numbers JSON cannot carry) are in memory, the rest in the hunt's spool.
import type { Finding } from './finding.ts';
import type { FindingSpool, SpooledFinding } from './finding-spool.ts';
import type { HuntRule } from './hunt-rule.ts';

/** Read lazily: iterating the list reads spooled findings back in pieces. */
export interface FindingList extends Iterable<Finding> {
  readonly length: number;
  /** The first `count` findings of the ranking. */
  first(count: number): Finding[];
}

export class RankedFindings implements FindingList {
  readonly length: number;
  private readonly rule: HuntRule;
  private readonly memory: readonly SpooledFinding[];
  private readonly spool: FindingSpool | undefined;

  /** `memory`: the findings held in memory with their sequence numbers. */
  constructor(rule: HuntRule, memory: readonly SpooledFinding[], spool?: FindingSpool) {
    this.rule = rule;
    this.memory = memory;
    this.spool = spool;
    this.length = memory.length + (spool?.count(rule) ?? 0);
  }

  first(count: number): Finding[] {
    const out: Finding[] = [];
    if (count <= 0) return out;
    for (const finding of this) {
      out.push(finding);
      if (out.length >= count) break;
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<Finding> {
    const scores = new Set(this.memory.map((m) => m.finding.riskScore));
    for (const score of this.spool?.scores(this.rule) ?? []) scores.add(score);
    for (const score of [...scores].sort((a, b) => b - a)) {
      const held = this.memory.filter((m) => m.finding.riskScore === score);
      const spooled = this.spool?.findings(this.rule, score);
      let next = spooled?.next();
      let h = 0;
      // Both in the order found: merged by sequence number.
      while (h < held.length || (next !== undefined && next.done !== true)) {
        const fromSpool = next !== undefined && next.done !== true ? next.value : undefined;
        const fromMemory = held[h];
        if (
          fromSpool === undefined ||
          (fromMemory !== undefined && fromMemory.index < fromSpool.index)
        ) {
          yield (fromMemory as SpooledFinding).finding;
          h++;
        } else {
          yield fromSpool.finding;
          next = spooled?.next();
        }
      }
    }
  }
}
