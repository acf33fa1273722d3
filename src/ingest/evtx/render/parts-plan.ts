// Per template (and pattern of NULL values), where each event part comes from: records of that
// template fill their parts from their values without replaying the template.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import type { CompiledTemplate, TemplateInstance } from '../binxml/program.ts';
import { scalarText } from '../values/index.ts';
import { utf16Text } from '../values/strings.ts';
import { VALUE_TYPE } from '../values/value-types.ts';
import { InstanceTree, MAX_PLANNED_VALUES } from './instance-tree.ts';
import { type PartsPlan, type Piece, recordPlan } from './plan-recorder.ts';

interface PlanCache {
  readonly byShape: Map<string, PartsPlan | null>;
  lastShape: Int32Array;
  lastPlan: PartsPlan | null;
}

/** Shapes remembered per template; crafted input cycling through more starts the list over. */
const MAX_SHAPES_PER_TEMPLATE = 256;

function sameShape(a: Int32Array, b: Int32Array, length: number): boolean {
  if (a.length !== length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Plans by compiled template, shared by every planner of the thread as the templates are (see
 * decode-chunk.ts); they go with their template when the template cache lets it go.
 */
const PLANS = new WeakMap<CompiledTemplate, PlanCache>();

/** Values up to this size (SIDs of five sub-authorities, GUIDs, integers) are compared. */
const MAX_REUSED_BYTES = 28;

/** Longer strings (command lines, scripts) rarely repeat exactly; they are decoded each time. */
const MAX_REUSED_LENGTH = 64;

/**
 * Finds the plan of a record's instance tree (recording it on first sight) and renders the
 * values it needs. Plans are keyed by the compiled template, so they serve every chunk.
 */
export class PartsPlanner {
  private readonly tree = new InstanceTree();
  // The current record's value texts, rendered on first use; `stamps` says which are current.
  private readonly texts: (string | undefined)[] = new Array(MAX_PLANNED_VALUES).fill(undefined);
  private readonly stamps = new Uint32Array(MAX_PLANNED_VALUES);
  private stamp = 0;
  /** Per value position, the last other value there: type (0: none), size, bytes and text. */
  private readonly lastTypes = new Uint8Array(MAX_PLANNED_VALUES);
  private readonly lastSizes = new Uint8Array(MAX_PLANNED_VALUES);
  private readonly lastBytes = new Uint8Array(MAX_PLANNED_VALUES * MAX_REUSED_BYTES);
  private readonly lastScalars: (string | undefined)[] = new Array(MAX_PLANNED_VALUES).fill(
    undefined,
  );
  /** Per value position, the last String text decoded there (short ones only). */
  private readonly lastStrings: (string | undefined)[] = new Array(MAX_PLANNED_VALUES).fill(
    undefined,
  );
  private chunk: ChunkContext | undefined;

  /**
   * The plan of a record that is one template instance, whose BinXML values (if any) are single
   * template instances too, as Windows writes EventData and UserData; after it, `join` renders
   * the plan's pieces from this record's values. Undefined for anything else (arrays, plain
   * BinXML documents): the caller then replays the template. Throws `EvtxDecodeError` on
   * damaged values, as replaying would.
   */
  plan(chunk: ChunkContext, instance: TemplateInstance): PartsPlan | undefined {
    const tree = this.tree;
    if (!tree.collect(chunk, instance)) return undefined;
    const compiled = instance.template.compiled;
    let cache = PLANS.get(compiled);
    if (cache === undefined) {
      cache = { byShape: new Map(), lastShape: new Int32Array(0), lastPlan: null };
      PLANS.set(compiled, cache);
    }
    // Records of one template nearly always repeat the previous record's shape.
    let plan: PartsPlan | null | undefined = sameShape(
      cache.lastShape,
      tree.shape,
      tree.shapeLength,
    )
      ? cache.lastPlan
      : undefined;
    if (plan === undefined) {
      const shape = tree.shape.slice(0, tree.shapeLength);
      const key = shape.join(',');
      plan = cache.byShape.get(key);
      if (plan === undefined) {
        plan = recordPlan(chunk, instance, tree.nestedByStart());
        if (cache.byShape.size >= MAX_SHAPES_PER_TEMPLATE) cache.byShape.clear();
        cache.byShape.set(key, plan);
      }
      cache.lastShape = shape;
      cache.lastPlan = plan;
    }
    if (plan === null) return undefined;
    this.chunk = chunk;
    // A new stamp makes every text of the previous record stale; wrapping restarts the stamps.
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return plan;
  }

  /** The parts of the record (see `plan`); undefined where it has no plan. */
  parts(chunk: ChunkContext, instance: TemplateInstance): WindowsEventParts | undefined {
    const plan = this.plan(chunk, instance);
    return plan === undefined ? undefined : this.fill(plan);
  }

  /** The parts of the record last planned, by its plan. */
  fill(plan: PartsPlan): WindowsEventParts {
    const system: { -readonly [K in keyof WindowsSystem]: WindowsSystem[K] } = {};
    for (const entry of plan.system) {
      const value = this.join(entry.pieces);
      if (value !== '' || !entry.fromAttribute) system[entry.key] = value.trim();
    }
    const data: WindowsDataItem[] = [];
    for (const entry of plan.data) {
      const name = entry.name === undefined ? undefined : this.join(entry.name);
      data.push({ name: name === '' ? undefined : name, value: this.join(entry.value) });
    }
    if (plan.message === undefined) return { system, data };
    return { system, data, renderedMessage: this.join(plan.message) };
  }

  /** The text of a plan's pieces for the record last planned. */
  join(pieces: readonly Piece[]): string {
    if (pieces.length === 1) {
      const only = pieces[0] as Piece;
      return typeof only === 'string' ? only : this.text(only);
    }
    let text = '';
    for (const piece of pieces) text += typeof piece === 'string' ? piece : this.text(piece);
    return text;
  }

  private text(index: number): string {
    if (this.stamps[index] === this.stamp) return this.texts[index] as string;
    const tree = this.tree;
    const type = tree.types[index] as number;
    const chunk = this.chunk as ChunkContext;
    const start = tree.starts[index] as number;
    const end = tree.ends[index] as number;
    let text: string;
    if (type === VALUE_TYPE.string) text = this.stringText(index, chunk.bytes, start, end);
    else if (type === VALUE_TYPE.null) text = '';
    else text = this.scalarText(index, chunk, type, start, end);
    this.texts[index] = text;
    this.stamps[index] = this.stamp;
    return text;
  }

  /**
   * A String value's text, reusing the previous record's text at this position when its bytes
   * spell it: Computer, Channel, user and domain names repeat record after record, and comparing
   * a few code units costs less than decoding them into a new string for the collector.
   */
  private stringText(index: number, bytes: Uint8Array, start: number, end: number): string {
    const last = this.lastStrings[index];
    if (last !== undefined && spells(bytes, start, end, last)) return last;
    const text = utf16Text(bytes, start, end);
    this.lastStrings[index] = text.length <= MAX_REUSED_LENGTH ? text : undefined;
    return text;
  }

  /**
   * Any other value's text, reusing the previous record's text at this position when its type
   * and bytes are the same: logon ids, SIDs, GUIDs and keywords repeat within a record's
   * neighbours more often than not, and rendering them costs more than comparing their bytes.
   */
  private scalarText(
    index: number,
    chunk: ChunkContext,
    type: number,
    start: number,
    end: number,
  ): string {
    const size = end - start;
    if (size > MAX_REUSED_BYTES) return scalarText(chunk.bytes, chunk.view, type, start, end);
    const bytes = chunk.bytes;
    const last = this.lastBytes;
    const at = index * MAX_REUSED_BYTES;
    if (this.lastTypes[index] === type && this.lastSizes[index] === size) {
      let same = true;
      for (let i = 0; i < size; i++) {
        if (bytes[start + i] !== last[at + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastScalars[index] as string;
    }
    const text = scalarText(bytes, chunk.view, type, start, end);
    for (let i = 0; i < size; i++) last[at + i] = bytes[start + i] as number;
    this.lastTypes[index] = type;
    this.lastSizes[index] = size;
    this.lastScalars[index] = text;
    return text;
  }
}

/** Whether `utf16Text(bytes, start, end)` is `text`, without decoding. */
function spells(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  let stop = start + ((end - start) & ~1);
  while (stop > start && bytes[stop - 1] === 0 && bytes[stop - 2] === 0) stop -= 2;
  // A NUL left inside cuts utf16Text's result short: the lengths then differ.
  if ((stop - start) >> 1 !== text.length) return false;
  for (let i = 0, at = start; at < stop; i++, at += 2) {
    if (((bytes[at] as number) | ((bytes[at + 1] as number) << 8)) !== text.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}
