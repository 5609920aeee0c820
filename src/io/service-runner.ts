// Runs a service test: the tested image started as the platform starts it (its own ENTRYPOINT/CMD,
// USER, env, exposed ports, or what a `run-as` manifest derives), waited for, probed from this
// machine, stopped with its stop signal. Every container and network it creates carries
// `imagegate.run=<id>` and is removed in a finally, and on SIGINT/SIGTERM before the process ends.

import {randomBytes} from 'node:crypto';
import {request} from 'node:http';
import {connect} from 'node:net';
import {keepLast, tail, type TestResult} from '../core/results.js';
import {
  exposedPorts,
  httpVerdict,
  isRootUser,
  portsToPublish,
  publishedPorts,
  RUN_LABEL,
  serviceAddress,
  serviceDeadlines,
  serviceRunArgs,
  signalName,
  stopVerdict,
  type Deadlines
} from '../core/service/plan.js';
import type {HttpCheck, Probe, Readiness, RuntimeSettings, ServiceTest} from '../core/service/types.js';
import {lastLine} from '../core/text.js';
import type {Docker} from './docker.js';
import {onInterrupt} from './interrupts.js';

export interface ServiceRunnerOpts {
  docker: Docker;
  /** DOCKER_HOST of the run: where published ports are reached (docker-in-docker is not localhost). */
  dockerHost?: string;
}

interface ImageFacts {
  user: string;
  ports: number[];
  stopSignal: string;
  healthcheck: boolean;
}

/** Thrown inside a run: the test failed, with the message naming the check. */
class CheckFailed extends Error {
  constructor(
    message: string,
    readonly status: 'failed' | 'timed-out' | 'error' = 'failed'
  ) {
    super(message);
  }
}

const LOG_CHARS = 256_000;

/** How the service container ended, from the `docker wait` that runs beside it. */
interface Exit {
  /** -1: docker could not say (the container is gone). */
  code: number;
}

export class ServiceRunner {
  // Keyed by image reference: every platform's and every test's start waits on one read.
  private readonly facts = new Map<string, Promise<ImageFacts>>();

  constructor(private readonly opts: ServiceRunnerOpts) {}

  /** Reads the image's config ahead of its service tests (they start as soon as it is there). */
  prefetch(ref: string): void {
    this.imageFacts(ref).catch(() => undefined);
  }

