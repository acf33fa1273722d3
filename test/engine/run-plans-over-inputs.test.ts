// The engine facade over real inputs: a satisfied `head` stops reading stdin that never ends, in process (the CLI: test/integration/cli/search.test.ts).
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import { runPlansOverInputs } from '../../src/engine/index.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import { PROCESS_LINES_64K } from '../helpers/process-lines.ts';
import { cleanKnowledge } from '../knowledge/helpers.ts';

/**
 * A stream that produces data as long as it is read: 2,000 chunks (125 MiB), endless for a
 * `head`, bounded so that a pump that never stops fails the test instead of hanging it.
 */
function neverEnding() {
  const seen = { chunks: 0 };
  const stream = new Readable({
    read() {
      seen.chunks++;
      this.push(seen.chunks > 2000 ? null : PROCESS_LINES_64K);
    },
  });
  return { seen, stream };
}

describe('runPlansOverInputs and a head that is satisfied', () => {
  test('head 5 over stdin that never ends returns, and the stream is closed', {
    timeout: 60_000,
  }, async () => {
    const compiled = compileSpl('EventCode=1 | head 5 | table Image');
    assert.ok(compiled.ok);
    const rows: Event[] = [];
    const { seen, stream } = neverEnding();
    const summary = await runPlansOverInputs(
      [{ plan: compiled.value, context: { emit: (batch) => rows.push(...batch) } }],
      ['-'],
      { knowledge: cleanKnowledge({ props: '' }), input: { stdin: stream } },
    );
    assert.deepEqual(
      rows.map((r) => r['Image']),
      ['C:\\w\\p0.exe', 'C:\\w\\p1.exe', 'C:\\w\\p2.exe', 'C:\\w\\p3.exe', 'C:\\w\\p4.exe'],
    );
    assert.equal(stream.destroyed, true, 'stdin is released');
    // The sniffed head and what the stream buffered ahead, not the 2,000 chunks it could give.
    assert.ok(seen.chunks < 64, `${seen.chunks} chunks pulled`);
    const file = summary?.files[0];
    assert.ok(file !== undefined && file.events > 0 && file.events < 64 * 600);
  });
});
