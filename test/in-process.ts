// `npm test`'s tier: tests run in their own process only. Loaded with --import into each test
// file's process, it makes starting a child process or a worker thread fail with a message that
// says where such a test belongs (test/integration/, `npm run test:integration`). The EVTX
// reader's default thread count comes from the core count: the tier pins it to the CI machine's
// two cores, where the reader decodes on the main thread, so the tier is the same everywhere.
import { createRequire, syncBuiltinESMExports } from 'node:module';

// The test runner's own process starts the test files' processes: only those are guarded.
if (process.env['NODE_TEST_CONTEXT']?.startsWith('child') === true) {
  const require = createRequire(import.meta.url);
  // A function, not an arrow: `new Worker(...)` must reach the throw, not fail as a non-constructor.
  const refuse = (what: string) =>
    function refused(): never {
      throw new Error(
        `${what}: npm test runs in-process tests only; put this test under test/integration/ (npm run test:integration)`,
      );
    };
  const childProcess = require('node:child_process') as Record<string, unknown>;
  for (const name of [
    'spawn',
    'spawnSync',
    'exec',
    'execSync',
    'execFile',
    'execFileSync',
    'fork',
  ]) {
    childProcess[name] = refuse(`child_process.${name}`);
  }
  const workerThreads = require('node:worker_threads') as Record<string, unknown>;
  workerThreads['Worker'] = refuse('new Worker');
  const os = require('node:os') as Record<string, unknown>;
  os['availableParallelism'] = () => 2;
  syncBuiltinESMExports();
}
