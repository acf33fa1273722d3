// `spelunk dump <path>...`: prints the normalised events, so a user sees exactly which fields a
// detection gets (docs/inputs.md).
import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { formatDiagnostics, hasErrors } from '../../core/diagnostic.ts';
import { INPUT_FORMAT_NAMES } from '../../ingest/formats/index.ts';
import { createKnowledgeApplier } from '../../knowledge/apply/field-knowledge.ts';
import { loadFieldKnowledge } from '../../knowledge/load-field-knowledge.ts';
import { type DumpOptions, runDump } from '../dump/run-dump.ts';
import { EXIT_FAILURE, EXIT_USAGE } from '../exit-codes.ts';
import {
  type EvtxCliOptions,
  evtxReadOptions,
  recoverOption,
  threadsOption,
} from './evtx-options.ts';
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
          'jsonl: one event per line; xml: the XML of XML events, and of EVTX records as evtxexport -f xml lays it out',
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
      .option(
        '--props <file|dir>',
        'field knowledge: props.conf, transforms.conf, their YAML form, or a directory of them (repeatable; applied over the built-in Windows knowledge)',
        (value: string, previous: string[]) => [...previous, value],
        [],
      )
      .option(
        '--no-builtin-knowledge',
        'leave out the built-in Sysmon/Security/PowerShell knowledge (use only --props)',
      )
      .option('--raw-fields', 'print the fields as read, without the field knowledge', false)
      .addOption(recoverOption())
      .addOption(threadsOption())
      .option('--strict', 'fail (exit 1) when any input record was skipped or damaged', false)
      .action(async (paths: string[], options: DumpCommandOptions) => {
        const enrich = loadDumpKnowledge(options);
        if (typeof enrich === 'number') {
          process.exitCode = enrich;
          return;
        }
        const controller = new AbortController();
        // A closed pipe (`spelunk dump x | head`) ends the read instead of crashing on EPIPE.
        process.stdout.on('error', () => controller.abort());
        const aborted = once(controller.signal, 'abort');
        process.exitCode = await runDump(
          paths,
          { ...options, ...enrich, evtx: evtxReadOptions(options) },
          {
            out: async (text) => {
              if (controller.signal.aborted) return;
              if (!process.stdout.write(text))
                await Promise.race([once(process.stdout, 'drain'), aborted]);
            },
            err: (text) => process.stderr.write(text),
            signal: controller.signal,
          },
        );
      });
  },
};

interface DumpCommandOptions extends DumpOptions, EvtxCliOptions {
  readonly props: readonly string[];
  readonly rawFields: boolean;
  readonly builtinKnowledge: boolean;
}

/**
 * The knowledge every field needs (dump shows all of them), or an exit code when the knowledge
 * files have errors or contradict --raw-fields.
 */
function loadDumpKnowledge(options: DumpCommandOptions): Pick<DumpOptions, 'enrich'> | number {
  if (options.rawFields) {
    if (options.props.length === 0) return {};
    process.stderr.write('error: --raw-fields prints the fields as read; --props has no effect\n');
    return EXIT_USAGE;
  }
  const knowledge = loadFieldKnowledge({
    paths: options.props,
    builtin: options.builtinKnowledge,
  });
  if (knowledge.diagnostics.length > 0) {
    process.stderr.write(`${formatDiagnostics(knowledge.diagnostics)}\n`);
    if (hasErrors(knowledge.diagnostics)) return EXIT_FAILURE;
  }
  return { enrich: createKnowledgeApplier(knowledge.base, 'all') };
}
