// Per template (and pattern of NULL values), where each event part comes from: records of that
// template fill their parts from their values without replaying the template.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import type { CompiledTemplate, TemplateInstance } from '../binxml/program.ts';
import { VALUE_TYPE } from '../values/value-types.ts';
import { InstanceTree, MAX_PLANNED_VALUES } from './instance-tree.ts';
import { type PartsPlan, type Piece, recordPlan } from './plan-recorder.ts';
import { RepeatedValueTexts } from './repeated-values.ts';

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
  private readonly repeated = new RepeatedValueTexts(MAX_PLANNED_VALUES);
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
    if (type === VALUE_TYPE.string) text = this.repeated.stringText(index, chunk.bytes, start, end);
    else if (type === VALUE_TYPE.null) text = '';
    else text = this.repeated.scalarText(index, chunk, type, start, end);
    this.texts[index] = text;
    this.stamps[index] = this.stamp;
    return text;
  }
}
