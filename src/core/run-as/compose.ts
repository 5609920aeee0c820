// A Compose file's service → the `docker run` settings, readiness and stop of a service test: what
// `docker compose up` would start, with the tested image instead of `image:`/`build:`. Every
// derived value keeps its source line; a key imagegate cannot honour is listed, never dropped.

import {closest} from '../suggest.js';
import type {DerivedSetting, RuntimeSettings} from '../service/types.js';
import {derivedCollector, type Derived, type DeriveResult} from './derived.js';
import {shellJoin, shellWords} from './shell-words.js';
import type {Located} from './yaml-nodes.js';

/** Keys read elsewhere or that do not change how the container runs. */
const IGNORED = new Set(['image', 'build', 'container_name', 'pull_policy', 'labels', 'platform']);

/** Keys with a reason more precise than "not reproduced". */
const WHY: Record<string, string> = {
  volumes: 'host and named volumes are not mounted (only `type: tmpfs` is)',
  networks: 'the service runs on its own; Compose networks are not created',
  network_mode: 'the service runs on its own network',
  depends_on: 'other Compose services are not started',
  links: 'other Compose services are not started',
  secrets: 'Compose secrets are not mounted; give stand-ins for what they provide',
  configs: 'Compose configs are not mounted',
  extends: 'services are not merged from another file',
  restart: 'a crash fails the test instead of restarting',
  profiles: 'profiles do not change how the service runs',
  privileged: 'privileged containers are not started by tests',
  devices: 'host devices are not passed in',
  env_file: 'env files are read by Compose on the deploying machine'
};

export function isCompose(doc: Located | undefined): boolean {
  return !!doc?.isMap() && doc.get('services')?.isMap() === true && doc.get('kind') === undefined;
}

export function deriveFromCompose(doc: Located, file: string, spec: string, name?: string): DeriveResult {
  const services = doc.get('services')!;
  const names = services.keys();
  if (!names.length)
    return {ok: false, diagnostics: [doc.keyAt('services')!.diagnostic(`${file} defines no services; add one`)]};
  const chosen = name ?? (names.length === 1 ? names[0] : undefined);
  const service = chosen !== undefined ? services.get(chosen) : undefined;
  if (chosen === undefined || !service) {
    const guess = name !== undefined ? closest(name, names) : undefined;
    return {
      ok: false,
      diagnostics: [
        doc
          .keyAt('services')!
          .diagnostic(
            name === undefined
              ? `${file} has ${names.length} services (${names.join(', ')}); choose one: \`run-as: ${spec}#${names[0]}\``
              : `no service named ${name} in ${file}${guess ? `; did you mean ${guess}?` : ''} (services: ${names.join(', ')}); fix the name after #`
          )
      ]
    };
  }
  if (!service.isMap())
    return {
      ok: false,
      diagnostics: [service.diagnostic(`service ${chosen} is not a mapping; write its keys under it`)]
    };
  const derived = derive(service, chosen, file, spec);
  return 'error' in derived ? {ok: false, diagnostics: [derived.error]} : {ok: true, derived};
}

