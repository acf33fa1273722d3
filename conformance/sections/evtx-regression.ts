// Conformance `evtx-regression`: the Sigma regression `.evtx` files read by our EVTX reader
// against the `.json` beside each (written by the Rust evtx_dump, a third reference), field by
// field after normalisation (GUID braces and case, numbers, booleans, time precision).
import { readFileSync } from 'node:fs';
import type { WindowsEventParts, WindowsSystem } from '../../src/ingest/windows/windows-event.ts';
import { type ConformanceSection, corpusPath, filesUnder } from '../harness.ts';
import { decodeOurs, parseEvtxexport, recordId, runTool, shortName } from './evtx-roundtrip.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Fields = Map<string, string[]>;

/** System fields by the JSON's path: element, or element and attribute. */
const SYSTEM_PATHS: readonly (readonly [keyof WindowsSystem, string, string | undefined])[] = [
  ['providerName', 'Provider', 'Name'],
  ['providerGuid', 'Provider', 'Guid'],
  ['eventSourceName', 'Provider', 'EventSourceName'],
  ['eventId', 'EventID', undefined],
  ['qualifiers', 'EventID', 'Qualifiers'],
  ['version', 'Version', undefined],
  ['level', 'Level', undefined],
  ['task', 'Task', undefined],
  ['opcode', 'Opcode', undefined],
  ['keywords', 'Keywords', undefined],
  ['systemTime', 'TimeCreated', 'SystemTime'],
  ['eventRecordId', 'EventRecordID', undefined],
  ['activityId', 'Correlation', 'ActivityID'],
  ['relatedActivityId', 'Correlation', 'RelatedActivityID'],
  ['processId', 'Execution', 'ProcessID'],
  ['threadId', 'Execution', 'ThreadID'],
  ['channel', 'Channel', undefined],
  ['computer', 'Computer', undefined],
  ['userId', 'Security', 'UserID'],
];

const TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z?$/;

/** Rust evtx_dump writes GUIDs without braces, times to the microsecond, numbers as numbers. */
function normalise(value: string): string {
  const guid =
    /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/.exec(
      value,
    );
  if (guid !== null) return (guid[1] as string).toUpperCase();
  if (/^0x[0-9a-fA-F]+$/.test(value)) return BigInt(value).toString();
  const time = TIME.exec(value);
  if (time !== null) return `${time[1]}T${time[2]}.${(time[3] ?? '').padEnd(6, '0').slice(0, 6)}`;
  return value;
}

function scalar(value: Json): string | undefined {
  if (value === null) return '';
  if (typeof value === 'object') {
    if (!Array.isArray(value) && '#text' in value) return scalar(value['#text'] as Json);
    return undefined;
  }
  return String(value);
}

function attributes(node: Json | undefined): Record<string, Json> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return {};
  const attrs = node['#attributes'];
  return attrs !== null && typeof attrs === 'object' && !Array.isArray(attrs) ? attrs : {};
}

function add(fields: Fields, name: string, value: string): void {
  fields.set(name, [...(fields.get(name) ?? []), normalise(value)]);
}

function jsonFields(event: Record<string, Json>): Fields {
  const fields: Fields = new Map();
  const system = (event['System'] ?? {}) as Record<string, Json>;
  for (const [key, element, attribute] of SYSTEM_PATHS) {
    const node = system[element];
    const value =
      attribute === undefined ? scalar(node ?? null) : scalar(attributes(node)[attribute] ?? null);
    if (node !== undefined && value !== undefined && value !== '') add(fields, key, value);
  }
  const leaves = (node: Json, name: string): void => {
    if (Array.isArray(node)) for (const item of node) leaves(item, name);
    else if (node !== null && typeof node === 'object' && !('#text' in node)) {
      for (const [k, v] of Object.entries(node)) if (k !== '#attributes') leaves(v, k);
    } else add(fields, `data:${name}`, scalar(node) ?? '');
  };
  for (const section of ['EventData', 'UserData']) {
    const node = event[section];
    if (node !== undefined && node !== null) leaves(node, 'Data');
  }
  return fields;
}

function ourFields(parts: WindowsEventParts): Fields {
  const fields: Fields = new Map();
  for (const [key] of SYSTEM_PATHS) {
    const value = parts.system[key];
    if (value !== undefined && value !== '') add(fields, key, value);
  }
  for (const item of parts.data) add(fields, `data:${item.name ?? 'Data'}`, item.value);
  return fields;
}

