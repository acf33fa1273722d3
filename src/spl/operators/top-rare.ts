// `top`/`rare [N] fields [by fields]`: the most or least common value combinations, with count and percent (Search Reference, top, rare).
import { type Event, type Scalar, writeField } from '../../core/index.ts';
import type { RareCommand, TopCommand } from '../ast/command.ts';
import { toFixedEven } from '../value/exact-decimal.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { compareGroupValues, groupKeysOf } from './group-keys.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/** Splunk's default number of results per group. */
const TOP_DEFAULT_LIMIT = 10;

interface Tally {
  readonly values: readonly Scalar[];
  count: number;
  readonly seq: number;
}

/**
 * Rows missing a field are not counted; a multivalue field counts each value. percent is the
 * share of the group's counted rows, printed as C's %f prints it: six decimals, whole shares
 * too (50.000000), as Splunk-compatible engines reproduce it (siglens formats "%.6f"). Ties keep
 * first-seen order. useother=true adds a row (otherstr, default OTHER) counting everything past
 * the limit. limit=0: all.
 */
export function compileTopRare(
  command: TopCommand | RareCommand,
  _context: StageCompileContext,
): StageResult {
  const fields = command.fields.map((f) => f.name);
  const byFields = command.by?.fields.map((f) => f.name) ?? [];
  const o = command.options;
  const limit = command.count?.value ?? o.limit?.value ?? TOP_DEFAULT_LIMIT;
  const countField = o.countfield?.value ?? 'count';
  const percentField = o.percentfield?.value ?? 'percent';
  const showCount = o.showcount?.value ?? true;
  const showPercent = o.showperc?.value ?? true;
  const useOther = o.useother?.value ?? false;
  const otherText = o.otherstr?.value ?? 'OTHER';
  const direction = command.kind === 'Top' ? -1 : 1;
  return defineStage(
    { ...headerOf(command), needs: () => new Set([...fields, ...byFields]) },
    'fresh',
    () => {
      const groups = new Map<
        string,
        { values: readonly Scalar[]; total: number; tallies: Map<string, Tally> }
      >();
      let seq = 0;
      return {
        push(rows) {
          for (const row of rows) {
            for (const by of groupKeysOf(row, byFields)) {
              const combos = groupKeysOf(row, fields);
              if (combos.length === 0) continue;
              let group = groups.get(by.key);
              if (group === undefined) {
                group = { values: by.values, total: 0, tallies: new Map() };
                groups.set(by.key, group);
              }
              group.total++;
              for (const combo of combos) {
                const tally = group.tallies.get(combo.key);
                if (tally) tally.count++;
                else group.tallies.set(combo.key, { values: combo.values, count: 1, seq: seq++ });
              }
            }
          }
        },
        finish(emit) {
          const out: Event[] = [];
          const ordered = [...groups.values()].sort((a, b) =>
            compareGroupValues(a.values, b.values),
          );
          for (const group of ordered) {
            const tallies = [...group.tallies.values()].sort(
              (a, b) => direction * (a.count - b.count) || a.seq - b.seq,
            );
            const kept = limit > 0 ? tallies.slice(0, limit) : tallies;
            const make = (values: readonly (Scalar | undefined)[], count: number): Event => {
              const row: Event = {};
              byFields.forEach((f, i) => {
                writeField(row, f, group.values[i]);
              });
              fields.forEach((f, i) => {
                writeField(row, f, values[i]);
              });
              if (showCount) writeField(row, countField, count);
              if (showPercent) writeField(row, percentField, percentText(count, group.total));
              return row;
            };
            for (const tally of kept) out.push(make(tally.values, tally.count));
            if (useOther && kept.length < tallies.length) {
              const rest = tallies.slice(kept.length).reduce((n, t) => n + t.count, 0);
              out.push(
                make(
                  fields.map(() => otherText),
                  rest,
                ),
              );
            }
          }
          emit(out);
        },
      };
    },
  );
}

/** `count / total` as a percentage with six decimals, rounded as printf's %f (ties to even). */
function percentText(count: number, total: number): string {
  return toFixedEven((count / total) * 100, 6);
}
