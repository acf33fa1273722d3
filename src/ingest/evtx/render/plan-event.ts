// Builds a record's event straight from its parts plan, through the same mapping steps as
// windowsEventToEvent but without the intermediate WindowsEventParts.
import type { Event } from '../../../core/index.ts';
import {
  addWindowsData,
  beginWindowsEvent,
  endWindowsEvent,
  parseSystemTime,
  WINDOWS_SOURCETYPE,
  type WindowsEventMeta,
  windowsSource,
} from '../../windows/windows-event.ts';
import { renderedFileTimeSeconds } from '../values/time.ts';
import { compileEventShape, type EventShape } from './event-shape.ts';
import type { PartsPlanner } from './parts-plan.ts';
import type { PartsPlan } from './plan-recorder.ts';
import { emptySystem, fillSystem, SYSTEM_KEYS, SYSTEM_SLOT } from './system-keys.ts';

/** A shape's use count until it is compiled, then the shape (null: no fixed shape). */
interface ShapeSlot {
  uses: number;
  shape: EventShape | null | undefined;
}

/**
 * Shapes by plan and by the bit set of present System slots, shared by the builders of the
 * thread as plans are; bounded whatever the input, past it they start over.
 */
let shapes = new WeakMap<PartsPlan, Map<number, ShapeSlot>>();
let shapeCount = 0;
const MAX_SHAPES = 16_384;
/**
 * Events of a shape built field by field before it is compiled: shapes met only a few times
 * (common when many files are mixed) are not worth generating code for.
 */
export const COMPILE_AFTER = 8;

const SYSTEM_TIME = SYSTEM_SLOT.systemTime;
const CHANNEL = SYSTEM_SLOT.channel;
const COMPUTER = SYSTEM_SLOT.computer;
const SYSTEM_TIME_BIT = 1 << SYSTEM_TIME;
const CHANNEL_BIT = 1 << CHANNEL;
const COMPUTER_BIT = 1 << COMPUTER;

/** Builds events from plans; holds the System values of the event being built. */
export class PlanEventBuilder {
  /** The System values by SYSTEM_KEYS slot (stores by index rather than by varying key). */
  private readonly values: (string | undefined)[] = new Array(SYSTEM_KEYS.length).fill(undefined);
  /** The Data values of the record, in plan order. */
  private readonly data: string[] = [];
  /** Read by beginWindowsEvent and not kept, so one object serves every record. */
  private readonly system = emptySystem();

  /**
   * The event of the record last planned by `planner`: what windowsEventToEvent gives for the
   * parts the planner would fill (System values trimmed, empty attributes left out, empty Data
   * names unnamed), with the same field order.
   */
  build(plan: PartsPlan, planner: PartsPlanner, meta: WindowsEventMeta): Event {
    // Slots not in `present` keep earlier records' values: only present ones are read.
    const values = this.values;
    let present = 0;
    for (const entry of plan.system) {
      const value = planner.join(entry.pieces);
      if (value !== '' || !entry.fromAttribute) {
        values[entry.slot] = trimmed(value);
        present |= 1 << entry.slot;
      }
    }
    const shape = shapeOf(plan, present);
    if (shape === null) return this.buildByFields(plan, planner, meta, present);
    // Before the Data values: a FILETIME among them would replace the rendered SystemTime.
    const systemTime = (present & SYSTEM_TIME_BIT) === 0 ? undefined : values[SYSTEM_TIME];
    let time = systemTime === undefined ? Number.NaN : systemTimeSeconds(systemTime);
    const data = this.data;
    const count = plan.data.length;
    if (data.length !== count) data.length = count;
    for (let i = 0; i < count; i++) data[i] = planner.join((plan.data[i] as DataEntry).value);
    const message = plan.message === undefined ? undefined : planner.join(plan.message);
    if (Number.isNaN(time)) time = fallbackTime(shape, data, meta);
    return shape.create(
      values,
      data,
      time,
      meta.index,
      ((present & COMPUTER_BIT) === 0 ? undefined : values[COMPUTER]) ?? 'unknown',
      meta.source ?? windowsSource((present & CHANNEL_BIT) === 0 ? undefined : values[CHANNEL]),
      meta.sourcetype ?? WINDOWS_SOURCETYPE,
      message,
    );
  }

  /** windowsEventToEvent's steps one field at a time, for plans without a fixed shape. */
  private buildByFields(
    plan: PartsPlan,
    planner: PartsPlanner,
    meta: WindowsEventMeta,
    present: number,
  ): Event {
    const values = this.values;
    for (let slot = 0; slot < values.length; slot++) {
      if ((present & (1 << slot)) === 0) values[slot] = undefined;
    }
    const event = beginWindowsEvent(fillSystem(this.system, values), meta);
    for (const entry of plan.data) {
      const name = entry.name === undefined ? undefined : planner.join(entry.name);
      addWindowsData(event, name === '' ? undefined : name, planner.join(entry.value));
    }
    const message = plan.message === undefined ? undefined : planner.join(plan.message);
    return endWindowsEvent(event, meta, message);
  }
}

type DataEntry = PartsPlan['data'][number];

/** The compiled shape for this record, or null (build it field by field). */
function shapeOf(plan: PartsPlan, present: number): EventShape | null {
  let byPresent = shapes.get(plan);
  if (byPresent === undefined) {
    if (shapeCount >= MAX_SHAPES) {
      shapes = new WeakMap();
      shapeCount = 0;
    }
    byPresent = new Map();
    shapes.set(plan, byPresent);
  }
  let slot = byPresent.get(present);
  if (slot === undefined) {
    slot = { uses: 0, shape: undefined };
    byPresent.set(present, slot);
    shapeCount++;
  }
  if (slot.shape !== undefined) return slot.shape;
  if (++slot.uses < COMPILE_AFTER) return null;
  slot.shape = compileEventShape(plan, present);
  return slot.shape;
}

/**
 * `value.trim()`, without the call for the usual value that starts and ends with a printable
 * ASCII character (numbers, GUIDs, SIDs, names): every System value of every record is trimmed.
 */
function trimmed(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? value : value.trim();
}

/** parseSystemTime's reading of SystemTime, taken from its FILETIME rendering where it is one. */
function systemTimeSeconds(text: string): number {
  return renderedFileTimeSeconds(text) ?? parseSystemTime(text);
}

/** endWindowsEvent's `_time` without SystemTime: the Sysmon `UtcTime` Data item, else 0. */
function fallbackTime(shape: EventShape, data: readonly string[], meta: WindowsEventMeta): number {
  const utcTime = shape.utcTime < 0 ? undefined : data[shape.utcTime];
  const time = utcTime === undefined ? Number.NaN : parseSystemTime(utcTime);
  if (!Number.isNaN(time)) return time;
  meta.onMissingTime?.();
  return 0;
}
