// lookup("table", json_object("input", value, ...), json_array("output", ...)): a CSV lookup in an
// expression, its output as a JSON object (Search Reference, "Comparison and Conditional
// functions", lookup): {"status_description":"OK"}, an array where several rows match.
import type { Event } from '../../../core/index.ts';
import { isMultivalue } from '../../../core/index.ts';
import { type ApplyLookup, compileLookupApplication } from '../../lookups/apply-lookup.ts';
import type { ResolvedLookup } from '../../lookups/lookup-store.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { isJsonObject, type Json, jsonText, parseJson } from '../../value/json-value.ts';
import { scalarToString } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { evaluateArgsThen } from './define.ts';

/** Distinct input/output column sets one call may compile (they are constants in practice). */
const MAX_SHAPES = 64;

export const lookupFunction: EvalFunctionSpec = {
  name: 'lookup',
  minArgs: 3,
  maxArgs: 3,
  returns: 'any',
  pure: false,
  summary:
    'lookup("table", json_object("in", value, ...), json_array("out", ...)): matches as JSON',
  compile: (site) => {
    const tableArg = site.args[0] as CompiledArg;
    const name = tableArg.constant ? firstScalar(tableArg.constant.value) : undefined;
    if (name === undefined) {
      return site.fail(
        EvalCode.badArgument,
        'lookup() takes the lookup name as a quoted string',
        tableArg.expr.span,
      );
    }
    if (site.lookups === undefined) {
      return site.fail(
        EvalCode.badArgument,
        'lookup() needs lookups; none were given to this search',
        site.call.span,
      );
    }
    const resolved = site.lookups.resolve(scalarToString(name));
    if (!('table' in resolved)) {
      return site.fail(EvalCode.badArgument, `lookup(): ${resolved.message}`, tableArg.expr.span);
    }
    const shapes = new Map<string, ApplyLookup | undefined>();
    return evaluateArgsThen(site, ([, inputs, outputs]) => {
      const given = parseJson(scalarToString(firstScalar(inputs) ?? ''));
      const wanted = parseJson(scalarToString(firstScalar(outputs) ?? ''));
      if (!isJsonObject(given) || !Array.isArray(wanted)) return undefined;
      const inputColumns = Object.keys(given);
      const outputColumns = (wanted as Json[]).filter((o): o is string => typeof o === 'string');
      const key = JSON.stringify([inputColumns, outputColumns]);
      let apply = shapes.get(key);
      if (apply === undefined && !shapes.has(key) && shapes.size < MAX_SHAPES) {
        apply = applicationFor(resolved, inputColumns, outputColumns);
        shapes.set(key, apply);
      }
      if (apply === undefined) return undefined;
      const row: Event = {};
      inputColumns.forEach((column, i) => {
        const value = given[column];
        if (value !== null && value !== undefined)
          row[`in${i}`] = typeof value === 'object' ? jsonText(value) : String(value);
      });
      apply(row);
      const result: Record<string, Json> = {};
      outputColumns.forEach((column, i) => {
        const value = row[`out${i}`];
        if (value !== undefined)
          result[column] = isMultivalue(value) ? value.map(String) : String(value);
      });
      return Object.keys(result).length === 0 ? undefined : jsonText(result);
    });
  },
};

function applicationFor(
  resolved: ResolvedLookup,
  inputs: readonly string[],
  outputs: readonly string[],
): ApplyLookup | undefined {
  const compiled = compileLookupApplication(resolved, {
    inputs: inputs.map((lookupField, i) => ({ lookupField, eventField: `in${i}` })),
    outputs: outputs.map((lookupField, i) => ({ lookupField, eventField: `out${i}` })),
    mode: 'OUTPUT',
  });
  return typeof compiled === 'function' ? compiled : undefined;
}
