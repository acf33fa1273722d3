// The stateful correlation stage: fed each event with the rules it matched, it keeps per-group
// windows for every correlation (bounded) and reports the correlations that fire.
import { rowBytes, type SharedEvent, writeField } from '../../core/index.ts';
import type { CompiledSigmaSet } from '../compile/compile-rules.ts';
import { someValue } from '../compile/event-values.ts';
import { parseNumber } from '../compile/numbers.ts';
import { fieldMapper, type LogsourceMapping } from '../mapping/logsource-mapping.ts';
import type { SigmaMatch } from '../matcher/sigma-matcher.ts';
import { withSigmaFieldNames } from '../matcher/sigma-matcher.ts';
import type { SigmaCorrelation } from '../model/rule.ts';
import { createGroupWindow, type GroupWindow, type WindowSpec } from './group-window.ts';

export interface CorrelationHit {
  readonly correlation: SigmaCorrelation;
  /** Group-by field → value. */
  readonly group: Readonly<Record<string, string>>;
  /** Count, distinct count, sum, average, or number of rule types seen. */
  readonly value: number;
  readonly firstTime: number;
  /** Time of the event that completed it (or of the end of input for complete-window conditions). */
  readonly time: number;
  /** The latest contributing events (at most `maxEventsPerHit`). */
  readonly events: readonly SharedEvent[];
  /** False when an enclosing correlation uses it without `generate`. */
  readonly report: boolean;
}

export interface CorrelationStageOptions {
  /** Groups kept per correlation; the least recently updated is dropped beyond it. */
  readonly maxGroups?: number;
  /** Events kept per group for reporting. */
  readonly maxEventsPerHit?: number;
  /** Values kept per group by value_count/value_sum/value_avg windows. */
  readonly maxValues?: number;
  /**
   * Bytes all correlations may hold (their groups, windows and kept events; `--max-memory`).
   * Past it, the correlation being fed stops, with a problem in `stats.stopped`.
   */
  readonly maxMemoryBytes?: number;
}

/** 256 MB, as a search's default budget. */
const DEFAULT_MAX_MEMORY_BYTES = 256 * 1024 * 1024;
/** A group's fixed cost beyond its key and kept events: its window and map entries. */
const GROUP_BYTES = 512;
/** A value kept by a value_count/value_sum/value_avg window. */
const VALUE_BYTES = 48;

export interface CorrelationStats {
  groups: number;
  /** Groups dropped because `maxGroups` was reached (possible missed correlations). */
  evictedGroups: number;
  hits: number;
  /** Events that lacked a group-by field (Splunk's `stats ... by` drops them too). */
  ungrouped: number;
  /** Correlations stopped because the correlations held more than the memory budget. */
  readonly stopped: { readonly correlation: SigmaCorrelation; readonly message: string }[];
}

export interface CorrelationStage {
  readonly stats: CorrelationStats;
  /** The correlations that fire on this event. */
  push(event: SharedEvent, matches: readonly SigmaMatch[]): readonly CorrelationHit[];
  /** End of input: judges windows still open. */
  flush(): readonly CorrelationHit[];
}

interface Group {
  readonly window: GroupWindow;
  readonly key: Record<string, string>;
  events: SharedEvent[];
  /** Estimated bytes it holds (memory budget). */
  bytes: number;
}

interface Node {
  readonly correlation: SigmaCorrelation;
  readonly spec: WindowSpec;
  readonly groups: Map<string, Group>;
  readonly report: boolean;
  /** Correlations that consume this one's hits, with the input index they receive them at. */
  readonly parents: { node: Node; input: number }[];
  /** Set when it held too much memory: it is fed no more. */
  stopped: boolean;
}

const NONE: readonly CorrelationHit[] = Object.freeze([]);

