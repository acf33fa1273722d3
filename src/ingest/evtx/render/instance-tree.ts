// A record's template instance and the instances nested in its BinXML values, flattened into
// reusable typed arrays with a numeric shape that says which parts plan applies.
import type { ChunkContext } from '../binxml/chunk-context.ts';
import { singleInstanceAt } from '../binxml/document.ts';
import { MAX_NESTING } from '../binxml/execute.ts';
import { type TemplateInstance, ValueTable } from '../binxml/program.ts';
import { checkScalar } from '../values/index.ts';
import { isArrayType, VALUE_TYPE } from '../values/value-types.ts';

/** Values of one instance tree beyond this are not planned (the record is replayed). */
export const MAX_PLANNED_VALUES = 0x1800;

// Shape codes: per instance its compiled template's id, then negative markers for NULL values
// beyond the 31-bit mask, empty and nested BinXML values (each with its value position), then
// the NULL mask and INSTANCE_END. Equal shapes run the same plan.
const NULL_BEYOND_MASK = -1;
const EMPTY_BINXML = -1_000_000;
const NESTED_START = -2_000_000;
const INSTANCE_END = -3_000_000;
/** Every instance adds at most 3 codes besides one per value it references. */
const MAX_SHAPE = 4 * MAX_PLANNED_VALUES + 8;

/** A nested instance of the tree and the flat index of its first value. */
export interface NestedInstance {
  readonly instance: TemplateInstance;
  readonly base: number;
}

/**
 * Filled record after record without allocating: `types`, `starts` and `ends` hold the values of
 * every instance of the tree one after another (an instance's value i is at its base + i).
 */
export class InstanceTree {
  readonly types = new Uint8Array(MAX_PLANNED_VALUES);
  readonly starts = new Uint32Array(MAX_PLANNED_VALUES);
  readonly ends = new Uint32Array(MAX_PLANNED_VALUES);
  count = 0;
  readonly shape = new Int32Array(MAX_SHAPE);
  shapeLength = 0;
  /** Nested instances in the order met; their value tables are reused. */
  private readonly tables: ValueTable[] = [];
  private readonly nestedStarts: number[] = [];
  private readonly nestedBases: number[] = [];
  private nestedCount = 0;

  /**
   * Flattens the tree of `instance`; false when it cannot be planned (an array value, a nested
   * value that is not a single instance, too many values). Throws `EvtxDecodeError` on damaged
   * values, as replaying them would.
   */
  collect(chunk: ChunkContext, instance: TemplateInstance): boolean {
    this.count = 0;
    this.shapeLength = 0;
    this.nestedCount = 0;
    return this.add(chunk, instance, 0);
  }

  /** The nested instances by the chunk offset of the BinXML value holding them. */
  nestedByStart(): Map<number, NestedInstance> {
    const map = new Map<number, NestedInstance>();
    for (let k = 0; k < this.nestedCount; k++) {
      map.set(this.nestedStarts[k] as number, {
        instance: this.tables[k] as ValueTable,
        base: this.nestedBases[k] as number,
      });
    }
    return map;
  }

  private add(chunk: ChunkContext, instance: TemplateInstance, depth: number): boolean {
    const { template, values } = instance;
    const base = this.count;
    const { count, types, starts, ends } = values;
    if (base + count > MAX_PLANNED_VALUES) return false;
    for (let i = 0; i < count; i++) {
      this.types[base + i] = types[i] as number;
      this.starts[base + i] = starts[i] as number;
      this.ends[base + i] = ends[i] as number;
    }
    this.count = base + count;
    const refs = template.compiled.refs;
    if (this.shapeLength + refs.length + 3 > MAX_SHAPE) return false;
    const shape = this.shape;
    shape[this.shapeLength++] = template.compiled.id;
    let mask = 0;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as number;
      if (ref >= count) return false;
      const type = types[ref] as number;
      const start = starts[ref] as number;
      const end = ends[ref] as number;
      if (type === VALUE_TYPE.null) {
        if (i < 31) mask |= 1 << i;
        else shape[this.shapeLength++] = NULL_BEYOND_MASK - i;
      } else if (type === VALUE_TYPE.binXml) {
        if (end === start) {
          shape[this.shapeLength++] = EMPTY_BINXML - i;
          continue;
        }
        if (depth >= MAX_NESTING) return false;
        const k = this.nestedCount;
        let table = this.tables[k];
        if (table === undefined) {
          table = new ValueTable();
          this.tables[k] = table;
        }
        const inner = singleInstanceAt(chunk, chunk.reader.window(start, end), table);
        if (inner === undefined) return false;
        this.nestedStarts[k] = start;
        this.nestedBases[k] = this.count;
        this.nestedCount = k + 1;
        shape[this.shapeLength++] = NESTED_START - i;
        if (!this.add(chunk, inner, depth + 1)) return false;
        if (this.shapeLength + refs.length + 3 > MAX_SHAPE) return false;
      } else if (isArrayType(type)) {
        return false;
      } else {
        checkScalar(type, start, end);
      }
    }
    shape[this.shapeLength++] = mask;
    shape[this.shapeLength++] = INSTANCE_END;
    return true;
  }
}
