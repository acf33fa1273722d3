// Where every finding of a hunt goes: risk events raised, the ledger fed, kept for the report up to a limit.
import type { SharedEvent } from '../../core/index.ts';
import { ownedCopy } from '../pump/own-strings.ts';
import type { RiskEvent } from '../risk/risk-event.ts';
import { riskEventsOf } from '../risk/risk-events-of.ts';
import { RiskLedger } from '../risk/risk-ledger.ts';
import type { Finding } from './finding.ts';
import type { HuntRule } from './hunt-rule.ts';

/** Findings kept per detection for the report; more are counted (and streamed to hooks). */
const DEFAULT_MAX_KEPT_FINDINGS = 10_000;

export interface FindingHooks {
  /** Every finding, as it is found (`--format jsonl` streams them). */
  readonly onFinding?: (finding: Finding) => void;
  /** Every risk event, as it is raised (`--risk-out`). */
  readonly onRiskEvent?: (risk: RiskEvent) => void;
}

/** The findings of one detection or Sigma rule. */
export class RuleFindings {
  readonly rule: HuntRule;
  readonly kept: Finding[] = [];
  count = 0;
  riskTotal = 0;
  /** Findings with no time (their risk counts in totals, not in incident windows). */
  untimed = 0;

  constructor(rule: HuntRule) {
    this.rule = rule;
  }
}

/** A kept finding's rows get strings of their own, so the report never pins the readers' text. */
function detached(finding: Finding): Finding {
  return {
    ...finding,
    fields: ownedCopy(finding.fields),
    ...(finding.events === undefined ? {} : { events: finding.events.map(ownedCopy) }),
  };
}

export class FindingSink {
  readonly ledger = new RiskLedger();
  private readonly maxKept: number;
  private readonly hooks: FindingHooks;
  private sequence = 0;

  constructor(hooks: FindingHooks, maxKept = DEFAULT_MAX_KEPT_FINDINGS) {
    this.hooks = hooks;
    this.maxKept = maxKept;
  }

  add(
    into: RuleFindings,
    fields: SharedEvent,
    time: number | undefined,
    events?: readonly SharedEvent[],
  ): Finding {
    const index = this.sequence++;
    const risks = riskEventsOf(into.rule.risk, fields, time);
    let riskScore = 0;
    for (const risk of risks) {
      riskScore += risk.riskScore;
      this.ledger.add(risk, index);
      this.hooks.onRiskEvent?.(risk);
    }
    const finding: Finding = {
      rule: into.rule,
      fields,
      ...(events === undefined ? {} : { events }),
      time,
      riskScore,
      riskEvents: risks.length,
    };
    into.count++;
    if (time === undefined) into.untimed++;
    into.riskTotal += riskScore;
    if (into.kept.length < this.maxKept) into.kept.push(detached(finding));
    this.hooks.onFinding?.(finding);
    return finding;
  }
}
