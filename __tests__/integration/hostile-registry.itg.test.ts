// The registry client against hostile answers in front of the real registries (through the fault
// proxy): a manifest announced at 2 GiB, malformed JSON reaching the CLI. The unit tests
// (__tests__/registry/hostile.test.ts) pin each rule alone; these show they hold end to end.
import {describe, expect, it} from '@jest/globals';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {runCli} from '../helpers/cli.js';
import {failure} from '../helpers/hostile-registry.js';
import {FaultProxy} from './helpers/fault-proxy.js';
import {testbed} from './helpers/testbed.js';

const bed = testbed();
const FINAL = `127.0.0.1:${bed.ports.final}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';

async function withProxy<T>(target: string, fn: (proxy: FaultProxy) => Promise<T>): Promise<T> {
  const proxy = new FaultProxy({target});
  await proxy.start();
  try {
    return await fn(proxy);
  } finally {
    await proxy.stop();
  }
}

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
          new RegistryClient(transport).getManifest({registry: proxy.address, repository: 'base/busybox'}, '1')
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
