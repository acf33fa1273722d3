// What a command printer is given, and the shape of a table of command printers.
import type { CommandKind, CommandOf } from '../command.ts';
import type { Subsearch } from '../common.ts';
import type { SearchExpr } from '../search.ts';

export interface PrintContext {
  readonly subsearch: (subsearch: Subsearch) => string;
  readonly search: (expr: SearchExpr) => string;
}

/** One printer per command kind; the union of the family tables must cover every kind. */
export type CommandPrinters<K extends CommandKind> = {
  readonly [P in K]: (command: CommandOf<P>, context: PrintContext) => string;
};
