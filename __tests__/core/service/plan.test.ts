import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../../src/core/config/load.js';
import {
  httpVerdict,
  jsonPath,
  portsToPublish,
  publishedPorts,
  serviceAddress,
  serviceDeadlines,
  serviceRunArgs,
  stopVerdict
} from '../../../src/core/service/plan.js';
import type {HttpCheck, ServiceTest} from '../../../src/core/service/types.js';

const config = (services: string): string => `registry: r.example/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    test:
      services:
${services}`;

function load(services: string) {
  return loadConfig(config(services), '.imagegate.yml');
}

const check = (over: Partial<HttpCheck> = {}): HttpCheck => ({
  path: '/',
  method: 'GET',
  headers: {},
  status: 200,
  json: {},
  ...over
});

describe('test.services in the configuration', () => {
  it('normalises readiness, probes and timeouts', () => {
    const loaded = load(`        - name: web
          args: serve --port 8080
          env: {MODE: test, N: 3}
          ready: {http: {path: /healthz, port: 8080}, timeout: 1m}
          probes:
            - http: {path: /, body-contains: hello, json: {status: ok}}
            - exec: test -f /app/ready
            - container: {image: busybox, run: wget -q -O- http://service:8080/}
          stop: {grace: 5s}
          platforms: [linux/arm64]
`);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const [service] = loaded.config.images[0]!.test.services!;
    expect(service).toMatchObject({
      name: 'web',
      runtime: {args: ['serve', '--port', '8080'], env: {MODE: 'test', N: '3'}},
      ready: {kind: 'http', http: {path: '/healthz', port: 8080, status: 200, method: 'GET'}},
      readyTimeoutMs: 60000,
      stopGraceMs: 5000,
      platforms: ['linux/arm64']
    });
    expect(service!.probes.map(p => [p.kind, p.name])).toEqual([
      ['http', 'GET /'],
      ['exec', 'exec test -f /app/ready'],
      ['container', 'busybox: wget -q -O- http://service:8080/']
    ]);
  });

  it('a suite of services only needs no commands', () => {
    const loaded = load('        - ready: {tcp: 8080}\n');
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.config.images[0]!.test.commands).toEqual([]);
  });

  it.each([
    ['        - ready: {tcp: 8080, log: up}\n', '.imagegate.yml', 7, 'conflicting options: `ready` takes one of'],
    ['        - probes: [{name: x}]\n', '', 7, 'a probe needs one of `http`, `exec`, `container`'],
    ['        - ready: {tcp: 70000}\n', '', 7, 'port 70000 is not a TCP port'],
    ['        - ready: {log: "("}\n', '', 7, 'is not a regular expression'],
    ['        - platforms: [linux/s390x]\n', '', 7, 'service test platform linux/s390x is not one of'],
    ['        - probes: [{http: {path: /, statuss: 200}}]\n', '', 7, 'did you mean `status`'],
    ['        - probes: [{http: {path: healthz}}]\n', '', 7, 'a path starting with /']
  ])('refuses %j with the line and the fix', (services, _file, line, message) => {
    const loaded = load(services);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]!.line).toBe(line);
    expect(loaded.diagnostics.map(d => d.message).join('\n')).toContain(message);
  });
});

