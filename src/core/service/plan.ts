// Pure parts of a service test: the docker argv, deadlines, where the service is reached, and the
// verdicts on an HTTP answer, on readiness and on the stop.

import type {HttpCheck, RuntimeSettings, ServiceTest} from './types.js';

/** How much longer the default deadlines are on a platform emulated by QEMU. */
export const EMULATION_FACTOR = 5;

export const SERVICE_DEFAULTS = {readyMs: 30_000, probeMs: 10_000, stopGraceMs: 10_000, totalMs: 5 * 60_000} as const;

export interface Deadlines {
  readyMs: number;
  probeMs: number;
  stopGraceMs: number;
  totalMs: number;
  /** Stated in the report: what was scaled and why. */
  note?: string;
}

/** The service test's deadlines on this platform: what the file sets, else the defaults (×5 under QEMU, stop grace ×3). */
export function serviceDeadlines(service: ServiceTest, emulated: boolean): Deadlines {
  const f = emulated ? EMULATION_FACTOR : 1;
  const deadlines: Deadlines = {
    readyMs:
      service.readyTimeoutMs !== undefined
        ? service.readyTimeoutMs * (service.scaleTimings ? f : 1)
        : SERVICE_DEFAULTS.readyMs * f,
    probeMs: SERVICE_DEFAULTS.probeMs * f,
    stopGraceMs: service.stopGraceMs ?? SERVICE_DEFAULTS.stopGraceMs * (emulated ? 3 : 1),
    totalMs: service.timeoutMs ?? SERVICE_DEFAULTS.totalMs * (emulated ? 3 : 1)
  };
  if (emulated)
    deadlines.note = `emulated by QEMU: default deadlines longer (ready ${deadlines.readyMs / 1000}s, probes ${deadlines.probeMs / 1000}s, stop grace ${deadlines.stopGraceMs / 1000}s)`;
  return deadlines;
}

/**
 * Where published ports are reached from this machine: the engine's own host when DOCKER_HOST names
 * another machine (GitLab docker-in-docker: `tcp://docker:2376`; a remote engine: `ssh://ci@builder`),
 * published on all of that engine's interfaces (IPv6 ones for an IPv6 address); else the loopback.
 */
