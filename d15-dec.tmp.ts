import { Buffer } from 'node:buffer';
import { readEvents } from './bench/sections/server.ts';
import { encodeEvents, decodeEvents, CELL_WIDTH, TEXT_CELL } from './src/server/store/encoded-events.ts';
function oldDecode(encoded) {
  const bytes = Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.length);
  const out = new Array(encoded.count);
  const { cells, firstCell, names } = encoded;
  for (let i = 0; i < encoded.count; i++) {
    const event = { _time: encoded.times[i], index: encoded.indexNames[encoded.indexIds[i]] };
    for (let c = firstCell[i]; c < firstCell[i + 1]; c++) {
      const at = c * CELL_WIDTH;
      const text = bytes.toString('utf8', cells[at + 1], cells[at + 2]);
      event[names[cells[at]]] = cells[at + 3] === TEXT_CELL ? text : JSON.parse(text);
    }
    out[i] = event;
  }
  return out;
}
const events = [];
for await (const b of readEvents('.bench-tmp/server-sysmon-1000000.xml', 20000)) events.push(...b.map((e) => ({ ...e, index: 'wineventlog' })));
const batches = [];
for (let i = 0; i < events.length; i += 2000) batches.push(encodeEvents(events.slice(i, i + 2000)));
const a = oldDecode(batches[0]), b = decodeEvents(batches[0]);
console.log('equal', JSON.stringify(a) === JSON.stringify(b));
let bo = Infinity, bn = Infinity;
for (let r = 0; r < 15; r++) {
  let t = performance.now(); for (const x of batches) oldDecode(x); bo = Math.min(bo, performance.now() - t);
  t = performance.now(); for (const x of batches) decodeEvents(x); bn = Math.min(bn, performance.now() - t);
}
console.log(`best per event: old ${(bo / 20).toFixed(2)} us, new ${(bn / 20).toFixed(2)} us`);