describe('service plan', () => {
  const service: ServiceTest = {
    name: 'web',
    runtime: {
      env: {A: '1'},
      tmpfs: ['/tmp'],
      capDrop: ['ALL'],
      capAdd: [],
      ports: [8080],
      readOnly: true,
      noNewPrivileges: true,
      user: '10001',
      memory: '64m'
    },
    ready: {kind: 'tcp', port: 9090},
    probes: [{kind: 'http', name: 'x', http: check({port: 7070})}]
  };

  it('passes the Compose-only settings: shm size, ulimits, init, stop signal, a healthcheck or none', () => {
    const run = (runtime: Partial<ServiceTest['runtime']>) =>
      serviceRunArgs({
        image: 'img',
        platform: 'linux/amd64',
        name: 'n',
        runId: 'id',
        runtime: {env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: [], ...runtime},
        ports: [],
        bind: '127.0.0.1'
      }).slice(10, -1);
    expect(
      run({
        shmSize: '128m',
        ulimits: ['nofile=1024:2048'],
        init: true,
        stopSignal: 'SIGINT',
        health: {cmd: 'wget -qO- localhost:8080', interval: '1s', timeout: '2s', retries: 4, startPeriod: '3s'}
      })
    ).toEqual([
      '--shm-size',
      '128m',
      '--ulimit',
      'nofile=1024:2048',
      '--init',
      '--stop-signal',
      'SIGINT',
      '--health-cmd',
      'wget -qO- localhost:8080',
      '--health-interval',
      '1s',
      '--health-timeout',
      '2s',
      '--health-retries',
      '4',
      '--health-start-period',
      '3s'
    ]);
    expect(run({health: 'none'})).toEqual(['--no-healthcheck']);
  });

  it('builds docker run argv with labels, loopback-published ports and the runtime contract', () => {
    const args = serviceRunArgs({
      image: 'img',
      platform: 'linux/arm64',
      name: 'n',
      runId: 'id1',
      network: 'net',
      runtime: {...service.runtime, entrypoint: ['/bin/app', '--serve'], args: ['--port', '8080']},
      ports: portsToPublish(service, [8080]),
      bind: '127.0.0.1'
    });
    expect(args).toEqual([
      'run',
      '--detach',
      '--pull',
      'never',
      '--platform',
      'linux/arm64',
      '--name',
      'n',
      '--label',
      'imagegate.run=id1',
      '--network',
      'net',
      '--network-alias',
      'service',
      '--publish',
      '127.0.0.1::8080',
      '--publish',
      '127.0.0.1::9090',
      '--publish',
      '127.0.0.1::7070',
      '--user',
      '10001',
      '--env',
      'A=1',
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '64m',
      '--entrypoint',
      '/bin/app',
      'img',
      '--serve',
      '--port',
      '8080'
    ]);
  });

  it('finds the service where the engine is: loopback, or the DOCKER_HOST of docker-in-docker', () => {
    expect(serviceAddress(undefined)).toEqual({bind: '127.0.0.1', host: '127.0.0.1'});
    expect(serviceAddress('unix:///var/run/docker.sock')).toEqual({bind: '127.0.0.1', host: '127.0.0.1'});
    expect(serviceAddress('tcp://docker:2376')).toEqual({bind: '0.0.0.0', host: 'docker'});
  });

  it('reads the host port docker published', () => {
    expect(publishedPorts('8080/tcp -> 127.0.0.1:49153\n')).toEqual(new Map([[8080, 49153]]));
    expect(
      publishedPorts(
        '8080/tcp -> 0.0.0.0:32768\n8080/tcp -> [::]:32769\n9090/tcp -> 0.0.0.0:32770\n53/udp -> 0.0.0.0:32771\n'
      )
    ).toEqual(
      new Map([
        [8080, 32768],
        [9090, 32770]
      ])
    );
    expect(publishedPorts('').size).toBe(0);
  });

  it('gives emulated platforms longer default deadlines, and keeps those the file sets', () => {
    expect(serviceDeadlines(service, false)).toEqual({
      readyMs: 30000,
      probeMs: 10000,
      stopGraceMs: 10000,
      totalMs: 300000
    });
    expect(serviceDeadlines(service, true)).toMatchObject({readyMs: 150000, probeMs: 50000, stopGraceMs: 30000});
    expect(serviceDeadlines({...service, readyTimeoutMs: 5000}, true).readyMs).toBe(5000);
  });

  it('judges HTTP answers: status, body, JSON path', () => {
    expect(httpVerdict(check(), 200, 'x')).toBeUndefined();
    expect(httpVerdict(check(), 500, 'boom')).toBe('GET / answered 500, expected 200 (body: boom)');
    expect(httpVerdict(check({bodyContains: 'hello'}), 200, 'bye')).toContain('does not contain `hello`');
    expect(httpVerdict(check({bodyMatches: '^ok$'}), 200, 'nok')).toContain('does not match /^ok$/');
    expect(httpVerdict(check({json: {'a.b': 1}}), 200, '{"a":{"b":1}}')).toBeUndefined();
    expect(httpVerdict(check({json: {'$.items[0].n': 'x'}}), 200, '{"items":[{"n":"y"}]}')).toContain(
      'is "y", expected "x"'
    );
    expect(httpVerdict(check({json: {a: 1}}), 200, 'not json')).toContain('the body is not JSON');
    expect(jsonPath({a: [{b: 2}]}, 'a.0.b')).toBe(2);
  });

  it('docker-in-docker and remote engines: ports published where the engine is, reached at its host', () => {
    expect(serviceAddress('tcp://192.0.2.7:2375')).toEqual({bind: '0.0.0.0', host: '192.0.2.7'});
    expect(serviceAddress('ssh://ci@builder.example:2222')).toEqual({bind: '0.0.0.0', host: 'builder.example'});
    expect(serviceAddress('tcp://[fd00::5]:2375')).toEqual({bind: '::', host: 'fd00::5'});
    // The loopback in any spelling is this machine.
    for (const local of ['tcp://localhost:2375', 'tcp://127.0.0.2:2375', 'tcp://[::1]:2375', 'tcp://LOCALHOST:2375'])
      expect(serviceAddress(local)).toEqual({bind: '127.0.0.1', host: '127.0.0.1'});
    const publish = (bind: string) =>
      serviceRunArgs({
        image: 'img',
        platform: 'linux/amd64',
        name: 'n',
        runId: 'r',
        runtime: service.runtime,
        ports: [8080],
        bind
      }).filter((_, i, a) => a[i - 1] === '--publish');
    expect(publish('0.0.0.0')).toEqual(['0.0.0.0::8080']);
    expect(publish('::')).toEqual(['[::]::8080']);
  });

  it('judges the stop: clean exit, exit by the signal, killed after the grace period, other codes', () => {
    const facts = {oomKilled: false, elapsedMs: 300, graceMs: 10000, signal: 'SIGTERM'};
    expect(stopVerdict({...facts, exitCode: 0})).toBeUndefined();
    expect(stopVerdict({...facts, exitCode: 143})).toBeUndefined();
    expect(stopVerdict({...facts, exitCode: 137, elapsedMs: 10100})).toContain('did not exit within 10s of SIGTERM');
    expect(stopVerdict({...facts, exitCode: 3})).toContain('exited with code 3 on SIGTERM');
    expect(stopVerdict({...facts, exitCode: 137, oomKilled: true})).toContain('OOM');
  });
});
