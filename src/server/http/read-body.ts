// Request bodies read with a size limit (decompressed size for gzip), so no client can make the
// server buffer without bound; a client that disconnects mid-body gets nothing stored.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip } from 'node:zlib';

export class BodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`the request body is over the ${limit}-byte limit`);
    this.name = 'BodyTooLargeError';
    this.limit = limit;
  }
}

export class ClientAbortedError extends Error {
  constructor() {
    super('the client disconnected before sending the whole body');
    this.name = 'ClientAbortedError';
  }
}

export class BadEncodingError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BadEncodingError';
  }
}

/**
 * The whole body, or BodyTooLargeError as soon as it is known to be over `limit` (the rest is not
 * read: reply with `closeAfterReply`, which ends the connection once the reply is sent).
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    request.resume();
    throw new BadEncodingError(`unsupported Content-Encoding ${encoding}`);
  }
  if (encoding === 'identity' && Number.isFinite(declared) && declared > limit) {
    throw new BodyTooLargeError(limit);
  }
  const source: AsyncIterable<Buffer> =
    encoding === 'gzip' ? request.pipe(createGunzip()) : (request as AsyncIterable<Buffer>);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limit) throw new BodyTooLargeError(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    if (encoding === 'gzip' && !request.destroyed && request.complete) {
      throw new BadEncodingError(`the gzip body is corrupt: ${(error as Error).message}`);
    }
    throw new ClientAbortedError();
  }
  if (!request.complete) throw new ClientAbortedError();
  return Buffer.concat(chunks, size);
}

/** Ends the connection after the reply: for a request whose body was left unread. */
export function closeAfterReply(response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  response.on('finish', () => response.socket?.destroy());
}
