#!/usr/bin/env node
// spelunk's command line: argv → subcommand. Each subcommand lives in commands/ and owns its options.
import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands/index.ts';
import { EXIT_USAGE } from './exit-codes.ts';

const program = new Command('spelunk')
  .description('Run Splunk (SPL/ESCU) detections and Sigma rules over Windows event telemetry.')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

for (const load of commandsFor(process.argv)) (await load()).register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Commander reports help/version as exit code 0 and every usage problem as 1; ours is 2.
  process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
}
