// `spelunk start` (`npm start`): the built-in pack hunts its bundled telemetry, then each Atomic Red Team test is shown with what found it.
import path from 'node:path';
import type { Command } from 'commander';
import { type Event, formatDiagnostics } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR, type Detection } from '../../detection/index.ts';
import { type HuntReport, loadEventDetails, openWorkspace, runHunt } from '../../engine/index.ts';
import { scalarToString } from '../../spl/index.ts';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.ts';
import { createHuntOutput } from '../hunt/hunt-output.ts';
import type { CliCommand } from './index.ts';

/** The pack's own telemetry: Atomic Red Team scenarios, other attacks, benign baselines. */
const BUNDLED_TELEMETRY_DIR = path.join(BUILTIN_CONTENT_DIR, 'data');

/** Seed 000: its tests are the three Atomic Red Team tests, and its results carry RiskScore. */
const SEED_DETECTION_ID = '372b797f-f83c-4436-91ae-6317e6c32fb6';

export interface StartIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const startCommand: CliCommand = {
  register(program: Command) {
    program
      .command('start')
      .description(
        'Hunt the bundled sample telemetry with the built-in content pack and show the Atomic Red Team tests it finds (npm start)',
      )
      .action(async () => {
        process.exitCode = await runStart({
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        });
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

  const seed = workspace.detections.find((s) => s.detection.id === SEED_DETECTION_ID)?.detection;
  if (seed === undefined) {
    io.err('error: the built-in pack has no seed 000 detection (Detect IDE Tunneling)\n');
    return EXIT_FAILURE;
  }
  io.out(`\n== Atomic Red Team tests of ${seed.techniques.map((t) => t.id).join(', ')}\n`);
  let found = 0;
  for (const test of seed.tests.filter((t) => /^Atomic Test/i.test(t.name))) {
    const folders = atomicFolders(seed, test.name);
    const atomic = await runHunt(workspace, folders);
    found += printAtomicTest(test.name, folders, atomic, io) ? 1 : 0;
  }
  io.out(`\n${found} of 3 Atomic tests found\n`);
  return found === 3 ? EXIT_OK : EXIT_FAILURE;
}

/** The folders holding a test's telemetry: every channel of the scenario, not only the test's own file. */
function atomicFolders(seed: Detection, testName: string): string[] {
  const test = seed.tests.find((t) => t.name === testName);
  const folders = (test?.attackData ?? []).flatMap((a) =>
    a.location.kind === 'file' ? [path.dirname(a.location.path)] : [],
  );
  return [...new Set(folders)];
}

function printAtomicTest(
  name: string,
  folders: readonly string[],
  report: HuntReport,
  io: StartIo,
): boolean {
  io.out(
    `\n${name}  (${folders.map((f) => path.relative(BUNDLED_TELEMETRY_DIR, f)).join(', ')})\n`,
  );
  const seed = report.detections.find((d) => d.rule.id === SEED_DETECTION_ID);
  for (const finding of seed?.findings ?? []) {
    io.out(
      `  RiskScore ${text(finding.fields['RiskScore'])}  ${text(finding.fields['host'])}  ${text(finding.fields['User'])}  ${text(finding.fields['CommandLine'])}\n`,
    );
  }
  const others = report.detections.filter((d) => d.rule.id !== SEED_DETECTION_ID);
  for (const outcome of others) {
    io.out(
      `  + ${outcome.rule.name} [${outcome.rule.type}]: ${outcome.findingCount} finding${outcome.findingCount === 1 ? '' : 's'}, risk ${outcome.riskTotal}\n`,
    );
  }
  const incidents = report.risk.incidents.map((i) => `${i.riskObject} (${i.peakTotal})`);
  if (incidents.length > 0) io.out(`  risk incidents: ${incidents.join(', ')}\n`);
  return (seed?.findingCount ?? 0) > 0;
}

function text(value: Event[string]): string {
  if (value === undefined) return '-';
  return (Array.isArray(value) ? value : [value]).map(scalarToString).join(', ');
}
