// The one per-event loop: every command's events, from readers, replays or (later) the server,
// go through here on their way to the consumers.
import type { Event, SharedEvent } from '../../core/index.ts';
import type { KnowledgeBase, KnowledgeProgram } from '../../knowledge/index.ts';
import type { EventConsumer } from './event-consumer.ts';
import { EventRouter, type SeenOrigin } from './event-router.ts';
import { type KindPlan, KindPlanner } from './kind-plan.ts';
import { ownStrings } from './own-strings.ts';

export interface EventPumpOptions {
  /** Applied for the `with-knowledge` consumers (NO_KNOWLEDGE: none). */
  readonly knowledge: KnowledgeBase;
}

export interface EventPump {
  /** Whether the readers must keep `_raw`: a consumer, or a knowledge step it needs, reads it. */
  readonly needsRaw: boolean;
  /** Events pushed so far. */
  readonly events: number;
  /** True once every consumer is done: more events change nothing, stop reading. */
  readonly done: boolean;
  /** What the events held: each origin (index, source, sourcetype, channel) routed. */
  seen(): readonly SeenOrigin[];
  /**
   * Hands a batch over. The pump routes each event, applies field knowledge, copies strings that
   * will be held, then pushes every consumer its events. It may change the objects it is given
   * until a consumer has them: the caller must not use them afterwards.
   */
  push(batch: readonly Event[]): void;
  /** Finishes every consumer, once; nothing is pushed after. */
  finish(): void;
}

/**
 * For each event: the router names the consumers whose route can keep it (once per kind of
 * event). `as-read` consumers get it as it is. If a `with-knowledge` consumer wants it too, the
 * knowledge for the union of the fields *those* consumers read is applied once - to a copy when
 * an as-read consumer has the event, so that what a consumer was given never changes. Knowledge
 * that writes a route field (a user's FIELDALIAS onto EventCode) runs before routing instead, with
 * every consumer's fields. Consumers that hold events get the fields they read copied first.
 * A consumer that is done gets no more events; when every consumer is done, the pump is.
 */
export function createEventPump(
  consumers: readonly EventConsumer[],
  options: EventPumpOptions,
): EventPump {
  const readers = consumers.filter((c) => c.route.kind !== 'none');
  const router = new EventRouter(readers.map((r) => r.route));
  const planner = new KindPlanner(readers, options.knowledge);
  const pending: SharedEvent[][] = readers.map(() => []);
  const anyWithKnowledge = readers.some((r) => r.stage === 'with-knowledge');
  let active = readers.filter((r) => !r.done).length;
  /**
   * When every as-read consumer comes before every with-knowledge one and none keeps the
   * events it is given (the Sigma rules in a hunt), the as-read consumers take each batch first
   * and knowledge is then applied to the events themselves, not to copies: the consumers get
   * their batches in the same order as otherwise, and what an as-read consumer was given is
   * never changed while it can see it.
   */
  const asReadCount = readers.filter((r) => r.stage === 'as-read').length;
  const asReadFirst =
    asReadCount > 0 &&
    readers.slice(0, asReadCount).every((r) => r.stage === 'as-read' && !r.holdsEvents);
  /** Events and their plans waiting for knowledge until the as-read consumers have the batch. */
  const later: (Event | KindPlan)[] = [];
  let events = 0;
  let finished = false;

  const give = (targets: readonly number[], event: SharedEvent): void => {
    for (let i = 0; i < targets.length; i++)
      (pending[targets[i] as number] as SharedEvent[]).push(event);
  };

  const route = (event: Event): void => {
    const kind = router.route(event);
    const plan = planner.planOf(kind, event);
    if (plan.ownAsRead !== null) ownStrings(event, plan.ownAsRead);
    give(plan.asRead, event);
    if (plan.knowledgeFirst || plan.program !== undefined) {
      if (asReadFirst) later.push(event, plan);
      // An as-read consumer has the event: knowledge goes on a copy.
      else withKnowledge(plan.asRead.length > 0 ? { ...event } : event, plan);
    }
  };

  /** Field knowledge on `target`, then the with-knowledge consumers get it. */
  const withKnowledge = (target: Event, plan: KindPlan): void => {
    if (plan.knowledgeFirst) {
      planner.all.programFor(target).apply(target);
      const rerouted = planner.planOf(router.route(target), target);
      if (rerouted.withKnowledge.length === 0) return;
      if (rerouted.ownWithKnowledge !== null) ownStrings(target, rerouted.ownWithKnowledge);
      give(rerouted.withKnowledge, target);
      return;
    }
    (plan.program as KnowledgeProgram).apply(target);
    if (plan.ownWithKnowledge !== null) ownStrings(target, plan.ownWithKnowledge);
    give(plan.withKnowledge, target);
  };

  const pushPending = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const batchOf = pending[i] as SharedEvent[];
      if (batchOf.length === 0) continue;
      pending[i] = [];
      const reader = readers[i] as EventConsumer;
      if (!reader.done) reader.push(batchOf);
    }
  };

  return {
    needsRaw: readers.some((r) => r.needsRaw) || (anyWithKnowledge && planner.all.readsRaw),
    get events() {
      return events;
    },
    get done() {
      return active === 0;
    },
    seen: () => router.seen(),
    push(batch) {
      if (finished) throw new Error('the event pump is finished: nothing can be pushed');
      events += batch.length;
      if (active === 0) return;
      for (let i = 0; i < batch.length; i++) route(batch[i] as Event);
      if (asReadFirst) {
        // The as-read consumers are done with the batch and kept nothing of it: knowledge can
        // now change the events themselves.
        pushPending(0, asReadCount);
        for (let i = 0; i < later.length; i += 2)
          withKnowledge(later[i] as Event, later[i + 1] as KindPlan);
        later.length = 0;
      }
      pushPending(0, readers.length);
      active = readers.filter((r) => !r.done).length;
    },
    finish() {
      if (finished) return;
      finished = true;
      for (const consumer of consumers) consumer.finish();
    },
  };
}
