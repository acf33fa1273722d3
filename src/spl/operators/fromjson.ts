// `fromjson [prefix=p] field`: the top-level keys of a JSON object become fields (Search Reference, fromjson).

import { multivalue, readField, type Scalar, writeField } from '../../core/index.ts';
import type { FromjsonCommand } from '../ast/command.ts';
import { parseBoundedJson } from '../value/json-value.ts';
import { scalarToString } from '../value/number.ts';
import { jsonScalar } from '../value/structured-values.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { headerOf, updateStage } from './stage-kit.ts';

/** Objects stay JSON text, arrays become multivalues (elements as text), null sets nothing. */
export function compileFromjson(
  command: FromjsonCommand,
  _context: StageCompileContext,
): StageResult {
  const field = command.field.name;
  const prefix = command.options.prefix?.value ?? '';
  return updateStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, [field]) },
    (row) => {
      const value = readField(row, field);
      if (value === undefined) return;
      const parsed = parseBoundedJson(
        scalarToString((Array.isArray(value) ? value[0] : value) as Scalar),
      );
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
      for (const [key, item] of Object.entries(parsed as Record<string, unknown>)) {
        if (item === null) continue;
        writeField(
          row,
          `${prefix}${key}`,
          Array.isArray(item)
            ? multivalue(item.map((x) => jsonScalar(x) ?? JSON.stringify(x)))
            : (jsonScalar(item) ?? JSON.stringify(item)),
        );
      }
    },
  );
}
