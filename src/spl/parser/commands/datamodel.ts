// `datamodel [<model> [<dataset>]] [search|flat|acceleration_search_string]` and
// `from datamodel:<X.Y>` (Search Reference, datamodel and from).

import { span } from '../../../core/span.ts';
import type { DatamodelCommand, FromCommand, TextArgument } from '../../ast/command.ts';
import { expectEnd, textArgument } from '../arguments.ts';
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

export const parseFrom: CommandParser = (cursor, header): FromCommand => {
  const first = cursor.next('argument');
  if (first.kind !== 'word' && first.kind !== 'string')
    cursor.unexpected(first, 'a dataset such as datamodel:Endpoint.Processes');
  const colon = first.quoted ? -1 : first.text.indexOf(':');
  let result: Pick<FromCommand, 'datasetType' | 'separator' | 'dataset'>;
  if (colon > 0) {
    const type = first.text.slice(0, colon);
    const name = first.text.slice(colon + 1);
    result = {
      datasetType: {
        kind: 'Text',
        value: type,
        raw: type,
        quoting: 'none',
        span: span(first.span.start, first.span.start + colon),
      },
      separator: ':',
      dataset: {
        kind: 'Text',
        value: name,
        raw: name,
        quoting: 'none',
        span: span(first.span.start + colon + 1, first.span.end),
      },
    };
  } else {
    const second = cursor.next('argument');
    if (second.kind !== 'word' && second.kind !== 'string')
      cursor.unexpected(second, `a dataset name after ${first.text}`);
    result = { datasetType: textArgument(first), separator: ' ', dataset: textArgument(second) };
  }
  expectEnd(cursor, 'from');
  return { kind: 'From', ...commandBase(cursor, header), ...result };
};
