// Decodes an evtx_dump JSON `Event` object into WindowsEventParts, as the XML of the same record
// would decode: attributes from `#attributes` (or `<Name>_attributes` with
// `--separate-json-attributes`), element text from `#text`, GUIDs of System values in braces.
import {
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonScalarText,
} from '../../model/json-fields.ts';
import { SYSTEM_ATTRIBUTE_ELEMENTS, SYSTEM_TEXT_ELEMENTS } from '../../windows/system-elements.ts';
import type {
  WindowsDataItem,
  WindowsEventParts,
  WindowsSystem,
} from '../../windows/windows-event.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Bounds the walk of UserData and complex EventData values. */
const MAX_DEPTH = 32;

/** evtx_dump writes GUID-typed values without braces; the XML rendering has them. */
const BARE_GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const GUID_KEYS: ReadonlySet<keyof WindowsSystem> = new Set([
  'providerGuid',
  'activityId',
  'relatedActivityId',
]);

export function evtxDumpToParts(event: JsonObject): WindowsEventParts {
  const systemObject = isJsonObject(event['System']) ? event['System'] : {};
  const system: Mutable<WindowsSystem> = {};
  for (const [element, key] of SYSTEM_TEXT_ELEMENTS) {
    const value = elementText(systemObject[element]);
    if (value !== undefined) system[key] = value;
  }
  for (const [element, attribute, key] of SYSTEM_ATTRIBUTE_ELEMENTS) {
    const value = jsonScalarText(attributesOf(systemObject, element)?.[attribute]);
    if (value !== undefined)
      system[key] = GUID_KEYS.has(key) && BARE_GUID.test(value) ? `{${value}}` : value;
  }
  const data: WindowsDataItem[] = [];
  const eventData = event['EventData'];
  if (isJsonObject(eventData)) addEventData(eventData, data);
  const userData = event['UserData'];
  if (isJsonObject(userData)) addLeaves(userData, data, 0);
  const parts: Mutable<WindowsEventParts> = { system, data };
  const rendering = event['RenderingInfo'];
  const message = isJsonObject(rendering) ? elementText(rendering['Message']) : undefined;
  if (message !== undefined) parts.renderedMessage = message;
  return parts;
}

/** Named Data are keys; unnamed ones are `Data` (`#text` holding one value or a list). */
function addEventData(eventData: JsonObject, data: WindowsDataItem[]): void {
  for (const key of Object.keys(eventData)) {
    if (key === '#attributes' || key.endsWith('_attributes')) continue;
    const value = eventData[key] as JsonValue;
    if (key === 'Data') {
      const values = isJsonObject(value) ? value['#text'] : value;
      for (const item of Array.isArray(values) ? values : [values]) {
        data.push({ name: undefined, value: elementText(item ?? null) ?? '' });
      }
    } else if (Array.isArray(value)) {
      for (const item of value) data.push({ name: key, value: elementText(item) ?? '' });
    } else if (isJsonObject(value) && !('#text' in value)) {
      addLeaves(value, data, 1);
    } else {
      data.push({ name: key, value: elementText(value) ?? '' });
    }
  }
}

/** Every leaf below `object` as a field named after its key (UserData, complex EventData). */
function addLeaves(object: JsonObject, data: WindowsDataItem[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const key of Object.keys(object)) {
    if (key === '#attributes' || key.endsWith('_attributes')) continue;
    const value = object[key] as JsonValue;
    if (isJsonObject(value) && !('#text' in value)) {
      addLeaves(value, data, depth + 1);
    } else if (Array.isArray(value)) {
      for (const item of value) data.push({ name: key, value: elementText(item) ?? '' });
    } else {
      data.push({ name: key, value: elementText(value) ?? '' });
    }
  }
}

/** A scalar's text, an element's `#text`; an empty element (null) is ''. */
function elementText(value: JsonValue | undefined): string | undefined {
  if (value === null) return '';
  if (isJsonObject(value)) {
    const text = value['#text'];
    return Array.isArray(text)
      ? text.map((t) => jsonScalarText(t) ?? '').join('')
      : jsonScalarText(text);
  }
  return jsonScalarText(value);
}

function attributesOf(parent: JsonObject, element: string): JsonObject | undefined {
  const value = parent[element];
  if (isJsonObject(value) && isJsonObject(value['#attributes'])) return value['#attributes'];
  const separate = parent[`${element}_attributes`];
  return isJsonObject(separate) ? separate : undefined;
}
