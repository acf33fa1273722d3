// JSON lines and concatenated JSON objects (flat, evtx_dump, Winlogbeat/ECS, Splunk export).
import { readJsonl } from '../jsonl/read-jsonl.ts';
import type { InputFormat } from './input-format.ts';

const RECORD_BANNER = /^\s*Record \d+\s*\n\s*\{/;

export const jsonlFormat: InputFormat = {
  name: 'jsonl',
  description: 'JSON lines or concatenated JSON objects',
  extensions: ['.json', '.jsonl', '.ndjson'],
  sniff: ({ text }) => /^\s*[{[]/.test(text) || RECORD_BANNER.test(text),
  read: readJsonl,
};
