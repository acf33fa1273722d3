// Flattens JSON and XML documents into Splunk-style field paths (`a.b`, `a{}.c`, `a.b{@attr}`) for spath, fromjson and xmlkv.
import type { Scalar } from '../../core/index.ts';

/** Documents nested deeper than this are cut off there (attacker-controlled input). */
export const MAX_DEPTH = 100;
/** At most this many values are extracted from one document. */
const MAX_VALUES = 10_000;

export type PathValues = Map<string, Scalar[]>;

/** How many values each map holds, to stop at MAX_VALUES without recounting. */
const counts = new WeakMap<PathValues, number>();

function add(out: PathValues, path: string, value: Scalar): void {
  const total = counts.get(out) ?? 0;
  if (total >= MAX_VALUES) return;
  counts.set(out, total + 1);
  const list = out.get(path);
  if (list) list.push(value);
  else out.set(path, [value]);
}

/** A JSON scalar as Splunk writes it: strings as they are, `true`/`false`/`null` as words. */
export function jsonScalar(value: unknown): Scalar | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return undefined;
}

/** Every leaf of a JSON value under its path: objects join keys with `.`, arrays add `{}`. */
export function flattenJson(
  value: unknown,
  prefix = '',
  out: PathValues = new Map(),
  depth = 0,
): PathValues {
  if (depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) {
    for (const item of value) flattenJson(item, `${prefix}{}`, out, depth + 1);
    return out;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      flattenJson(item, prefix === '' ? key : `${prefix}.${key}`, out, depth + 1);
    }
    return out;
  }
  const scalar = jsonScalar(value);
  if (scalar !== undefined && prefix !== '') add(out, prefix, scalar);
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function decodeXmlText(text: string): string {
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g,
    (whole, entity: string) => {
      if (entity.startsWith('#x'))
        return safeCodePoint(Number.parseInt(entity.slice(2), 16), whole);
      if (entity.startsWith('#')) return safeCodePoint(Number(entity.slice(1)), whole);
      return ENTITIES[entity] ?? whole;
    },
  );
}

function safeCodePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const TAG =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Element text under the dotted element path (`Event.System.EventID`), attributes under
 * `path{@name}`; repeated elements give multivalues. Text is taken from elements with no child
 * elements. Malformed markup ends the walk where it breaks; what was read is kept.
 */
export function flattenXml(text: string, out: PathValues = new Map()): PathValues {
  const stack: { name: string; text: string; children: number }[] = [];
  const path = () => stack.map((e) => e.name).join('.');
  TAG.lastIndex = 0;
  let last = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
    const between = text.slice(last, m.index);
    last = TAG.lastIndex;
    const top = stack[stack.length - 1];
    if (top) top.text += between;
    if (m[5] !== undefined) {
      if (top) top.text += m[5];
      continue;
    }
    const name = m[2];
    if (name === undefined) continue; // comment or processing instruction
    if (m[1] === '/') {
      const element = stack.pop();
      if (element === undefined || element.name !== name) break;
      if (element.children === 0)
        add(
          out,
          [path(), name].filter((p) => p !== '').join('.'),
          decodeXmlText(element.text.trim()),
        );
      continue;
    }
    if (stack.length >= MAX_DEPTH) break;
    if (top) top.children++;
    const elementPath = [path(), name].filter((p) => p !== '').join('.');
    for (const a of (m[3] ?? '').matchAll(ATTRIBUTE)) {
      add(out, `${elementPath}{@${a[1]}}`, decodeXmlText(a[2] ?? a[3] ?? ''));
    }
    if (m[4] !== '/') stack.push({ name, text: '', children: 0 });
  }
  return out;
}

/** Whether a text looks like a JSON document or an XML one (what spath tries). */
export function documentKind(text: string): 'json' | 'xml' | undefined {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'xml';
  return undefined;
}
