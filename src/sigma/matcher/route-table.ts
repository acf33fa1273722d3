// Routes each event to the program of its (channel, EventID): the rule variants that can fire on
// it. Programs are built on first use; routes with the same variants share one program.
import type { Event } from '../../core/index.ts';
import { foldCase } from '../compile/case-fold.ts';
import { textOf } from '../compile/event-values.ts';
import type { ProgramVariant } from './route-program.ts';

/** Distinct channel spellings remembered (the input decides how many there are). */
const CHANNEL_CACHE_SIZE = 4096;

export class RouteTable<P> {
  private readonly variants: readonly ProgramVariant[];
  private readonly build: (members: readonly ProgramVariant[]) => P;
  /** Each variant's channels folded once (undefined: any), not per route built. */
  private readonly foldedChannels: readonly (ReadonlySet<string> | undefined)[];
  private readonly knownChannels: ReadonlySet<string>;
  private readonly knownEventIds: ReadonlySet<string>;
  /** Channel text as events spell it → the known folded channel ('' when unknown). */
  private readonly channelOf = new Map<string, string>();
  /** Known channel → EventID → program: no key string built per event. */
  private readonly index = new Map<string, Map<string, P>>();
  /** Programs by their member variants. */
  private readonly bySignature = new Map<string, P>();
  private lastChannelText: string | undefined;
  private lastChannel = '';

  constructor(
    variants: readonly ProgramVariant[],
    build: (members: readonly ProgramVariant[]) => P,
  ) {
    this.variants = variants;
    this.build = build;
    this.foldedChannels = variants.map(({ variant: { channels } }) =>
      channels === undefined ? undefined : new Set(channels.map(foldCase)),
    );
    this.knownChannels = new Set(this.foldedChannels.flatMap((c) => [...(c ?? [])]));
    this.knownEventIds = new Set(variants.flatMap((v) => v.variant.eventIds ?? []));
  }

  /** Distinct programs built so far. */
  get programCount(): number {
    return this.bySignature.size;
  }

  programOf(event: Event): P {
    const channelText = firstText(event['Channel']);
    let channel = '';
    if (channelText !== undefined) {
      if (channelText === this.lastChannelText) channel = this.lastChannel;
      else {
        channel = this.routeChannel(channelText);
        this.lastChannelText = channelText;
        this.lastChannel = channel;
      }
    }
    const eventIdText = firstText(event['EventID'] ?? event['EventCode']) ?? '';
    const eventId = this.knownEventIds.has(eventIdText) ? eventIdText : '';
    let byEventId = this.index.get(channel);
    if (byEventId === undefined) {
      byEventId = new Map();
      this.index.set(channel, byEventId);
    }
    let program = byEventId.get(eventId);
    if (program === undefined) {
      program = this.programFor(channel, eventId);
      byEventId.set(eventId, program);
    }
    return program;
  }

  private routeChannel(text: string): string {
    let known = this.channelOf.get(text);
    if (known === undefined) {
      const folded = foldCase(text);
      known = this.knownChannels.has(folded) ? folded : '';
      if (this.channelOf.size < CHANNEL_CACHE_SIZE) this.channelOf.set(text, known);
    }
    return known;
  }

  private programFor(channel: string, eventId: string): P {
    const members: ProgramVariant[] = [];
    const indices: number[] = [];
    this.variants.forEach((v, i) => {
      const channels = this.foldedChannels[i];
      if (channels !== undefined && !channels.has(channel)) return;
      if (v.variant.eventIds !== undefined && !v.variant.eventIds.includes(eventId)) return;
      members.push(v);
      indices.push(i);
    });
    const signature = indices.join(',');
    let program = this.bySignature.get(signature);
    if (program === undefined) {
      program = this.build(members);
      this.bySignature.set(signature, program);
    }
    return program;
  }
}

function firstText(value: Event[string]): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value))
    return value.length > 0 ? textOf(value[0] as string | number) : undefined;
  return typeof value === 'string' ? value : String(value);
}
