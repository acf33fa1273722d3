// A parsed search: the commands between top-level pipes, in order.
import type { Span } from '../../core/index.ts';
import type { Command } from './command.ts';

export interface Pipeline {
  readonly kind: 'Pipeline';
  /**
   * True when the text starts with `|` (a generating command such as `| tstats` comes first);
   * false when it starts with the implicit `search`.
   */
  readonly leadingPipe: boolean;
  readonly commands: readonly Command[];
  readonly span: Span;
}
