// Which values of a result make a risk object: not placeholders, and user objects that are
// generic accounts scoped to their host, so `SYSTEM` on a hundred hosts is a hundred entities.
import { readField, type SharedEvent, valuesOf } from '../../core/index.ts';
import { scalarToString } from '../../spl/index.ts';

/** The field's distinct values that name something (not empty, not `null`). */
export function presentValues(row: SharedEvent, field: string): string[] {
  const out = new Set<string>();
  for (const value of valuesOf(readField(row, field))) {
    const text = scalarToString(value);
    if (text !== '' && text !== 'null') out.add(text);
  }
  return [...out];
}

/**
 * Texts that stand for "no value" in Windows events and ESCU searches (`-` in Security events,
 * `coalesce(User, "unknown")`, `N/A`, `NULL`): never a risk object.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-',
  'null',
  'n/a',
  'na',
  'none',
  'unknown',
  '',
]);

/** The field's distinct values that name something: present, and not a placeholder. */
export function riskObjectValues(row: SharedEvent, field: string): string[] {
  const value = readField(row, field);
  // One text, the common case (every finding raises risk): no set, no copies.
  if (typeof value === 'string') return namesSomething(value) ? [value] : [];
  return presentValues(row, field).filter((v) => !PLACEHOLDERS.has(v.trim().toLowerCase()));
}

function namesSomething(text: string): boolean {
  // No placeholder is longer than 7 characters: a longer text that starts and ends with a
  // printable ASCII character (no whitespace for trim() to take) names something, unlowered.
  if (
    text.length > 7 &&
    isPrintable(text.charCodeAt(0)) &&
    isPrintable(text.charCodeAt(text.length - 1))
  )
    return true;
  return text !== 'null' && !PLACEHOLDERS.has(text.trim().toLowerCase());
}

function isPrintable(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** Whether `riskObjectValues(row, field)` has a value, without building it. */
function hasRiskObjectValue(row: SharedEvent, field: string): boolean {
  const value = readField(row, field);
  if (typeof value === 'string') return namesSomething(value);
  return value !== undefined && riskObjectValues(row, field).length > 0;
}

/** Built-in service and session accounts every Windows host has (with or without the domain). */
const GENERIC_ACCOUNTS: ReadonlySet<string> = new Set([
  'system',
  'local system',
  'local service',
  'localservice',
  'network service',
  'networkservice',
  'anonymous logon',
  'iusr',
  'defaultaccount',
  'wdagutilityaccount',
]);

/**
 * `NT AUTHORITY\SYSTEM`, `LOCAL SERVICE`, `Font Driver Host\UMFD-0`, `Window Manager\DWM-1`, and
 * machine accounts (`WS-01$`): the same name on every host, not one person.
 */
export function isGenericAccount(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('$')) return true;
  const account = lower.slice(lower.lastIndexOf('\\') + 1);
  if (lower.startsWith('nt authority\\') || lower.startsWith('nt service\\')) return true;
  return GENERIC_ACCOUNTS.has(account) || /^(umfd|dwm)-\d+$/.test(account);
}

/** The host a result is about (the scope of a generic account). */
export function hostOfRow(row: SharedEvent): string | undefined {
  for (const name of ['host', 'dest', 'Computer']) {
    const [value] = riskObjectValues(row, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Security events whose user is the logon's target (the subject is who asked for it). */
const LOGON_EVENTS: ReadonlySet<string> = new Set([
  '4624',
  '4625',
  '4634',
  '4647',
  '4648',
  '4768',
  '4769',
  '4771',
  '4776',
]);

/**
 * The field holding the user a Sigma match is about: the logon target for logon events, else
 * Sysmon's `User`, else the Security log's subject; undefined when none has a value.
 */
export function eventUserField(event: SharedEvent): string | undefined {
  const id = readField(event, 'EventID') ?? readField(event, 'EventCode') ?? '';
  const candidates = LOGON_EVENTS.has(typeof id === 'string' ? id : String(id))
    ? LOGON_USER_FIELDS
    : USER_FIELDS;
  return candidates.find((field) => hasRiskObjectValue(event, field));
}

const LOGON_USER_FIELDS: readonly string[] = ['TargetUserName', 'SubjectUserName'];
const USER_FIELDS: readonly string[] = ['User', 'SubjectUserName', 'TargetUserName'];
