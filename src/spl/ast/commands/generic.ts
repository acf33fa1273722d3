// A real SPL command that spelunk parses but does not model (apply, mstats, outlier, rest, ...).
import type { Span } from '../../../core/index.ts';
import type { CommandBase, Subsearch } from '../common.ts';

/**
 * One argument token as written: a word, a quoted string (raw, quotes included), punctuation
 * (`=`, `,`, `(`, `)`), or a subsearch. `spaceBefore` lets the printer keep `a=b` vs `a = b`.
 */
export interface GenericToken {
  readonly kind: 'GenericToken';
  readonly text: string;
  readonly spaceBefore: boolean;
  readonly span: Span;
}

/**
 * A command from Splunk's command list that spelunk keeps as tokens. Compiling it fails with
 * "unsupported command <name>"; parsing it keeps every argument and its span.
 */
export interface GenericCommand extends CommandBase {
  readonly kind: 'Generic';
  readonly args: readonly (GenericToken | Subsearch)[];
}
