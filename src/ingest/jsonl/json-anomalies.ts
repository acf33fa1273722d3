// What JSON.parse hides: a key given twice in one object (the last value wins) and numbers a
// double cannot hold (`1e400` becomes Infinity, 2^64 loses its digits). Both are reported, and
// such a number keeps the text it was written with.
//
// Every record pays a native string search and a walk of its parsed keys; only a record that
// looks suspicious (more keys counted in the text than parsed, or a number that is infinite or
// an integer past 2^53) is walked token by token.
import type { JsonObject, JsonValue } from '../model/json-fields.ts';

export interface JsonAnomalies {
  /** `a.b` paths of keys given more than once in their object. */
  readonly duplicateKeys: readonly string[];
  /** Numbers kept as their text, with the path where each is. */
  readonly numbers: readonly { readonly path: string; readonly text: string }[];
}

/**
 * Finds the anomalies of `text` (which JSON.parse turned into `value`) and puts the original
 * text in place of each number a double cannot hold. Undefined when there is none.
 */
export function repairJsonAnomalies(text: string, value: JsonObject): JsonAnomalies | undefined {
  const parsed = shapeOf(value);
  if (!parsed.suspectNumber && colons(text) === parsed.keys) return undefined;
  const found = scan(text);
  if (found.duplicateKeys.length === 0 && found.numbers.length === 0) return undefined;
  for (const { steps, text: written } of found.numbers) setAt(value, steps, written);
  return {
    duplicateKeys: found.duplicateKeys,
    numbers: found.numbers.map((n) => ({ path: n.steps.join('.'), text: n.text })),
  };
}

/** The anomalies as the warnings readers report (ING208 duplicate keys, ING209 numbers kept as text). */
export function describeJsonAnomalies({
  duplicateKeys,
  numbers,
}: JsonAnomalies): { readonly code: 'ING208' | 'ING209'; readonly message: string }[] {
  const list = (items: readonly string[]) =>
    items.slice(0, 3).join(', ') + (items.length > 3 ? `, and ${items.length - 3} more` : '');
  const found: { code: 'ING208' | 'ING209'; message: string }[] = [];
  if (duplicateKeys.length > 0) {
    found.push({
      code: 'ING208',
      message: `key given twice in one object: ${list(duplicateKeys.map((k) => JSON.stringify(k)))}; the last value is kept (_raw has them all)`,
    });
  }
  if (numbers.length > 0) {
    found.push({
      code: 'ING209',
      message: `number too large or too precise for a double: ${list(numbers.map((n) => `${JSON.stringify(n.path)} = ${n.text.slice(0, 40)}`))}; kept as written`,
    });
  }
  return found;
}

/**
 * At least the keys written in the text, usually exactly them: the colons that follow an
 * unescaped quote, maybe after whitespace. In valid JSON (JSON.parse accepted it) every key ends
 * so; besides them only a string that starts with a colon (`"::"`, an IPv6 address) counts. A
 * colon inside a string after an escaped quote (`"\\"C:\\\\Windows"`: quoted paths in command
 * lines) is not. So with a key given twice, this exceeds the parsed keys, and a record whose
 * count equals them has no duplicate. Found through the colons: a one-character search is the
 * engine's fastest, and text has fewer colons than quotes.
 */
function colons(text: string): number {
  let n = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    let quote = at - 1;
    let c = text.charCodeAt(quote);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(--quote);
    if (c !== 34) continue;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) n++;
  }
  return n;
}

/** Keys of the parsed value, and whether a number in it may have lost its text. */
function shapeOf(value: JsonValue): { keys: number; suspectNumber: boolean } {
  let keys = 0;
  let suspectNumber = false;
  const pending: JsonValue[] = [value];
  for (let v = pending.pop(); v !== undefined; v = pending.pop()) {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || (Math.abs(v) > Number.MAX_SAFE_INTEGER && Number.isInteger(v)))
        suspectNumber = true;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
      continue;
    }
    for (const key in v) {
      keys++;
      pending.push(v[key] as JsonValue);
    }
  }
  return { keys, suspectNumber };
}

interface Frame {
  readonly keys: Set<string> | undefined;
  readonly steps: (string | number)[];
  index: number;
  key: string | undefined;
}

/** One pass over valid JSON text (JSON.parse accepted it), with a stack instead of recursion. */
function scan(text: string): {
  duplicateKeys: string[];
  numbers: { steps: (string | number)[]; text: string }[];
} {
  const duplicateKeys: string[] = [];
  // By path: a key given again replaces what its earlier value held (JSON.parse keeps the last).
  const numbers = new Map<string, { steps: (string | number)[]; text: string }>();
  const stack: Frame[] = [];
  const here = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (top === undefined) return [];
    return [...top.steps, top.keys === undefined ? top.index : (top.key ?? '')];
  };
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      stack.push({
        keys: c === 123 ? new Set() : undefined,
        steps: here(),
        index: 0,
        key: undefined,
      });
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top !== undefined) {
        top.index++;
        expectKey = top.keys !== undefined;
      }
    } else if (c === 34) {
      const end = stringEnd(text, i + 1);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys !== undefined) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) {
          duplicateKeys.push([...top.steps, key].join('.'));
          const prefix = pathKey([...top.steps, key]);
          for (const old of numbers.keys()) {
            if (old === prefix || old.startsWith(`${prefix}\u0000`)) numbers.delete(old);
          }
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE+.-]/.test(text.charAt(end))) end++;
      const written = text.slice(i, end);
      if (!representable(written)) {
        const steps = here();
        numbers.set(pathKey(steps), { steps, text: written });
      }
      i = end - 1;
    }
  }
  return { duplicateKeys, numbers: [...numbers.values()] };
}

function pathKey(steps: readonly (string | number)[]): string {
  return steps.join('\u0000');
}

/** Whether a double holds the number as written: finite, and an integer keeps its digits. */
function representable(written: string): boolean {
  const n = Number(written);
  if (!Number.isFinite(n)) return false;
  if (/[.eE]/.test(written)) return true;
  return Number.isSafeInteger(n) || BigInt(written) === BigInt(n);
}

function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text.length;
}

function setAt(root: JsonValue, steps: readonly (string | number)[], written: string): void {
  let node: JsonValue | undefined = root;
  for (let i = 0; i < steps.length - 1; i++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, JsonValue>)[steps[i] as string];
  }
  const last = steps[steps.length - 1];
  if (node !== null && typeof node === 'object' && last !== undefined) {
    (node as Record<string, JsonValue>)[last as string] = written;
  }
}