  async run(
    service: ServiceTest,
    ref: string,
    platform: string,
    emulated: boolean
  ): Promise<{result: TestResult; log: string}> {
    const id = randomBytes(6).toString('hex');
    const name = `imagegate-svc-${id}`;
    // Creating and removing a network costs ~0.3 s: only probe containers need one.
    const network = service.probes.some(p => p.kind === 'container') ? `imagegate-svc-${id}` : undefined;
    const docker = this.opts.docker;
    const deadlines = serviceDeadlines(service, emulated);
    const started = Date.now();
    let logs = '';
    let log = '';
    let exit: Exit | undefined;
    const note = (line: string): void => void (log += `${line}\n`);
    if (deadlines.note) note(`(${deadlines.note})`);
    if (service.runAs) {
      note(`(run-as ${service.runAs.spec}: ${service.runAs.what})`);
      for (const d of service.runAs.settings) note(`  ${d.setting}: ${d.value}  [${d.source}]`);
      for (const d of service.runAs.unsupported) note(`  not honoured: ${d.setting}: ${d.value}  [${d.source}]`);
      for (const d of service.runAs.notReproducible)
        note(
          `  not reproducible: ${d.setting} ${d.value}${service.standIns?.[d.setting.replace(/^env /, '')] !== undefined ? ' (stand-in given)' : ''}  [${d.source}]`
        );
    }
    const extra: string[] = [];
    // Repeatable: an interrupt may remove before `docker run` has created it, and the finally again.
    const cleanup = async (): Promise<void> => {
      await docker.run(['rm', '--force', '--volumes', name, ...extra]);
      if (network) await docker.run(['network', 'rm', network]);
    };
    const withdraw = onInterrupt(cleanup);
    let follower: Promise<unknown> | undefined;
    const base = {name: `service: ${service.name}`, platform};
    let timer: NodeJS.Timeout | undefined;
    try {
      const body = async (): Promise<void> => {
        const facts = await this.imageFacts(ref);
        checkNonRoot(service, facts);
        const ports = portsToPublish(service, facts.ports);
        const address = serviceAddress(this.opts.dockerHost);
        if (network) {
          const created = await docker.run(['network', 'create', '--label', `${RUN_LABEL}=${id}`, network]);
          if (created.exitCode !== 0)
            throw new CheckFailed(`could not create the test network: ${lastLine(created.stderr)}`, 'error');
        }
        const args = serviceRunArgs({
          image: ref,
          platform,
          name,
          runId: id,
          network,
          runtime: service.runtime,
          ports,
          bind: address.bind
        });
        note(`$ docker ${args.join(' ')}`);
        const run = await docker.run(args);
        if (run.exitCode !== 0)
          throw new CheckFailed(`docker could not start the service: ${lastLine(run.stderr || run.stdout)}`, 'error');
        // Beside the test, never in its way: the log, and the container's end (a crash is seen
        // without asking the engine between readiness attempts).
        follower = docker.run(['logs', '--follow', name], {
          onOutput: chunk => void (logs = keepLast(logs + chunk, LOG_CHARS))
        });
        const exited = docker.run(['wait', name]).then(
          r => {
            const code = Number(r.stdout.trim());
            exit = {code: r.exitCode === 0 && r.stdout.trim() !== '' && Number.isInteger(code) ? code : -1};
            return exit;
          },
          () => (exit = {code: -1})
        );
        const hostPorts = ports.length
          ? publishedPorts((await docker.run(['port', name])).stdout)
          : new Map<number, number>();
        if (hostPorts.size)
          note(
            `(reached at ${address.host}: ${[...hostPorts].map(([inside, outside]) => `${inside}→${outside}`).join(', ')})`
          );
        // A container that is gone already has no published ports: that is a crash, not a config error.
        if (ports.some(p => !hostPorts.has(p))) {
          const state = await this.state(name);
          if (!state?.Running) throw new CheckFailed(crashMessage(state, 'before it was ready'));
        }
        const target = (port: number | undefined): {host: string; port: number} => {
          const p = port ?? ports[0];
          const hostPort = p !== undefined ? hostPorts.get(p) : undefined;
          if (p === undefined || hostPort === undefined)
            throw new CheckFailed(
              p === undefined
                ? 'the image exposes no port to send HTTP to; name one with `port:` or `ports:`'
                : `container port ${p} is not published`,
              'error'
            );
          return {host: address.host, port: hostPort};
        };
        const ready = resolveReadiness(service.ready, withHealth(facts, service.runtime.health), ports);
        note(`(ready: ${describeReadiness(ready)}, deadline ${deadlines.readyMs / 1000}s)`);
        if (service.readyInitialDelayMs) await sleep(service.readyInitialDelayMs);
        await this.waitReady(
          name,
          ready,
          deadlines,
          service.readyIntervalMs ?? 250,
          target,
          () => logs,
          () => exit
        );
        note(`(ready after ${((Date.now() - started) / 1000).toFixed(1)}s)`);
        for (const probe of service.probes) {
          const t0 = Date.now();
          const failure = await this.probe(probe, name, network, id, deadlines, target, extra);
          note(
            `(probe ${probe.name}${probe.source ? ` [${probe.source}]` : ''}: ${failure ? `FAILED: ${failure}` : 'passed'}, ${((Date.now() - t0) / 1000).toFixed(1)}s)`
          );
          if (failure) throw new CheckFailed(`probe ${probe.name}: ${failure}`);
        }
        if (exit) throw new CheckFailed(crashMessage(await this.state(name), 'after it was ready'));
        const signal = signalName(service.runtime.stopSignal ?? facts.stopSignal);
        const graceS = Math.max(1, Math.ceil(deadlines.stopGraceMs / 1000));
        const t0 = Date.now();
        await docker.run(['stop', '--time', String(graceS), name]);
        const elapsedMs = Date.now() - t0;
        const {code} = await exited;
        const seen = {exitCode: code, oomKilled: false, elapsedMs, graceMs: graceS * 1000, signal};
        // A clean stop needs no more questions; otherwise the engine says whether it was the OOM killer.
        const stopped = stopVerdict(seen) ? await this.state(name) : undefined;
        const verdict = stopVerdict(stopped ? {...seen, oomKilled: stopped.OOMKilled ?? false} : seen);
        note(`(stopped with ${signal} in ${(elapsedMs / 1000).toFixed(1)}s, exit code ${code === -1 ? '?' : code})`);
        if (verdict) throw new CheckFailed(`stop: ${verdict}`);
      };
      const overall = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CheckFailed(`timed out after ${deadlines.totalMs / 1000}s`, 'timed-out')),
          deadlines.totalMs
        );
      });
      await Promise.race([body(), overall]);
      await Promise.race([follower, sleep(2000)]);
      return {
        result: {...base, status: 'passed', durationMs: Date.now() - started, outputTail: tail(logs)},
        log: finish(log, logs)
      };
    } catch (e) {
      const failed = e instanceof CheckFailed ? e : new CheckFailed((e as Error).message, 'error');
      return {
        result: {
          ...base,
          status: failed.status,
          durationMs: Date.now() - started,
          outputTail: tail(logs),
          error: failed.message
        },
        log: finish(log, logs)
      };
    } finally {
      if (timer) clearTimeout(timer);
      await cleanup();
      withdraw();
    }
  }

  private imageFacts(ref: string): Promise<ImageFacts> {
    let facts = this.facts.get(ref);
    if (!facts) {
      facts = this.readImageFacts(ref);
      this.facts.set(ref, facts);
    }
    return facts;
  }

  private async readImageFacts(ref: string): Promise<ImageFacts> {
    const out = await this.opts.docker.run(['image', 'inspect', '--format', '{{json .Config}}', ref]);
    if (out.exitCode !== 0)
      throw new CheckFailed(`cannot inspect the tested image ${ref}: ${lastLine(out.stderr)}`, 'error');
    const config = JSON.parse(out.stdout.trim() || '{}') as {
      User?: string;
      ExposedPorts?: Record<string, unknown> | null;
      StopSignal?: string;
      Healthcheck?: {Test?: string[]} | null;
    };
    const test = config.Healthcheck?.Test ?? [];
    return {
      user: config.User ?? '',
      ports: exposedPorts(config.ExposedPorts),
      stopSignal: config.StopSignal ?? '',
      healthcheck: test.length > 0 && test[0] !== 'NONE'
    };
  }

  private async state(name: string): Promise<ContainerState | undefined> {
    const out = await this.opts.docker.run(['inspect', '--format', '{{json .State}}', name]);
    if (out.exitCode !== 0) return undefined;
    return JSON.parse(out.stdout.trim()) as ContainerState;
  }

  private async waitReady(
    name: string,
    ready: Readiness,
    deadlines: Deadlines,
    intervalMs: number,
    target: (port: number | undefined) => {host: string; port: number},
    logs: () => string,
    exit: () => Exit | undefined
  ): Promise<void> {
    const until = Date.now() + deadlines.readyMs;
    const crashed = async (): Promise<CheckFailed> =>
      new CheckFailed(crashMessage(await this.state(name), 'before it was ready'));
    for (;;) {
      if (exit()) throw await crashed();
      // Only a HEALTHCHECK's status, and "running" itself, are the engine's to tell.
      const state = ready.kind === 'healthcheck' || ready.kind === 'running' ? await this.state(name) : undefined;
      if (state && !state.Running) throw await crashed();
      const why = await this.readyNow(ready, state, target, logs, Math.min(deadlines.probeMs, 5000));
      if (why === undefined) return;
      if (Date.now() >= until) {
        const now = await this.state(name);
        if (!now?.Running) throw await crashed();
        throw new CheckFailed(`not ready within ${deadlines.readyMs / 1000}s: ${describeReadiness(ready)}: ${why}`);
      }
      await sleep(intervalMs);
    }
  }

  /** Why it is not ready yet, or undefined when it is. */
  private async readyNow(
    ready: Readiness,
    state: ContainerState | undefined,
    target: (port: number | undefined) => {host: string; port: number},
    logs: () => string,
    timeoutMs: number
  ): Promise<string | undefined> {
    switch (ready.kind) {
      case 'healthcheck': {
        const health = state?.Health;
        if (health?.Status === 'healthy') return undefined;
        return `HEALTHCHECK is ${health?.Status ?? 'not reported'}${health?.Log?.length ? ` (${lastLine(health.Log[health.Log.length - 1]?.Output ?? '')})` : ''}`;
      }
      case 'tcp':
        return tcpOpen(target(ready.port), timeoutMs);
      case 'http': {
        const answer = await httpRequest(ready.http, target(ready.http.port), timeoutMs);
        if ('error' in answer) return answer.error;
        return httpVerdict(ready.http, answer.status, answer.body);
      }
      case 'log':
        return new RegExp(ready.pattern, 'm').test(logs())
          ? undefined
          : `no output line matches /${ready.pattern}/ yet`;
      default:
        return undefined;
    }
  }

  private async probe(
    probe: Probe,
    name: string,
    network: string | undefined,
    id: string,
    deadlines: Deadlines,
    target: (port: number | undefined) => {host: string; port: number},
    extra: string[]
  ): Promise<string | undefined> {
    const timeoutMs = probe.timeoutMs ?? deadlines.probeMs;
    if (probe.kind === 'http') {
      const answer = await httpRequest(probe.http, target(probe.http.port), timeoutMs);
      if ('error' in answer) return answer.error;
      return httpVerdict(probe.http, answer.status, answer.body);
    }
    const argv = typeof probe.run === 'string' ? ['/bin/sh', '-c', probe.run] : probe.run;
    const probeName = `${name}-probe-${extra.length}`;
    const args =
      probe.kind === 'exec'
        ? ['exec', name, ...argv]
        : [
            'run',
            '--rm',
            '--name',
            probeName,
            '--label',
            `${RUN_LABEL}=${id}`,
            '--network',
            network ?? 'none',
            probe.image,
            ...argv
          ];
    if (probe.kind === 'container') extra.push(probeName);
    let output = '';
    const result = await Promise.race([
      this.opts.docker.run(args, {onOutput: c => void (output = keepLast(output + c, 4000))}),
      sleep(timeoutMs).then(() => undefined)
    ]);
    if (!result) {
      if (probe.kind === 'container') await this.opts.docker.run(['rm', '--force', probeName]);
      return `timed out after ${timeoutMs / 1000}s`;
    }
    if (result.exitCode === 0) return undefined;
    return `exit code ${result.exitCode}${output.trim() ? `: ${lastLine(output)}` : ''}`;
  }
}

