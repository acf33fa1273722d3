// The compiled unit of field knowledge: one alias pair, one transform of a REPORT, one EVAL, one LOOKUP.
import type { Event, MaybeValue, SourceText, Span } from '../../core/index.ts';

/**
 * Splunk's search-time operations sequence (Knowledge Manager manual, "The sequence of
 * search-time operations"): inline extractions, transform extractions, (automatic key-value
 * extraction), field aliases, calculated fields, lookups. A step may read what earlier phases
 * wrote, never what later ones write.
 */
export type KnowledgePhase = 'EXTRACT' | 'REPORT' | 'FIELDALIAS' | 'EVAL' | 'LOOKUP';

export const PHASE_ORDER: Readonly<Record<KnowledgePhase, number>> = {
  EXTRACT: 0,
  REPORT: 1,
  FIELDALIAS: 2,
  EVAL: 3,
  LOOKUP: 4,
};

/** Names a step writes; `dynamic` when the names come from the data (`$1::$2`, `_KEY_1`). */
export type WrittenFields = ReadonlySet<string> | 'dynamic';

export interface StepOrigin {
  readonly source: SourceText;
  readonly span: Span;
}

interface StepBase {
  /** `EVAL-dest`, `FIELDALIAS-user: User AS user`, `REPORT-hashes: sysmon-hashes`. */
  readonly label: string;
  readonly writes: WrittenFields;
  /** Fields it reads (`_raw` for extractions from the raw text). */
  readonly reads: ReadonlySet<string>;
  readonly origin: StepOrigin;
}

export interface ApplyStep extends StepBase {
  readonly phase: Exclude<KnowledgePhase, 'EVAL'>;
  /** Changes the event in place. */
  apply(event: Event): void;
}

/**
 * Calculated fields run "as if in parallel" (props.conf.spec, EVAL-<fieldname>): each computes
 * from the event as it was before any EVAL ran, then all results are written.
 */
export interface EvalStep extends StepBase {
  readonly phase: 'EVAL';
  readonly field: string;
  compute(event: Event): MaybeValue;
  /**
   * The same calculation for events whose `known` fields have these values (compiled once per
   * set of values): branches those values decide are gone, and so are the reads they needed.
   */
  specialize(known: ReadonlyMap<string, string>): EvalStep;
}

export type KnowledgeStep = ApplyStep | EvalStep;