export function serviceAddress(dockerHost: string | undefined): {bind: string; host: string} {
  const m = /^(?:tcp|http|https|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(dockerHost ?? '');
  const host = m?.[1]?.replace(/^\[|\]$/g, '');
  if (!host || isLoopback(host)) return {bind: '127.0.0.1', host: '127.0.0.1'};
  return {bind: host.includes(':') ? '::' : '0.0.0.0', host};
}

function isLoopback(host: string): boolean {
  return host.toLowerCase() === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}

export interface ServiceRun {
  image: string;
  platform: string;
  name: string;
  /** Every container and network of a run carries `imagegate.run=<id>`, so cleanup finds them all. */
  runId: string;
  /** A network of the run's own, only when a probe container must reach the service by name. */
  network?: string;
  runtime: RuntimeSettings;
  ports: number[];
  bind: string;
}

export const RUN_LABEL = 'imagegate.run';

export function serviceRunArgs(req: ServiceRun): string[] {
  const r = req.runtime;
  const args = ['run', '--detach', '--pull', 'never', '--platform', req.platform, '--name', req.name];
  args.push('--label', `${RUN_LABEL}=${req.runId}`);
  if (req.network) args.push('--network', req.network, '--network-alias', 'service');
  // An IPv6 bind address in brackets: `[::]::8080`.
  const bind = req.bind.includes(':') ? `[${req.bind}]` : req.bind;
  for (const port of req.ports) args.push('--publish', `${bind}::${port}`);
  if (r.user !== undefined) args.push('--user', r.user);
  if (r.workdir !== undefined) args.push('--workdir', r.workdir);
  for (const [key, value] of Object.entries(r.env)) args.push('--env', `${key}=${value}`);
  if (r.readOnly) args.push('--read-only');
  for (const path of r.tmpfs) args.push('--tmpfs', path);
  for (const cap of r.capDrop) args.push('--cap-drop', cap);
  for (const cap of r.capAdd) args.push('--cap-add', cap);
  if (r.noNewPrivileges) args.push('--security-opt', 'no-new-privileges');
  if (r.memory !== undefined) args.push('--memory', r.memory);
  if (r.cpus !== undefined) args.push('--cpus', r.cpus);
  if (r.shmSize !== undefined) args.push('--shm-size', r.shmSize);
  for (const limit of r.ulimits ?? []) args.push('--ulimit', limit);
  if (r.init) args.push('--init');
  if (r.stopSignal !== undefined) args.push('--stop-signal', r.stopSignal);
  if (r.health === 'none') args.push('--no-healthcheck');
  else if (r.health) {
    args.push('--health-cmd', r.health.cmd);
    if (r.health.interval !== undefined) args.push('--health-interval', r.health.interval);
    if (r.health.timeout !== undefined) args.push('--health-timeout', r.health.timeout);
    if (r.health.retries !== undefined) args.push('--health-retries', String(r.health.retries));
    if (r.health.startPeriod !== undefined) args.push('--health-start-period', r.health.startPeriod);
  }
  const [entrypoint, ...entryArgs] = r.entrypoint ?? [];
  if (entrypoint !== undefined) args.push('--entrypoint', entrypoint);
  args.push(req.image);
  // `--entrypoint` drops the image's CMD too (as Kubernetes `command` does); its own arguments come first.
  args.push(...entryArgs);
  if (r.args) args.push(...r.args);
  return args;
}

/**
 * `docker port NAME` (every mapping, one per line: `8080/tcp -> 127.0.0.1:49153`, IPv6 lines too) →
 * container port → host port, the first mapping of each TCP port.
 */
export function publishedPorts(output: string): Map<number, number> {
  const ports = new Map<number, number>();
  for (const line of output.split('\n')) {
    const m = /^(\d+)\/tcp\s*->\s*.*:(\d+)\s*$/.exec(line.trim());
    if (m && !ports.has(Number(m[1]))) ports.set(Number(m[1]), Number(m[2]));
  }
  return ports;
}

/** `{"8080/tcp": {}}` → [8080]: the TCP ports an image EXPOSEs. */
export function exposedPorts(exposed: Record<string, unknown> | null | undefined): number[] {
  return Object.keys(exposed ?? {})
    .map(k => /^(\d+)(?:\/tcp)?$/.exec(k)?.[1])
    .filter((p): p is string => p !== undefined)
    .map(Number);
}

/** Every port to publish: the test's or manifest's, the image's EXPOSE ports, and those readiness and probes name. */
export function portsToPublish(service: ServiceTest, imagePorts: number[]): number[] {
  const named: number[] = [];
  if (service.ready.kind === 'tcp') named.push(service.ready.port);
  if (service.ready.kind === 'http' && service.ready.http.port !== undefined) named.push(service.ready.http.port);
  for (const p of service.probes) if (p.kind === 'http' && p.http.port !== undefined) named.push(p.http.port);
  return [...new Set([...service.runtime.ports, ...imagePorts, ...named])];
}

/** `a.b.0.c`, `$.a.b`, `a[0].b` → the value there, or undefined. */
export function jsonPath(value: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let here: unknown = value;
  for (const part of parts) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** Why an HTTP answer does not meet the check, or undefined when it does. */
export function httpVerdict(check: HttpCheck, status: number, body: string): string | undefined {
  const what = `${check.method} ${check.path}`;
  if (check.statusMax !== undefined ? status < check.status || status > check.statusMax : status !== check.status)
    return `${what} answered ${status}, expected ${check.status}${check.statusMax !== undefined ? `–${check.statusMax}` : ''}${bodyHint(body)}`;
  if (check.bodyContains !== undefined && !body.includes(check.bodyContains))
    return `${what}: the body does not contain \`${check.bodyContains}\`${bodyHint(body)}`;
  if (check.bodyMatches !== undefined && !new RegExp(check.bodyMatches).test(body))
    return `${what}: the body does not match /${check.bodyMatches}/${bodyHint(body)}`;
  const paths = Object.entries(check.json);
  if (paths.length) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `${what}: the body is not JSON${bodyHint(body)}`;
    }
    for (const [path, expected] of paths) {
      const got = jsonPath(parsed, path);
      if (got !== expected && String(got) !== String(expected))
        return `${what}: JSON \`${path}\` is ${got === undefined ? 'missing' : JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
    }
  }
  return undefined;
}

function bodyHint(body: string): string {
  const text = body.trim().replace(/\s+/g, ' ');
  if (!text) return '';
  return ` (body: ${text.length > 120 ? `${text.slice(0, 120)}…` : text})`;
}

export interface StopFacts {
  exitCode: number;
  oomKilled: boolean;
  elapsedMs: number;
  graceMs: number;
  signal: string;
}

/**
 * Why the stop failed, or undefined: the service must exit on its stop signal within the grace
 * period. Exiting 0, or by the signal itself (128+n), is a clean stop; a SIGKILL after the grace
 * period, an OOM kill or another code is not.
 */
export function stopVerdict(f: StopFacts): string | undefined {
  if (f.oomKilled) return `the service was killed for exceeding its memory limit (OOM) while stopping`;
  const signalCode = 128 + signalNumber(f.signal);
  if (f.exitCode === 137 && signalCode !== 137 && f.elapsedMs >= f.graceMs - 250)
    return `the service did not exit within ${f.graceMs / 1000}s of ${f.signal} and was killed; handle ${f.signal} (an exec-form ENTRYPOINT, or \`exec\` in the start script) or raise \`stop.grace\``;
  if (f.exitCode === 0 || f.exitCode === signalCode) return undefined;
  return `the service exited with code ${f.exitCode} on ${f.signal} (expected 0 or ${signalCode})`;
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGWINCH: 28
};

export function signalNumber(signal: string): number {
  if (/^\d+$/.test(signal)) return Number(signal);
  const name = signal.toUpperCase().startsWith('SIG') ? signal.toUpperCase() : `SIG${signal.toUpperCase()}`;
  return SIGNALS[name] ?? 15;
}

export function signalName(signal: string | undefined): string {
  if (!signal) return 'SIGTERM';
  if (/^\d+$/.test(signal)) return Object.entries(SIGNALS).find(([, n]) => n === Number(signal))?.[0] ?? signal;
  return signal.toUpperCase().startsWith('SIG') ? signal.toUpperCase() : `SIG${signal.toUpperCase()}`;
}

/** A user that is root: empty (the default), `root`, `0`, `0:…`, `root:…`. */
export function isRootUser(user: string | undefined): boolean {
  const name = (user ?? '').split(':')[0] ?? '';
  return name === '' || name === 'root' || name === '0';
}
