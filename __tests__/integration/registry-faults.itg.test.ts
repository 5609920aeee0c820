// The registry client against single, scripted faults on the real registries (through our fault
// proxy): bearer tokens that expire mid-push, uploads cut mid-chunk, connections that stall,
// redirects to another host, and a source serving wrong bytes.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {Readable} from 'node:stream';
import {RegistryClient} from '../../src/registry/client.js';
import {ImageCopier} from '../../src/registry/copy.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {parseManifest} from '../../src/oci/manifest.js';
import {sha256Digest} from '../../src/oci/digest.js';
import {explicitLogin} from '../helpers/login.js';
import {FaultProxy} from './helpers/fault-proxy.js';
import {testbedTokenServer} from './helpers/token-server.js';
import {testbed} from './helpers/testbed.js';

const bed = testbed();
const need = (key: string): string => {
  const value = bed.raw[key];
  if (!value) throw new Error(`the testbed env has no ${key}: rerun \`scripts/testbed up\``);
  return value;
};
const password = readFileSync(need('TESTBED_AUTH_PASSWORD_FILE'), 'utf8').trim();
const user = need('TESTBED_AUTH_USER');
const ns = `f${randomBytes(5).toString('hex')}`;
const FINAL = `127.0.0.1:${bed.ports.final}`;
const base = {registry: FINAL, repository: 'base/busybox'};
let baseDigest: string;

beforeAll(async () => {
  const client = new RegistryClient(new RegistryTransport());
  baseDigest = (await client.headManifest(base, '1'))!.digest;
  client.transport.close();
});

const credentialsFor = (host: string) => explicitLogin([host], user, password);

