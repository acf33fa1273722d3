// Where every finding of a hunt goes: risk events raised, the ledger fed, kept for the report up to a limit.
import type { SharedEvent } from '../../core/index.ts';
import { ownedCopy } from '../pump/own-strings.ts';
import type { RiskEvent } from '../risk/risk-event.ts';
import { riskEventsOf } from '../risk/risk-events-of.ts';
import { RiskLedger } from '../risk/risk-ledger.ts';
import { RuleTriage } from '../triage/rule-triage.ts';
import { SummaryBuilder } from '../triage/triage-summary.ts';
import type { Finding } from './finding.ts';
import { FindingSpool, type SpooledFinding } from './finding-spool.ts';
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
  /**
   * Kept findings the spool cannot carry exactly (a number that is not finite), in memory with
   * their sequence numbers. Every other kept finding is spooled, the first ones too: with every
   * SigmaHQ rule, ten copied events held for each of ~350 detections were ~10 MB of strings for
   * the whole hunt, where the spool holds their JSON in a pending buffer of a few kilobytes.
   */
  readonly held: SpooledFinding[] = [];
  /** Findings the report keeps, held and spooled. */
  kept = 0;
  count = 0;
  riskTotal = 0;
  /** Findings with no time (their risk counts in totals, not in incident windows). */
  untimed = 0;
  /** Epoch seconds of its first and last finding with a time. */
  firstTime: number | undefined;
  lastTime: number | undefined;
  /** A `--noisy-rules` rule (decided at its first finding): counted, not listed. */
  noisy: boolean | undefined;

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

/**
 * A finding below the triage's minimum level (a rule kept only for a correlation that reports
 * it) is dropped; a noisy rule's findings are counted in the summary and nowhere else: no risk,
 * not kept, not streamed.
 */
export class FindingSink {
  readonly ledger = new RiskLedger();
  readonly summary = new SummaryBuilder();
  /** Kept findings (all but those a detection holds in memory). */
  readonly spool = new FindingSpool();
  private readonly maxKept: number;
  private readonly hooks: FindingHooks;
  private readonly triage: RuleTriage;
  private sequence = 0;

  constructor(
    hooks: FindingHooks,
    maxKept = DEFAULT_MAX_KEPT_FINDINGS,
    triage: RuleTriage = new RuleTriage(),
  ) {
    this.hooks = hooks;
    this.maxKept = maxKept;
    this.triage = triage;
  }

  add(
    into: RuleFindings,
    fields: SharedEvent,
    time: number | undefined,
    events?: readonly SharedEvent[],
    inputs?: readonly string[],
  ): Finding | undefined {
    const { rule } = into;
    if (!this.triage.admitsLevel(rule.level)) return undefined;
    into.count++;
    if (time === undefined) into.untimed++;
    else {
      if (into.firstTime === undefined || time < into.firstTime) into.firstTime = time;
      if (into.lastTime === undefined || time > into.lastTime) into.lastTime = time;
    }
    into.noisy ??= this.triage.isNoisy(rule.name, rule.id);
    this.summary.add({ rule, fields, time }, into.noisy);
    if (into.noisy) return undefined;
    const index = this.sequence++;
    const risks = riskEventsOf(rule.risk, fields, time);
    let riskScore = 0;
    for (const risk of risks) {
      riskScore += risk.riskScore;
      this.ledger.add(risk, index);
      this.hooks.onRiskEvent?.(risk);
    }
    // Sigma matches, most findings, carry neither events nor inputs: no spreads to build them.
    const finding: Finding =
      events === undefined && inputs === undefined
        ? { rule, fields, time, riskScore, riskEvents: risks.length }
        : {
            rule,
            fields,
            ...(events === undefined ? {} : { events }),
            time,
            riskScore,
            riskEvents: risks.length,
            ...(inputs === undefined ? {} : { inputs }),
          };
    into.riskTotal += riskScore;
    if (into.kept < this.maxKept) {
      into.kept++;
      if (!this.spool.add(finding, index)) into.held.push({ index, finding: detached(finding) });
    }
    this.hooks.onFinding?.(finding);
    return finding;
  }
}
