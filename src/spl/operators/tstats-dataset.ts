// Finds the dataset a data-model command reads: the data model reference, then tstats' `nodename=`.
import type { Diagnostic, Span } from '../../core/index.ts';
import type { Command } from '../ast/command.ts';
import type { SearchComparison, SearchExpr } from '../ast/search.ts';
import { commandError, type StageCompileContext } from './compile-context.ts';
import { TstatsCode } from './tstats-codes.ts';
import type { DataModelDataset } from './tstats-data-model.ts';
import { refuseCommand } from './unsupported.ts';

/**
 * `Endpoint.Processes` → its dataset, or an error under `span`. A search compiled without data
 * models refuses the command (SPL501 under its name), as for any command it cannot run.
 */
export function resolveDataset(
  context: StageCompileContext,
  command: Command,
  reference: string,
  span: Span,
): DataModelDataset | readonly Diagnostic[] {
  const provider = context.dataModels;
  if (provider === undefined) {
    return refuseCommand(
      command,
      context,
      'it reads data models, and this search was compiled without them',
    ) as readonly Diagnostic[];
  }
  const resolved = provider.resolve(reference);
  if (resolved.ok) return resolved.dataset;
  return [commandError(context, TstatsCode.unknownDataset, resolved.message, span, resolved.notes)];
}

export interface NodenameSplit {
  /** The dataset `nodename=` names, or `dataset` itself. */
  readonly dataset: DataModelDataset;
  /** The WHERE clause without its `nodename=` terms; undefined when nothing else is left. */
  readonly rest: SearchExpr | undefined;
}

/**
 * `where nodename=DNS "DNS.query"=x` (Search Reference, tstats: `FROM datamodel=<model>.<root>
 * [where nodename=<root>.<...>.<target>]`): the node narrows the dataset. It is a clause of the
 * top-level AND (parenthesised or not); anywhere else it could not select one dataset.
 */
export function splitNodename(
  context: StageCompileContext,
  dataset: DataModelDataset,
  where: SearchExpr | undefined,
): NodenameSplit | readonly Diagnostic[] {
  if (where === undefined) return { dataset, rest: undefined };
  const operands = topLevelOperands(where);
  const nodes = operands.filter(isNodename);
  const rest = operands.filter((o) => !isNodename(o));
  const misplaced = findNodename(rest);
  if (misplaced !== undefined) {
    return [
      commandError(
        context,
        TstatsCode.badArgument,
        'nodename= must be one of the conditions joined by AND at the top of WHERE',
        misplaced.span,
      ),
    ];
  }
  let target = dataset;
  for (const node of nodes) {
    const found = dataset.node(node.value.text);
    if (found === undefined) {
      return [
        commandError(
          context,
          TstatsCode.unknownDataset,
          `no dataset "${node.value.text}" under ${dataset.model}.${dataset.path.join('.')}`,
          node.value.span,
          ['nodename names a dataset from the root down: Root.Child.Grandchild'],
        ),
      ];
    }
    target = found;
  }
  const kept =
    rest.length === 0
      ? undefined
      : rest.length === 1
        ? rest[0]
        : ({ kind: 'SearchAnd', operands: rest, span: where.span } as const);
  return { dataset: target, rest: kept };
}

function topLevelOperands(expr: SearchExpr): SearchExpr[] {
  if (expr.kind !== 'SearchAnd') return [expr];
  return expr.operands.flatMap(topLevelOperands);
}

function isNodename(expr: SearchExpr): expr is SearchComparison {
  return expr.kind === 'SearchComparison' && expr.field === 'nodename' && expr.op === '=';
}

function findNodename(exprs: readonly SearchExpr[]): SearchExpr | undefined {
  for (const expr of exprs) {
    switch (expr.kind) {
      case 'SearchComparison':
      case 'SearchIn':
        if (expr.field === 'nodename') return expr;
        break;
      case 'SearchAnd':
      case 'SearchOr': {
        const inner = findNodename(expr.operands);
        if (inner !== undefined) return inner;
        break;
      }
      case 'SearchNot': {
        const inner = findNodename([expr.operand]);
        if (inner !== undefined) return inner;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
