// The contract of one command parser in the registry.
import { type Span, span } from '../../core/index.ts';
import type { Command } from '../ast/command.ts';
import type { Cursor } from './cursor.ts';

/** The command name already read from the slice. */
export interface CommandHeader {
  readonly name: string;
  readonly nameSpan: Span;
}

/** Parses the rest of one command's slice (the cursor is just after the name). */
export type CommandParser = (cursor: Cursor, header: CommandHeader) => Command;

/** `name`, `nameSpan` and `span` of the command being built, ending at the cursor. */
export function commandBase(cursor: Cursor, header: CommandHeader) {
  return {
    name: header.name,
    nameSpan: header.nameSpan,
    span: span(header.nameSpan.start, Math.max(header.nameSpan.end, cursor.pos)),
  };
}
