// Windows EVTX files (the reader lives in src/ingest/evtx/).
import type { EventSource } from '../../core/index.ts';
import { type EvtxReadOptions, readEvtx } from '../evtx/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import { spoolToFile } from '../input/spool.ts';
import type { ReadOptions } from '../read-options.ts';
import type { InputFormat } from './input-format.ts';

/** What openInputs passes on to the EVTX reader besides the common read options. */
export interface EvtxInputOptions {
  readonly evtx?: EvtxReadOptions;
}

const MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"

export const evtxFormat: InputFormat = {
  name: 'evtx',
  description: 'Windows EVTX files',
  extensions: ['.evtx'],
  sniff: ({ bytes }) => MAGIC.every((b, i) => bytes[i] === b),
  read: readEvtxInput,
};

/**
 * The EVTX reader needs a file it can seek in: stdin and gzip-compressed EVTX are written to a
 * temporary file first (removed after), and their problems still name the input as given.
 */
async function* readEvtxInput(
  input: ByteInput,
  options: ReadOptions & EvtxInputOptions,
): EventSource {
  if (input.filePath !== undefined) {
    await input.close();
    yield* readEvtx(input.filePath, options, options.evtx);
    return;
  }
  const spooled = await spoolToFile(input, '.evtx');
  try {
    // Spooling counted the bytes already.
    const { onFileBytes: _counted, ...spooledOptions } = options;
    yield* readEvtx(
      spooled.path,
      {
        ...spooledOptions,
        onProblem: (problem) => options.onProblem({ ...problem, path: input.path }),
      },
      options.evtx,
    );
  } finally {
    await spooled.remove();
  }
}
