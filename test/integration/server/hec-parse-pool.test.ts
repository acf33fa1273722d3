// HEC's parse workers: bodies parsed off the main thread come back encoded and equal to a parse on
// the main thread; a worker that dies on a body (here: out of its heap) answers that body with
// Splunk's code 6 and is replaced, and the pool goes on; closing answers what waits "shutting down".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HecError } from '../../../src/server/ingest/hec/hec-codes.ts';
import { parseHecBody } from '../../../src/server/ingest/hec/hec-parse.ts';
import { HecParsePool } from '../../../src/server/ingest/hec/hec-parse-pool.ts';
import { decodeEvents } from '../../../src/server/store/encoded-events.ts';
import { hecParseRequest } from '../../server/ingest/hec-parse-request.ts';

const XML = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID><TimeCreated SystemTime='2024-05-01T08:00:00.000Z'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws1</Computer></System><EventData><Data Name='Image'>C:\\code.exe</Data><Data Name='CommandLine'>code tunnel ✓</Data></EventData></Event>`;

test('a worker parses as the main thread does; a worker that dies answers code 6 and is replaced', {
  timeout: 120_000,
}, async () => {
  const pool = new HecParsePool({ workers: 1, maxHeapMb: 64 });
  try {
    const body = [
      JSON.stringify({ event: XML, sourcetype: 'XmlWinEventLog' }),
      JSON.stringify({ event: { a: 1, b: ['x', 'y'] }, time: '1714550400.5' }),
      JSON.stringify({ event: 'plain' }),
    ].join('\n');
    const inWorker = await pool.parse(hecParseRequest(body));
    const here = parseHecBody(hecParseRequest(body));
    assert.ok(inWorker.ok && here.ok);
    assert.deepEqual(decodeEvents(inWorker.encoded), decodeEvents(here.encoded));
    assert.equal(decodeEvents(inWorker.encoded)[0]?.['CommandLine'], 'code tunnel ✓');

    const bad = await pool.parse(hecParseRequest('{"event": "x"} {"nope"'));
    assert.equal(bad.ok, false);

    // About 100 MB of small envelopes, each with a field name of its own: events are encoded one
    // at a time, but a batch's field names cannot fit in a 64 MB heap.
    const huge = Array.from(
      { length: 2_500_000 },
      (_, i) => `{"event":"x","fields":{"f${i}":"b"}}`,
    ).join('\n');
    await assert.rejects(pool.parse(hecParseRequest(huge)), (error: unknown) => {
      assert.ok(error instanceof HecError);
      assert.equal(error.code, 6);
      return true;
    });
    const after = await pool.parse(hecParseRequest(body));
    assert.ok(after.ok);
    assert.equal(after.encoded.count, 3);
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.parse(hecParseRequest('{"event":"x"}')), HecError);
});
