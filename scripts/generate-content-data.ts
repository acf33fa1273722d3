// Writes the content pack's test telemetry (content/data/) as Splunk XmlWinEventLog files.
//
//   tsx scripts/generate-content-data.ts
//
// Deterministic: the same files on every run. The scenarios are in scripts/content-data/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atomicTests } from './content-data/atomic-tests.ts';
import { approvedDeveloperTunnel, ciAgent } from './content-data/benign-more.ts';
import { jetbrainsLocalIde, vscodeDailyUse } from './content-data/benign-scenarios.ts';
import { type Dataset, sortByTime } from './content-data/dataset.ts';
import {
  cursorAndRenamedCli,
  remoteDevServer,
  serviceInstall,
} from './content-data/extra-attacks.ts';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'content', 'data');

const datasets: readonly Dataset[] = [
  ...atomicTests(),
  serviceInstall(),
  remoteDevServer(),
  cursorAndRenamedCli(),
  vscodeDailyUse(),
  jetbrainsLocalIde(),
  ...ciAgent(),
  approvedDeveloperTunnel(),
];

for (const dataset of datasets) {
  const file = path.join(dataDir, ...dataset.path.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${sortByTime(dataset.events).join('\n')}\n`);
  console.log(
    `${dataset.events.length.toString().padStart(3)} events  content/data/${dataset.path}`,
  );
}
