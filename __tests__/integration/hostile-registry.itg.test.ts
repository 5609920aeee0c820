// The registry client against hostile answers in front of the real registries (through the fault
// proxy): a manifest trickled in, a layer trickled during a copy, a manifest announced at 2 GiB, a
// bearer realm pointed at another host, malformed JSON reaching the CLI. The unit tests
// (__tests__/registry/hostile.test.ts) pin each rule alone; these show they hold end to end.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {randomBytes} from 'node:crypto';
import {RegistryClient} from '../../src/registry/client.js';
import {ImageCopier} from '../../src/registry/copy.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {parseManifest} from '../../src/oci/manifest.js';
import {runCli} from '../helpers/cli.js';
import {failure} from '../helpers/hostile-registry.js';
import {explicitLogin} from '../helpers/login.js';
import {FaultProxy} from './helpers/fault-proxy.js';
import {testbedTokenServer} from './helpers/token-server.js';
import {testbed} from './helpers/testbed.js';

const bed = testbed();
const FINAL = `127.0.0.1:${bed.ports.final}`;
const INTERMEDIATE = `127.0.0.1:${bed.ports.intermediate}`;
const base = {registry: FINAL, repository: 'base/busybox'};
const ns = `h${randomBytes(5).toString('hex')}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';
let baseDigest: string;
let layer: string;

beforeAll(async () => {
  const client = new RegistryClient(new RegistryTransport());
  try {
    baseDigest = (await client.headManifest(base, '1'))!.digest;
    const index = parseManifest((await client.getManifest(base, baseDigest))!);
    if (index.kind !== 'index') throw new Error('the testbed base is not an index');
    const child = parseManifest((await client.getManifest(base, index.index.manifests[0]!.digest))!);
    if (child.kind !== 'image') throw new Error('unexpected child');
    layer = child.manifest.layers[0]!.digest;
  } finally {
    client.transport.close();
  }
});

async function withProxy<T>(target: string, fn: (proxy: FaultProxy) => Promise<T>): Promise<T> {
  const proxy = new FaultProxy({target});
  await proxy.start();
  try {
    return await fn(proxy);
  } finally {
    await proxy.stop();
  }
}

describe('slow registries end in bounded time', () => {
  it('a manifest trickled at 10 bytes/s is cut at the request deadline, read once more, then refused', async () => {
    await withProxy(FINAL, async proxy => {
      proxy.setRules([
        req => (req.path.endsWith(`/manifests/${baseDigest}`) ? {kind: 'trickle', bytes: 10, everyMs: 1000} : undefined)
      ]);
      const transport = new RegistryTransport({requestTimeoutMs: 2000});
      try {
        const started = Date.now();
        const e = await failure(
          new RegistryClient(transport).getManifest({registry: proxy.address, repository: base.repository}, baseDigest)
        );
        const took = Date.now() - started;
        expect(e.message).toContain(`/v2/base/busybox/manifests/${baseDigest} on ${proxy.address}`);
        expect(e.message).toMatch(/did not finish its answer within 2000 ms/);
        expect(proxy.log.filter(l => l.fault === 'trickle:10B/1000ms')).toHaveLength(2);
        // Two attempts of 2 s and at most one backoff of 0.5 s.
        expect(took).toBeGreaterThanOrEqual(4000);
        expect(took).toBeLessThan(5500);
      } finally {
        transport.close();
      }
    });
  }, 30000);

  it('a layer trickled during a copy is cut by the low-speed rule, tried once more, and nothing is tagged', async () => {
    await withProxy(FINAL, async proxy => {
      proxy.setRules([
        req =>
          req.method === 'GET' && req.path.endsWith(`/blobs/${layer}`)
            ? {kind: 'trickle', bytes: 1, everyMs: 2000}
            : undefined
      ]);
      const transport = new RegistryTransport({lowSpeed: {bytesPerSecond: 16 * 1024, windowMs: 2000}});
      const target = {registry: INTERMEDIATE, repository: `${ns}/trickled`};
      try {
        const client = new RegistryClient(transport);
        const started = Date.now();
        const e = await failure(
          new ImageCopier(client).copy({registry: proxy.address, repository: base.repository}, target, baseDigest)
        );
        const took = Date.now() - started;
        expect(e.message).toContain(`/v2/base/busybox/blobs/${layer} on ${proxy.address}`);
        expect(e.message).toMatch(/arrived at less than 16384 bytes\/s .* \(twice for blob/);
        expect(proxy.log.filter(l => l.fault === 'trickle:1B/2000ms')).toHaveLength(2);
        expect(took).toBeLessThan(8000);
        expect(await client.headManifest(target, baseDigest)).toBeUndefined();
      } finally {
        transport.close();
      }
    });
  }, 30000);
});

describe('hostile answers are refused with the registry, the URL and the cause', () => {
  it('a manifest announced at 2 GiB is refused at once, before any of it is buffered', async () => {
    await withProxy(FINAL, async proxy => {
      proxy.setRules([
        req =>
          req.path.endsWith('/manifests/1')
            ? {kind: 'status', status: 200, headers: {'content-type': INDEX, 'content-length': '2147483648'}, body: '{'}
            : undefined
      ]);
      const transport = new RegistryTransport();
      try {
        const started = Date.now();
        const e = await failure(
          new RegistryClient(transport).getManifest({registry: proxy.address, repository: base.repository}, '1')
        );
        expect(e.message).toBe(
          `GET /v2/base/busybox/manifests/1 on ${proxy.address}: the registry sent 2147483648 bytes (Content-Length), more than the 4 MiB imagegate reads for a manifest; refusing it`
        );
        expect(Date.now() - started).toBeLessThan(1000);
      } finally {
        transport.close();
      }
    });
  });

  it('a bearer realm on another host never receives the credentials; the real one on loopback does', async () => {
    const tokens = testbedTokenServer(bed);
    const {user, password, service} = tokens.opts;
    await tokens.start();
    try {
      await withProxy(`127.0.0.1:${bed.ports.token}`, async proxy => {
        const realm = 'https://auth.elsewhere.example/token';
        proxy.setRules([
          req =>
            req.headers.authorization
              ? undefined
              : {
                  kind: 'status',
                  status: 401,
                  headers: {'www-authenticate': `Bearer realm="${realm}",service="${service}"`}
                }
        ]);
        const credentials = explicitLogin([proxy.address], user, password);
        const repo = {registry: proxy.address, repository: `${ns}/realm`};
        const refused = new RegistryTransport({credentials});
        try {
          const e = await failure(new ImageCopier(new RegistryClient(refused)).copy(base, repo, baseDigest));
          expect(e.message).toContain(`${proxy.address} sends its token requests to https://auth.elsewhere.example`);
          expect(e.message).toContain('IMAGEGATE_TRUSTED_REALMS=auth.elsewhere.example');
          expect(tokens.authorizations).toEqual([]);
        } finally {
          refused.close();
        }
        proxy.setRules([]);
        const allowed = new RegistryTransport({credentials});
        try {
          await new ImageCopier(new RegistryClient(allowed)).copy(base, repo, baseDigest);
          expect(tokens.authorizations).toContain(`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
        } finally {
          allowed.close();
        }
      });
    } finally {
      await tokens.stop();
    }
  });

  it('malformed JSON reaches the CLI as exit 3 naming the registry, the URL and the cause, without a stack', async () => {
    await withProxy(FINAL, async proxy => {
      proxy.setRules([
        req =>
          req.path.endsWith('/manifests/1')
            ? {kind: 'status', status: 200, headers: {'content-type': INDEX}, body: '{"schemaVersion":2,'}
            : undefined
      ]);
      const r = await runCli(['verify', `${proxy.address}/base/busybox:1`], {
        env: {PATH: process.env.PATH, HOME: process.env.HOME}
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(
        `http://${proxy.address}/v2/base/busybox/manifests/1 served a manifest that is not JSON (`
      );
      expect(r.stderr).not.toMatch(/unexpected error|SyntaxError|\n\s+at /);
    });
  });
});
