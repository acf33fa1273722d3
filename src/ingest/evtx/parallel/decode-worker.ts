// Worker thread entry: decodes the chunks it is sent with one reusable ChunkDecoder.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkDecodeOptions, ChunkDecoder } from '../decode-chunk.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';
import { packChunk, transferables } from './packed-chunk.ts';

const decoder = new ChunkDecoder(workerData as ChunkDecodeOptions);

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const bytes = Buffer.from(request.buffer, request.start, request.length);
    const chunk = packChunk(decoder.decode(bytes, request.index, request.fileOffset));
    reply = { id: request.id, chunk };
    transfer = transferables(chunk);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
