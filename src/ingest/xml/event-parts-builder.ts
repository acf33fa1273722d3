// Collects WindowsEventParts from the elements of one <Event> as the record parser meets them.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../windows/windows-event.ts';
import type { TagReader } from './tag-reader.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Section = 'none' | 'system' | 'eventData' | 'leaves' | 'rendering' | 'ignored';

/** `<System>` children whose text is a System value. */
const SYSTEM_TEXT: ReadonlyMap<string, keyof WindowsSystem> = new Map([
  ['EventID', 'eventId'],
  ['Version', 'version'],
  ['Level', 'level'],
  ['Task', 'task'],
  ['Opcode', 'opcode'],
  ['Keywords', 'keywords'],
  ['EventRecordID', 'eventRecordId'],
  ['Channel', 'channel'],
  ['Computer', 'computer'],
]);

/** `<System>` children whose attributes are System values: element → [attribute, key]. */
const SYSTEM_ATTRIBUTES: ReadonlyMap<string, readonly (readonly [string, keyof WindowsSystem])[]> =
  new Map([
    [
      'Provider',
      [
        ['Name', 'providerName'],
        ['Guid', 'providerGuid'],
        ['EventSourceName', 'eventSourceName'],
      ],
    ],
    ['EventID', [['Qualifiers', 'qualifiers']]],
    ['TimeCreated', [['SystemTime', 'systemTime']]],
    [
      'Correlation',
      [
        ['ActivityID', 'activityId'],
        ['RelatedActivityID', 'relatedActivityId'],
      ],
    ],
    [
      'Execution',
      [
        ['ProcessID', 'processId'],
        ['ThreadID', 'threadId'],
      ],
    ],
    ['Security', [['UserID', 'userId']]],
  ]);

/** Event children whose leaf elements become fields named after the element. */
const LEAF_SECTIONS: ReadonlySet<string> = new Set(['UserData', 'ProcessingErrorData']);

/**
 * Stateful per record: `start`/`end` are called for each element with its depth (the <Event> is
 * depth 1). Text reaches `end` only for leaf elements (no child elements).
 */
export class EventPartsBuilder {
  private section: Section = 'none';
  private system: Mutable<WindowsSystem> = {};
  private data: WindowsDataItem[] = [];
  private message: string | undefined;
  private dataName: string | undefined;
  private dataHadValues = false;
  private inData = false;
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
          this.data.push({ name: this.dataName, value: leaf ? text : '' });
        } else if (leaf) {
          this.data.push({ name: local, value: text });
        }
        return;
      case 'rendering':
        if (depth === 3 && local === 'Message' && leaf) this.message = text;
        return;
      default:
        return;
    }
  }

  /** Undefined when the record has no <System>: then it is not a Windows event. */
  finish(): WindowsEventParts | undefined {
    if (!this.hasSystem) return undefined;
    const parts: { -readonly [K in keyof WindowsEventParts]: WindowsEventParts[K] } = {
      system: this.system,
      data: this.data,
    };
    if (this.message !== undefined) parts.renderedMessage = this.message;
    return parts;
  }

  private endEventData(local: string, depth: number, text: string, leaf: boolean): void {
    if (depth === 3 && local === 'Data') {
      this.inData = false;
      // A Data whose values were child elements (python-evtx's string arrays) added them already.
      if (leaf || !this.dataHadValues)
        this.data.push({ name: this.dataName, value: leaf ? text : '' });
    } else if (depth === 3 && local === 'Binary') {
      this.data.push({ name: 'Binary', value: leaf ? text : '' });
    } else if (depth === 4 && leaf && this.inData) {
      this.data.push({ name: this.dataName, value: text });
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
