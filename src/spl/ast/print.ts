// The printer: AST → canonical SPL. `parse(print(parse(q)))` equals `parse(q)` without spans.
import type { Subsearch } from './common.ts';
import type { Pipeline } from './pipeline.ts';
import { printCommand } from './print/print-command.ts';
import type { PrintContext } from './print/print-context.ts';
import { printSearch } from './print/print-search.ts';

const CONTEXT: PrintContext = {
  subsearch: (subsearch: Subsearch) => `[${printPipeline(subsearch.pipeline)}]`,
  search: (expr) => printSearch(expr, (node) => CONTEXT.subsearch(node.subsearch)),
};

export function printPipeline(pipeline: Pipeline): string {
  const body = pipeline.commands.map((command) => printCommand(command, CONTEXT)).join(' | ');
  return pipeline.leadingPipe ? `| ${body}` : body;
}
