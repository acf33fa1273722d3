// Replays compiled ops with one instance's values into a sink: substitution, optional values,
// array expansion (MS-EVEN6 §3.1.4.7.5) and nested BinXML values.
import { beyondLimit, invalid } from '../decode-error.ts';
import { arrayItems, scalarText } from '../values/index.ts';
import { isArrayType, VALUE_TYPE } from '../values/value-types.ts';
import type { ChunkContext } from './chunk-context.ts';
import { NO_VALUES, OP, type Op, type TemplateInstance, type TemplateValues } from './program.ts';
import { type BinXmlSink, charRefText, entityText } from './sink.ts';

/** Nested BinXML values and template instances beyond this depth are refused. */
export const MAX_NESTING = 16;
/** Sink calls one record may cause; caps array and nesting blow-up on crafted input. */
export const MAX_RECORD_NODES = 1 << 20;

export interface ExecutionState {
  chunk: ChunkContext;
  sink: BinXmlSink;
  /** Sink calls left for the current record. */
  budget: number;
  /** Runs a nested BinXML value (a document) into the sink; set by the document layer. */
  readonly runNested: (state: ExecutionState, start: number, end: number, depth: number) => void;
  /** One ValueTexts per nesting depth, reused record after record. */
  readonly texts: ValueTexts[];
}

/** Texts of one instance's values, rendered on first use. */
export interface ValueTexts {
  values: TemplateValues;
  /** What op offsets are relative to: the template's definition offset (0 for a document). */
  origin: number;
  readonly scalars: (string | undefined)[];
  readonly arrays: (string[] | undefined)[];
}

/**
 * Runs a template instance. `prefilled` gives the value texts up front (the parts planner runs
 * templates with placeholder texts); otherwise they are rendered on first use.
 */
export function runInstance(
  state: ExecutionState,
  instance: TemplateInstance,
  depth: number,
  prefilled?: ValueTexts,
): void {
  if (depth > MAX_NESTING) {
    beyondLimit('template instance', instance.values.offset, `nested deeper than ${MAX_NESTING}`);
  }
  if (prefilled !== undefined) {
    prefilled.origin = instance.template.offset;
    runContent(state, instance.template.ops, 0, instance.template.ops.length, prefilled, -1, depth);
    return;
  }
  let texts = state.texts[depth];
  if (texts === undefined) {
    texts = { values: instance.values, origin: instance.template.offset, scalars: [], arrays: [] };
    state.texts[depth] = texts;
  } else {
    texts.values = instance.values;
    texts.origin = instance.template.offset;
    texts.scalars.length = 0;
    texts.arrays.length = 0;
  }
  const ops = instance.template.ops;
  runContent(state, ops, 0, ops.length, texts, -1, depth);
}

/** Runs a document's ops (no substitutions). */
export function runDocument(state: ExecutionState, ops: readonly Op[], depth: number): void {
  runContent(state, ops, 0, ops.length, EMPTY_TEXTS, -1, depth);
}

const EMPTY_TEXTS: ValueTexts = { values: NO_VALUES, origin: 0, scalars: [], arrays: [] };

function runContent(
  state: ExecutionState,
  ops: readonly Op[],
  from: number,
  to: number,
  texts: ValueTexts,
  item: number,
  depth: number,
): void {
  const sink = state.sink;
  let i = from;
  while (i < to) {
    const o = ops[i] as Op;
    if (--state.budget < 0) {
      beyondLimit('record', o.offset + texts.origin, 'expands to too many XML nodes');
    }
    switch (o.op) {
      case OP.open:
        runElement(state, ops, i, texts, depth);
        i = o.end;
        continue;
      case OP.text:
        if (o.text !== '') sink.text(o.text);
        break;
      case OP.substitution:
        substitute(state, o, texts, item, depth);
        break;
      case OP.charRef:
        sink.charRef(o.index);
        break;
      case OP.entityRef:
        sink.entityRef(o.name);
        break;
      case OP.cdata:
        sink.cdata(o.text);
        break;
      case OP.pi:
        sink.pi(o.name, o.text);
        break;
      case OP.instance:
        if (o.instance !== undefined) runInstance(state, o.instance, depth + 1);
        break;
      default:
        invalid('BinXML token', o.offset + texts.origin, 'out of place');
    }
    i++;
  }
}

