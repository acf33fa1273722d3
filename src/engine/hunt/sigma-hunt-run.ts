// The Sigma rules of a hunt, as one consumer of the pump: one detector over the events as read,
// findings grouped per rule.
import { type Diagnostic, type Event, error, type SharedEvent } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  createSigmaDetector,
  type SigmaDetector,
  type SigmaFinding,
  type SigmaMatch,
} from '../../sigma/index.ts';
import { ALL_FIELDS, type RouteFilter } from '../../spl/index.ts';
import type { EventConsumer, EventStage } from '../pump/event-consumer.ts';
import { ownedCopy } from '../pump/own-strings.ts';
import { sigmaRoute } from '../pump/sigma-route.ts';
import { type FindingSink, RuleFindings } from './finding-sink.ts';
import { HUNT_CODES } from './hunt-codes.ts';
import { huntRuleOfSigma } from './hunt-rule.ts';

export class SigmaHuntRun implements EventConsumer {
  /** The channels the rules' logsources name (any event when some rule names none). */
  readonly route: RouteFilter;
  /** Sigma matches what the log says: the event before field knowledge adds to it. */
  readonly stage: EventStage = 'as-read';
  readonly fields = ALL_FIELDS;
  readonly needsRaw = false;
  /** Matched events are kept as copies of their own (the detector's `retain`), not as given. */
  readonly holdsEvents = false;
  readonly detector: SigmaDetector;
  /** By rule or correlation document. */
  readonly rules = new Map<object, RuleFindings>();
  readonly ruleCount: number;
  failure: Diagnostic | undefined;
  private readonly sink: FindingSink;
  private readonly descriptions = new Map<string, string>();

  /**
   * The matches of each event when they are found on another thread (`SigmaMatchThread`);
   * undefined for an event it cannot answer for, which is matched here.
   */
  private readonly matchesOf:
    | ((event: SharedEvent) => readonly SigmaMatch[] | undefined)
    | undefined;

  constructor(
    compiled: CompiledSigmaSet,
    sink: FindingSink,
    maxMemoryBytes?: number,
    matchesOf?: (event: SharedEvent) => readonly SigmaMatch[] | undefined,
  ) {
    this.matchesOf = matchesOf;
    this.detector = createSigmaDetector(compiled, {
      retain: ownedCopy,
      ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }),
    });
    this.route = sigmaRoute(compiled);
    this.sink = sink;
    this.ruleCount = compiled.rules.filter((r) => r.report).length + compiled.correlations.length;
    for (const { rule } of compiled.rules) {
      if (rule.description !== undefined)
        this.descriptions.set(rule.origin.source.name + rule.title, rule.description);
    }
  }

  /** A failed detector takes no more events; the SPL detections go on. */
  get done(): boolean {
    return this.failure !== undefined;
  }

  push(events: readonly SharedEvent[]): void {
    try {
      const { matchesOf, detector } = this;
      for (const event of events) {
        const matches = matchesOf?.(event);
        const findings =
          matches === undefined ? detector.detect(event) : detector.detectMatched(event, matches);
        for (const finding of findings) this.add(finding);
      }
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
    const key = finding.document;
    let findings = this.rules.get(key);
    if (findings === undefined) {
      findings = new RuleFindings(
        huntRuleOfSigma(finding, this.descriptions.get(finding.source + finding.title)),
      );
      this.rules.set(key, findings);
    }
    const events = finding.events;
    const last = events[events.length - 1];
    // The event's own time; an event without one leaves the finding untimed (reported).
    const time = typeof last?.['_time'] === 'number' ? last['_time'] : undefined;
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
