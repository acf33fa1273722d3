// Event shapes: for one parts plan and one set of present System values, the event's field names
// in order and a constructor that builds the event as one object literal.
import { type Event, METADATA_FIELDS } from '../../../core/index.ts';
import { SYSTEM_FIELD_NAMES } from '../../windows/windows-event.ts';
import { generateFunction } from '../generated-function.ts';
import type { PartsPlan } from './plan-recorder.ts';
import { SYSTEM_SLOT } from './system-keys.ts';

/**
 * Builds an event from the record's System values by slot (`system`), its Data values in plan
 * order (`data`), `_time`, the Splunk metadata and the rendered message.
 */
export type EventConstructor = (
  system: readonly (string | undefined)[],
  data: readonly string[],
  time: number,
  index: string,
  host: string,
  source: string,
  sourcetype: string,
  message: string | undefined,
) => Event;

export interface EventShape {
  readonly create: EventConstructor;
  /** Position in `data` of the first Data item named `UtcTime` (Sysmon), or -1. */
  readonly utcTime: number;
}

/** Where one value of a field comes from: a System slot, a Data item, or the message. */
type ValueRef =
  | { readonly from: 'system'; readonly at: number }
  | { readonly from: 'data'; readonly at: number }
  | { readonly from: 'message' };

/** Beyond this many fields V8 no longer gives literals of one shape one hidden class (measured). */
const MAX_SHAPE_FIELDS = 120;

/**
 * The shape of the events of `plan` whose present System slots are the bits of `present`, or
 * null where the plan has no fixed shape: a Data name taken from a value, a field named
 * `__proto__` (an object literal would set the prototype), too many fields. The field order and
 * the grouping of repeated names into multivalue fields are windowsEventToEvent's: System fields
 * in SYSTEM_FIELD_NAMES order, the metadata, then Data items and the message, each repeated name
 * adding a value to the field where it first appeared.
 *
 * Why a generated constructor: events are built by adding fields under names read from the
 * file, and V8 turns an object that gets more than a dozen fields by computed name into a
 * hash table, at about 100 ns a field (bench `evtx`: a third of the reader's time). One object
 * literal per shape builds the same event in a few nanoseconds a field, and keeps events of one
 * shape on one hidden class (faster to read downstream as well). Names enter the generated code
 * only as JSON string literals, which are JavaScript string literals.
 */
export function compileEventShape(plan: PartsPlan, present: number): EventShape | null {
  const fields = new Map<string, ValueRef[]>();
  const add = (name: string, ref: ValueRef): void => {
    const refs = fields.get(name);
    if (refs === undefined) fields.set(name, [ref]);
    else refs.push(ref);
  };
  for (const [key, name] of SYSTEM_FIELD_NAMES) {
    const slot = SYSTEM_SLOT[key];
    if ((present & (1 << slot)) !== 0) add(name, { from: 'system', at: slot });
  }
  const metadata = ['_time', 'index', 'host', 'source', 'sourcetype'] as const;
  let utcTime = -1;
  for (let i = 0; i < plan.data.length; i++) {
    const field = dataFieldName(plan, i);
    if (field === undefined) return null;
    if (field === 'UtcTime' && utcTime < 0) utcTime = i;
    add(field, { from: 'data', at: i });
  }
  if (plan.message !== undefined) add('Message', { from: 'message' });
  if (fields.has('__proto__') || fields.size + metadata.length > MAX_SHAPE_FIELDS) return null;

  const system = [...fields].filter(([, refs]) => refs[0]?.from === 'system');
  const rest = [...fields].filter(([, refs]) => refs[0]?.from !== 'system');
  const members = [
    ...system.map(([name, refs]) => member(name, refs)),
    `"_time": time`,
    `"index": index`,
    `"host": host`,
    `"source": source`,
    `"sourcetype": sourcetype`,
    ...rest.map(([name, refs]) => member(name, refs)),
  ];
  const create = constructorOf(`return {${members.join(', ')}};`);
  return create === undefined ? null : { create, utcTime };
}

/**
 * Constructors by their code, shared by every reader of the process: plans of different
 * templates (and the same template in other files) often build the same fields.
 */
const constructors = new Map<string, EventConstructor>();
/** Bounds the cache whatever the input; past it, it starts over. */
const MAX_CONSTRUCTORS = 2048;

export function clearEventConstructors(): void {
  constructors.clear();
}

function constructorOf(code: string): EventConstructor | undefined {
  let create = constructors.get(code);
  if (create === undefined) {
    create = generateFunction(PARAMETERS, code) as EventConstructor | undefined;
    if (create === undefined) return undefined;
    if (constructors.size >= MAX_CONSTRUCTORS) constructors.clear();
    constructors.set(code, create);
  }
  return create;
}

/** EventConstructor's parameters, as the generated code names them. */
const PARAMETERS = [
  'system',
  'data',
  'time',
  'index',
  'host',
  'source',
  'sourcetype',
  'message',
] as const;

/** The field name of the plan's Data item `i` (windowsEventToEvent's), if it is fixed. */
function dataFieldName(plan: PartsPlan, i: number): string | undefined {
  const entry = plan.data[i];
  if (entry === undefined) return undefined;
  let name = '';
  if (entry.name !== undefined) {
    for (const piece of entry.name) {
      if (typeof piece !== 'string') return undefined;
      name += piece;
    }
  }
  const field = name === '' ? 'Data' : name;
  return METADATA_FIELDS.has(field) ? `EventData_${field}` : field;
}

function member(name: string, refs: readonly ValueRef[]): string {
  const values = refs.map(valueCode);
  return `${JSON.stringify(name)}: ${values.length === 1 ? values[0] : `[${values.join(', ')}]`}`;
}

function valueCode(ref: ValueRef): string {
  switch (ref.from) {
    case 'system':
      return `system[${ref.at}]`;
    case 'data':
      return `data[${ref.at}]`;
    case 'message':
      return 'message';
  }
}
