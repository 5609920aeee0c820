// GitLab docker-in-docker: the job reaches its engine at DOCKER_HOST=tcp://docker:2375 (the dind
// service's address) and the ports a container publishes are on that address, not on localhost.
// Reproduced on the testbed: a TCP forwarder on a non-loopback address of this machine to the
// engine's unix socket, and the gate run with DOCKER_HOST=tcp://<that address>:<port>.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {chmodSync, readFileSync} from 'node:fs';
import {createConnection, createServer, type Socket} from 'node:net';
import {networkInterfaces} from 'node:os';
import {join} from 'node:path';
import {tags} from './helpers/registry.js';
import {exampleRepo} from './helpers/repo.js';
import {gate, leftovers, services} from './helpers/services.js';
import {testbed} from './helpers/testbed.js';

interface Forwarder {
  host: string;
  port: number;
  /** Connections forwarded to the engine so far. */
  connections: number;
  close(): Promise<void>;
}

/** Every address of this machine: the forwarder serves only clients on it (it is the engine's API). */
function ownAddresses(): Set<string> {
  return new Set(
    Object.values(networkInterfaces())
      .flat()
      .map(a => a?.address)
      .filter((a): a is string => a !== undefined)
  );
}

/** The first IPv4 address of this machine that is not the loopback (the dind service's address). */
function nonLoopbackAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find(a => a?.family === 'IPv4' && !a.internal)?.address;
  if (!address) throw new Error('this machine has no non-loopback IPv4 address to stand in for the dind service');
  return address;
}

async function forwarder(host: string, socketPath: string): Promise<Forwarder> {
  const own = ownAddresses();
  const open = new Set<Socket>();
  const state = {connections: 0};
  const server = createServer(client => {
    if (!own.has((client.remoteAddress ?? '').replace(/^::ffff:/, ''))) {
      client.destroy();
      return;
    }
    state.connections++;
    const engine = createConnection(socketPath);
    for (const s of [client, engine]) {
      open.add(s);
      s.on('close', () => open.delete(s));
    }
    client.on('error', () => engine.destroy());
    engine.on('error', () => client.destroy());
    client.pipe(engine);
    engine.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the forwarder has no TCP address');
  return {
    host,
    port: address.port,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      })
  };
}

let dind: Forwarder;
let env: Record<string, string>;

beforeAll(async () => {
  const engine = testbed().raw['TESTBED_DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  if (!engine.startsWith('unix://')) throw new Error(`TESTBED_DOCKER_HOST is ${engine}, expected a unix socket`);
  dind = await forwarder(nonLoopbackAddress(), engine.slice('unix://'.length));
  env = {DOCKER_HOST: `tcp://${dind.host}:${dind.port}`};
});

afterAll(async () => {
  await dind.close();
});

// Answers with the Host it was asked at, and says so in the service's log.
const HOST_CGI = `#!/bin/sh
echo "probed at $HTTP_HOST" >&2
printf 'Content-Type: text/plain\\r\\n\\r\\nhost=%s\\n' "$HTTP_HOST"
`;

describe('service tests in docker-in-docker (DOCKER_HOST=tcp://<address>:<port>)', () => {
  it('examples/service-web: published on the engine, reached at its address, passed on both platforms, pushed', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web', c =>
      c.replace(
        '            - exec: test -s /app/www/index.html',
        `            - exec: test -s /app/www/index.html\n            - http: {path: /cgi-bin/host, body-contains: "host=${dind.host}:"}`
      )
    );
    repo.write('app/www/cgi-bin/host', HOST_CGI);
    chmodSync(join(repo.dir, 'app/www/cgi-bin/host'), 0o755);
    repo.commit();
    const forwardedBefore = dind.connections;
    const {code, report, stderr} = await gate(repo.dir, env);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(services(report)).toEqual([
      ['linux/amd64', [['passed', '']]],
      ['linux/arm64', [['passed', '']]]
    ]);
    // Every docker call went to the "dind" address; the ports were published on the engine's interfaces.
    expect(dind.connections).toBeGreaterThan(forwardedBefore);
    expect(stderr).toContain('--publish 0.0.0.0::8080');
    expect(stderr).not.toContain('--publish 127.0.0.1::');
    // The probe asked the service at the engine's address, not at localhost, and its log says so.
    for (const platform of report.images[0]!.platforms) {
      const service = platform.tests.find(t => t.name === 'service: web')!;
      expect(service.outputTail).toMatch(new RegExp(`^probed at ${dind.host.replace(/\./g, '\\.')}:\\d+$`, 'm'));
      expect(service.outputTail).not.toMatch(/probed at (127\.0\.0\.1|localhost)/);
    }
    expect(report.pushed).toBe(true);
    expect(await tags(testbed().registry, `${repo.namespace}/web`)).not.toEqual([]);
    expect(leftovers()).toEqual(before);
  });

  it('a service that never gets ready fails the gate, naming the check and the address, and pushes nothing', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web', c =>
      c
        .replace('platforms: [linux/amd64, linux/arm64]', 'platforms: [linux/amd64]')
        .replace(
          /services:\n[\s\S]*$/,
          ['services:', '        - name: never-ready', '          ready: {tcp: 9999, timeout: 3s}', ''].join('\n')
        )
    );
    expect(readFileSync(join(repo.dir, '.imagegate.yml'), 'utf8')).toContain('ready: {tcp: 9999, timeout: 3s}');
    const {code, report} = await gate(repo.dir, env);
    expect(code).toBe(1);
    expect(services(report)).toEqual([
      [
        'linux/amd64',
        [
          [
            'failed',
            expect.stringMatching(
              new RegExp(`^not ready within 3s: TCP port 9999 accepting: ${dind.host.replace(/\./g, '\\.')}:\\d+`)
            )
          ]
        ]
      ]
    ]);
    expect(report.pushed).toBe(false);
    expect(await tags(testbed().registry, `${repo.namespace}/web`)).toEqual([]);
    expect(leftovers()).toEqual(before);
  });
});
