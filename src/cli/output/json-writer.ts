// The `json` format: one array of result objects, written as rows arrive.
import { rowJsonText } from './json-value.ts';
import type { ResultWriter, TextSink } from './result-writer.ts';

export function createJsonWriter(sink: TextSink): ResultWriter {
  let count = 0;
  return {
    write(batch) {
      if (batch.length === 0) return;
      const parts = batch.map((row) => `  ${rowJsonText(row)}`);
      sink(`${count === 0 ? '[\n' : ',\n'}${parts.join(',\n')}`);
      count += batch.length;
    },
    end() {
      sink(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
