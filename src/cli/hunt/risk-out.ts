// `--risk-out FILE`: risk events as JSON lines, written as they are raised, readable by `spelunk search index=risk`.
import { closeSync, openSync, writeSync } from 'node:fs';
import { type RiskEvent, riskEventRecord } from '../../engine/index.ts';
import { rowToJson } from '../output/json-value.ts';

/** Lines are buffered up to this many characters before each write. */
const FLUSH_AT = 1 << 16;

export interface RiskOutWriter {
  write(risk: RiskEvent): void;
  close(): void;
}

/**
 * One flat JSON object per line, `_time` as epoch seconds: the JSON-lines reader reads it back
 * as a flat record, and its source type `stash` keeps `index=risk` (docs/risk.md).
 */
export function openRiskOut(path: string, runId: string): RiskOutWriter {
  const fd = openSync(path, 'w');
  let buffer = '';
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = '';
  };
  return {
    write(risk) {
      const record = riskEventRecord(risk, runId);
      const { _time, ...rest } = record;
      buffer += `${JSON.stringify({ _time, ...rowToJson(rest) })}\n`;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
