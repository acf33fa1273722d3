// Which rules a triage runs: `--min-level`, `--rule-status`, `--exclude-rules`, `--noisy-rules`.
import { type Severity, severityRank } from './severity.ts';

export interface RuleTriageOptions {
  /** Rules and detections below this level do not run. */
  readonly minLevel?: Severity;
  /**
   * The Sigma statuses a rule read from a folder must have (a rule file named on the command line
   * runs whatever its status): `all`, or a list; default DEFAULT_RULE_STATUSES. Rules without a
   * status run unless the list is given and leaves out `none`.
   */
  readonly statuses?: readonly string[] | 'all';
  /** Rule or detection ids or titles (any case) that never run. */
  readonly exclude?: readonly string[];
  /** Ids or titles of rules that fire too often to read hit by hit: counted, not listed, no risk. */
  readonly noisy?: readonly string[];
}

/**
 * SigmaHQ keeps rules in `deprecated/` and `unsupported/` folders with those statuses, and marks
 * new rules `experimental` until they have been tested; a triage runs the tested ones.
 */
export const DEFAULT_RULE_STATUSES: readonly string[] = ['stable', 'test', 'none'];

/** Why rules were left out, and how many (a detection or rule counts once, first reason). */
export interface LeftOutRules {
  readonly level: number;
  readonly status: number;
  readonly excluded: number;
  /** Left out by status, per status. */
  readonly byStatus: Readonly<Record<string, number>>;
}

export class RuleTriage {
  readonly minLevel: Severity | undefined;
  private readonly statuses: ReadonlySet<string> | 'all';
  private readonly excluded: ReadonlySet<string>;
  private readonly noisyNames: ReadonlySet<string>;
  private readonly counts = { level: 0, status: 0, excluded: 0 };
  private readonly byStatus: Record<string, number> = {};

  constructor(options: RuleTriageOptions = {}) {
    this.minLevel = options.minLevel;
    const statuses = options.statuses ?? DEFAULT_RULE_STATUSES;
    this.statuses = statuses === 'all' ? 'all' : new Set(statuses.map((s) => s.toLowerCase()));
    this.excluded = lowerSet(options.exclude);
    this.noisyNames = lowerSet(options.noisy);
  }

  /** Whether folders named `deprecated` or `unsupported` are walked for rules. */
  walksFolder(name: string): boolean {
    return this.statuses === 'all' || this.statuses.has(name.toLowerCase());
  }

  /**
   * Whether a rule runs; counts it under its reason when it does not. `status` only for Sigma
   * rules; `fromFolder` false for a rule file named on the command line.
   */
  admits(rule: {
    readonly name: string;
    readonly id: string | undefined;
    readonly level: Severity;
    readonly status?: string | undefined;
    readonly fromFolder?: boolean;
  }): boolean {
    if (this.names(this.excluded, rule.name, rule.id)) {
      this.counts.excluded++;
      return false;
    }
    if (this.minLevel !== undefined && severityRank(rule.level) < severityRank(this.minLevel)) {
      this.counts.level++;
      return false;
    }
    if (rule.fromFolder === true && !this.admitsStatus(rule.status)) {
      const status = rule.status ?? 'none';
      this.counts.status++;
      this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
      return false;
    }
    return true;
  }

  /** Whether a finding of this level is reported (rules kept only for correlations may fire). */
  admitsLevel(level: Severity): boolean {
    return this.minLevel === undefined || severityRank(level) >= severityRank(this.minLevel);
  }

  isNoisy(name: string, id: string | undefined): boolean {
    return this.names(this.noisyNames, name, id);
  }

  leftOut(): LeftOutRules {
    return { ...this.counts, byStatus: { ...this.byStatus } };
  }

  private admitsStatus(status: string | undefined): boolean {
    return this.statuses === 'all' || this.statuses.has(status ?? 'none');
  }

  private names(set: ReadonlySet<string>, name: string, id: string | undefined): boolean {
    return set.has(name.toLowerCase()) || (id !== undefined && set.has(id.toLowerCase()));
  }
}

function lowerSet(names: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((names ?? []).map((n) => n.trim().toLowerCase()));
}