const trimmed = (values: readonly string[]) => values.map((v) => v.trimEnd()).join('\u0000');

/** Why the record differs ([reason, detail]), or undefined when every field is equal. */
function difference(ours: Fields, ref: Fields): [string, string] | undefined {
  let known: [string, string] | undefined;
  for (const [name, values] of ref) {
    const mine = ours.get(name);
    if (mine === undefined) return ['field missing in ours', name];
    if (mine.join('\u0000') === values.join('\u0000')) continue;
    const detail = `${name}: ${JSON.stringify(mine).slice(0, 90)} vs ${JSON.stringify(values).slice(0, 90)}`;
    // evtx_dump drops trailing white space that Windows and libevtx keep.
    if (trimmed(mine) === trimmed(values))
      known ??= ['evtx_dump trims trailing white space (known)', detail];
    else return ['value differs', detail];
  }
  for (const name of ours.keys()) if (!ref.has(name)) return ['field only in ours', name];
  return known;
}

/** Whether libevtx's rendering of the record holds our value of the differing field. */
async function libevtxAgrees(file: string, id: string, detail: string): Promise<boolean> {
  const match = /^data:([^:]+): (\[.*?\]) vs /.exec(detail);
  if (match === null) return false;
  let ours: string[];
  try {
    ours = JSON.parse(match[2] as string) as string[];
  } catch {
    return false;
  }
  const lib = parseEvtxexport((await runTool('evtxexport', ['-f', 'xml', file], 60_000)).stdout);
  const record = lib.find((r) => recordId(r) === id);
  const data = record?.children.find((c) => c.name === 'EventData')?.children ?? [];
  const values = data
    .filter((d) => d.attrs.some(([n, v]) => n === 'Name' && v === match[1]))
    .map((d) => d.text);
  return values.join('\u0000') === ours.join('\u0000');
}

const section: ConformanceSection = {
  name: 'evtx-regression',
  description: 'EVTX reader vs the Rust evtx_dump JSON beside each Sigma regression .evtx',
  async run() {
    const hardFailures: string[] = [];
    const files = filesUnder(corpusPath('sigma', 'regression_data'), '.evtx');
    let records = 0;
    let equal = 0;
    const reasons = new Map<string, string[]>();
    for (const file of files) {
      const jsonText = readFileSync(file.replace(/\.evtx$/, '.json'), 'utf8').trim();
      const events = (
        JSON.parse(`[${jsonText.replace(/\n}\s*\n{/g, '\n},\n{')}]`) as {
          Event: Record<string, Json>;
        }[]
      ).map((e) => e.Event);
      const ours = decodeOurs(file).records;
      if (ours.length !== events.length) {
        hardFailures.push(
          `${shortName(file)}: we read ${ours.length} records, the JSON has ${events.length}`,
        );
      }
      for (const event of events) {
        records++;
        const ref = jsonFields(event);
        const id = ref.get('eventRecordId')?.[0];
        const mine = ours.find((r) => r.parts?.system.eventRecordId === id);
        const found: [string, string] | undefined =
          mine?.parts === undefined
            ? ['record missing in ours', '']
            : difference(ourFields(mine.parts), ref);
        if (found === undefined) {
          equal++;
          continue;
        }
        let [reason, detail] = found;
        if (reason === 'value differs' && (await libevtxAgrees(file, id ?? '', detail))) {
          reason = 'the JSON differs from the .evtx; libevtx reads what we read (known)';
        }
        reasons.set(reason, [
          ...(reasons.get(reason) ?? []),
          `${shortName(file)} record ${id}: ${detail}`,
        ]);
        if (!reason.endsWith('(known)'))
          hardFailures.push(`${shortName(file)} record ${id}: ${reason}: ${detail}`);
      }
    }
    console.log(
      `  ${files.length} files, ${records} records in the JSON: ${equal} equal to ours field by field`,
    );
    for (const [reason, examples] of reasons) {
      console.log(`  ${String(examples.length).padStart(6)}  ${reason}`);
      for (const example of examples.slice(0, 3)) console.log(`          e.g. ${example}`);
    }
    return { hardFailures };
  },
};

export default section;
