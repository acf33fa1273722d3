// The table of subcommands, one module each, loaded only when its command runs: a `spelunk hunt`
// process never loads the server's modules (and DuckDB), which cost about 0.3 s of CPU to import.
import type { Command } from 'commander';

export interface CliCommand {
  /** Adds the subcommand, its options and its action to the program. */
  register(program: Command): void;
}

export const CLI_COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  convert: async () => (await import('./convert.ts')).convertCommand,
  dump: async () => (await import('./dump.ts')).dumpCommand,
  'hash-password': async () => (await import('./hash-password.ts')).hashPasswordCommand,
  hunt: async () => (await import('./hunt.ts')).huntCommand,
  ingest: async () => (await import('./ingest.ts')).ingestCommand,
  search: async () => (await import('./search.ts')).searchCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
  start: async () => (await import('./start.ts')).startCommand,
  status: async () => (await import('./status.ts')).statusCommand,
  test: async () => (await import('./test.ts')).testCommand,
  timeline: async () => (await import('./timeline.ts')).timelineCommand,
  validate: async () => (await import('./validate.ts')).validateCommand,
};

/**
 * The commands to register for `argv`: the one it names, none for `--version`, or every one
 * (help, a typo).
 */
export function commandsFor(argv: readonly string[]): (() => Promise<CliCommand>)[] {
  const name = argv[2];
  if ((name === '--version' || name === '-V') && argv.length === 3) return [];
  if (name !== undefined && Object.hasOwn(CLI_COMMANDS, name)) {
    return [CLI_COMMANDS[name] as () => Promise<CliCommand>];
  }
  return Object.values(CLI_COMMANDS);
}
