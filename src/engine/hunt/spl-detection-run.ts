// One SPL detection's run inside a hunt, as a consumer of the pump: its plan's run, what was
// routed to it, its findings.
import { type Diagnostic, DiagnosticError, error, type SharedEvent } from '../../core/index.ts';
import { type FieldNeed, type PlanRun, ROUTE_NONE, type RouteFilter } from '../../spl/index.ts';
import type { EventConsumer, EventStage } from '../pump/event-consumer.ts';
import { routeOfRun } from '../pump/route-of-run.ts';
import { findingTime } from '../risk/risk-time.ts';
import type { RunnableDetection } from '../workspace/workspace.ts';
import { type FindingSink, RuleFindings } from './finding-sink.ts';
import { HUNT_CODES } from './hunt-codes.ts';
import { huntRuleOfDetection } from './hunt-rule.ts';

/** Warnings kept per detection (limits reached by its commands); more are counted. */
const MAX_WARNINGS = 20;
/** Input files remembered per detection for the provenance of aggregated rows. */
const MAX_INPUTS = 1000;

export class SplDetectionRun implements EventConsumer {
  readonly findings: RuleFindings;
  readonly route: RouteFilter;
  readonly stage: EventStage = 'with-knowledge';
  /** The event fields its search reads. */
  readonly fields: FieldNeed;
  readonly needsRaw: boolean;
  /** Its search may hold events (`sort`, `stats values()`). */
  readonly holdsEvents = true;
  readonly generating: boolean;
  readonly warnings: Diagnostic[] = [];
  warningsNotKept = 0;
  eventsRouted = 0;
  firstEventTime: number | undefined;
  lastEventTime: number | undefined;
  /** Set when the run threw: it gets no more events, the others go on. */
  failure: Diagnostic | undefined;
  private readonly run: PlanRun;
  /** The input files of the events it read (the provenance of rows that aggregate them). */
  private readonly inputs = new Set<string>();
  private inputList: readonly string[] = [];

  constructor(spl: RunnableDetection, sink: FindingSink, maxMemoryBytes?: number) {
    this.findings = new RuleFindings(huntRuleOfDetection(spl.detection));
    this.generating = spl.plan.generating;
    this.fields = spl.plan.fields;
    this.needsRaw = !spl.plan.generating && spl.plan.needsRaw;
    this.route = spl.plan.generating ? ROUTE_NONE : routeOfRun(spl.plan);
    this.run = spl.plan.start({
      emit: (rows) => {
        for (const row of rows) {
          const time = findingTime(row, this.lastEventTime);
          if (row['_file'] !== undefined) sink.add(this.findings, row, time);
          else sink.add(this.findings, row, time, undefined, this.inputsRead());
        }
      },
      warn: (d) => {
        if (this.warnings.length < MAX_WARNINGS) this.warnings.push(d);
        else this.warningsNotKept++;
      },
      ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }),
    });
  }

  /** True when more events cannot change its results, or it failed. */
  get done(): boolean {
    return this.failure !== undefined || this.run.done;
  }

  push(events: readonly SharedEvent[]): void {
    this.eventsRouted += events.length;
    for (const event of events) {
      const file = event['_file'];
      if (typeof file === 'string' && this.inputs.size < MAX_INPUTS) this.inputs.add(file);
      const time = event['_time'];
      if (typeof time !== 'number') continue;
      if (this.lastEventTime === undefined || time > this.lastEventTime) this.lastEventTime = time;
      if (this.firstEventTime === undefined || time < this.firstEventTime)
        this.firstEventTime = time;
    }
    this.guard(() => this.run.push(events));
  }

  finish(): void {
    if (this.failure === undefined) this.guard(() => this.run.finish());
  }

  private inputsRead(): readonly string[] {
    if (this.inputList.length !== this.inputs.size) this.inputList = [...this.inputs];
    return this.inputList;
  }

  /** An exception inside one detection's commands is a bug, but it must not end the hunt. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (cause) {
      // A limit of the search (its memory budget) comes located in the search text.
      const located = cause instanceof DiagnosticError ? cause.diagnostics[0] : undefined;
      const message = located?.message ?? (cause instanceof Error ? cause.message : String(cause));
      this.failure = {
        ...(located ?? {}),
        ...error(
          located?.code ?? HUNT_CODES.detectionFailed,
          `detection "${this.findings.rule.name}" stopped: ${message}`,
        ),
        ...(located?.source ? { source: located.source, span: located.span } : {}),
      };
    }
  }
}
