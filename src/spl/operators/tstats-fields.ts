// Warnings for fields a data-model search names that its dataset does not define (they are always null).
import { type Diagnostic, type Span, warning } from '../../core/index.ts';
import type { TstatsCommand } from '../ast/command.ts';
import { walkNodes } from '../ast/walk.ts';
import type { StageCompileContext } from './compile-context.ts';
import type { FieldNeed } from './field-need.ts';
import { TstatsCode } from './tstats-codes.ts';
import type { DataModelDataset } from './tstats-data-model.ts';

/**
 * Splunk answers a field a data model does not define with null (so `fillnull_value` fills it
 * and, without it, rows are dropped); spelunk does the same and says so once per name, under
 * the first place the name is written.
 */
export function unknownFieldWarnings(
  context: StageCompileContext,
  command: TstatsCommand,
  dataset: DataModelDataset,
  wanted: FieldNeed,
): Diagnostic[] {
  if (wanted === 'all') return [];
  const unknown = [...wanted].filter((field) => !dataset.fields.has(field));
  if (unknown.length === 0) return [];
  const spans = new Map<string, Span>();
  walkNodes(command, (node) => {
    const named = node as { kind?: string; name?: unknown; field?: unknown; span?: Span };
    const name =
      named.kind === 'FieldName' ? named.name : named.kind?.startsWith('Search') ? named.field : '';
    if (typeof name === 'string' && named.span !== undefined && !spans.has(name))
      spans.set(name, named.span);
  });
  const qualified = `${dataset.model}.${dataset.path.join('.')}`;
  return unknown.map((field) =>
    warning(
      TstatsCode.unknownField,
      `${field} is not a field of the data model dataset ${qualified}: its value is always null`,
      {
        source: context.source,
        ...(spans.has(field) ? { span: spans.get(field) as Span } : { span: command.nameSpan }),
      },
    ),
  );
}
