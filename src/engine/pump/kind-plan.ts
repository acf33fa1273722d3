// What the events of one kind get in the pump: which consumers take them as read and which with
// knowledge, the knowledge program for what those read, and the fields whose strings are copied.

import type { SharedEvent } from '../../core/index.ts';
import {
  createKnowledgeApplier,
  type KnowledgeApplier,
  type KnowledgeBase,
  type KnowledgeProgram,
} from '../../knowledge/index.ts';
import { type FieldNeed, ROUTE_FIELDS, unionNeeds } from '../../spl/index.ts';
import type { EventConsumer } from './event-consumer.ts';
import type { RouteKind } from './event-router.ts';
import { ownedFields } from './own-strings.ts';

export interface KindPlan {
  /** Indices of the readers that take the event as read. */
  readonly asRead: readonly number[];
  /** Indices of the readers that take it after field knowledge. */
  readonly withKnowledge: readonly number[];
  /** The knowledge writes a route field (a user's FIELDALIAS onto EventCode): it runs before routing. */
  readonly knowledgeFirst: boolean;
  /** The program for the union of the fields the kind's with-knowledge readers read. */
  readonly program: KnowledgeProgram | undefined;
  /** Fields the as-read readers that hold events read (null: none holds events). */
  readonly ownAsRead: readonly string[] | undefined | null;
  /** Fields the with-knowledge readers that hold events read (null: none holds events). */
  readonly ownWithKnowledge: readonly string[] | undefined | null;
}

const NONE: readonly number[] = [];

/**
 * Plans are made per kind of event, and per set of readers an applier: a knowledge program
 * depends on the event's sourcetype, source and EventCode (all route fields, so one kind has
 * one program) unless some stanza is keyed by host; then plans are not cached per kind and the
 * applier's own cache, keyed by host too, decides.
 */
export class KindPlanner {
  /** The knowledge for every with-knowledge reader's fields: decides `knowledgeFirst`. */
  readonly all: KnowledgeApplier;
  private readonly readers: readonly EventConsumer[];
  private readonly knowledge: KnowledgeBase;
  private readonly appliers = new Map<string, KnowledgeApplier>();
  private readonly plans = new WeakMap<RouteKind, KindPlan>();

  constructor(readers: readonly EventConsumer[], knowledge: KnowledgeBase) {
    this.readers = readers;
    this.knowledge = knowledge;
    const withKnowledge = readers.filter((r) => r.stage === 'with-knowledge');
    this.all = createKnowledgeApplier(
      knowledge,
      withKnowledge.length === 0 ? new Set() : unionNeeds(withKnowledge.map((r) => r.fields)),
    );
  }

  planOf(kind: RouteKind, event: SharedEvent): KindPlan {
    let plan = this.plans.get(kind);
    if (plan !== undefined) return plan;
    const asRead: number[] = [];
    const withKnowledge: number[] = [];
    for (const t of kind.targets) {
      ((this.readers[t] as EventConsumer).stage === 'as-read' ? asRead : withKnowledge).push(t);
    }
    plan = {
      asRead: asRead.length === 0 ? NONE : asRead,
      withKnowledge: withKnowledge.length === 0 ? NONE : withKnowledge,
      knowledgeFirst: writesRouteFields(this.all.programFor(event)),
      program:
        withKnowledge.length === 0 ? undefined : this.applierFor(withKnowledge).programFor(event),
      ownAsRead: this.owned(asRead),
      ownWithKnowledge: this.owned(withKnowledge),
    };
    if (!this.knowledge.usesHost) this.plans.set(kind, plan);
    return plan;
  }

  /** The fields to copy for the readers among `targets` that hold events. */
  owned(targets: readonly number[]): readonly string[] | undefined | null {
    const holders = targets
      .map((t) => this.readers[t] as EventConsumer)
      .filter((r) => r.holdsEvents);
    if (holders.length === 0) return null;
    return ownedFields(unionNeeds(holders.map((r): FieldNeed => r.fields)));
  }

  private applierFor(targets: readonly number[]): KnowledgeApplier {
    const key = targets.join(',');
    let applier = this.appliers.get(key);
    if (applier === undefined) {
      const need = unionNeeds(targets.map((t) => (this.readers[t] as EventConsumer).fields));
      applier = createKnowledgeApplier(this.knowledge, need);
      this.appliers.set(key, applier);
    }
    return applier;
  }
}

const routeWriters = new WeakMap<KnowledgeProgram, boolean>();

/** Whether a program may change a field routes look at (then it runs before routing). */
function writesRouteFields(program: KnowledgeProgram): boolean {
  let writes = routeWriters.get(program);
  if (writes === undefined) {
    const written = program.writes;
    writes = written === 'dynamic' || ROUTE_FIELDS.some((field) => written.has(field));
    routeWriters.set(program, writes);
  }
  return writes;
}
