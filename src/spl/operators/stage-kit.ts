// Builders for the common stage shapes: a row filter, an in-place row update, a blocking stage.

import { type Event, rowBytes, type SourceText, type Span, warning } from '../../core/index.ts';
import type { Plan } from '../plan/plan.ts';
import { MAX_MULTIVALUE_VALUES, MAX_VALUE_CHARS, valueCuts } from '../value/value-limits.ts';
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

/**
 * Keeps the rows `keep` accepts; holds nothing. With `source` (the expression's text), a value
 * the evaluation cut at its cap is warned about once (valueCutWarning).
 */
export function filterStage(
  header: StageHeader,
  keep: (row: Event) => boolean,
  source?: SourceText,
): Stage {
  return defineStage(
    header,
    'pass',
    (services) => {
      const cuts = source === undefined ? undefined : valueCutWatch(services, header, source);
      return {
        push(rows, emit) {
          const before = valueCuts();
          const kept: Event[] = [];
          for (const row of rows) if (keep(row)) kept.push(row);
          cuts?.(before);
          emit(kept);
        },
        finish() {},
      };
    },
    { streaming: true },
  );
}

/** Changes each row in place (the plan hands it rows the run owns); holds nothing. */
export function updateStage(
  header: StageHeader,
  update: (row: Event) => void,
  source?: SourceText,
): Stage {
  return defineStage(
    header,
    'inPlace',
    (services) => {
      const cuts = source === undefined ? undefined : valueCutWatch(services, header, source);
      return {
        push(rows, emit) {
          const before = valueCuts();
          for (const row of rows) update(row);
          cuts?.(before);
          emit(rows);
        },
        finish() {},
      };
    },
    { streaming: true },
  );
}

/** Warns once per run when values were cut since `before` (SPL310). */
function valueCutWatch(
  services: RunServices,
  header: StageHeader,
  source: SourceText,
): (before: number) => void {
  let warned = false;
  return (before) => {
    if (warned || valueCuts() === before) return;
    warned = true;
    services.warn(
      warning(
        'SPL310',
        `${header.command} cut a value at the cap of ${MAX_MULTIVALUE_VALUES.toLocaleString('en-US')} values or ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters`,
        { source, span: header.span },
      ),
    );
  };
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

/**
 * Holds every row and emits what `complete` makes of them at the end. The rows held are charged
 * to the search's memory budget (`source`: the search text, for the error's caret).
 */
export function collectingStage(
  header: StageHeader,
  rows: Stage['rows'],
  complete: (all: Event[], services: RunServices) => Rows,
  source: SourceText,
): Stage {
  return defineStage(header, rows, (services) => {
    const held: Event[] = [];
    const memory = services.memory.account(header.command, header.span, source);
    return {
      push(batch) {
        for (const row of batch) {
          memory.charge(16 + rowBytes(row));
          held.push(row);
        }
      },
      finish(emit) {
        const out = complete(held, services);
        memory.releaseAll();
        emit(out);
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
