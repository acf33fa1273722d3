// The matching half of streaming Sigma, wherever it runs (the detect worker, or in-process): each
// rule-set version is the workspace's compiled Sigma set (the same SigmaHuntRun and event pump as
// `hunt`) opened from the files the main thread compiled, so the compiled rule-set cache answers
// and the version is the one the main thread accepted. Batches arrive encoded and are decoded
// here, events of the detect role's own indexes skipped; a batch matched where it was encoded
// arrives as its matched events with their matches, which go on to findings without matching.
import type { Event, SharedEvent } from '../../../core/index.ts';
import {
  createEventPump,
  type EventPump,
  FindingSink,
  openWorkspace,
  type RiskEvent,
  SigmaHuntRun,
} from '../../../engine/index.ts';
import type { SigmaMatch } from '../../../sigma/index.ts';
import { decodeEvents, type EncodedEvents } from '../../store/encoded-events.ts';
import { DETECT_OUTPUT_INDEXES } from '../output/detect-records.ts';
import { packMatcher } from './packed-matcher.ts';
import type {
  LoadedReply,
  LoadRequest,
  MatchedFinding,
  MatchedReply,
  MatcherReply,
  MatcherRequest,
} from './sigma-match-protocol.ts';

interface Version {
  readonly pump: EventPump;
  readonly run: SigmaHuntRun;
  /** Findings of the batch being matched. */
  readonly found: MatchedFinding[];
  /** The matches of the batch being handed over already matched; undefined: match it here. */
  given: Map<SharedEvent, SigmaMatch[]> | undefined;
  replaying: boolean;
  failed: boolean;
}

export class SigmaMatcher {
  private readonly versions = new Map<number, Version>();

  handle(request: MatcherRequest): MatcherReply | undefined {
    switch (request.kind) {
      case 'load':
        return this.load(request);
      case 'activate':
        for (const generation of this.versions.keys())
          if (generation < request.generation) this.versions.delete(generation);
        return undefined;
      case 'match':
        return this.match(request.id, request.generation, request.replay, request.batch);
    }
  }

  private load(request: LoadRequest): LoadedReply {
    const { generation } = request;
    let workspace: ReturnType<typeof openWorkspace>;
    try {
      workspace = openWorkspace({ ...request.options, without: ['data-models'] });
    } catch (cause) {
      return { kind: 'loaded', generation, rules: 0, problem: String(cause) };
    }
    const compiled = workspace.sigma;
    if (compiled === undefined || compiled.rules.length === 0)
      return { kind: 'loaded', generation, rules: 0 };
    const found: MatchedFinding[] = [];
    let risks: RiskEvent[] = [];
    const version = { found, given: undefined, replaying: true, failed: false } as Version;
    const sink = new FindingSink(
      {
        onRiskEvent: (risk) => risks.push(risk),
        onFinding: (finding) => {
          const raised = risks;
          risks = [];
          if (version.replaying || finding.time === undefined) return;
          found.push({
            rule: finding.rule,
            fields: finding.fields,
            time: finding.time,
            risks: raised,
          });
        },
      },
      0,
    );
    const run = new SigmaHuntRun(compiled, sink, undefined, (event) =>
      version.given === undefined ? undefined : (version.given.get(event) ?? NONE),
    );
    Object.assign(version, {
      run,
      pump: createEventPump([run], { knowledge: workspace.knowledge }),
    });
    this.versions.set(generation, version);
    return { kind: 'loaded', generation, rules: run.ruleCount, matcher: packMatcher(compiled) };
  }

  private match(
    id: number,
    generation: number,
    replay: boolean,
    batch: EncodedEvents,
  ): MatchedReply {
    const version = this.versions.get(generation);
    if (version === undefined || version.failed)
      return { kind: 'matched', id, events: 0, findings: [] };
    let events = 0;
    let failure: string | undefined;
    try {
      version.replaying = replay;
      if (batch.matches !== undefined) {
        const decoded = decodeEvents(batch);
        version.given = givenMatches(version.run, batch, decoded);
        version.pump.push(decoded);
        events = batch.count;
        failure = version.run.failure?.message;
      }
      // Decoded a slice at a time, so the events die young: a whole batch decoded first (~15 MB
      // for 5,000 Sysmon events) outlived the young generation and was copied and promoted.
      else
        for (let from = 0; from < batch.count && failure === undefined; from += DECODE_SLICE) {
          const slice = ownEvents(batch, from, Math.min(batch.count, from + DECODE_SLICE));
          events += slice.length;
          version.pump.push(slice);
          failure = version.run.failure?.message;
        }
    } catch (cause) {
      failure = `the Sigma rules stopped: ${cause instanceof Error ? cause.message : String(cause)}`;
    } finally {
      version.given = undefined;
    }
    const findings = version.found.splice(0);
    if (failure !== undefined) version.failed = true;
    return {
      kind: 'matched',
      id,
      events,
      findings,
      ...(failure === undefined ? {} : { failure }),
    };
  }
}

const NONE: readonly SigmaMatch[] = Object.freeze([]);

/** The matches a batch carries, as the run's matcher would have found them, by event. */
function givenMatches(
  run: SigmaHuntRun,
  batch: EncodedEvents,
  events: readonly Event[],
): Map<SharedEvent, SigmaMatch[]> {
  const given = new Map<SharedEvent, SigmaMatch[]>();
  const { found, entries } = batch.matches as NonNullable<EncodedEvents['matches']>;
  const rules = run.detector.matcher.rules;
  for (let k = 0; k < entries.length; k++) {
    const event = events[found[2 * k] as number];
    const ruleIndex = found[2 * k + 1] as number;
    const rule = rules[ruleIndex];
    if (event === undefined || rule === undefined) continue;
    let list = given.get(event);
    if (list === undefined) {
      list = [];
      given.set(event, list);
    }
    list.push({ rule: rule.rule, ruleIndex, report: rule.report, entryName: entries[k] as string });
  }
  return given;
}

/** Events decoded and matched at a time. */
const DECODE_SLICE = 256;

/** Some of the batch's events as objects, without those of the detect role's own indexes. */
function ownEvents(batch: EncodedEvents, from: number, to: number): Event[] {
  const events = decodeEvents(batch, from, to);
  if (!batch.indexNames.some((name) => DETECT_OUTPUT_INDEXES.has(name))) return events;
  return events.filter((e) => !DETECT_OUTPUT_INDEXES.has(e['index'] as string));
}
