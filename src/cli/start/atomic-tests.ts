// The Atomic Red Team tests of seed 000 (its three `Atomic Test` tests), each hunted over the
// folders of its telemetry: seed 000's rows with their RiskScore, the risk the other detections
// raised, the incidents. What `spelunk start` prints in both modes.
import path from 'node:path';
import type { Event } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR, type Detection } from '../../detection/index.ts';
import { type HuntReport, runHunt, type Workspace } from '../../engine/index.ts';
import { scalarToString } from '../../spl/index.ts';

/** The pack's own telemetry: Atomic Red Team scenarios, other attacks, benign baselines. */
export const BUNDLED_TELEMETRY_DIR = path.join(BUILTIN_CONTENT_DIR, 'data');

/** Seed 000: its tests are the three Atomic Red Team tests, and its results carry RiskScore. */
export const SEED_DETECTION_ID = '372b797f-f83c-4436-91ae-6317e6c32fb6';

export interface StartIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Prints each Atomic test with what found it; the number of tests seed 000 found, or undefined without seed 000. */
export async function reportAtomicTests(
  workspace: Workspace,
  io: StartIo,
): Promise<number | undefined> {
  const seed = workspace.detections.find((s) => s.detection.id === SEED_DETECTION_ID)?.detection;
  if (seed === undefined) {
    io.err('error: the built-in pack has no seed 000 detection (Detect IDE Tunneling)\n');
    return undefined;
  }
  io.out(`\n== Atomic Red Team tests of ${seed.techniques.map((t) => t.id).join(', ')}\n`);
  let found = 0;
  for (const test of seed.tests.filter((t) => /^Atomic Test/i.test(t.name))) {
    const folders = atomicFolders(seed, test.name);
    const atomic = await runHunt(workspace, folders);
    found += printAtomicTest(test.name, folders, atomic, io) ? 1 : 0;
  }
  io.out(`\n${found} of 3 Atomic tests found\n`);
  return found;
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