async function download(client: RegistryClient, repo: {registry: string; repository: string}, data: Buffer) {
  const chunks: Buffer[] = [];
  const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
  for await (const c of await client.getBlob(repo, blob)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('bearer tokens', () => {
  const tokens = testbedTokenServer(bed);
  beforeAll(() => tokens.start());
  afterAll(() => tokens.stop());

  it('asks for a token per repository scope, and sends the credentials only to the token service', async () => {
    const proxy = new FaultProxy({target: `127.0.0.1:${bed.ports.token}`});
    await proxy.start();
    const transport = new RegistryTransport({credentials: credentialsFor(proxy.address)});
    try {
      const target = {registry: proxy.address, repository: `${ns}/scoped`};
      await new ImageCopier(new RegistryClient(transport)).copy(base, target, baseDigest);
      expect(tokens.issued.map(t => t.scopes.join(' '))).toContain(`repository:${ns}/scoped:pull,push`);
      const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      expect(tokens.authorizations).toContain(basic);
      expect(proxy.log.some(e => JSON.stringify(e).includes(password))).toBe(false);
    } finally {
      transport.close();
      await proxy.stop();
    }
  });

  it('a token that expires mid-push is refreshed and the refused upload is sent again from a fresh stream', async () => {
    tokens.lifetimeMs = 1500;
    const proxy = new FaultProxy({target: `127.0.0.1:${bed.ports.token}`});
    await proxy.start();
    // The first blob PUT reaches the registry 2.5 s after it was sent: past the token's real lifetime.
    let delayed = 0;
    proxy.setRules([
      req =>
        req.method === 'PUT' && req.path.includes('/blobs/uploads/') && delayed++ === 0
          ? {kind: 'latency', ms: 2500}
          : undefined
    ]);
    const transport = new RegistryTransport({credentials: credentialsFor(proxy.address)});
    const issuedBefore = tokens.issued.length;
    try {
      const target = {registry: proxy.address, repository: `${ns}/expiring`};
      const client = new RegistryClient(transport);
      const root = await new ImageCopier(client, {parallel: 1}).copy(base, target, baseDigest);
      const refused = proxy.log.filter(e => e.method === 'PUT' && e.status === 401);
      expect(refused.length).toBeGreaterThan(0);
      expect(tokens.issued.length - issuedBefore).toBeGreaterThanOrEqual(2);
      // Every child and blob arrived whole: the registry verified each digest on PUT.
      const parsed = parseManifest(root);
      expect(parsed.kind).toBe('index');
      if (parsed.kind === 'index')
        for (const child of parsed.index.manifests)
          expect((await client.headManifest(target, child.digest))?.digest).toBe(child.digest);
    } finally {
      tokens.lifetimeMs = 60_000;
      transport.close();
      await proxy.stop();
    }
  });
});

describe('uploads and downloads under single faults', () => {
  it('a chunked upload cut in the middle of a chunk starts again and ends byte-exact', async () => {
    const proxy = new FaultProxy({target: FINAL});
    await proxy.start();
    let patches = 0;
    proxy.setRules([
      req => (req.method === 'PATCH' && ++patches === 2 ? {kind: 'reset', afterRequestBytes: 100_000} : undefined)
    ]);
    const transport = new RegistryTransport();
    try {
      const client = new RegistryClient(transport, {chunkSize: 256 * 1024});
      const data = randomBytes(900 * 1024);
      const repo = {registry: proxy.address, repository: `${ns}/chunks`};
      const opened: number[] = [];
      await client.uploadBlob(
        repo,
        {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length},
        async offset => {
          opened.push(offset);
          return Readable.from([data.subarray(offset)]);
        }
      );
      expect(proxy.log.some(e => e.fault === 'reset@request+100000')).toBe(true);
      expect(opened.length).toBeGreaterThanOrEqual(2);
      expect((await download(client, {registry: FINAL, repository: repo.repository}, data)).equals(data)).toBe(true);
    } finally {
      transport.close();
      await proxy.stop();
    }
  });

  it('a connection that stalls is given up after the idle timeout and the read is retried', async () => {
    const proxy = new FaultProxy({target: FINAL});
    await proxy.start();
    let stalled = 0;
    proxy.setRules([req => (req.path.includes('/manifests/') && stalled++ === 0 ? {kind: 'stall'} : undefined)]);
    const transport = new RegistryTransport({idleTimeoutMs: 500});
    try {
      const started = Date.now();
      const got = await new RegistryClient(transport).getManifest(
        {registry: proxy.address, repository: base.repository},
        baseDigest
      );
      expect(got?.digest).toBe(baseDigest);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(proxy.log.filter(e => e.path.includes('/manifests/')).map(e => e.status)).toEqual(['stalled', 200]);
    } finally {
      transport.close();
      await proxy.stop();
    }
  });

  it('follows a blob redirect to another host without sending it the registry credentials', async () => {
    const authRegistry = `127.0.0.1:${need('TESTBED_REGISTRY_PORT_AUTH')}`;
    const data = randomBytes(64 * 1024);
    const repo = {registry: authRegistry, repository: `${ns}/redirected`};
    const direct = new RegistryTransport({credentials: credentialsFor(authRegistry)});
    await new RegistryClient(direct).putSmallBlob(repo, data);
    direct.close();

    const seen: (string | undefined)[] = [];
    const storage = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, {'content-length': String(data.length)}).end(data);
    });
    await new Promise<void>(resolve => storage.listen(0, '127.0.0.1', resolve));
    const storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}/bucket/blob`;
    const proxy = new FaultProxy({target: authRegistry});
    await proxy.start();
    proxy.setRules([
      req =>
        req.method === 'GET' && req.path.includes('/blobs/sha256:') && req.headers.authorization
          ? {kind: 'status', status: 307, headers: {location: storageUrl}, body: ''}
          : undefined
    ]);
    const transport = new RegistryTransport({credentials: credentialsFor(proxy.address)});
    try {
      const client = new RegistryClient(transport);
      const got = await download(client, {registry: proxy.address, repository: repo.repository}, data);
      expect(got.equals(data)).toBe(true);
      expect(seen).toEqual([undefined]);
      expect(proxy.log.some(e => e.status === 307)).toBe(true);
    } finally {
      transport.close();
      await proxy.stop();
      await new Promise<void>(resolve => storage.close(() => resolve()));
    }
  });

  it('a source serving wrong bytes for a layer fails the copy, and the target gets no manifest', async () => {
    const proxy = new FaultProxy({target: FINAL});
    await proxy.start();
    const source = {registry: proxy.address, repository: base.repository};
    const client = new RegistryClient(new RegistryTransport());
    const index = parseManifest((await client.getManifest(base, baseDigest))!);
    if (index.kind !== 'index') throw new Error('the testbed base is not an index');
    const child = parseManifest((await client.getManifest(base, index.index.manifests[0]!.digest))!);
    if (child.kind !== 'image') throw new Error('unexpected child');
    const layer = child.manifest.layers[0]!.digest;
    proxy.setRules([
      req => (req.method === 'GET' && req.path.endsWith(`/blobs/${layer}`) ? {kind: 'corrupt'} : undefined)
    ]);
    const transport = new RegistryTransport();
    const target = {registry: `127.0.0.1:${bed.ports.intermediate}`, repository: `${ns}/corrupt`};
    try {
      await expect(new ImageCopier(new RegistryClient(transport)).copy(source, target, baseDigest)).rejects.toThrow(
        `blob ${layer} came from its source with the right size but other bytes, twice`
      );
      expect(proxy.log.filter(e => e.fault === 'corrupt@0')).toHaveLength(2);
      expect(proxy.log.some(e => e.fault === 'corrupt@0')).toBe(true);
      expect(await client.headManifest(target, baseDigest)).toBeUndefined();
      expect(await client.headManifest(target, index.index.manifests[0]!.digest)).toBeUndefined();
      expect(await client.headBlob(target, layer)).toBe(false);
    } finally {
      transport.close();
      client.transport.close();
      await proxy.stop();
    }
  });
});
