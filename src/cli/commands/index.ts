// The table of subcommands, one module each.
import type { Command } from 'commander';
import { convertCommand } from './convert.ts';
import { dumpCommand } from './dump.ts';
import { hashPasswordCommand } from './hash-password.ts';
import { huntCommand } from './hunt.ts';
import { ingestCommand } from './ingest.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { startCommand } from './start.ts';
import { statusCommand } from './status.ts';
import { testCommand } from './test.ts';
import { timelineCommand } from './timeline.ts';
import { validateCommand } from './validate.ts';

export interface CliCommand {
  /** Adds the subcommand, its options and its action to the program. */
  register(program: Command): void;
}

export const CLI_COMMANDS: readonly CliCommand[] = [
  convertCommand,
  dumpCommand,
  hashPasswordCommand,
  huntCommand,
  ingestCommand,
  searchCommand,
  serveCommand,
  startCommand,
  statusCommand,
  testCommand,
  timelineCommand,
  validateCommand,
];
