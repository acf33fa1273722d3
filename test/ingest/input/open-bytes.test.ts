import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openBytes } from '../../../src/ingest/input/open-bytes.ts';
import { chunksOf } from '../helpers/read-text.ts';

async function bytesOf(content: Uint8Array, chunkSize = 7) {
  const opened = await openBytes({ path: 'p', stream: chunksOf(content, chunkSize) });
  if (opened.kind === 'container') return opened.container;
  const parts: Uint8Array[] = [];
  for await (const chunk of opened.input.chunks()) parts.push(chunk);
  return {
    text: Buffer.concat(parts).toString('utf8'),
    compressed: opened.input.compressed,
    encoding: opened.input.encoding,
  };
}

test('gzip is read transparently, also nested and multi-member', async () => {
  const text = 'hello\n'.repeat(50_000);
  assert.deepEqual(await bytesOf(gzipSync(text), 1000), {
    text,
    compressed: true,
    encoding: 'utf-8',
  });
  assert.deepEqual(await bytesOf(gzipSync(gzipSync(text))), {
    text,
    compressed: true,
    encoding: 'utf-8',
  });
  const twoMembers = Buffer.concat([gzipSync('a\n'), gzipSync('b\n')]);
  assert.deepEqual(await bytesOf(twoMembers), {
    text: 'a\nb\n',
    compressed: true,
    encoding: 'utf-8',
  });
});

test('a corrupt or truncated gzip stream throws a zlib error while reading', async () => {
  const full = gzipSync('x'.repeat(100_000));
  await assert.rejects(
    () => bytesOf(full.subarray(0, full.length - 20)),
    (error: NodeJS.ErrnoException) => error.code?.startsWith('Z_') === true,
  );
  const corrupt = Buffer.from(full);
  corrupt.fill(0x55, 20, 60);
  await assert.rejects(
    () => bytesOf(corrupt),
    (error: NodeJS.ErrnoException) => error.code?.startsWith('Z_') === true,
  );
});

test('archives are named, not misread', async () => {
  assert.equal(await bytesOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), 'zip');
  assert.equal(await bytesOf(Buffer.from('BZh91AY&SY')), 'bzip2');
  assert.equal(await bytesOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1])), 'xz');
});
