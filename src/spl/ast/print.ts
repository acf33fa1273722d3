// The printer: AST → canonical SPL. `parse(print(parse(q)))` equals `parse(q)` without spans.
import type { Pipeline } from './pipeline.ts';
import { printCommand } from './print/print-command.ts';

export function printPipeline(pipeline: Pipeline): string {
  const context = {
    subsearch: (s: { readonly pipeline: Pipeline }) => `[${printPipeline(s.pipeline)}]`,
  };
  const commands = pipeline.commands.map((command) => printCommand(command, context));
  const body = commands.join(' | ');
  return pipeline.leadingPipe ? `| ${body}` : body;
}
