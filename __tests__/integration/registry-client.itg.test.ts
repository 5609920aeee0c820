// The registry client's upload paths against the real registry.
import {afterAll, describe, expect, it} from '@jest/globals';
import {randomBytes} from 'node:crypto';
import {Readable} from 'node:stream';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {sha256Digest} from '../../src/oci/digest.js';
import {testbed} from './helpers/testbed.js';

testbed();
const transport = new RegistryTransport();
const repo = {registry: testbed().registry, repository: `t${randomBytes(5).toString('hex')}/blobs`};
afterAll(() => transport.close());

async function download(client: RegistryClient, digest: string, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await client.getBlob(repo, {mediaType: 'application/octet-stream', digest, size}))
    chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('blob uploads', () => {
  it('uploads in chunks when a blob is larger than the chunk size, byte-exact', async () => {
    const client = new RegistryClient(transport, {chunkSize: 1024 * 1024});
    const data = randomBytes(3.5 * 1024 * 1024);
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    const patches = transport.stats.byMethod.PATCH ?? 0;
    await client.uploadBlob(repo, blob, async offset => Readable.from([data.subarray(offset)]));
    expect((transport.stats.byMethod.PATCH ?? 0) - patches).toBe(4);
    expect((await download(client, blob.digest, blob.size)).equals(data)).toBe(true);
  });

  it('uploads a blob in one streamed PUT otherwise', async () => {
    const client = new RegistryClient(transport);
    const data = randomBytes(2 * 1024 * 1024);
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    const patches = transport.stats.byMethod.PATCH ?? 0;
    await client.uploadBlob(repo, blob, async () => Readable.from([data.subarray(0, 1000), data.subarray(1000)]));
    expect((transport.stats.byMethod.PATCH ?? 0) - patches).toBe(0);
    expect(await client.headBlob(repo, blob.digest)).toBe(true);
  });

  it('puts a small blob once; the same run remembers it, a later run only asks whether it is there', async () => {
    const client = new RegistryClient(transport);
    const digest = await client.putSmallBlob(repo, Buffer.from('{}'));
    let before = transport.stats.requests;
    await client.putSmallBlob(repo, Buffer.from('{}'));
    expect(transport.stats.requests - before).toBe(0);
    before = transport.stats.requests;
    await new RegistryClient(transport).putSmallBlob(repo, Buffer.from('{}'));
    expect(transport.stats.requests - before).toBe(1);
    expect(digest).toBe(sha256Digest(Buffer.from('{}')));
    expect(await client.headBlob(repo, digest)).toBe(true);
  });

  it('refuses a blob whose bytes do not match its digest', async () => {
    const client = new RegistryClient(transport);
    const data = randomBytes(1000);
    const wrong = {mediaType: 'application/octet-stream', digest: sha256Digest(randomBytes(10)), size: data.length};
    await expect(client.uploadBlob(repo, wrong, async () => Readable.from([data]))).rejects.toThrow(
      /PUT blob .* answered 400 DIGEST_INVALID/
    );
  });
});
