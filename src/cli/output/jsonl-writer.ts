// The `jsonl` format: one JSON object per line, written as rows arrive.
import { rowJsonText } from './json-value.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

export function createJsonlWriter(sink: TextSink): ResultWriter {
  return {
    write(batch) {
      if (batch.length === 0) return;
      sink(`${batch.map(rowJsonText).join('\n')}\n`);
    },
    end() {},
  };
}
