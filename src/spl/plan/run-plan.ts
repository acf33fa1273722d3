// One run of a plan: chains the stages' operators, feeds side runs, and drives finish in order.
import { type Event, invariant } from '../../core/index.ts';
import { MemoryBudget } from '../operators/memory-budget.ts';
import type { Emit, Operator } from '../operators/operator.ts';
import type { RunServices, SideRun } from '../operators/run-services.ts';
import { isAllTime, type TimeBounds, withinBounds } from '../time/time-bounds.ts';
import { scalarToNumber } from '../value/number.ts';
import type { Plan, PlanRun, RunContext } from './plan.ts';

export function startPlanRun(plan: Plan, context: RunContext): PlanRun {
  const warn = context.warn ?? (() => {});
  const memory = context.memory ?? new MemoryBudget(context.maxMemoryBytes);
  const sideRuns: PlanRun[] = [];
  const services: RunServices = {
    startSideRun(sub): SideRun {
      const rows: Event[] = [];
      sideRuns.push(sub.start({ emit: (batch) => appendAll(rows, batch), warn, memory }));
      return { results: () => rows };
    },
    runGenerating(sub) {
      const rows: Event[] = [];
      const run = sub.start({ emit: (batch) => appendAll(rows, batch), warn, memory });
      run.finish();
      return rows;
    },
    warn,
    memory,
  };
  const operators: Operator[] = plan.stages.map((stage) => stage.start(services));
  const emitters: Emit[] = new Array<Emit>(operators.length + 1);
  emitters[operators.length] = (rows) => {
    if (rows.length > 0) context.emit(rows);
  };
  // emitters[i] feeds operator i; emitters[n] is the result sink.
  for (let i = operators.length - 1; i >= 0; i--) {
    const operator = operators[i] as Operator;
    const downstream = emitters[i + 1] as Emit;
    emitters[i] = (rows) => {
      if (rows.length > 0) operator.push(rows, downstream);
    };
  }
  const takesEvents = !plan.generating;
  const first = emitters[0] as Emit;
  const feed: Emit = isAllTime(plan.timeBounds) ? first : inTime(plan.timeBounds, first);
  let finished = false;

  // head (or any operator that can be exhausted) ends the run early when every stage before it
  // only streams; side runs still need events, so a plan with them never ends early.
  const stoppers = plan.stages.flatMap((_stage, i) =>
    plan.stages.slice(0, i).every((s) => s.streaming) && sideRuns.length === 0
      ? [operators[i] as Operator]
      : [],
  );
  return {
    get done() {
      return sideRuns.length === 0 && stoppers.some((operator) => operator.exhausted?.() === true);
    },
    push(events) {
      invariant(!finished, 'push after finish');
      for (const side of sideRuns) side.push(events);
      if (takesEvents) feed(events);
    },
    finish() {
      invariant(!finished, 'finish called twice');
      finished = true;
      for (const side of sideRuns) side.finish();
      operators.forEach((operator, i) => {
        operator.finish(emitters[i + 1] as Emit);
      });
    },
  };
}

/** Passes on the events whose `_time` lies in `bounds` (events without a time do not). */
function inTime(bounds: TimeBounds, next: Emit): Emit {
  return (events) => {
    const kept: Event[] = [];
    for (const event of events) {
      const time = event['_time'];
      if (typeof time === 'number' ? withinBounds(bounds, time) : timeOfText(time, bounds)) {
        kept.push(event);
      }
    }
    next(kept);
  };
}

function timeOfText(value: Event[string], bounds: TimeBounds): boolean {
  const time = scalarToNumber(typeof value === 'object' ? value[0] : value);
  return time !== undefined && withinBounds(bounds, time);
}

function appendAll(target: Event[], rows: readonly Event[]): void {
  for (const row of rows) target.push(row);
}
