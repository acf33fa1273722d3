// Extracts WindowsEventParts (System values, Data items, rendered message) from BinXML callbacks.
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';
import { type BinXmlSink, charRefText, entityText } from '../binxml/sink.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NONE = 0;
const SYSTEM = 1;
const EVENT_DATA = 2;
/** UserData and ProcessingErrorData: every leaf element is a value named after the element. */
const LEAVES = 3;
const RENDERING = 4;

/**
 * Reads the element path the way the XML reader's EventPartsBuilder reads the same record as
 * XML (src/ingest/xml/event-parts-builder.ts), so both readers give the same event: System
 * values (trimmed), `EventData/Data[@Name]` and `Binary`, leaf elements of UserData and
 * ProcessingErrorData, and `RenderingInfo/Message`. Text counts only in leaf elements.
 * test/ingest/evtx/xml-round-trip.test.ts holds the two readers to the same result.
 */
export class EventPartsSink implements BinXmlSink {
  private system: Mutable<WindowsSystem> = {};
  private data: WindowsDataItem[] = [];
  private message: string | undefined = undefined;
  private depth = 0;
  private section = NONE;
  /** Local name of the innermost open element. */
  private local = '';
  private readonly locals: string[] = [];
  private content = '';
  private leaf = false;
  private dataName: string | undefined = undefined;
  private dataDepth = 0;
  private dataHadValues = false;
  private inData = false;

  take(): WindowsEventParts {
    const parts: Mutable<WindowsEventParts> = { system: this.system, data: this.data };
    if (this.message !== undefined) parts.renderedMessage = this.message;
    this.system = {};
    this.data = [];
    this.message = undefined;
    this.depth = 0;
    this.section = NONE;
    this.locals.length = 0;
    this.content = '';
    this.leaf = false;
    return parts;
  }

  open(name: string): void {
    const local = localName(name);
    this.locals[this.depth] = local;
    this.depth++;
    this.local = local;
    this.content = '';
    this.leaf = true;
    const depth = this.depth;
    if (depth === 2) {
      this.section = sectionOf(local);
    } else if (local === 'Data' && (this.section === EVENT_DATA || this.section === LEAVES)) {
      this.dataName = undefined;
      this.dataDepth = depth;
      this.dataHadValues = false;
      this.inData = depth === 3;
    }
  }

  attribute(name: string, value: string): void {
    if (this.section === SYSTEM && this.depth === 3) {
      systemAttribute(this.system, this.local, localName(name), value.trim());
    } else if (
      this.local === 'Data' &&
      this.depth === this.dataDepth &&
      localName(name) === 'Name'
    ) {
      this.dataName = value;
    }
  }

  text(value: string): void {
    if (this.leaf) this.content += value;
  }

  charRef(code: number): void {
    if (this.leaf) this.content += charRefText(code);
  }

  entityRef(name: string): void {
    if (this.leaf) this.content += entityText(name);
  }

  cdata(value: string): void {
    if (this.leaf) this.content += value;
  }

  pi(): void {}

  close(): void {
    const depth = this.depth;
    const local = this.locals[depth - 1] ?? '';
    this.end(local, depth, this.content, this.leaf);
    this.depth--;
    this.leaf = false;
    this.content = '';
  }

  private end(local: string, depth: number, text: string, leaf: boolean): void {
    if (depth === 2) {
      this.section = NONE;
      return;
    }
    switch (this.section) {
      case SYSTEM:
        if (depth === 3 && leaf) systemText(this.system, local, text.trim());
        return;
      case EVENT_DATA:
        if (depth === 3 && local === 'Data') {
          this.inData = false;
          // Values given as child elements of a Data were added one by one already.
          if (leaf || !this.dataHadValues) {
            this.data.push({ name: this.dataName, value: leaf ? text : '' });
          }
        } else if (depth === 3 && local === 'Binary') {
          this.data.push({ name: 'Binary', value: leaf ? text : '' });
        } else if (depth === 4 && leaf && this.inData) {
          this.data.push({ name: this.dataName, value: text });
          this.dataHadValues = true;
        }
        return;
      case LEAVES:
        if (local === 'Data' && this.dataName !== undefined) {
          this.data.push({ name: this.dataName, value: leaf ? text : '' });
        } else if (leaf) {
          this.data.push({ name: local, value: text });
        }
        return;
      case RENDERING:
        if (depth === 3 && local === 'Message' && leaf) this.message = text;
        return;
    }
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function sectionOf(local: string): number {
  switch (local) {
    case 'System':
      return SYSTEM;
    case 'EventData':
      return EVENT_DATA;
    case 'UserData':
    case 'ProcessingErrorData':
      return LEAVES;
    case 'RenderingInfo':
      return RENDERING;
    default:
      return NONE;
  }
}

function systemAttribute(
  system: Mutable<WindowsSystem>,
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

function systemText(system: Mutable<WindowsSystem>, element: string, text: string): void {
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
