// Worker thread entry: decodes the chunks it is sent with one reusable decoder and packs them.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkDecoder } from '../decode-chunk.ts';
import { EventChunkDecoder } from '../event-decoder.ts';
import type { WorkerJob, WorkerReply, WorkerRequest } from './messages.ts';
import { packChunk, transferables } from './packed-chunk.ts';
import { packEvents, transferableEvents } from './packed-events.ts';

type Packer = (bytes: Uint8Array, index: number, fileOffset: number) => WorkerReplyBody;

interface WorkerReplyBody {
  readonly packed: unknown;
  readonly transfer: ArrayBuffer[];
}

function packerFor(job: WorkerJob): Packer {
  if (job.kind === 'events') {
    const decoder = new EventChunkDecoder(job.options);
    return (bytes, index, fileOffset) => {
      const packed = packEvents(decoder.decode(bytes, index, fileOffset));
      return { packed, transfer: transferableEvents(packed) };
    };
  }
  const decoder = new ChunkDecoder(job.options);
  return (bytes, index, fileOffset) => {
    const packed = packChunk(decoder.decode(bytes, index, fileOffset));
    return { packed, transfer: transferables(packed) };
  };
}

const pack = packerFor(workerData as WorkerJob);

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const bytes = Buffer.from(request.buffer, request.start, request.length);
    const body = pack(bytes, request.index, request.fileOffset);
    reply = { id: request.id, packed: body.packed };
    transfer = body.transfer;
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