function derive(
  s: Located,
  name: string,
  file: string,
  spec: string
): Derived | {error: {line: number; col: number; message: string}} {
  const {settings, unsupported, notReproducible, runtime, set, cannot} = derivedCollector();
  const derived: Derived = {
    runAs: {spec, file, what: `compose service ${name}`, settings, unsupported, notReproducible},
    runtime,
    probes: []
  };
  /** A scalar, unless it interpolates the deploying machine's variables (then listed, not used). */
  const literal = (key: string, at: Located | undefined): string | undefined => {
    const text = at?.text();
    if (text === undefined || !at) return undefined;
    if (interpolates(text)) {
      cannot(key, `\`${text}\` interpolates variables of the machine that deploys; write the value`, at);
      return undefined;
    }
    return unescape(text);
  };

  const image = s.get('image');
  if (image) set('image', `the tested image (instead of ${image.text() ?? '?'})`, image);
  else if (s.get('build')) set('image', 'the tested image (the service is built)', s.get('build')!);

  for (const key of ['entrypoint', 'command'] as const) {
    const at = s.get(key);
    if (!at) continue;
    let words: string[];
    if (at.isSeq()) words = at.strings()!;
    else {
      const split = shellWords(at.text() ?? '');
      if (!split.ok) return {error: at.diagnostic(`${key}: ${split.error}; fix the quoting or write a list`)};
      words = split.words;
    }
    if (words.some(interpolates)) {
      cannot(key, 'interpolates variables of the machine that deploys; write the values', at);
      continue;
    }
    words = words.map(unescape);
    if (key === 'entrypoint') runtime.entrypoint = words;
    else runtime.args = words;
    set(key === 'entrypoint' ? 'entrypoint' : 'args', shellJoin(words), at);
  }
  const user = literal('user', s.get('user'));
  if (user !== undefined) {
    runtime.user = user;
    set('user', user, s.get('user')!);
  }
  const workdir = literal('working_dir', s.get('working_dir'));
  if (workdir !== undefined) {
    runtime.workdir = workdir;
    set('workdir', workdir, s.get('working_dir')!);
  }

  environment(s.get('environment'), runtime, set, notReproducible);
  const envFile = s.get('env_file');
  if (envFile)
    notReproducible.push({
      setting: 'env_file',
      value: (envFile.strings() ?? [envFile.text() ?? envFile.get('path')?.text() ?? '?']).join(', '),
      source: envFile.where()
    });

  for (const p of s.get('ports')?.items() ?? []) {
    const port = containerPort(p);
    if (typeof port === 'string') cannot(`ports ${p.text() ?? ''}`.trim(), port, p);
    else {
      runtime.ports.push(port);
      set('port', String(port), p);
    }
  }
  for (const p of s.get('expose')?.items() ?? []) {
    const port = Number(/^(\d+)(\/tcp)?$/.exec(p.text() ?? '')?.[1]);
    if (Number.isInteger(port) && port > 0) {
      runtime.ports.push(port);
      set('port', `${port} (expose)`, p);
    } else cannot(`expose ${p.text() ?? ''}`, 'only single TCP ports are probed', p);
  }

  const ro = s.get('read_only');
  if (ro?.scalar() === true) {
    runtime.readOnly = true;
    set('read-only', 'true (read_only)', ro);
  }
  const tmpfs = s.get('tmpfs');
  for (const t of tmpfs ? (tmpfs.isSeq() ? tmpfs.items() : [tmpfs]) : []) {
    const mount = t.text();
    if (!mount) continue;
    runtime.tmpfs.push(mount);
    set('tmpfs', mount, t);
  }
  for (const v of s.get('volumes')?.items() ?? []) {
    const target = v.get('target')?.text();
    if (v.get('type')?.text() === 'tmpfs' && target) {
      const opts = v.get('tmpfs');
      const size = opts?.get('size')?.text();
      const mode = opts?.get('mode')?.text();
      const options = [size !== undefined ? `size=${composeSize(size)}` : '', mode !== undefined ? `mode=${mode}` : '']
        .filter(Boolean)
        .join(',');
      const mount = options ? `${target}:${options}` : target;
      runtime.tmpfs.push(mount);
      set('tmpfs', `${mount} (volume type tmpfs)`, v);
    } else cannot(`volumes ${v.text() ?? target ?? ''}`.trim(), WHY['volumes']!, v);
  }

  for (const [key, list] of [
    ['cap_drop', runtime.capDrop],
    ['cap_add', runtime.capAdd]
  ] as const)
    for (const cap of s.get(key)?.items() ?? []) {
      list.push(cap.text() ?? '');
      set(key.replace('_', '-'), cap.text() ?? '', cap);
    }
  for (const opt of s.get('security_opt')?.items() ?? []) {
    const text = opt.text() ?? '';
    const nnp = /^no-new-privileges(?:[:=](true|false))?$/.exec(text);
    if (nnp && nnp[1] !== 'false') {
      runtime.noNewPrivileges = true;
      set('security-opt', 'no-new-privileges', opt);
    } else if (!nnp) cannot(`security_opt ${text}`, 'only no-new-privileges is reproduced', opt);
  }

  const limits = s.get('deploy')?.get('resources')?.get('limits');
  const memory = s.get('mem_limit') ?? limits?.get('memory');
  if (memory?.text()) {
    runtime.memory = composeSize(memory.text()!);
    set('memory', runtime.memory, memory);
  }
  const cpus = s.get('cpus') ?? limits?.get('cpus');
  if (cpus?.text()) {
    runtime.cpus = cpus.text()!;
    set('cpus', runtime.cpus, cpus);
  }
  const shm = s.get('shm_size');
  if (shm?.text()) {
    runtime.shmSize = composeSize(shm.text()!);
    set('shm-size', runtime.shmSize, shm);
  }
  const init = s.get('init');
  if (init?.scalar() === true) {
    runtime.init = true;
    set('init', 'true', init);
  }
  const signal = s.get('stop_signal');
  if (signal?.text()) {
    runtime.stopSignal = signal.text()!;
    set('stop signal', runtime.stopSignal, signal);
  }
  const grace = s.get('stop_grace_period');
  if (grace?.text()) {
    const ms = composeDuration(grace.text()!);
    if (ms === undefined)
      return {
        error: grace.diagnostic(`stop_grace_period: \`${grace.text()}\` is not a duration; write e.g. 10s or 1m30s`)
      };
    derived.stopGraceMs = ms;
    set('stop grace', grace.text()!, grace);
  }
  for (const [limit, value] of pairs(s.get('ulimits'))) {
    const soft = value.get('soft')?.text();
    const hard = value.get('hard')?.text();
    const text = value.text() ?? (soft !== undefined && hard !== undefined ? `${soft}:${hard}` : undefined);
    if (text === undefined || !/^-?\d+(:-?\d+)?$/.test(text)) {
      cannot(`ulimits.${limit}`, 'write a number or {soft, hard}', value);
      continue;
    }
    runtime.ulimits = [...(runtime.ulimits ?? []), `${limit}=${text}`];
    set('ulimit', `${limit}=${text}`, value);
  }

  const health = healthcheck(s.get('healthcheck'), derived, set, cannot);
  if (health) return health;

  for (const key of s.keys()) {
    if (key.startsWith('x-') || IGNORED.has(key) || HANDLED.has(key)) continue;
    cannot(key, WHY[key] ?? 'not reproduced by docker run', s.keyAt(key)!);
  }
  return derived;
}

