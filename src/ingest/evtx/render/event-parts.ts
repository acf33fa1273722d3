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
  /** Elements opened since the last `take`: a record with none has no content at all. */
  opened = 0;
  private dataDepth = 0;
  private dataHadValues = false;
  private inData = false;

  take(): WindowsEventParts {
    const parts: Mutable<WindowsEventParts> = { system: this.system, data: this.data };
    if (this.message !== undefined) parts.renderedMessage = this.message;
    this.system = {};
    this.data = [];
    this.message = undefined;
    this.opened = 0;
    this.depth = 0;
    this.section = NONE;
    this.locals.length = 0;
    this.content = '';
    this.leaf = false;
    return parts;
  }

  open(name: string): void {
    this.opened++;
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
      const key = systemAttributeKey(this.local, localName(name));
      if (key !== undefined) this.setSystem(key, value, true);
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

  /** System values are trimmed, as the XML reader trims them. */
  protected setSystem(key: keyof WindowsSystem, value: string, _fromAttribute: boolean): void {
    this.system[key] = value.trim();
  }

  protected addData(name: string | undefined, value: string): void {
    this.data.push({ name, value });
  }

  protected setMessage(text: string): void {
    this.message = text;
  }

  private end(local: string, depth: number, text: string, leaf: boolean): void {
    if (depth === 2) {
      this.section = NONE;
      return;
    }
    switch (this.section) {
      case SYSTEM:
        if (depth === 3 && leaf) {
          const key = systemTextKey(local);
          if (key !== undefined) this.setSystem(key, text, false);
        }
        return;
      case EVENT_DATA:
        if (depth === 3 && local === 'Data') {
          this.inData = false;
          // Values given as child elements of a Data were added one by one already.
          if (leaf || !this.dataHadValues) {
            this.addData(this.dataName, leaf ? text : '');
          }
        } else if (depth === 3 && local === 'Binary') {
          this.addData('Binary', leaf ? text : '');
        } else if (depth === 4 && leaf && this.inData) {
          this.addData(this.dataName, text);
          this.dataHadValues = true;
        }
        return;
      case LEAVES:
        if (local === 'Data' && this.dataName !== undefined) {
          this.addData(this.dataName, leaf ? text : '');
        } else if (leaf) {
          this.addData(local, text);
        }
        return;
      case RENDERING:
        if (depth === 3 && local === 'Message' && leaf) this.setMessage(text);
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

/** The System value an attribute of a System child holds. */
function systemAttributeKey(element: string, name: string): keyof WindowsSystem | undefined {
  switch (element) {
    case 'Provider':
      return name === 'Name'
        ? 'providerName'
        : name === 'Guid'
          ? 'providerGuid'
          : name === 'EventSourceName'
            ? 'eventSourceName'
            : undefined;
    case 'EventID':
      return name === 'Qualifiers' ? 'qualifiers' : undefined;
    case 'TimeCreated':
      return name === 'SystemTime' ? 'systemTime' : undefined;
    case 'Correlation':
      return name === 'ActivityID'
        ? 'activityId'
        : name === 'RelatedActivityID'
          ? 'relatedActivityId'
          : undefined;
    case 'Execution':
      return name === 'ProcessID' ? 'processId' : name === 'ThreadID' ? 'threadId' : undefined;
    case 'Security':
      return name === 'UserID' ? 'userId' : undefined;
    default:
      return undefined;
  }
}

/** The System value the text of a System child is. */
function systemTextKey(element: string): keyof WindowsSystem | undefined {
  switch (element) {
    case 'EventID':
      return 'eventId';
    case 'Version':
      return 'version';
    case 'Level':
      return 'level';
    case 'Task':
      return 'task';
    case 'Opcode':
      return 'opcode';
    case 'Keywords':
      return 'keywords';
    case 'EventRecordID':
      return 'eventRecordId';
    case 'Channel':
      return 'channel';
    case 'Computer':
      return 'computer';
    default:
      return undefined;
  }
}
