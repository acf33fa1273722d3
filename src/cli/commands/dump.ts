// `spelunk dump <path>...`: prints the normalised events, so a user sees exactly which fields a
// detection gets (docs/inputs.md).
import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { formatDiagnostics, hasErrors } from '../../core/index.ts';
import { openWorkspace } from '../../engine/index.ts';
import { type DumpOptions, runDump } from '../dump/run-dump.ts';
import { EXIT_FAILURE, EXIT_USAGE } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';
import {
  addOptions,
  inputOptions,
  type KnowledgeCliOptions,
  knowledgeOptions,
} from './shared-options.ts';

export const dumpCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('dump')
      .description(
        'Print the normalised events of event files (EVTX, XML, JSON lines, CSV; - for stdin)',
      )
      .argument(
        '<paths...>',
        'files or directories to read (directories recursively); - reads stdin',
      );
    addOptions(
      command,
      new Option(
        '--format <format>',
        'jsonl: one event per line; xml: the XML of XML events, and of EVTX records as evtxexport -f xml lays it out',
      )
        .choices(['jsonl', 'xml'])
        .default('jsonl'),
      new Option('--raw', 'include _raw in the JSON lines').default(false),
      knowledgeOptions(),
      new Option('--raw-fields', 'print the fields as read, without the field knowledge').default(
        false,
      ),
      inputOptions(),
    ).action(async (paths: string[], options: DumpCommandOptions) => {
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
        { ...options, ...enrich },
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

interface DumpCommandOptions extends DumpOptions, KnowledgeCliOptions {
  readonly rawFields: boolean;
}

/**
 * The knowledge every field needs (dump shows all of them), or an exit code when the knowledge
 * files have errors or contradict --raw-fields.
 */
function loadDumpKnowledge(options: DumpCommandOptions): Pick<DumpOptions, 'knowledge'> | number {
  if (options.rawFields) {
    if ((options.props ?? []).length === 0) return {};
    process.stderr.write('error: --raw-fields prints the fields as read; --props has no effect\n');
    return EXIT_USAGE;
  }
  const workspace = openWorkspace({
    props: options.props ?? [],
    builtinKnowledge: options.builtinKnowledge !== false,
    without: ['data-models'],
  });
  if (workspace.diagnostics.length > 0) {
    process.stderr.write(`${formatDiagnostics(workspace.diagnostics)}\n`);
    if (hasErrors(workspace.diagnostics)) return EXIT_FAILURE;
  }
  return { knowledge: workspace.knowledge };
}
