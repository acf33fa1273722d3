// `spelunk start` (`npm start`): the whole system on its embedded default - `serve` with a data
// directory of its own, the bundled sample ingested through HEC once, the built-in pack and the
// SigmaHQ tunnel rules live, the UI's address and login, the Atomic tests found - until Ctrl-C.
// `spelunk start --once`: the one-shot hunt of the bundled telemetry, for scripts.
import path from 'node:path';
import { type Command, Option } from 'commander';
import { formatDiagnostics } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import { loadEventDetails, openWorkspace, runHunt } from '../../engine/index.ts';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.ts';
import { createHuntOutput } from '../hunt/hunt-output.ts';
import { BUNDLED_TELEMETRY_DIR, reportAtomicTests, type StartIo } from '../start/atomic-tests.ts';
import { DEFAULT_START_DATA, runStartSystem, type StartOptions } from '../start/start-system.ts';
import type { CliCommand } from './index.ts';
import { parsePort } from './serve.ts';
import { addOptions, collect } from './shared-options.ts';

export type { StartIo } from '../start/atomic-tests.ts';

interface StartCliOptions extends StartOptions {
  readonly once?: boolean;
}

export const startCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('start')
      .description(
        'Start the whole system on the bundled sample (npm start): the server with the web UI, the sample ingested once, the pack and SigmaHQ tunnel rules live; --once hunts the sample and exits',
      );
    addOptions(
      command,
      new Option(
        '--once',
        'hunt the bundled telemetry once, print the report and the Atomic tests, exit',
      ),
      new Option('--data <dir>', `data directory (default ${DEFAULT_START_DATA})`),
      new Option('--ui-port <port>', 'web UI port (default 8000)').argParser(parsePort),
      new Option('--hec-port <port>', 'HTTP Event Collector port (default 8088)').argParser(
        parsePort,
      ),
      new Option('--rest-port <port>', 'REST API port (default 8089)').argParser(parsePort),
      new Option(
        '--sigma <file|dir>',
        'Sigma rules to run live (repeatable; default: the SigmaHQ tunnel rules of ../shared/corpus/sigma when present)',
      )
        .argParser(collect)
        .default([]),
    ).action(async (options: StartCliOptions) => {
      const io: StartIo = {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      };
      process.exitCode = options.once ? await runStart(io) : await runStartSystem(options, io);
    });
  },
};

/**
 * open the built-in pack → hunt all of content/data in one pass and print the report → for
 * each Atomic test of seed 000, hunt the folder of its telemetry and print seed 000's rows with
 * their RiskScore and the risk the other detections raised.
 */
export async function runStart(io: StartIo): Promise<number> {
  const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR] });
  const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.err(`${formatDiagnostics(errors)}\n`);
    return EXIT_FAILURE;
  }
  const relative = path.relative(process.cwd(), BUNDLED_TELEMETRY_DIR) || '.';
  io.out(
    `spelunk: hunting the bundled telemetry (${relative}) with the built-in content pack (${workspace.detections.length} detections)\n\n`,
  );
  const report = await runHunt(workspace, [BUNDLED_TELEMETRY_DIR]);
  if (report.diagnostics.length > 0) io.err(`${formatDiagnostics(report.diagnostics)}\n\n`);
  createHuntOutput('table', io.out, {
    inputs: [relative],
    riskOut: undefined,
    rowsPerDetection: 50,
    drilldownsPerDetection: 0,
    details: loadEventDetails().details,
  }).end(report);
  const found = await reportAtomicTests(workspace, io);
  return found === 3 ? EXIT_OK : EXIT_FAILURE;
}
