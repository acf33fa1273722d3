// A compiled BinXML fragment: a flat list of operations that the executor replays per record.

export const OP = {
  /** `<name`; `end` is the index after the element's last op. */
  open: 1,
  /** An attribute; its value is the run of value ops that follows. */
  attribute: 2,
  /** `>` after the attributes: content follows up to the matching `close`. */
  startEnd: 3,
  /** `/>`: the element has no content; this op ends it. */
  emptyEnd: 4,
  close: 5,
  text: 6,
  substitution: 7,
  charRef: 8,
  entityRef: 9,
  cdata: 10,
  pi: 11,
  /** A template instance inside a document (records and nested BinXML, not templates). */
  instance: 12,
} as const;

export type OpCode = (typeof OP)[keyof typeof OP];

/**
 * One operation. Every op has every field so that the executor's property reads stay
 * monomorphic; fields that do not apply hold neutral values.
 */
export interface Op {
  readonly op: OpCode;
  /** Element, attribute, entity or PI target name. */
  readonly name: string;
  /** Literal text, CDATA or PI data. */
  readonly text: string;
  /** Substitution index; the character code of a charRef. */
  readonly index: number;
  /** For `open`: the index just after the element's last op. */
  readonly end: number;
  /** Declared value type of a substitution. */
  readonly type: number;
  readonly optional: boolean;
  /** For `open`: substitution indices used directly in the element (attributes and content). */
  readonly slots: readonly number[] | undefined;
  /**
   * For `open`: value indices that drop the element when NULL: its dependency identifier and the
   * optional substitutions in its content (MS-EVEN6 §2.2.12.1, §3.1.4.7.2).
   */
  readonly guards: readonly number[] | undefined;
  /** For `instance`: the instantiated template and its values. */
  readonly instance: TemplateInstance | undefined;
  /**
   * Where the token is, for error messages: its chunk offset in a document, its offset from the
   * definition in a template (whose ops serve every chunk that defines the same template).
   */
  readonly offset: number;
}

/** A compiled template definition, shared by every chunk that defines the same template. */
export interface CompiledTemplate {
  /** Unique per compilation: plans are keyed by it. */
  readonly id: number;
  readonly guid: string;
  /** Op offsets are relative to the definition offset. */
  readonly ops: readonly Op[];
  /** Every value index the template substitutes, ascending. */
  readonly refs: readonly number[];
}

/** A template as one chunk defines it: the shared compiled form and where this chunk holds it. */
export interface Template {
  /** Chunk offset of the template definition; error offsets of `ops` are relative to it. */
  readonly offset: number;
  readonly guid: string;
  readonly ops: readonly Op[];
  readonly compiled: CompiledTemplate;
}

/** Substitution values of one template instance: type, and byte range in the chunk. */
export interface TemplateValues {
  readonly count: number;
  readonly types: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Where the value descriptors start, for error messages. */
  readonly offset: number;
}

/** Stands for "no template yet" in a ValueTable that has not been filled. */
const NO_TEMPLATE: Template = {
  offset: 0,
  guid: '',
  ops: [],
  compiled: { id: 0, guid: '', ops: [], refs: [] },
};

/**
 * A reusable, growable template instance: its template and its values, refilled record after
 * record (one per nesting depth), so reading an instance allocates nothing.
 */
export class ValueTable implements TemplateValues, TemplateInstance {
  template: Template = NO_TEMPLATE;
  readonly values: TemplateValues = this;
  /** Offset just after the instance's values. */
  end = 0;
  count = 0;
  types = new Uint8Array(64);
  starts = new Uint32Array(64);
  ends = new Uint32Array(64);
  offset = 0;

  reset(count: number, offset: number): void {
    if (count > this.types.length) {
      const size = Math.max(count, this.types.length * 2);
      this.types = new Uint8Array(size);
      this.starts = new Uint32Array(size);
      this.ends = new Uint32Array(size);
    }
    this.count = count;
    this.offset = offset;
  }
}

export interface TemplateInstance {
  readonly template: Template;
  readonly values: TemplateValues;
}

export type OpFields = Partial<Omit<Op, 'op' | 'offset'>>;

export function op(code: OpCode, offset: number, fields: OpFields = {}): Op {
  return {
    op: code,
    name: fields.name ?? '',
    text: fields.text ?? '',
    index: fields.index ?? 0,
    end: fields.end ?? 0,
    type: fields.type ?? 0,
    optional: fields.optional ?? false,
    slots: fields.slots,
    guards: fields.guards,
    instance: fields.instance,
    offset,
  };
}

export const NO_VALUES: TemplateValues = {
  count: 0,
  types: new Uint8Array(0),
  starts: new Uint32Array(0),
  ends: new Uint32Array(0),
  offset: 0,
};