interface ContainerState {
  Status?: string;
  Running?: boolean;
  ExitCode?: number;
  OOMKilled?: boolean;
  Error?: string;
  Health?: {Status?: string; Log?: {Output?: string}[]};
}

function crashMessage(state: ContainerState | undefined, when: string): string {
  if (!state) return `the service container is gone ${when}`;
  if (state.OOMKilled) return `the service was killed for exceeding its memory limit (OOM) ${when}`;
  return `the service exited with code ${state.ExitCode ?? '?'} ${when}${state.Error ? ` (${state.Error})` : ''}`;
}

/** Kubernetes `runAsNonRoot`: the kubelet refuses to start a container whose user is root. */
function checkNonRoot(service: ServiceTest, facts: ImageFacts): void {
  if (!service.runtime.nonRoot) return;
  const user = service.runtime.user ?? facts.user;
  const name = user.split(':')[0] ?? '';
  if (isRootUser(user))
    throw new CheckFailed(
      `runAsNonRoot: the image runs as root (USER ${facts.user || 'unset'}) and the kubelet would refuse it ("container has runAsNonRoot and image will run as root"); set a non-root USER in the image or runAsUser in the manifest`
    );
  if (service.runtime.user === undefined && !/^\d+$/.test(name))
    throw new CheckFailed(
      `runAsNonRoot: the image's USER ${name} is not numeric, so the kubelet cannot verify it is not root and refuses it; use a numeric USER (e.g. 10001) or set runAsUser in the manifest`
    );
}

