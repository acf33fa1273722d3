// Bench child: reads the inputs and drops the events (no rules): the floor of a hunt over them.
// argv: EVTX worker threads (0: decode on the main thread), paths...
import { openInputs } from '../../src/ingest/open-inputs.ts';

const [workers, ...paths] = process.argv.slice(2);
const inputs = await openInputs(paths, { needRaw: false, evtx: { workers: Number(workers) } });
let events = 0;
for await (const batch of inputs.source) events += batch.length;
console.log(JSON.stringify({ events }));