/** Runs the element opened at `ops[at]`, repeated once per item when it holds an array value. */
function runElement(
  state: ExecutionState,
  ops: readonly Op[],
  at: number,
  texts: ValueTexts,
  depth: number,
): void {
  const open = ops[at] as Op;
  const guards = open.guards;
  if (guards !== undefined) {
    const { count, types } = texts.values;
    for (const guard of guards) {
      if (guard < count && types[guard] === VALUE_TYPE.null) return;
    }
  }
  const slots = open.slots;
  if (slots !== undefined) {
    let repeat = -1;
    for (const slot of slots) {
      const type = slot < texts.values.count ? (texts.values.types[slot] as number) : 0;
      if (isArrayType(type)) repeat = Math.max(repeat, itemsOf(state, texts, slot).length, 1);
    }
    if (repeat > 0) {
      for (let k = 0; k < repeat; k++) emitElement(state, ops, at, texts, k, depth);
      return;
    }
  }
  emitElement(state, ops, at, texts, -1, depth);
}

function emitElement(
  state: ExecutionState,
  ops: readonly Op[],
  at: number,
  texts: ValueTexts,
  item: number,
  depth: number,
): void {
  const sink = state.sink;
  const open = ops[at] as Op;
  sink.open(open.name);
  let i = at + 1;
  let o = ops[i] as Op;
  while (o.op === OP.attribute) {
    const name = o.name;
    let value = '';
    o = ops[++i] as Op;
    while (o.op >= OP.text && o.op <= OP.entityRef) {
      if (o.op === OP.substitution) value += attributeSubstitution(state, o, texts, item);
      else if (o.op === OP.text) value += o.text;
      else value += o.op === OP.charRef ? charRefText(o.index) : entityText(o.name);
      o = ops[++i] as Op;
    }
    // MS-EVEN6 §2.2.12.2: an attribute whose data is empty is not emitted.
    if (value !== '') sink.attribute(name, value);
  }
  if (o.op === OP.startEnd) runContent(state, ops, i + 1, open.end - 1, texts, item, depth);
  sink.close();
}

function attributeSubstitution(
  state: ExecutionState,
  o: Op,
  texts: ValueTexts,
  item: number,
): string {
  const type = valueType(texts, o);
  if (type === VALUE_TYPE.null) return '';
  if (type === VALUE_TYPE.binXml)
    invalid('substitution', o.offset + texts.origin, 'BinXML value inside an attribute');
  return isArrayType(type)
    ? itemText(state, texts, o.index, item)
    : scalarOf(state, texts, o.index);
}

function substitute(
  state: ExecutionState,
  o: Op,
  texts: ValueTexts,
  item: number,
  depth: number,
): void {
  const type = valueType(texts, o);
  if (type === VALUE_TYPE.null) return;
  if (type === VALUE_TYPE.binXml) {
    const { starts, ends } = texts.values;
    const start = starts[o.index] as number;
    const end = ends[o.index] as number;
    if (end > start) state.runNested(state, start, end, depth + 1);
    return;
  }
  const sink = state.sink;
  if (type === VALUE_TYPE.string && sink.textUtf16 !== undefined) {
    // Copied as bytes: most of a record's text, and no string is needed for it.
    const start = texts.values.starts[o.index] as number;
    const end = texts.values.ends[o.index] as number;
    const bytes = state.chunk.bytes;
    if (end - start >= 2 && ((bytes[start] as number) | (bytes[start + 1] as number)) !== 0) {
      sink.textUtf16(bytes, start, end);
    }
    return;
  }
  const text = isArrayType(type)
    ? itemText(state, texts, o.index, item)
    : scalarOf(state, texts, o.index);
  if (text !== '') sink.text(text);
}

function valueType(texts: ValueTexts, o: Op): number {
  if (o.index >= texts.values.count) {
    invalid(
      'substitution index',
      o.offset + texts.origin,
      `${o.index} but the instance has ${texts.values.count} value(s)`,
    );
  }
  return texts.values.types[o.index] as number;
}

function scalarOf(state: ExecutionState, texts: ValueTexts, index: number): string {
  let text = texts.scalars[index];
  if (text === undefined) {
    const { types, starts, ends } = texts.values;
    const { bytes, view } = state.chunk;
    text = scalarText(
      bytes,
      view,
      types[index] as number,
      starts[index] as number,
      ends[index] as number,
    );
    texts.scalars[index] = text;
  }
  return text;
}

function itemsOf(state: ExecutionState, texts: ValueTexts, index: number): string[] {
  let items = texts.arrays[index];
  if (items === undefined) {
    const { types, starts, ends } = texts.values;
    const { bytes, view } = state.chunk;
    items = arrayItems(
      bytes,
      view,
      types[index] as number,
      starts[index] as number,
      ends[index] as number,
    );
    texts.arrays[index] = items;
  }
  return items;
}

/** Item `item` of an array value; the items joined when the element was not expanded. */
function itemText(state: ExecutionState, texts: ValueTexts, index: number, item: number): string {
  const items = itemsOf(state, texts, index);
  if (item < 0) return items.join(',');
  return items[item] ?? '';
}
