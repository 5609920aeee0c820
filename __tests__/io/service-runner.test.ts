// ServiceRunner against a contract fixture of the docker CLI (an in-memory engine answering the
// subcommands a service test uses, with docker's output formats) and a real HTTP server on the
// loopback standing in for the published port. The integration tests run the same on the real engine.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ServiceTest} from '../../src/core/service/types.js';
import type {Exec, ExecOptions, ExecResult} from '../../src/exec/exec.js';
import {Docker} from '../../src/io/docker.js';
import {ServiceRunner} from '../../src/io/service-runner.js';

interface Behaviour {
  /** The container exits on its own this long after start, with `crashCode`. */
  crashAfterMs?: number;
  crashCode?: number;
  /** Exit code on `docker stop`, and how long it takes. */
  stopCode?: number;
  stopMs?: number;
  oomOnStop?: boolean;
  /** The HTTP service answers 200 only this long after start (503 before). */
  readyAfterMs?: number;
  /** How long a `docker exec` takes. */
  execMs?: number;
}

interface Container {
  running: boolean;
  exitCode: number;
  oom: boolean;
  exited: Promise<void>;
  exit(code: number, oom?: boolean): void;
}

let server: Server;
let port = 0;
let readyAt = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = Date.now() >= readyAt;
    res.writeHead(ok ? 200 : 503, {'content-type': 'application/json'});
    res.end(ok ? '{"status":"ok","page":"hello"}' : '{"status":"starting"}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

/** The engine: every docker call it got, and the containers it holds now. */
function engine(b: Behaviour): {exec: Exec; calls: string[][]; containers: Map<string, Container>} {
  const calls: string[][] = [];
  const containers = new Map<string, Container>();
  const ok = (stdout = ''): ExecResult => ({exitCode: 0, stdout, stderr: ''});
  const gone = (name: string): ExecResult => ({exitCode: 1, stdout: '', stderr: `Error: No such container: ${name}`});
  const exec: Exec = {
    run: async (_cmd: string, args: readonly string[], opts: ExecOptions = {}) => {
      calls.push([...args]);
      const name = (args[0] === 'exec' ? args[1] : args[args.length - 1]) ?? '';
      const c = containers.get(name);
      switch (args[0]) {
        case 'image':
          return ok(JSON.stringify({User: '10001', ExposedPorts: {'8080/tcp': {}}, StopSignal: ''}));
        case 'run': {
          const own = args[args.indexOf('--name') + 1]!;
          let done = (): void => undefined;
          const exited = new Promise<void>(resolve => (done = resolve));
          const container: Container = {
            running: true,
            exitCode: 0,
            oom: false,
            exited,
            exit(code, oom = false) {
              if (!this.running) return;
              Object.assign(this, {running: false, exitCode: code, oom});
              done();
            }
          };
          containers.set(own, container);
          readyAt = Date.now() + (b.readyAfterMs ?? 0);
          if (b.crashAfterMs !== undefined) setTimeout(() => container.exit(b.crashCode ?? 1), b.crashAfterMs);
          return ok('0123abcd\n');
        }
        case 'logs':
          if (!c) return gone(name);
          opts.onOutput?.('listening on :8080\n');
          await c.exited;
          return ok();
        case 'wait':
          if (!c) return gone(name);
          await c.exited;
          return ok(`${c.exitCode}\n`);
        case 'port':
          return ok(c?.running ? `8080/tcp -> 127.0.0.1:${port}\n8080/tcp -> [::1]:${port}\n` : '');
        case 'inspect':
          if (!c) return gone(name);
          return ok(JSON.stringify({Running: c.running, ExitCode: c.exitCode, OOMKilled: c.oom}));
        case 'exec': {
          const running = c?.running;
          await new Promise(resolve => setTimeout(resolve, b.execMs ?? 0));
          return running ? ok() : gone(name);
        }
        case 'stop':
          if (!c) return gone(name);
          await new Promise(resolve => setTimeout(resolve, b.stopMs ?? 5));
          c.exit(b.stopCode ?? 0, b.oomOnStop);
          return ok(`${name}\n`);
        case 'rm':
          c?.exit(137);
          containers.delete(name);
          return ok();
        default:
          return {exitCode: 1, stdout: '', stderr: `unexpected docker ${args.join(' ')}`};
      }
    }
  };
  return {exec, calls, containers};
}

const http = {method: 'GET', headers: {}, status: 200, json: {}};
const service = (over: Partial<ServiceTest> = {}): ServiceTest => ({
  name: 'web',
  runtime: {env: {}, tmpfs: [], capDrop: [], capAdd: [], ports: []},
  ready: {kind: 'http', http: {...http, path: '/healthz', port: 8080}},
  readyIntervalMs: 20,
  probes: [
    {kind: 'http', name: 'GET /', http: {...http, path: '/', bodyContains: 'hello'}},
    {kind: 'exec', name: 'exec test -s /app/www/index.html', run: ['test', '-s', '/app/www/index.html']}
  ],
  ...over
});

async function run(b: Behaviour, over: Partial<ServiceTest> = {}) {
  const e = engine(b);
  const runner = new ServiceRunner({docker: new Docker({exec: e.exec})});
  const out = await runner.run(service(over), 'localhost/web:1', 'linux/amd64', false);
  return {...out, ...e, subcommands: e.calls.map(c => c[0])};
}

describe('ServiceRunner', () => {
  it('waits, probes and stops a healthy service, asking the engine nothing between readiness attempts, and removes it', async () => {
    const r = await run({readyAfterMs: 150});
    expect(r.result.status).toBe('passed');
    expect(r.log).toMatch(/ready after \d/);
    expect(r.log).toContain(`(reached at 127.0.0.1: 8080→${port})`);
    expect(r.log).toContain('probe GET /: passed');
    expect(r.log).toContain('stopped with SIGTERM');
    expect(r.log).toContain('--- service log ---\nlistening on :8080');
    // Several readiness attempts went by (503 first), yet no `docker inspect` was needed.
    expect(r.subcommands).toEqual(['image', 'run', 'logs', 'wait', 'port', 'exec', 'stop', 'rm']);
    expect(r.containers.size).toBe(0);
  });

  it('a service that crashes before it is ready fails with its exit code, and is removed', async () => {
    const r = await run({crashAfterMs: 30, crashCode: 3, readyAfterMs: 60_000});
    expect(r.result.status).toBe('failed');
    expect(r.result.error).toBe('the service exited with code 3 before it was ready');
    expect(r.containers.size).toBe(0);
  });

  it('a service that exits after it was ready fails as a crash, not as a clean stop', async () => {
    // It exits (with 0) while its probe runs: the probe itself passed, so only the crash check can tell.
    const r = await run(
      {crashAfterMs: 60, crashCode: 0, execMs: 200},
      {probes: [{kind: 'exec', name: 'slow', run: 'true'}]}
    );
    expect(r.result.status).toBe('failed');
    expect(r.result.error).toBe('the service exited with code 0 after it was ready');
    expect(r.subcommands).not.toContain('stop');
    expect(r.containers.size).toBe(0);
  });

  it('a service killed after the grace period fails naming the stop signal; a clean stop asks no more', async () => {
    const killed = await run({stopCode: 137, stopMs: 1100}, {stopGraceMs: 1000});
    expect(killed.result.error).toMatch(/^stop: the service did not exit within 1s of SIGTERM and was killed/);
    expect(killed.subcommands.slice(-3)).toEqual(['stop', 'inspect', 'rm']);
    const clean = await run({stopCode: 143});
    expect(clean.result.status).toBe('passed');
    expect(clean.subcommands).not.toContain('inspect');
  });

  it('the OOM killer on stop is named, from the engine', async () => {
    const r = await run({stopCode: 137, oomOnStop: true});
    expect(r.result.error).toBe('stop: the service was killed for exceeding its memory limit (OOM) while stopping');
  });

  it('a run over its deadline times out and still removes the container', async () => {
    const r = await run({readyAfterMs: 60_000}, {timeoutMs: 300});
    expect(r.result.status).toBe('timed-out');
    expect(r.result.error).toBe('timed out after 0.3s');
    expect(r.subcommands.at(-1)).toBe('rm');
    expect(r.containers.size).toBe(0);
  });

  it('reads the image config once for every test and platform of the same image', async () => {
    const e = engine({});
    const runner = new ServiceRunner({docker: new Docker({exec: e.exec})});
    runner.prefetch('localhost/web:1');
    const results = await Promise.all([
      runner.run(service(), 'localhost/web:1', 'linux/amd64', false),
      runner.run(service(), 'localhost/web:1', 'linux/arm64', true)
    ]);
    expect(results.map(r => r.result.status)).toEqual(['passed', 'passed']);
    expect(e.calls.filter(c => c[0] === 'image')).toHaveLength(1);
  });
});
