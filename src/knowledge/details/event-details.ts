// The details table: per channel and event id, the fields that say what an event is about
// (event-details.yml beside this module; the build copies it). `detailsOf(event)` is the
// `Details` text of timelines and reports.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  type Diagnostic,
  error,
  type MaybeValue,
  readField,
  readYaml,
  type SharedEvent,
  treePath,
} from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';

export const BUILTIN_EVENT_DETAILS = treePath('knowledge/details/event-details.yml');

const schema = z.array(
  z.strictObject({
    channel: z.string().min(1),
    events: z.array(
      z.strictObject({
        ids: z.array(z.number().int().nonnegative()).min(1),
        kind: z.string().min(1),
        fields: z.array(z.string().min(1)).min(1),
      }),
    ),
  }),
);

/** What the table says about one kind of event. */
export interface EventKindDetails {
  readonly kind: string;
  readonly fields: readonly string[];
}

export interface EventDetails {
  /** The table's entry for the event's channel and event id, if any. */
  kindOf(event: SharedEvent): EventKindDetails | undefined;
  /** `Field: value ¦ Field: value`: the entry's fields, or the event's own (see FALLBACK). */
  detailsOf(event: SharedEvent): string;
}

export interface LoadedEventDetails {
  readonly details: EventDetails;
  readonly diagnostics: readonly Diagnostic[];
}

/** The built-in table, or the file given (`--details`); a file with problems gives none. */
export function loadEventDetails(file: string = BUILTIN_EVENT_DETAILS): LoadedEventDetails {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const message = `cannot read the details table ${file}: ${(cause as Error).message}`;
    return { details: tableOf([]), diagnostics: [error(KNOWLEDGE_CODES.unreadable, message)] };
  }
  const source = { name: file, text };
  const read = readYaml(source, { codes: { syntax: KNOWLEDGE_CODES.yamlSyntax } });
  const document = read.yaml?.documents[0];
  if (document === undefined) return { details: tableOf([]), diagnostics: read.diagnostics };
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const where = problem === undefined ? '' : ` at ${problem.path.join('.')}`;
    const message = `the details table${where}: ${problem?.message ?? 'wrong shape'}`;
    return {
      details: tableOf([]),
      diagnostics: [error(KNOWLEDGE_CODES.yamlShape, message, { location: file })],
    };
  }
  return { details: tableOf(parsed.data), diagnostics: [] };
}

/** Values longer than this are cut in Details (the whole event stays in its file and record). */
const MAX_VALUE = 4096;
const SEPARATOR = ' ¦ ';

/**
 * Fields that describe where an event came from, not what happened: left out of the fallback
 * Details (the System element of a Windows event, Splunk's metadata, internal `_` fields).
 */
const NOT_DETAILS: ReadonlySet<string> = new Set([
  'Name',
  'Guid',
  'EventID',
  'EventCode',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'SystemTime',
  'EventRecordID',
  'RecordNumber',
  'ProcessID',
  'ThreadID',
  'Channel',
  'Computer',
  'UserID',
  'ActivityID',
  'RelatedActivityID',
  'Qualifiers',
  'EventSourceName',
  'index',
  'host',
  'source',
  'sourcetype',
  'linecount',
  'punct',
  'splunk_server',
]);

function tableOf(entries: z.infer<typeof schema>): EventDetails {
  const byKey = new Map<string, EventKindDetails>();
  for (const entry of entries) {
    for (const event of entry.events) {
      for (const id of event.ids) {
        byKey.set(`${entry.channel.toLowerCase()}\u0000${id}`, {
          kind: event.kind,
          fields: event.fields,
        });
      }
    }
  }
  const kindOf = (event: SharedEvent) => {
    const channel = text(readField(event, 'Channel'));
    const id = text(readField(event, 'EventID')) ?? text(readField(event, 'EventCode'));
    if (channel === undefined || id === undefined) return undefined;
    return byKey.get(`${channel.toLowerCase()}\u0000${id}`);
  };
  return {
    kindOf,
    detailsOf(event) {
      const fields =
        kindOf(event)?.fields ??
        Object.keys(event).filter((name) => !name.startsWith('_') && !NOT_DETAILS.has(name));
      const parts: string[] = [];
      for (const name of fields) {
        const value = shown(readField(event, name));
        if (value !== undefined) parts.push(`${name}: ${value}`);
      }
      return parts.join(SEPARATOR);
    },
  };
}

/** One line: runs of whitespace with a line break become one space; long values are cut. */
function shown(value: MaybeValue): string | undefined {
  if (value === undefined) return undefined;
  const joined = (Array.isArray(value) ? value : [value]).map(String).join(', ');
  const line = joined.replace(/\s*[\r\n]\s*/g, ' ').trim();
  if (line === '' || line === '-') return undefined;
  return line.length > MAX_VALUE ? `${line.slice(0, MAX_VALUE - 1)}…` : line;
}

function text(value: MaybeValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
}
