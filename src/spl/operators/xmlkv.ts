// `xmlkv [field] [maxinputs=N]`: each leaf element `<tag>value</tag>` of an XML text becomes field `tag` (Search Reference, xmlkv).
import { multivalue, pushAll, readField, type Scalar, writeField } from '../../core/index.ts';
import type { XmlkvCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import { flattenXml } from '../value/structured-values.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * The field is named by the element's own tag (its last path part); a tag met several times
 * gives a multivalue. Attributes are not extracted. maxinputs limits how many results are
 * processed (the rest pass unchanged); by default all are.
 */
export function compileXmlkv(command: XmlkvCommand, _context: StageCompileContext): StageResult {
  const field = command.field?.name ?? '_raw';
  const maxInputs = command.options.maxinputs?.value ?? Number.POSITIVE_INFINITY;
  const needs = (downstream: FieldNeed): FieldNeed => unionNeed(downstream, [field]);
  return defineStage({ ...headerOf(command), needs }, 'inPlace', () => {
    let processed = 0;
    return {
      push(rows, emit) {
        for (const row of rows) {
          if (processed >= maxInputs) break;
          processed++;
          const value = readField(row, field);
          if (value === undefined) continue;
          const leaves = flattenXml(
            scalarToString((Array.isArray(value) ? value[0] : value) as Scalar),
          );
          const byTag = new Map<string, Scalar[]>();
          for (const [path, values] of leaves) {
            if (path.endsWith('}')) continue;
            const tag = path.slice(path.lastIndexOf('.') + 1);
            const list = byTag.get(tag);
            if (list) pushAll(list, values);
            else byTag.set(tag, [...values]);
          }
          for (const [tag, values] of byTag) writeField(row, tag, multivalue(values));
        }
        emit(rows);
      },
      finish() {},
    };
  });
}