const HANDLED = new Set([
  'entrypoint',
  'command',
  'user',
  'working_dir',
  'environment',
  'env_file',
  'ports',
  'expose',
  'read_only',
  'tmpfs',
  'volumes',
  'cap_drop',
  'cap_add',
  'security_opt',
  'mem_limit',
  'cpus',
  'shm_size',
  'init',
  'stop_signal',
  'stop_grace_period',
  'ulimits',
  'healthcheck',
  'deploy'
]);

function environment(
  env: Located | undefined,
  runtime: RuntimeSettings,
  set: (setting: string, value: string, at: Located) => void,
  notReproducible: DerivedSetting[]
): void {
  const entries: [string, string | undefined, Located][] = env?.isSeq()
    ? env.items().map(i => {
        const text = i.text() ?? '';
        const eq = text.indexOf('=');
        return eq < 0 ? [text, undefined, i] : [text.slice(0, eq), text.slice(eq + 1), i];
      })
    : pairs(env).map(([k, v]) => [k, v.scalar() === null ? undefined : v.text(), v]);
  for (const [key, value, at] of entries) {
    if (value === undefined)
      notReproducible.push({
        setting: `env ${key}`,
        value: 'from the deploying machine’s environment',
        source: at.where()
      });
    else if (interpolates(value))
      notReproducible.push({setting: `env ${key}`, value: `interpolated: ${value}`, source: at.where()});
    else {
      runtime.env[key] = unescape(value);
      set(`env ${key}`, runtime.env[key]!, at);
    }
  }
}

