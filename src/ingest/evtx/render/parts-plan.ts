// Per template (and pattern of NULL values), where each event part comes from: records of that
// template fill their parts from their values without replaying the template.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import { singleInstanceAt } from '../binxml/document.ts';
import {
  type ExecutionState,
  MAX_NESTING,
  MAX_RECORD_NODES,
  runInstance,
  type ValueTexts,
} from '../binxml/execute.ts';
import { OP, type Template, type TemplateInstance, ValueTable } from '../binxml/program.ts';
import { invalid } from '../decode-error.ts';
import { checkScalar, scalarText } from '../values/index.ts';
import { isArrayType, VALUE_TYPE } from '../values/value-types.ts';
import { EventPartsSink } from './event-parts.ts';

/** A literal, or the index of a value whose text goes there. */
type Piece = string | number;

interface SystemEntry {
  readonly key: keyof WindowsSystem;
  readonly pieces: readonly Piece[];
  /** Attributes whose value is empty are not emitted (MS-EVEN6 §2.2.12.2), so set nothing. */
  readonly fromAttribute: boolean;
}

interface DataEntry {
  /** Undefined: an unnamed Data; pieces that come out empty also leave it unnamed. */
  readonly name: readonly Piece[] | undefined;
  readonly value: readonly Piece[];
}

interface PartsPlan {
  readonly system: readonly SystemEntry[];
  readonly data: readonly DataEntry[];
  readonly message: readonly Piece[] | undefined;
}

interface TemplateInfo {
  /** Every value index the template substitutes, ascending. */
  readonly refs: readonly number[];
}

// Private-use code points stand for values while a plan is recorded.
const MARK = '\ue000';
const INDEX_BASE = 0xe100;
const MAX_PLANNED_VALUES = 0x1800;

/**
 * Records where the parts sink puts each value: it is the parts sink itself, run once over the
 * template with placeholder texts, so a plan cannot disagree with the sink.
 */
class PlanRecorder extends EventPartsSink {
  readonly systemEntries: [keyof WindowsSystem, string, boolean][] = [];
  readonly dataEntries: [string | undefined, string][] = [];
  messageEntry: string | undefined;

  protected override setSystem(
    key: keyof WindowsSystem,
    value: string,
    fromAttribute: boolean,
  ): void {
    this.systemEntries.push([key, value, fromAttribute]);
  }

  protected override addData(name: string | undefined, value: string): void {
    this.dataEntries.push([name, value]);
  }

  protected override setMessage(text: string): void {
    this.messageEntry = text;
  }
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

/** A value of the flattened instance tree: outer values first, then each nested instance's. */
interface NestedInstance {
  readonly instance: TemplateInstance;
  /** Flat index of the nested instance's first value. */
  readonly base: number;
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

/**
 * Runs the instance tree once with placeholder texts into a PlanRecorder; null if it cannot be
 * planned. Nested BinXML values run their (already parsed) instances with their own placeholders.
 */
function recordPlan(
  chunk: ChunkContext,
  instance: TemplateInstance,
  nested: ReadonlyMap<number, NestedInstance>,
): PartsPlan | null {
  const recorder = new PlanRecorder();
  const placeholders = (instance: TemplateInstance, base: number): ValueTexts => ({
    values: instance.values,
    scalars: Array.from(
      { length: instance.values.count },
      (_, i) => MARK + String.fromCharCode(INDEX_BASE + base + i),
    ),
    arrays: [],
  });
  const state: ExecutionState = {
    chunk,
    sink: recorder,
    budget: MAX_RECORD_NODES,
    runNested: (s, start, _end, depth) => {
      const inner = nested.get(start);
      if (inner === undefined) invalid('BinXML value', start, 'not planned');
      runInstance(s, inner.instance, depth, placeholders(inner.instance, inner.base));
    },
    texts: [],
  };
  try {
    runInstance(state, instance, 0, placeholders(instance, 0));
  } catch {
    // Replaying the template reports the problem with its record.
    return null;
  }
  const system: SystemEntry[] = [];
  for (const [key, value, fromAttribute] of recorder.systemEntries) {
    const pieces = piecesOf(value);
    if (pieces === null) return null;
    system.push({ key, pieces, fromAttribute });
  }
  const data: DataEntry[] = [];
  for (const [name, value] of recorder.dataEntries) {
    const namePieces = name === undefined ? undefined : piecesOf(name);
    const valuePieces = piecesOf(value);
    if (namePieces === null || valuePieces === null) return null;
    data.push({ name: namePieces, value: valuePieces });
  }
  const message = recorder.messageEntry === undefined ? undefined : piecesOf(recorder.messageEntry);
  if (message === null) return null;
  return { system, data, message };
}

/** Splits recorded text into literals and value indices; null if a literal holds the mark. */
function piecesOf(text: string): Piece[] | null {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== MARK) {
      literal += c;
      continue;
    }
    const index = text.charCodeAt(i + 1) - INDEX_BASE;
    if (!(index >= 0 && index < MAX_PLANNED_VALUES)) return null;
    if (literal !== '') pieces.push(literal);
    literal = '';
    pieces.push(index);
    i++;
  }
  if (literal !== '' || pieces.length === 0) pieces.push(literal);
  return pieces;
}
