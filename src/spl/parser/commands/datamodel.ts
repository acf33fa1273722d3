// `datamodel [<model> [<dataset>]] [search|flat|acceleration_search_string]` (Search Reference, datamodel).
import type { DatamodelCommand, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseDatamodel: CommandParser = (cursor, header): DatamodelCommand => {
  const words: TextArgument[] = [];
  while (words.length < 3) {
    const token = cursor.peek('argument');
    if (token.kind !== 'word' && token.kind !== 'string') break;
    words.push(textArgument(cursor.next('argument')));
  }
  expectEnd(cursor, 'datamodel');
  const [model, dataset, mode] = words;
  return {
    kind: 'Datamodel',
    ...commandBase(cursor, header),
    ...(model ? { model } : {}),
    ...(dataset ? { dataset } : {}),
    ...(mode ? { mode } : {}),
  };
};
