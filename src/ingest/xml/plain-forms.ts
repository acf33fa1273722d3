// The plain forms of <System> and <Data> that Windows renderers write, each matched by one compiled
// regular expression instead of tag by tag.
//
// Why: these two make up nearly every element of a record, and V8 runs a compiled regex over them
// several times faster than our general tag reader. Only the plain form is matched: no entity, no
// CDATA, no comment, the schema's element order, one quote style per element; anything else makes
// the match fail and the general path (which checks everything) reads the element instead. Every
// quantifier is bounded by a delimiter it cannot match, so no input makes these backtrack.
import type { WindowsSystem } from '../windows/windows-event.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `<Data Name='X'>value</Data>`, either quote style. */
const PLAIN_DATA = /<Data Name=(?:'([^'<>&]*)'|"([^"<>&]*)")>([^<&]*)<\/Data>/y;

/** Out-parameters of `matchPlainData`, so a match allocates only the two strings. */
export const plainData = { name: '', value: '' };

/** The index after the plain Data element at `lt`, or 0 when it is not one. */
export function matchPlainData(s: string, lt: number): number {
  if (!s.startsWith('<Data Name=', lt)) return 0;
  PLAIN_DATA.lastIndex = lt;
  const m = PLAIN_DATA.exec(s);
  if (m === null) return 0;
  plainData.name = m[1] ?? m[2] ?? '';
  plainData.value = m[3] ?? '';
  return PLAIN_DATA.lastIndex;
}

const TEXT = '([^<&]*)';

/** An attribute in the element's quote style (captured once as `q`). */
const attr = (name: string) => ` ${name}=\\k<q>([^'"<>&]*)\\k<q>`;
const textElement = (name: string) => `(?:<${name}>${TEXT}</${name}>\\s*)?`;

const PLAIN_SYSTEM = new RegExp(
  [
    `<System>\\s*<Provider Name=(?<q>['"])([^'"<>&]*)\\k<q>(?:${attr('Guid')})?(?:${attr('EventSourceName')})?\\s*/>\\s*`,
    `<EventID(?:${attr('Qualifiers')})?>${TEXT}</EventID>\\s*`,
    textElement('Version'),
    textElement('Level'),
    textElement('Task'),
    textElement('Opcode'),
    textElement('Keywords'),
    `<TimeCreated${attr('SystemTime')}\\s*/>\\s*`,
    textElement('EventRecordID'),
    `<Correlation(?:${attr('ActivityID')})?(?:${attr('RelatedActivityID')})?\\s*/>\\s*`,
    `<Execution${attr('ProcessID')}${attr('ThreadID')}\\s*/>\\s*`,
    `<Channel>${TEXT}</Channel>\\s*`,
    `<Computer>${TEXT}</Computer>\\s*`,
    `<Security(?:${attr('UserID')})?\\s*/>\\s*`,
    '</System>',
  ].join(''),
  'y',
);

/** Capture group → System key, in the order of PLAIN_SYSTEM's groups (group 1 is the quote). */
const SYSTEM_GROUPS: readonly (keyof WindowsSystem)[] = [
  'providerName',
  'providerGuid',
  'eventSourceName',
  'qualifiers',
  'eventId',
  'version',
  'level',
  'task',
  'opcode',
  'keywords',
  'systemTime',
  'eventRecordId',
  'activityId',
  'relatedActivityId',
  'processId',
  'threadId',
  'channel',
  'computer',
  'userId',
];

/**
 * Reads the plain <System> element at `lt` into `system` (values trimmed, as the general path
 * trims them); returns the index after `</System>`, or 0 when it is not the plain form.
 */
export function matchPlainSystem(s: string, lt: number, system: Mutable<WindowsSystem>): number {
  PLAIN_SYSTEM.lastIndex = lt;
  const m = PLAIN_SYSTEM.exec(s);
  if (m === null) return 0;
  for (let i = 0; i < SYSTEM_GROUPS.length; i++) {
    const value = m[i + 2];
    if (value !== undefined) system[SYSTEM_GROUPS[i] as keyof WindowsSystem] = value.trim();
  }
  return PLAIN_SYSTEM.lastIndex;
}
