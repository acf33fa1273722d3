// `spelunk dump <path>...`: prints the normalised events, so a user sees exactly which fields a
// detection gets (docs/inputs.md).
import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { INPUT_FORMAT_NAMES } from '../../ingest/formats/index.ts';
import { type DumpOptions, runDump } from '../dump/run-dump.ts';
import type { CliCommand } from './index.ts';

export const dumpCommand: CliCommand = {
  register(program: Command) {
    program
      .command('dump')
      .description(
        'Print the normalised events of event files (EVTX, XML, JSON lines, CSV; - for stdin)',
      )
      .argument(
        '<paths...>',
        'files or directories to read (directories recursively); - reads stdin',
      )
      .addOption(
        new Option(
          '--format <format>',
          'jsonl: one event per line; xml: the XML of XML/EVTX events',
        )
          .choices(['jsonl', 'xml'])
          .default('jsonl'),
      )
      .addOption(
        new Option(
          '--input-format <format>',
          'read every input as this format instead of detecting it',
        ).choices(INPUT_FORMAT_NAMES),
      )
      .option('--index <name>', 'Splunk index given to the events (default wineventlog)')
      .option('--source <source>', "replace every event's source")
      .option('--sourcetype <sourcetype>', "replace every event's sourcetype")
      .option('--raw', 'include _raw in the JSON lines', false)
      .option('--strict', 'fail (exit 1) when any input record was skipped or damaged', false)
      .action(async (paths: string[], options: DumpOptions) => {
        const controller = new AbortController();
        // A closed pipe (`spelunk dump x | head`) ends the read instead of crashing on EPIPE.
        process.stdout.on('error', () => controller.abort());
        const aborted = once(controller.signal, 'abort');
        process.exitCode = await runDump(paths, options, {
          out: async (text) => {
            if (controller.signal.aborted) return;
            if (!process.stdout.write(text))
              await Promise.race([once(process.stdout, 'drain'), aborted]);
          },
          err: (text) => process.stderr.write(text),
          signal: controller.signal,
        });
      });
  },
};
