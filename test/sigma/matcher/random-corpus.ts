// Seeded random Sigma rules and Windows events for the matcher's differential test: a shared
// vocabulary so that rules hit, every kind of value and modifier, and the shapes events take.
import type { Event } from '../../../src/core/event.ts';
import { xorshift32 } from '../../../src/core/seeded-random.ts';
import { SYSMON } from '../sigma-test-kit.ts';

export type Random = () => number;

/** xorshift32: the same corpus on every run. */
export const seeded: (seed: number) => Random = xorshift32;

const pick = <T>(next: Random, list: readonly T[]): T =>
  list[Math.floor(next() * list.length)] as T;

const WORDS = [
  'cmd.exe',
  'powershell.exe',
  '-enc',
  ' /c ',
  'C:\\Windows\\System32\\',
  '\\Temp\\',
  'mimikatz',
  'sekurlsa::logonpasswords',
  '.ps1',
  'rundll32',
  'AppData',
  'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
  'İstanbul',
  'ΣΟΣ',
  'kelvin\u212a',
  'straße',
  'admin',
  'SYSTEM',
  '0x1fffff',
  'http://evil.test/x',
  'tunnel',
  'a*b',
  // Case traps: folding per UTF-16 unit, where RE2's (?i) folds by Unicode case orbits.
  'ſekurlſa',
  'µΣς',
  '\u{10400}x\u{10428}',
];
const FIELDS = [
  'Image',
  'CommandLine',
  'ParentImage',
  'User',
  'TargetObject',
  'Details',
  'DestinationIp',
  'DestinationPort',
  'SourceName',
  'IntegrityLevel',
  'EventType',
];
const REGEXES = [
  'cmd\\.exe',
  '(?i)power.hell',
  '^c:\\\\windows',
  '\\d{3,}',
  'mimi|kiwi',
  'a.*b',
  '\\s-enc\\s',
  '[Σσς]',
  '(?i)sekurlsa',
  '(?i)ab\u{10400}',
  '(?i)μς',
];
const NETWORKS = ['10.0.0.0/8', '192.168.1.0/24', '::1/128', 'fe80::/10'];
const ADDRESSES = ['10.1.2.3', '192.168.1.20', '192.168.2.1', '::1', 'fe80::1', '8.8.8.8', 'x'];
const LOGSOURCES = [
  '{category: process_creation, product: windows}',
  '{category: registry_set, product: windows}',
  '{category: network_connection, product: windows}',
  '{product: windows}',
  '{category: registry_add, product: windows}',
];

/** YAML single-quoted scalar. */
const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function mixCase(next: Random, text: string): string {
  const r = next();
  if (r < 0.2) return text.toUpperCase();
  if (r < 0.4) return text.toLowerCase();
  return text;
}

/** `count` distinct quoted words, some with wildcards. */
function words(next: Random, count: number): string {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const word = mixCase(next, pick(next, WORDS));
    chosen.add(next() < 0.2 ? `${word}*` : word);
  }
  return [...chosen].map(quote).join(', ');
}

function ruleValue(next: Random, field: string): string {
  const word = mixCase(next, pick(next, WORDS));
  const other = pick(
    next,
    FIELDS.filter((f) => f !== field),
  );
  const forms: (() => string)[] = [
    () => `${field}: ${quote(word)}`,
    () => `${field}: ${quote(`*${word}*`)}`,
    () => `${field}: ${quote(`${word}*`)}`,
    () => `${field}: ${quote(`*${word}?`)}`,
    () => `${field}: ${quote(`*${word}*${pick(next, WORDS)}`)}`,
    () => `${field}|contains: [${quote(word)}, ${quote(pick(next, WORDS))}]`,
    () => `${field}|startswith: ${quote(word)}`,
    () => `${field}|endswith: ${quote(word)}`,
    () => `${field}|contains|all: [${quote(word)}, ${quote(pick(next, WORDS))}]`,
    () => `${field}|re: ${quote(pick(next, REGEXES))}`,
    () => `${field}|cidr: ${quote(pick(next, NETWORKS))}`,
    () => `${field}|exists: ${next() < 0.5}`,
    () => `${field}: null`,
    () => `${field}: ''`,
    () => `${field}: ${pick(next, [443, 8080, 1500])}`,
    () => `${field}|gt: 1000`,
    () => `${field}|windash|contains: ${quote(pick(next, ['-enc', ' -c ']))}`,
    () => `${field}|base64offset|contains: ${quote(pick(next, ['mimikatz', 'tunnel']))}`,
    () => `${field}|fieldref: ${other}`,
    () => `${field}|fieldref|${pick(next, ['contains', 'startswith', 'endswith'])}: ${other}`,
    () => `${field}|cased: ${quote(word)}`,
    () => `${field}|contains|cased: ${quote(word)}`,
    // Long lists: ORs that look only at the hits of their field.
    () => `${field}|${pick(next, ['contains', 'endswith', 'startswith'])}: [${words(next, 9)}]`,
    () => `${field}: [${words(next, 10)}]`,
  ];
  return pick(next, forms)();
}

