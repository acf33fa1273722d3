// `spath [input=f] [output=f] [path=p]`: extracts fields from JSON or XML (Search Reference, spath).
import { multivalue, readField, type Scalar, writeField } from '../../core/index.ts';
import type { SpathCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import { flattenDocument, spathSelect } from '../value/spath-extract.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { headerOf, updateStage } from './stage-kit.ts';

/**
 * Without a path every leaf becomes a field named by its path (`a.b`, `a{}.c`, `Event.System.EventID`,
 * `x{@attr}`); with one, the values at that path go to `output` (default: the path). Repeated
 * values become multivalues. An input that is neither JSON nor XML, or does not parse, extracts
 * nothing. A path's `{N}` (1-based) picks one array element.
 */
export function compileSpath(command: SpathCommand, _context: StageCompileContext): StageResult {
  const input = command.options.input?.value.name ?? '_raw';
  const path = command.options.path?.value ?? command.path?.value;
  const output = command.options.output?.value.name ?? path;
  const needs = (downstream: FieldNeed): FieldNeed => unionNeed(downstream, [input]);
  return updateStage({ ...headerOf(command), needs }, (row) => {
    const value = readField(row, input);
    if (value === undefined) return;
    const text = scalarToString((Array.isArray(value) ? value[0] : value) as Scalar);
    const leaves = flattenDocument(text);
    if (leaves === undefined) return;
    if (path === undefined) {
      for (const [key, values] of leaves) writeField(row, key, multivalue(values));
      return;
    }
    const values = spathSelect(leaves, path);
    if (values.length > 0 && output !== undefined) writeField(row, output, multivalue(values));
  });
}
