// Per template (and pattern of NULL values), where each event part comes from: records of that
// template fill their parts from their values without replaying the template.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import { singleInstanceAt } from '../binxml/document.ts';
import { MAX_NESTING } from '../binxml/execute.ts';
import { OP, type Template, type TemplateInstance, ValueTable } from '../binxml/program.ts';
import { checkScalar, scalarText } from '../values/index.ts';
import { isArrayType, VALUE_TYPE } from '../values/value-types.ts';
import {
  MAX_PLANNED_VALUES,
  type NestedInstance,
  type PartsPlan,
  type Piece,
  recordPlan,
} from './plan-recorder.ts';

interface TemplateInfo {
  /** Every value index the template substitutes, ascending. */
  readonly refs: readonly number[];
}

interface PlanCache {
  readonly byShape: Map<string, PartsPlan | null>;
  lastShape: number[];
  lastPlan: PartsPlan | null;
}

// Shape codes: per instance its template offset, then negative markers for NULL values beyond
// the 31-bit mask, empty and nested BinXML values (each with its value position), then the
// NULL mask and INSTANCE_END. Equal shapes run the same plan.
const NULL_BEYOND_MASK = -1;
const EMPTY_BINXML = -1_000_000;
const NESTED_START = -2_000_000;
const INSTANCE_END = -3_000_000;

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Fills WindowsEventParts from template instances through cached plans. */
export class PartsPlanner {
  private readonly infos = new WeakMap<Template, TemplateInfo>();
  private readonly plans = new WeakMap<Template, PlanCache>();
  // Per record: the flattened values of the instance tree, their texts, the nested instances.
  private readonly types: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: (string | undefined)[] = [];
  private readonly nested = new Map<number, NestedInstance>();
  private readonly tables: ValueTable[] = [];
  /** The shape of the current record's instance tree (see `collect`), compared numerically. */
  private readonly shape: number[] = [];

  /**
   * The parts of a record that is one template instance, whose BinXML values (if any) are single
   * template instances too, as Windows writes EventData and UserData. Undefined for anything
   * else (arrays, plain BinXML documents): the caller then replays the template. Throws
   * `EvtxDecodeError` on damaged values, as replaying would.
   */
  parts(chunk: ChunkContext, instance: TemplateInstance): WindowsEventParts | undefined {
    this.types.length = 0;
    this.starts.length = 0;
    this.ends.length = 0;
    this.texts.length = 0;
    this.nested.clear();
    this.shape.length = 0;
    if (!this.collect(chunk, instance, 0)) return undefined;
    let cache = this.plans.get(instance.template);
    if (cache === undefined) {
      cache = { byShape: new Map(), lastShape: [], lastPlan: null };
      this.plans.set(instance.template, cache);
    }
    // Records of one template nearly always repeat the previous record's shape.
    let plan: PartsPlan | null | undefined = sameShape(cache.lastShape, this.shape)
      ? cache.lastPlan
      : undefined;
    if (plan === undefined) {
      const key = this.shape.join(',');
      plan = cache.byShape.get(key);
      if (plan === undefined) {
        plan = recordPlan(chunk, instance, this.nested);
        cache.byShape.set(key, plan);
      }
      cache.lastShape = this.shape.slice();
      cache.lastPlan = plan;
    }
    return plan === null ? undefined : this.fill(plan, chunk);
  }

  /** Appends the instance's values to the flat table and its shape to the key; false: no plan. */
  private collect(chunk: ChunkContext, instance: TemplateInstance, depth: number): boolean {
    const { template, values } = instance;
    let info = this.infos.get(template);
    if (info === undefined) {
      info = { refs: referencedValues(template) };
      this.infos.set(template, info);
    }
    const base = this.types.length;
    const { count, types, starts, ends } = values;
    if (base + count > MAX_PLANNED_VALUES) return false;
    for (let i = 0; i < count; i++) {
      this.types.push(types[i] as number);
      this.starts.push(starts[i] as number);
      this.ends.push(ends[i] as number);
    }
    let mask = 0;
    const shape = this.shape;
    shape.push(template.offset);
    const refs = info.refs;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as number;
      if (ref >= count) return false;
      const type = types[ref] as number;
      const start = starts[ref] as number;
      const end = ends[ref] as number;
      if (type === VALUE_TYPE.null) {
        if (i < 31) mask |= 1 << i;
        else shape.push(NULL_BEYOND_MASK - i);
      } else if (type === VALUE_TYPE.binXml) {
        if (end === start) {
          shape.push(EMPTY_BINXML - i);
          continue;
        }
        if (depth >= MAX_NESTING) return false;
        let table = this.tables[this.nested.size];
        if (table === undefined) {
          table = new ValueTable();
          this.tables[this.nested.size] = table;
        }
        const inner = singleInstanceAt(chunk, chunk.reader.window(start, end), table);
        if (inner === undefined) return false;
        this.nested.set(start, { instance: inner, base: this.types.length });
        shape.push(NESTED_START - i);
        if (!this.collect(chunk, inner, depth + 1)) return false;
      } else if (isArrayType(type)) {
        return false;
      } else {
        checkScalar(type, start, end);
      }
    }
    shape.push(mask, INSTANCE_END);
    return true;
  }

  private fill(plan: PartsPlan, chunk: ChunkContext): WindowsEventParts {
    const system: { -readonly [K in keyof WindowsSystem]: WindowsSystem[K] } = {};
    for (const entry of plan.system) {
      const value = this.join(entry.pieces, chunk);
      if (value !== '' || !entry.fromAttribute) system[entry.key] = value.trim();
    }
    const data: WindowsDataItem[] = [];
    for (const entry of plan.data) {
      const name = entry.name === undefined ? undefined : this.join(entry.name, chunk);
      data.push({ name: name === '' ? undefined : name, value: this.join(entry.value, chunk) });
    }
    if (plan.message === undefined) return { system, data };
    return { system, data, renderedMessage: this.join(plan.message, chunk) };
  }

  private join(pieces: readonly Piece[], chunk: ChunkContext): string {
    if (pieces.length === 1) {
      const only = pieces[0] as Piece;
      return typeof only === 'string' ? only : this.text(only, chunk);
    }
    let text = '';
    for (const piece of pieces) text += typeof piece === 'string' ? piece : this.text(piece, chunk);
    return text;
  }

  private text(index: number, chunk: ChunkContext): string {
    let text = this.texts[index];
    if (text === undefined) {
      const type = this.types[index] as number;
      text =
        type === VALUE_TYPE.null
          ? ''
          : scalarText(
              chunk.bytes,
              chunk.view,
              type,
              this.starts[index] as number,
              this.ends[index] as number,
            );
      this.texts[index] = text;
    }
    return text;
  }
}

function referencedValues(template: Template): number[] {
  const refs = new Set<number>();
  for (const op of template.ops) if (op.op === OP.substitution) refs.add(op.index);
  return [...refs].sort((a, b) => a - b);
}
