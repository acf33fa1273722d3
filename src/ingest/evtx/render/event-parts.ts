// Extracts WindowsEventParts (System values, Data items) from BinXML without building XML.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import { type BinXmlSink, charRefText, entityText } from '../binxml/sink.ts';

type MutableSystem = { -readonly [K in keyof WindowsSystem]: WindowsSystem[K] };

const SECTION_NONE = 0;
const SECTION_SYSTEM = 1;
const SECTION_EVENT_DATA = 2;
const SECTION_USER_DATA = 3;

/**
 * Follows the element path the way the XML reader reads `<Event>`: System children and their
 * attributes, `EventData/Data[@Name]`, other leaf elements of EventData by element name, and
 * every leaf element under UserData by element name.
 */
export class EventPartsSink implements BinXmlSink {
  private system: MutableSystem = {};
  private data: WindowsDataItem[] = [];
  private depth = 0;
  private section = SECTION_NONE;
  private element = '';
  private dataName: string | undefined = undefined;
  private content = '';
  /** Whether the element open at each depth has had a child element. */
  private readonly hasChild: boolean[] = [];

  take(): WindowsEventParts {
    const parts: WindowsEventParts = { system: this.system, data: this.data };
    this.system = {};
    this.data = [];
    this.depth = 0;
    this.section = SECTION_NONE;
    this.hasChild.length = 0;
    return parts;
  }

  open(name: string): void {
    if (this.depth > 0) this.hasChild[this.depth - 1] = true;
    this.hasChild[this.depth] = false;
    this.depth++;
    this.element = name;
    this.content = '';
    this.dataName = undefined;
    if (this.depth === 2) {
      this.section =
        name === 'System'
          ? SECTION_SYSTEM
          : name === 'EventData'
            ? SECTION_EVENT_DATA
            : name === 'UserData'
              ? SECTION_USER_DATA
              : SECTION_NONE;
    }
  }

  attribute(name: string, value: string): void {
    if (this.depth === 3 && this.section === SECTION_SYSTEM) {
      systemAttribute(this.system, this.element, name, value);
    } else if (name === 'Name' && this.section === SECTION_EVENT_DATA && this.depth === 3) {
      this.dataName = value;
    }
  }

  text(value: string): void {
    this.content += value;
  }

  charRef(code: number): void {
    this.content += charRefText(code);
  }

  entityRef(name: string): void {
    this.content += entityText(name);
  }

  cdata(value: string): void {
    this.content += value;
  }

  pi(): void {}

  close(): void {
    this.depth--;
    const leaf = this.hasChild[this.depth] === false;
    if (leaf && this.depth === 2 && this.section === SECTION_SYSTEM) {
      systemText(this.system, this.element, this.content);
    } else if (leaf && this.depth === 2 && this.section === SECTION_EVENT_DATA) {
      const isData = this.element === 'Data';
      this.data.push({ name: isData ? this.dataName : this.element, value: this.content });
    } else if (leaf && this.depth >= 2 && this.section === SECTION_USER_DATA) {
      this.data.push({ name: this.element, value: this.content });
    }
    this.content = '';
  }
}

function systemAttribute(
  system: MutableSystem,
  element: string,
  name: string,
  value: string,
): void {
  switch (element) {
    case 'Provider':
      if (name === 'Name') system.providerName = value;
      else if (name === 'Guid') system.providerGuid = value;
      else if (name === 'EventSourceName') system.eventSourceName = value;
      break;
    case 'EventID':
      if (name === 'Qualifiers') system.qualifiers = value;
      break;
    case 'TimeCreated':
      if (name === 'SystemTime') system.systemTime = value;
      break;
    case 'Correlation':
      if (name === 'ActivityID') system.activityId = value;
      else if (name === 'RelatedActivityID') system.relatedActivityId = value;
      break;
    case 'Execution':
      if (name === 'ProcessID') system.processId = value;
      else if (name === 'ThreadID') system.threadId = value;
      break;
    case 'Security':
      if (name === 'UserID') system.userId = value;
      break;
  }
}

function systemText(system: MutableSystem, element: string, text: string): void {
  switch (element) {
    case 'EventID':
      system.eventId = text;
      break;
    case 'Version':
      system.version = text;
      break;
    case 'Level':
      system.level = text;
      break;
    case 'Task':
      system.task = text;
      break;
    case 'Opcode':
      system.opcode = text;
      break;
    case 'Keywords':
      system.keywords = text;
      break;
    case 'EventRecordID':
      system.eventRecordId = text;
      break;
    case 'Channel':
      system.channel = text;
      break;
    case 'Computer':
      system.computer = text;
      break;
  }
}
