// Bench child: a hunt (built-in pack and the Sigma rule folders given) over one EVTX file with a
// given number of decoding worker threads (0: decoding on the main thread), as `spelunk hunt`
// runs it; the CLI's --threads cannot ask for exactly one worker beside the main thread.
// argv: workers, file, Sigma rule folders...
import { BUILTIN_CONTENT_DIR } from '../../src/detection/index.ts';
import { openWorkspace, runHunt } from '../../src/engine/index.ts';

const [workers, file, ...sigma] = process.argv.slice(2);
const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR], sigma });
const report = await runHunt(workspace, [file as string], {
  input: { evtx: { workers: Number(workers) } },
});
console.log(JSON.stringify({ events: report.events }));
