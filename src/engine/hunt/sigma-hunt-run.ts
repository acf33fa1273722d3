// The Sigma rules of a hunt: one detector over every event, findings grouped per rule.
import { type Diagnostic, type Event, error } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  createSigmaDetector,
  type SigmaDetector,
  type SigmaFinding,
} from '../../sigma/index.ts';
import { type FindingSink, RuleFindings } from './finding-sink.ts';
import { HUNT_CODES } from './hunt-codes.ts';
import { huntRuleOfSigma } from './hunt-rule.ts';

export class SigmaHuntRun {
  readonly detector: SigmaDetector;
  readonly rules = new Map<string, RuleFindings>();
  readonly ruleCount: number;
  failure: Diagnostic | undefined;
  private readonly sink: FindingSink;
  private readonly descriptions = new Map<string, string>();

  constructor(compiled: CompiledSigmaSet, sink: FindingSink, maxMemoryBytes?: number) {
    this.detector = createSigmaDetector(
      compiled,
      maxMemoryBytes === undefined ? {} : { maxMemoryBytes },
    );
    this.sink = sink;
    this.ruleCount = compiled.rules.filter((r) => r.report).length + compiled.correlations.length;
    for (const { rule } of compiled.rules) {
      if (rule.description !== undefined)
        this.descriptions.set(rule.origin.source.name + rule.title, rule.description);
    }
  }

  /** Sigma matches the event as read: before field knowledge adds fields to it. */
  detect(event: Event): void {
    if (this.failure !== undefined) return;
    try {
      for (const finding of this.detector.detect(event)) this.add(finding);
    } catch (cause) {
      this.fail(cause);
    }
  }

  finish(): void {
    if (this.failure !== undefined) return;
    try {
      for (const finding of this.detector.finish()) this.add(finding);
    } catch (cause) {
      this.fail(cause);
    }
  }

  private add(finding: SigmaFinding): void {
    const key = `${finding.kind}\u0000${finding.source}\u0000${finding.id ?? ''}\u0000${finding.title}`;
    let findings = this.rules.get(key);
    if (findings === undefined) {
      findings = new RuleFindings(
        huntRuleOfSigma(finding, this.descriptions.get(finding.source + finding.title)),
      );
      this.rules.set(key, findings);
    }
    const events = finding.events;
    const last = events[events.length - 1];
    const time = typeof last?.['_time'] === 'number' ? last['_time'] : Date.now() / 1000;
    if (finding.kind === 'rule') this.sink.add(findings, last ?? {}, time);
    else {
      const fields: Event = { ...finding.group };
      if (finding.value !== undefined) fields['value'] = finding.value;
      if (last?.['host'] !== undefined && fields['host'] === undefined)
        fields['host'] = last['host'];
      this.sink.add(findings, fields, time, events);
    }
  }

  private fail(cause: unknown): void {
    this.failure = error(
      HUNT_CODES.detectionFailed,
      `the Sigma rules stopped: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
