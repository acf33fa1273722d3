// Builds the Event of one <Event> element as the record parser meets its elements, with the
// shared Windows mapping (beginWindowsEvent / addWindowsData / endWindowsEvent).
import type { Event } from '../../core/index.ts';
import { SYSTEM_ATTRIBUTE_ELEMENTS, SYSTEM_TEXT_ELEMENTS } from '../windows/system-elements.ts';
import {
  type WindowsEventMeta,
  type WindowsSystem,
  windowsDataField,
  windowsEventOfItems,
} from '../windows/windows-event.ts';
import type { TagReader } from './tag-reader.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Section = 'none' | 'system' | 'eventData' | 'leaves' | 'rendering' | 'ignored';

const SYSTEM_TEXT: ReadonlyMap<string, keyof WindowsSystem> = new Map(SYSTEM_TEXT_ELEMENTS);

/** `<System>` children whose attributes are System values: element → [attribute, key]. */
const SYSTEM_ATTRIBUTES = new Map<string, (readonly [string, keyof WindowsSystem])[]>();
for (const [element, attribute, key] of SYSTEM_ATTRIBUTE_ELEMENTS) {
  const list = SYSTEM_ATTRIBUTES.get(element) ?? [];
  list.push([attribute, key]);
  SYSTEM_ATTRIBUTES.set(element, list);
}

/** Event children whose leaf elements become fields named after the element. */
const LEAF_SECTIONS: ReadonlySet<string> = new Set(['UserData', 'ProcessingErrorData']);

/**
 * Stateful, reused from record to record (`reset`): `start`/`end` are called for each element
 * with its depth (the <Event> is depth 1); text reaches `end` only for leaf elements. Data items
 * are collected (their fields and values, in order, items before <System> included: not the
 * Windows schema order, but legal XML) and the event is built at the end in one step
 * (windowsEventOfItems). A second <System> starts the event again, as if it were the first.
 */
export class WindowsEventBuilder {
  private section: Section = 'none';
  private system: Mutable<WindowsSystem> = {};
  /** Whether a <System> was closed: Data items read before a second one are dropped. */
  private begun = false;
  private readonly dataFields: string[] = [];
  private readonly dataValues: string[] = [];
  private message: string | undefined;
  private dataName: string | undefined;
  private dataHadValues = false;
  private inData = false;

  reset(): void {
    this.section = 'none';
    this.system = {};
    this.begun = false;
    this.dataFields.length = 0;
    this.dataValues.length = 0;
    this.message = undefined;
    this.dataName = undefined;
    this.dataHadValues = false;
    this.inData = false;
    this.hasSystem = false;
  }
  private hasSystem = false;

  start(local: string, depth: number, tags: TagReader): void {
    if (depth === 2) {
      this.section = sectionOf(local);
      if (this.section === 'system') this.hasSystem = true;
    } else if (this.section === 'system') {
      const attributes =
        depth === 3 && tags.attributeCount > 0 ? SYSTEM_ATTRIBUTES.get(local) : undefined;
      if (attributes === undefined) return;
      for (const [attribute, key] of attributes) {
        const value = tags.attribute(attribute);
        if (value !== undefined) this.system[key] = value.trim();
      }
    } else if (local === 'Data' && (this.section === 'eventData' || this.section === 'leaves')) {
      this.dataName = tags.attribute('Name');
      this.dataHadValues = false;
      this.inData = depth === 3;
    }
  }

  end(local: string, depth: number, text: string, leaf: boolean): void {
    if (depth === 2) {
      if (this.section === 'system') this.systemClosed();
      this.section = 'none';
      return;
    }
    switch (this.section) {
      case 'system':
        if (depth === 3 && leaf) {
          const key = SYSTEM_TEXT.get(local);
          if (key !== undefined) this.system[key] = text.trim();
        }
        return;
      case 'eventData':
        this.endEventData(local, depth, text, leaf);
        return;
      case 'leaves':
        if (local === 'Data' && this.dataName !== undefined) {
          this.addData(this.dataName, leaf ? text : '');
        } else if (leaf) {
          this.addData(local, text);
        }
        return;
      case 'rendering':
        if (depth === 3 && local === 'Message' && leaf) this.message = text;
        return;
      default:
        return;
    }
  }

  /** Whether the element being read is the <EventData> (so a depth-3 <Data> is a Data item). */
  inEventData(): boolean {
    return this.section === 'eventData';
  }

  /** The System values being read, for the plain-form reader to fill in. */
  systemValues(): Mutable<WindowsSystem> {
    return this.system;
  }

  /** A whole plain <System> was read into `systemValues()`. */
  systemRead(): void {
    this.hasSystem = true;
    this.systemClosed();
  }

  /** A Data item; also a plain `<Data Name='name'>value</Data>` read in one step by the parser. */
  addData(name: string | undefined, value: string): void {
    this.dataFields.push(windowsDataField(name));
    this.dataValues.push(value);
  }

  /** The event, or undefined when the record has no <System> (then it is not a Windows event). */
  finish(meta: WindowsEventMeta): Event | undefined {
    if (!this.hasSystem) return undefined;
    return windowsEventOfItems(this.system, this.dataFields, this.dataValues, meta, this.message);
  }

  /**
   * The first </System> keeps the Data items read before it; a later one drops those read since
   * (the event is begun again from the System values, as the first was).
   */
  private systemClosed(): void {
    if (this.begun) {
      this.dataFields.length = 0;
      this.dataValues.length = 0;
    }
    this.begun = true;
  }

  private endEventData(local: string, depth: number, text: string, leaf: boolean): void {
    if (depth === 3 && local === 'Data') {
      this.inData = false;
      // A Data whose values were child elements (python-evtx's string arrays) added them already.
      if (leaf || !this.dataHadValues) this.addData(this.dataName, leaf ? text : '');
    } else if (depth === 3 && local === 'Binary') {
      this.addData('Binary', leaf ? text : '');
    } else if (depth === 4 && leaf && this.inData) {
      this.addData(this.dataName, text);
      this.dataHadValues = true;
    }
  }
}

function sectionOf(local: string): Section {
  if (local === 'System') return 'system';
  if (local === 'EventData') return 'eventData';
  if (local === 'RenderingInfo') return 'rendering';
  return LEAF_SECTIONS.has(local) ? 'leaves' : 'ignored';
}
