// Records a parts plan: the parts sink run once over a template instance (and its nested
// instances) with placeholder texts, so a plan says exactly what replaying would give.
import type { WindowsSystem } from '../../windows/windows-event.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import {
  type ExecutionState,
  MAX_RECORD_NODES,
  runInstance,
  type ValueTexts,
} from '../binxml/execute.ts';
import type { TemplateInstance } from '../binxml/program.ts';
import { invalid } from '../decode-error.ts';
import { EventPartsSink } from './event-parts.ts';
import { MAX_PLANNED_VALUES, type NestedInstance } from './instance-tree.ts';
import { SYSTEM_SLOT } from './system-keys.ts';

/** A literal, or the index of a value (in the flattened instance tree) whose text goes there. */
export type Piece = string | number;

export interface SystemEntry {
  readonly key: keyof WindowsSystem;
  /** The key's position in SYSTEM_KEYS. */
  readonly slot: number;
  readonly pieces: readonly Piece[];
  /** Attributes whose value is empty are not emitted (MS-EVEN6 §2.2.12.2), so set nothing. */
  readonly fromAttribute: boolean;
}

export interface DataEntry {
  /** Undefined: an unnamed Data; pieces that come out empty also leave it unnamed. */
  readonly name: readonly Piece[] | undefined;
  readonly value: readonly Piece[];
}

export interface PartsPlan {
  readonly system: readonly SystemEntry[];
  readonly data: readonly DataEntry[];
  readonly message: readonly Piece[] | undefined;
  /** Elements the record renders; a record with none holds no event. */
  readonly elements: number;
}

// Private-use code points stand for values while a plan is recorded.
const MARK = '\ue000';
const INDEX_BASE = 0xe100;

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

/**
 * Runs the instance tree once with placeholder texts into a PlanRecorder; null if it cannot be
 * planned. Nested BinXML values run their (already parsed) instances with their own placeholders.
 */
export function recordPlan(
  chunk: ChunkContext,
  instance: TemplateInstance,
  nested: ReadonlyMap<number, NestedInstance>,
): PartsPlan | null {
  const recorder = new PlanRecorder();
  const state: RecordingState = {
    chunk,
    sink: recorder,
    budget: MAX_RECORD_NODES,
    runNested: runPlannedNested,
    texts: [],
    nested,
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
    system.push({ key, slot: SYSTEM_SLOT[key], pieces, fromAttribute });
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
  return { system, data, message, elements: recorder.opened };
}

/** The execution state of a recording: nested BinXML values run their parsed instances. */
interface RecordingState extends ExecutionState {
  readonly nested: ReadonlyMap<number, NestedInstance>;
}

// Module functions rather than closures in recordPlan: tsx (esbuild keepNames) wraps closures in
// a `__name` call each time their enclosing function runs.
function runPlannedNested(state: ExecutionState, start: number, _end: number, depth: number): void {
  const inner = (state as RecordingState).nested.get(start);
  if (inner === undefined) invalid('BinXML value', start, 'not planned');
  runInstance(state, inner.instance, depth, placeholders(inner.instance, inner.base));
}

/** Value texts of `instance` that stand for flat values `base`, `base + 1`, .... */
function placeholders(instance: TemplateInstance, base: number): ValueTexts {
  const scalars: string[] = new Array(instance.values.count);
  for (let i = 0; i < scalars.length; i++) scalars[i] = placeholder(base + i);
  return { values: instance.values, origin: instance.template.offset, scalars, arrays: [] };
}

const PLACEHOLDERS: string[] = [];

/** The text standing for flat value `index` while a plan is recorded. */
function placeholder(index: number): string {
  let text = PLACEHOLDERS[index];
  if (text === undefined) {
    text = MARK + String.fromCharCode(INDEX_BASE + index);
    PLACEHOLDERS[index] = text;
  }
  return text;
}

/** Splits recorded text into literals and value indices; null if a literal holds the mark. */
function piecesOf(text: string): Piece[] | null {
  const pieces: Piece[] = [];
  let from = 0;
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, from)) {
    const index = text.charCodeAt(at + 1) - INDEX_BASE;
    if (!(index >= 0 && index < MAX_PLANNED_VALUES)) return null;
    if (at > from) pieces.push(text.slice(from, at));
    pieces.push(index);
    from = at + 2;
  }
  if (from < text.length || pieces.length === 0) pieces.push(text.slice(from));
  return pieces;
}
