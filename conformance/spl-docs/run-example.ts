// Runs one documented example and says how its result differs from the page's, if it does.
import type { Event } from '../../src/core/event.ts';
import { isMultivalue, type MaybeValue } from '../../src/core/value.ts';
import { createLookupStore } from '../../src/spl/lookups/lookup-store.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import { formatNumber } from '../../src/spl/value/number.ts';
import type { DocExample, ShownValue } from './doc-example.ts';

const DEFAULT_NOW = 1_700_000_000;

/** Undefined when the search gives what the page shows; otherwise what differs. */
export function runExample(example: DocExample): string | undefined {
  const previousTz = process.env['TZ'];
  process.env['TZ'] = example.tz ?? 'UTC';
  try {
    return compare(example);
  } finally {
    process.env['TZ'] = previousTz;
  }
}

function compare(example: DocExample): string | undefined {
  const compiled = compileSpl(example.spl, {
    now: example.now ?? DEFAULT_NOW,
    ...(example.lookups ? { lookups: lookupsOf(example.lookups) } : {}),
  });
  if (example.fails)
    return compiled.ok ? 'compiled, but the page says the search fails' : undefined;
  if (!compiled.ok) {
    return `does not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`;
  }
  const rows: Event[] = [];
  const run = compiled.value.start({ emit: (batch) => rows.push(...batch) });
  if (!compiled.value.generating && example.events) {
    run.push(example.events.map((event) => ({ ...event })));
  }
  run.finish();
  const expected = example.rows ?? [];
  const problems: string[] = [];
  if (rows.length !== expected.length) {
    problems.push(`${rows.length} row(s), the page shows ${expected.length}`);
  }
  expected.forEach((want, i) => {
    const row = rows[i];
    if (row === undefined) return;
    for (const [field, shown] of Object.entries(want)) {
      const got = shownOf(row[field]);
      if (!sameShown(got, shown)) {
        problems.push(`row ${i + 1} ${field}: ${describe(got)}, the page shows ${describe(shown)}`);
      }
    }
  });
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** The example's lookup files, read from memory. */
function lookupsOf(files: Readonly<Record<string, string>>) {
  const names = Object.keys(files);
  return createLookupStore({
    definitions: [],
    files: new Map(names.map((name) => [name, name])),
    readFile: (name) => new TextEncoder().encode(files[name] ?? ''),
  });
}

function shownOf(value: MaybeValue): ShownValue {
  if (value === undefined) return null;
  if (isMultivalue(value)) return value.map(text);
  return text(value);
}

function text(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

function sameShown(left: ShownValue, right: ShownValue): boolean {
  const a = single(left);
  const b = single(right);
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A one-value list is that value (a field holds a multivalue only from two values on). */
function single(value: ShownValue): ShownValue {
  return value !== null && typeof value !== 'string' && value.length === 1
    ? (value[0] as string)
    : value;
}

function describe(value: ShownValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}