/** The healthcheck the container runs: the image's, unless the run sets or disables one. */
function withHealth(facts: ImageFacts, health: RuntimeSettings['health']): ImageFacts {
  return health === undefined ? facts : {...facts, healthcheck: health !== 'none'};
}

function resolveReadiness(ready: Readiness, facts: ImageFacts, ports: number[]): Readiness {
  if (ready.kind === 'healthcheck' && !facts.healthcheck)
    throw new CheckFailed(
      'ready: healthcheck, but the image has no HEALTHCHECK; add one or wait for `tcp`, `http` or `log`',
      'error'
    );
  if (ready.kind !== 'auto') return ready;
  if (facts.healthcheck) return {kind: 'healthcheck'};
  const first = ports[0];
  if (first !== undefined) return {kind: 'tcp', port: first};
  return {kind: 'running'};
}

function describeReadiness(ready: Readiness): string {
  switch (ready.kind) {
    case 'healthcheck':
      return 'HEALTHCHECK healthy';
    case 'tcp':
      return `TCP port ${ready.port} accepting`;
    case 'http':
      return `HTTP ${ready.http.method} ${ready.http.path} answering ${ready.http.status}`;
    case 'log':
      return `a log line matching /${ready.pattern}/`;
    default:
      return 'container running';
  }
}

