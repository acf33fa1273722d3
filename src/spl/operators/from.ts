// `| from datamodel:<X.Y>`, `| from inputlookup:<name>` / `| from lookup:<name>`; other datasets are refused (Search Reference, from).
import type { FromCommand, InputlookupCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { compileFromDatamodel } from './datamodel.ts';
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
  if (type === 'datamodel') return compileFromDatamodel(command, context);
  return refuseCommand(
    command,
    context,
    `from ${type}: only datamodel, inputlookup and lookup datasets can be read here`,
  );
}
