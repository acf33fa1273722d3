// Windows EVTX files (the reader lives in src/ingest/evtx/).
import type { InputFormat } from './input-format.ts';

const MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"

export const evtxFormat: InputFormat = {
  name: 'evtx',
  description: 'Windows EVTX files',
  extensions: ['.evtx'],
  sniff: ({ bytes }) => MAGIC.every((b, i) => bytes[i] === b),
};
