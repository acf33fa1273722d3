import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openBytes } from '../../../src/ingest/input/open-bytes.ts';
import { chunksOf } from '../helpers/read-text.ts';

async function bytesOf(content: Uint8Array, chunkSize = 7) {
  const read = await readWithDamage(content, chunkSize);
  if (typeof read === 'string') return read;
  return { text: read.text, compressed: read.compressed, encoding: read.encoding };
}

async function readWithDamage(content: Uint8Array, chunkSize = 7) {
  const opened = await openBytes({ path: 'p', stream: chunksOf(content, chunkSize) });
  if (opened.kind === 'container') return opened.container;
  const parts: Uint8Array[] = [];
  for await (const chunk of opened.input.chunks()) parts.push(chunk);
  return {
    text: Buffer.concat(parts).toString('utf8'),
    compressed: opened.input.compressed,
    encoding: opened.input.encoding,
    damage: opened.input.damage?.(),
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

test('damaged gzip gives every byte before the damage and says what broke', async () => {
  const text = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${i * 7919}`).join('\n');
  const full = gzipSync(text);
  const read = async (bytes: Uint8Array) => {
    const r = await readWithDamage(bytes, 4096);
    assert.ok(typeof r !== 'string');
    return r;
  };
  const cut = await read(full.subarray(0, Math.floor(full.length / 2)));
  assert.ok(text.startsWith(cut.text) && cut.text.length > text.length / 4, 'prefix kept');
  assert.match(cut.damage ?? '', /truncated/);
  const noTrailer = await read(full.subarray(0, full.length - 4));
  assert.equal(noTrailer.text, text);
  assert.match(noTrailer.damage ?? '', /truncated/);
  const garbage = await read(Buffer.concat([full, Buffer.from('garbage after the member')]));
  assert.equal(garbage.text, text, 'the whole member, up to its last byte');
  assert.match(garbage.damage ?? '', /data after the end of the gzip stream/);
  const padded = await read(Buffer.concat([full, Buffer.alloc(512)]));
  assert.equal(padded.text, text);
  assert.equal(padded.damage, undefined, 'zero padding is harmless');
  // Damaged deflate data can decode to wrong bytes before it fails; the checksum tells anyway.
  const corrupt = Buffer.from(full);
  corrupt.fill(0x55, full.length / 2, full.length / 2 + 40);
  const broken = await read(corrupt);
  assert.equal(broken.text.slice(0, text.length / 4), text.slice(0, text.length / 4));
  assert.match(broken.damage ?? '', /corrupt/);
  const flipped = Buffer.from(full);
  flipped[full.length - 6] = (flipped[full.length - 6] as number) ^ 1;
  assert.match((await read(flipped)).damage ?? '', /checksum/);
});

test('archives are named, not misread', async () => {
  assert.equal(await bytesOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), 'zip');
  assert.equal(await bytesOf(Buffer.from('BZh91AY&SY')), 'bzip2');
  assert.equal(await bytesOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1])), 'xz');
});