function healthcheck(
  h: Located | undefined,
  derived: Derived,
  set: (setting: string, value: string, at: Located) => void,
  cannot: (setting: string, why: string, at: Located) => void
): {error: {line: number; col: number; message: string}} | undefined {
  if (!h) return undefined;
  const test = h.get('test');
  const words = test?.strings();
  if (h.get('disable')?.scalar() === true || words?.[0] === 'NONE') {
    derived.runtime.health = 'none';
    set('healthcheck', 'none (the image’s HEALTHCHECK is disabled)', h);
    return undefined;
  }
  let cmd: string | undefined;
  if (test?.text() !== undefined) cmd = test.text();
  else if (words?.[0] === 'CMD-SHELL') cmd = words.slice(1).join(' ');
  else if (words?.[0] === 'CMD') {
    cmd = shellJoin(words.slice(1));
    cannot(
      'healthcheck.test',
      'the CMD form runs through the image’s /bin/sh (docker run has only --health-cmd)',
      test!
    );
  } else if (test)
    return {error: test.diagnostic('healthcheck.test: start the list with CMD, CMD-SHELL or NONE, or write a string')};
  const durations: Record<string, number> = {};
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval'] as const) {
    const at = h.get(key);
    if (!at?.text()) continue;
    const ms = composeDuration(at.text()!);
    if (ms === undefined)
      return {error: at.diagnostic(`healthcheck.${key}: \`${at.text()}\` is not a duration; write e.g. 5s or 1m30s`)};
    durations[key] = ms;
  }
  if (h.get('start_interval'))
    cannot('healthcheck.start_interval', 'not passed to docker run', h.keyAt('start_interval')!);
  const retries = Number(h.get('retries')?.text() ?? 3);
  // Docker's defaults: interval 30s, timeout 30s, retries 3, start period 0.
  const interval = durations['interval'] ?? 30_000;
  const start = durations['start_period'] ?? 0;
  if (cmd !== undefined) {
    derived.runtime.health = {
      cmd,
      ...(h.get('interval') ? {interval: h.get('interval')!.text()!} : {}),
      ...(h.get('timeout') ? {timeout: h.get('timeout')!.text()!} : {}),
      ...(h.get('retries') ? {retries} : {}),
      ...(h.get('start_period') ? {startPeriod: h.get('start_period')!.text()!} : {})
    };
  }
  derived.ready = {kind: 'healthcheck'};
  derived.readyTimeoutMs = start + interval * (Math.max(1, retries) + 1) + (durations['timeout'] ?? 0);
  derived.readyIntervalMs = Math.min(1000, interval);
  set(
    'ready',
    `HEALTHCHECK healthy${cmd !== undefined ? `: ${cmd}` : ' (the image’s)'} (interval ${interval / 1000}s × retries ${retries}, start period ${start / 1000}s; ×5 under QEMU)`,
    h
  );
  return undefined;
}

/** The entries of a mapping, in order. */
function pairs(map: Located | undefined): [string, Located][] {
  return (map?.keys() ?? []).map(k => [k, map!.get(k)!]);
}

/** `8080`, `80:8080`, `127.0.0.1:80:8080/tcp`, `{target: 8080}` → 8080; else why it is not probed. */
function containerPort(p: Located): number | string {
  const target = p.get('target')?.text();
  const protocol = p.get('protocol')?.text();
  const text = target ?? p.text() ?? '';
  const m = /^(?:.*:)?(\d+)(?:\/(tcp|udp|sctp))?$/.exec(text);
  if (!m) return 'port ranges and interpolated ports are not probed';
  if ((m[2] ?? protocol ?? 'tcp') !== 'tcp') return `protocol ${m[2] ?? protocol} is not probed`;
  return Number(m[1]);
}

/** `$VAR`, `${VAR}`, `${VAR:-x}`; `$$` is a literal `$`. */
function interpolates(text: string): boolean {
  return /(^|[^$])(\$\$)*\$(\{|[A-Za-z_])/.test(text);
}

function unescape(text: string): string {
  return text.replace(/\$\$/g, '$');
}

/** Compose byte values → docker's: `64m`, `1gb` → `1g`, `512MB` → `512m`, bytes as they are. */
export function composeSize(text: string): string {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${(m[2] ?? '').toLowerCase()}`;
}

/** Compose (Go) durations → milliseconds: `1m30s`, `1.5s`, `500ms`, `10us`; undefined when not one. */
export function composeDuration(text: string): number | undefined {
  const units: Record<string, number> = {h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, ns: 0.000001};
  if (text === '0') return 0;
  if (!/^((\d+(\.\d+)?)(h|ms|m|s|us|ns))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)/g)) total += Number(m[1]) * (units[m[2]!] ?? 0);
  return Math.round(total);
}
