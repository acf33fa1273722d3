// `| from inputlookup:<name>` / `| from lookup:<name>`: a lookup table's rows; other datasets are refused (Search Reference, from).
import type { FromCommand, InputlookupCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { compileInputlookup } from './inputlookup.ts';
import { refuseCommand } from './unsupported.ts';

export function compileFrom(command: FromCommand, context: StageCompileContext): StageResult {
  const type = command.datasetType.value.toLowerCase();
  if (type === 'inputlookup' || type === 'lookup') {
    const inputlookup: InputlookupCommand = {
      kind: 'Inputlookup',
      name: command.name,
      nameSpan: command.nameSpan,
      span: command.span,
      options: {},
      table: command.dataset,
    };
    return compileInputlookup(inputlookup, context);
  }
  return refuseCommand(
    command,
    context,
    type === 'datamodel'
      ? 'from datamodel reads CIM data models, which need the data-model layer (not built yet)'
      : `from ${type}: only inputlookup and lookup datasets can be read here`,
  );
}
