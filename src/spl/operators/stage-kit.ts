// Builders for the common stage shapes: a row filter, an in-place row update, a blocking stage.
import type { Event, Span } from '../../core/index.ts';
import type { Plan } from '../plan/plan.ts';
import type { FieldNeed } from './field-need.ts';
import type { Operator, Rows, Stage } from './operator.ts';
import type { RunServices } from './run-services.ts';

interface StageHeader {
  readonly command: string;
  readonly span: Span;
  needs(downstream: FieldNeed): FieldNeed;
}

/** The node fields every stage copies from its command. */
export function headerOf(command: { readonly name: string; readonly span: Span }): {
  command: string;
  span: Span;
} {
  // The implicit leading search has no name as written.
  return { command: command.name || 'search', span: command.span };
}

export function defineStage(
  header: StageHeader,
  rows: Stage['rows'],
  start: (services: RunServices) => Operator,
  extra: {
    readonly generating?: boolean;
    readonly sidePlans?: readonly Plan[];
    readonly streaming?: boolean;
  } = {},
): Stage {
  return {
    ...header,
    rows,
    generating: extra.generating ?? false,
    streaming: extra.streaming ?? false,
    sidePlans: extra.sidePlans ?? [],
    start,
  };
}

/** Keeps the rows `keep` accepts; holds nothing. */
export function filterStage(header: StageHeader, keep: (row: Event) => boolean): Stage {
  return defineStage(
    header,
    'pass',
    () => ({
      push(rows, emit) {
        const kept: Event[] = [];
        for (const row of rows) if (keep(row)) kept.push(row);
        emit(kept);
      },
      finish() {},
    }),
    { streaming: true },
  );
}

/** Changes each row in place (the plan hands it rows the run owns); holds nothing. */
export function updateStage(header: StageHeader, update: (row: Event) => void): Stage {
  return defineStage(
    header,
    'inPlace',
    () => ({
      push(rows, emit) {
        for (const row of rows) update(row);
        emit(rows);
      },
      finish() {},
    }),
    { streaming: true },
  );
}

/** Maps each row to zero or more new rows; holds nothing. */
export function expandStage(
  header: StageHeader,
  rows: Stage['rows'],
  expand: (row: Event, out: Event[]) => void,
): Stage {
  return defineStage(
    header,
    rows,
    () => ({
      push(batch, emit) {
        const out: Event[] = [];
        for (const row of batch) expand(row, out);
        emit(out);
      },
      finish() {},
    }),
    { streaming: true },
  );
}

/** Holds every row and emits what `complete` makes of them at the end. */
export function collectingStage(
  header: StageHeader,
  rows: Stage['rows'],
  complete: (all: Event[], services: RunServices) => Rows,
): Stage {
  return defineStage(header, rows, (services) => {
    const held: Event[] = [];
    return {
      push(batch) {
        for (const row of batch) held.push(row);
      },
      finish(emit) {
        emit(complete(held, services));
      },
    };
  });
}

/** Two stages run as one (dedup then its sortby). */
export function chainStages(first: Stage, second: Stage): Stage {
  return defineStage(
    {
      command: first.command,
      span: first.span,
      needs: (downstream) => first.needs(second.needs(downstream)),
    },
    first.rows === 'pass' ? second.rows : first.rows,
    (services) => {
      const a = first.start(services);
      const b = second.start(services);
      return {
        push(rows, emit) {
          a.push(rows, (out) => b.push(out, emit));
        },
        finish(emit) {
          a.finish((out) => b.push(out, emit));
          b.finish(emit);
        },
      };
    },
    { streaming: first.streaming && second.streaming },
  );
}