function finish(log: string, logs: string): string {
  return `${log}--- service log ---\n${logs}${logs.endsWith('\n') || !logs ? '' : '\n'}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/**
 * Why the port does not accept, or undefined. docker's userland proxy accepts on the published port
 * even when nothing listens inside and then closes: a connection counts only if it stays open a moment.
 */
function tcpOpen(to: {host: string; port: number}, timeoutMs: number): Promise<string | undefined> {
  return new Promise(resolve => {
    const socket = connect({host: to.host, port: to.port});
    let settled = false;
    const done = (why: string | undefined): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer on ${to.host}:${to.port} within ${timeoutMs / 1000}s`));
    socket.on('error', e => done(`${to.host}:${to.port}: ${e.message}`));
    socket.on('data', () => done(undefined));
    socket.on('close', () => done(`${to.host}:${to.port} closed the connection (nothing listens in the container)`));
    socket.on('connect', () => setTimeout(() => done(undefined), 300));
  });
}

function httpRequest(
  check: HttpCheck,
  to: {host: string; port: number},
  timeoutMs: number
): Promise<{status: number; body: string} | {error: string}> {
  return new Promise(resolve => {
    const req = request(
      {
        host: to.host,
        port: to.port,
        method: check.method,
        path: check.path,
        headers: check.headers,
        timeout: timeoutMs
      },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => void (body = body.length < 1_000_000 ? body + c : body));
        res.on('end', () => resolve({status: res.statusCode ?? 0, body}));
        res.on('error', e => resolve({error: `${check.method} ${check.path}: ${e.message}`}));
      }
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({error: `${check.method} ${check.path}: no answer within ${timeoutMs / 1000}s`});
    });
    req.on('error', e => resolve({error: `${check.method} ${check.path}: ${e.message}`}));
    if (check.body !== undefined) req.write(check.body);
    req.end();
  });
}
