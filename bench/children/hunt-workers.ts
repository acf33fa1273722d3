// Bench child: a hunt (built-in pack and the Sigma rule folders given) over one EVTX file with a
// given number of decoding worker threads (0: decoding on the main thread), as `spelunk hunt`
// runs it; the CLI's --threads cannot ask for exactly one worker beside the main thread.
// argv: workers, file, Sigma rule folders...
import { prepareHunt, runHunt } from '../../src/engine/index.ts';

const [workers, file, ...sigma] = process.argv.slice(2);
const setup = prepareHunt({ content: [], sigma, only: [] });
const report = await runHunt(setup, [file as string], {
  input: { evtx: { workers: Number(workers) } },
});
console.log(JSON.stringify({ events: report.events }));
