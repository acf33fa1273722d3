// `from datamodel:<X.Y>`, `from datamodel <X.Y>`, `from inputlookup:<name>` (Search Reference, from).
import { span } from '../../../core/index.ts';
import type { FromCommand } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

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
