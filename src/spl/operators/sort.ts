// `sort [N] [limit=N] [+|-]key, num(key) ... [desc]`: orders results, keeping at most N (Search Reference, sort).
import { isIP } from 'node:net';
import { type Event, readField, rowBytes, type Scalar } from '../../core/index.ts';
import type { SortCommand, SortComparator, SortKey } from '../ast/command.ts';
import { compareForSort, compareText } from '../value/compare.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import type { Rows } from './operator.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/** Splunk's default when no count is given; 0 means every result. */
export const SORT_DEFAULT_LIMIT = 10_000;

interface Entry {
  readonly row: Event;
  readonly seq: number;
  readonly keys: readonly (Scalar | undefined)[];
  /** Estimated bytes it holds (memory budget). */
  readonly bytes: number;
}

/**
 * A multivalue field sorts by its first value. A result missing a key field sorts after every
 * result that has it, in both directions ("treated as having the smallest or largest possible
 * value ... if the order is descending or ascending"). Equal keys keep arrival order. With a
 * limit, only the best `limit` rows are held (pruned whenever twice that many arrive).
 */
export function compileSort(command: SortCommand, context: StageCompileContext): StageResult {
  const limit = command.count?.value ?? command.options.limit?.value ?? SORT_DEFAULT_LIMIT;
  const keys = command.keys;
  const flip = command.reverse !== undefined ? -1 : 1;
  const comparators = keys.map((key) => valueComparator(key.comparator));
  const compare = (a: Entry, b: Entry): number => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return x === undefined ? 1 : -1;
      }
      const order = (comparators[i] as Comparator)(x, y);
      if (order !== 0)
        return (keys[i] as SortKey).direction === 'desc' ? -order * flip : order * flip;
    }
    return a.seq - b.seq;
  };
  const fields = keys.map((k) => k.field.name);
  return defineStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, fields) },
    'pass',
    (services) => {
      let held: Entry[] = [];
      let seq = 0;
      const memory = services.memory.account(command.name, command.span, context.source);
      const prune = () => {
        held.sort(compare);
        if (limit > 0 && held.length > limit) {
          for (let i = limit; i < held.length; i++) memory.release((held[i] as Entry).bytes);
          held = held.slice(0, limit);
        }
      };
      return {
        push(rows) {
          for (const row of rows) {
            const bytes = 64 + rowBytes(row);
            memory.charge(bytes);
            held.push({
              row,
              seq: seq++,
              keys: fields.map((f) => firstValue(readField(row, f))),
              bytes,
            });
          }
          if (limit > 0 && held.length >= 2 * limit) prune();
        },
        finish(emit) {
          prune();
          const out = held.map((e) => e.row) as Rows;
          held = [];
          memory.releaseAll();
          emit(out);
        },
      };
    },
  );
}

type Comparator = (a: Scalar, b: Scalar) => number;

function valueComparator(kind: SortComparator): Comparator {
  switch (kind) {
    case 'none':
    case 'auto':
      return compareForSort;
    case 'str':
      return (a, b) => compareText(scalarToString(a), scalarToString(b));
    case 'num':
      return (a, b) => {
        const x = scalarToNumber(a);
        const y = scalarToNumber(b);
        if (x === undefined || y === undefined) {
          return x === y
            ? compareText(scalarToString(a), scalarToString(b))
            : x === undefined
              ? 1
              : -1;
        }
        return x - y;
      };
    case 'ip':
      return (a, b) => compareIp(scalarToString(a), scalarToString(b));
  }
}

function firstValue(value: Event[string]): Scalar | undefined {
  return Array.isArray(value) ? (value[0] as Scalar | undefined) : (value as Scalar | undefined);
}

/** IPv4 addresses in numeric order, before anything else (which sorts as text). */
function compareIp(a: string, b: string): number {
  const x = isIP(a) === 4 ? ipv4Number(a) : undefined;
  const y = isIP(b) === 4 ? ipv4Number(b) : undefined;
  if (x !== undefined && y !== undefined) return x - y;
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  return compareText(a, b);
}

function ipv4Number(text: string): number {
  return text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}