export function createCorrelationStage(
  compiled: CompiledSigmaSet,
  options: CorrelationStageOptions = {},
): CorrelationStage {
  const maxGroups = options.maxGroups ?? 100_000;
  const maxEvents = options.maxEventsPerHit ?? 10;
  const maxValues = options.maxValues ?? 10_000;
  const maxBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  let heldBytes = 0;
  const stats: CorrelationStats = {
    groups: 0,
    evictedGroups: 0,
    hits: 0,
    ungrouped: 0,
    stopped: [],
  };
  const refersTo = (c: SigmaCorrelation, ref: string) => c.id === ref || c.name === ref;
  const nodes = new Map<SigmaCorrelation, Node>();
  for (const correlation of compiled.correlations) {
    const consumedQuietly = compiled.correlations.some(
      (c) => !c.generate && c.rules.some((r) => refersTo(correlation, r)),
    );
    nodes.set(correlation, {
      correlation,
      spec: {
        type: correlation.type,
        spanSeconds: correlation.timespanSeconds,
        inputCount: correlation.rules.length,
        ...(correlation.condition.kind === 'threshold'
          ? { threshold: correlation.condition }
          : { expression: correlation.condition.expr }),
        inputNames: correlation.rules,
        maxValues,
      },
      groups: new Map(),
      report: !consumedQuietly,
      parents: [],
      stopped: false,
    });
  }
  // Rule index → correlations fed by it; correlation → its consumers.
  const byRule = new Map<number, { node: Node; input: number }[]>();
  compiled.rules.forEach((compiledRule, ruleIndex) => {
    for (const node of nodes.values()) {
      node.correlation.rules.forEach((ref, input) => {
        if (ref === compiledRule.rule.id || ref === compiledRule.rule.name) {
          const list = byRule.get(ruleIndex) ?? [];
          list.push({ node, input });
          byRule.set(ruleIndex, list);
        }
      });
    }
  });
  for (const node of nodes.values()) {
    for (const other of nodes.values()) {
      other.correlation.rules.forEach((ref, input) => {
        if (refersTo(node.correlation, ref)) node.parents.push({ node: other, input });
      });
    }
  }

  const feed = (
    node: Node,
    input: number,
    event: SharedEvent,
    entryName: string | undefined,
    out: CorrelationHit[],
  ) => {
    const { correlation } = node;
    if (node.stopped) return;
    const time = typeof event['_time'] === 'number' ? event['_time'] : 0;
    const ref = correlation.rules[input] as string;
    const read = fieldReader(compiled.mapping, entryName);
    const key: Record<string, string> = {};
    for (const field of correlation.groupBy) {
      const source = correlation.aliases.get(field)?.get(ref) ?? field;
      const value = read(event, source);
      if (value === undefined) {
        stats.ungrouped++;
        return;
      }
      writeField(key, field, value);
    }
    let value: string | number | undefined;
    const threshold =
      correlation.condition.kind === 'threshold' ? correlation.condition : undefined;
    if (threshold?.field !== undefined) {
      const text = read(
        event,
        correlation.aliases.get(threshold.field)?.get(ref) ?? threshold.field,
      );
      if (text === undefined) return;
      value = correlation.type === 'value_count' ? text : parseNumber(text);
      if (typeof value === 'number' && Number.isNaN(value)) return;
    }
    const groupKey = JSON.stringify(Object.values(key));
    let group = node.groups.get(groupKey);
    if (group === undefined) {
      group = { window: createGroupWindow(node.spec), key, events: [], bytes: 0 };
      if (node.groups.size >= maxGroups) evictOne(node, time, out);
      stats.groups++;
      hold(group, GROUP_BYTES + groupKey.length);
    } else node.groups.delete(groupKey);
    node.groups.set(groupKey, group);
    group.events.push(event);
    hold(group, rowBytes(event));
    if (group.events.length > maxEvents)
      hold(group, -rowBytes(group.events.shift() as SharedEvent));
    if (value !== undefined && group.bytes < GROUP_BYTES + maxValues * VALUE_BYTES) {
      hold(group, VALUE_BYTES);
    }
    const result = group.window.push({ input, time, ...(value === undefined ? {} : { value }) });
    if (result) emit(node, group, result.value, result.firstTime, time, out);
    if (heldBytes > maxBytes) stop(node);
  };

  const hold = (group: Group, bytes: number) => {
    group.bytes += bytes;
    heldBytes += bytes;
  };

  /** Drops a group and what it held. */
  const drop = (node: Node, key: string, group: Group) => {
    node.groups.delete(key);
    heldBytes -= group.bytes;
    stats.groups--;
  };

  /** Past the budget, the correlation being fed stops: its groups are dropped and it is reported. */
  const stop = (node: Node) => {
    for (const [key, group] of node.groups) drop(node, key, group);
    node.stopped = true;
    const mb = Math.round(maxBytes / (1024 * 1024));
    stats.stopped.push({
      correlation: node.correlation,
      message: `the correlations held more than the memory budget of ${mb} MB: correlation "${node.correlation.title}" stopped (give a larger --max-memory, or a shorter timespan or fewer group-by values)`,
    });
  };

  const emit = (
    node: Node,
    group: Group,
    value: number,
    firstTime: number,
    time: number,
    out: CorrelationHit[],
  ) => {
    const hit: CorrelationHit = {
      correlation: node.correlation,
      group: group.key,
      value,
      firstTime,
      time,
      events: group.events,
      report: node.report,
    };
    for (const kept of group.events) hold(group, -rowBytes(kept));
    group.events = [];
    stats.hits++;
    out.push(hit);
    // A correlation's hit is an event for the correlations built on it (chaining).
    for (const parent of node.parents)
      feed(parent.node, parent.input, { ...group.key, _time: time }, undefined, out);
  };

  const evictOne = (node: Node, now: number, out: CorrelationHit[]) => {
    const [oldestKey, oldest] = node.groups.entries().next().value as [string, Group];
    const closed = oldest.window.close(Number.POSITIVE_INFINITY);
    if (closed) emit(node, oldest, closed.value, closed.firstTime, now, out);
    drop(node, oldestKey, oldest);
    stats.evictedGroups++;
  };

  /** Groups untouched for longer than their window: judge and drop them, oldest first. */
  const expire = (node: Node, now: number, out: CorrelationHit[]) => {
    for (const [key, group] of node.groups) {
      if (group.window.lastTime() + node.spec.spanSeconds >= now) break;
      const closed = group.window.close(now);
      if (closed) emit(node, group, closed.value, closed.firstTime, now, out);
      drop(node, key, group);
    }
  };

  let pushes = 0;
  return {
    stats,
    push(event, matches) {
      if (nodes.size === 0 || matches.length === 0) return NONE;
      const out: CorrelationHit[] = [];
      const view = withSigmaFieldNames(event);
      for (const match of matches) {
        for (const { node, input } of byRule.get(match.ruleIndex) ?? [])
          feed(node, input, view, match.entryName, out);
      }
      if (++pushes % 1024 === 0) {
        const now = typeof event['_time'] === 'number' ? event['_time'] : 0;
        for (const node of nodes.values()) expire(node, now, out);
      }
      return out.length === 0 ? NONE : out;
    },
    flush() {
      const out: CorrelationHit[] = [];
      for (const node of nodes.values()) {
        for (const group of node.groups.values()) {
          const closed = group.window.close(Number.POSITIVE_INFINITY);
          if (closed)
            emit(node, group, closed.value, closed.firstTime, group.window.lastTime(), out);
        }
        node.groups.clear();
      }
      stats.groups = 0;
      heldBytes = 0;
      return out;
    },
  };
}

/** Reads a Sigma field through the logsource mapping of the entry the rule matched by. */
function fieldReader(mapping: LogsourceMapping, entryName: string | undefined) {
  const entry =
    entryName === undefined ? undefined : mapping.entries.find((e) => e.name === entryName);
  const mapField = fieldMapper(mapping, entry);
  return (event: SharedEvent, field: string): string | undefined => {
    for (const target of [...mapField(field), field]) {
      let found: string | undefined;
      someValue(event, target, (text) => {
        found = text;
        return true;
      });
      if (found !== undefined) return found;
    }
    return undefined;
  };
}