const CONDITIONS: readonly ((n: number) => string)[] = [
  () => 'sel1',
  (n) => (n > 1 ? 'sel1 and not sel2' : 'not sel1'),
  () => '1 of sel*',
  () => 'all of sel*',
  (n) => (n > 2 ? 'sel1 or (sel2 and not sel3)' : 'sel1'),
  () => '1 of them',
  () => 'keywords',
  () => 'keywords and not sel1',
];

/** One rule per YAML document. */
export function randomRules(next: Random, count: number): string {
  const documents: string[] = [];
  for (let r = 0; r < count; r++) {
    const selections = 1 + Math.floor(next() * 3);
    const lines = [`title: Rule ${r}`, `logsource: ${pick(next, LOGSOURCES)}`, 'detection:'];
    for (let s = 1; s <= selections; s++) {
      lines.push(`  sel${s}:`);
      const items = 1 + Math.floor(next() * 2);
      const fields = new Set<string>();
      while (fields.size < items) fields.add(pick(next, FIELDS));
      for (const field of fields) lines.push(`    ${ruleValue(next, field)}`);
    }
    lines.push(
      `  keywords: [${words(next, next() < 0.3 ? 9 : 2)}, ${quote(`*${pick(next, WORDS)}*`)}]`,
    );
    lines.push(`  condition: ${pick(next, CONDITIONS)(selections)}`);
    documents.push(lines.join('\n'));
  }
  return documents.join('\n---\n');
}

function fieldValue(next: Random, uniques: { n: number }): string | number | (string | number)[] {
  const r = next();
  if (r < 0.35)
    return `${mixCase(next, pick(next, WORDS))}${pick(next, ['', ' ', '\\'])}${mixCase(next, pick(next, WORDS))}`;
  if (r < 0.5) return mixCase(next, pick(next, WORDS));
  if (r < 0.58) return pick(next, ADDRESSES);
  if (r < 0.65) return pick(next, [443, 8080, 1500, 80]);
  if (r < 0.7) return pick(next, ['443', '8080', '', ' ']);
  if (r < 0.76) return [fieldValue(next, uniques) as string, pick(next, ADDRESSES)];
  if (r < 0.8) return Buffer.from(`x${pick(next, ['mimikatz', 'tunnel'])}yz`).toString('base64');
  if (r < 0.83) return `${pick(next, WORDS)} ${'x'.repeat(300)} ${pick(next, WORDS)}`;
  // Values that never repeat, so memos fill, start over and pause.
  return `${pick(next, WORDS)}-${(uniques.n++).toString(16)}`;
}

const CHANNELS = [SYSMON, SYSMON, SYSMON.toUpperCase(), 'Security', 'Other/Log', undefined];
const EVENT_IDS = ['1', '1', '3', '13', '12', '4688', 1, 13, undefined];

/** Events over the shared vocabulary: most values repeat, as in real logs; some never do. */
export function randomEvents(next: Random, count: number): Event[] {
  const uniques = { n: 0 };
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const event: Event = { _time: 1_700_000_000 + i, host: pick(next, WORDS) };
    const channel = pick(next, CHANNELS);
    if (channel !== undefined) event['Channel'] = channel;
    const eventId = pick(next, EVENT_IDS);
    if (eventId !== undefined) event[next() < 0.8 ? 'EventID' : 'EventCode'] = eventId;
    for (const field of [...FIELDS, 'NewProcessName', 'ParentProcessName', 'Extra']) {
      if (next() < 0.45) continue;
      const name = field === 'SourceName' && next() < 0.5 ? 'Source Name' : field;
      event[name] = fieldValue(next, uniques);
    }
    if (next() < 0.3) event['EventType'] = pick(next, ['CreateKey', 'SetValue', 'createkey']);
    events.push(event);
  }
  return events;
}
