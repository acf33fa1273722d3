import { readEvents } from './bench/sections/server.ts';
import { openWorkspace } from './src/engine/index.ts';
import { encodeEvents, decodeEvents } from './src/server/store/encoded-events.ts';
import { SigmaMatcher } from './src/server/detect/stream/sigma-matcher.ts';
const file = '.bench-tmp/server-sysmon-1000000.xml';
const events = [];
for await (const b of readEvents(file, 20000)) events.push(...b.map((e) => ({ ...e, index: 'wineventlog' })));
const batches = [];
for (let i = 0; i < events.length; i += 2000) batches.push(encodeEvents(events.slice(i, i + 2000)));
console.log('fields/event', batches[0].cells.length / 4 / 2000, 'bytes/event', batches[0].bytes.length / 2000);
const ws = openWorkspace({ content: [], sigma: ['../shared/corpus/sigma/rules/windows'], without: ['data-models'] });
const m = new SigmaMatcher();
let t = performance.now();
m.handle({ kind: 'load', generation: 1, options: { ...ws.options, sigmaFiles: ws.sigmaFiles } });
console.log('load ms', performance.now() - t);
for (let round = 0; round < 3; round++) {
  t = performance.now();
  for (const b of batches) decodeEvents(b);
  const dec = performance.now() - t;
  t = performance.now();
  for (const b of batches) structuredClone(b);
  const clone = performance.now() - t;
  t = performance.now();
  let f = 0, id = 0;
  for (const b of batches) f += m.handle({ kind: 'match', id: id++, generation: 1, replay: false, batch: b }).findings.length;
  const all = performance.now() - t;
  console.log(`per event: decode ${(dec / 20).toFixed(1)} us, clone ${(clone / 20).toFixed(1)} us, decode+match ${(all / 20).toFixed(1)} us, findings ${f}`);
}
