// `test.services` as the file writes it → ServiceTest. Timeouts left out stay undefined: their
// defaults depend on the platform (longer under QEMU), settled by `serviceDeadlines`.

import type {RawTestSuite} from '../config/raw.js';
import type {HttpCheck, Probe, Readiness, ServiceTest} from './types.js';

type RawService = NonNullable<RawTestSuite['services']>[number];
type RawHttp = NonNullable<NonNullable<RawService['ready']>['http']>;
type RawProbe = NonNullable<RawService['probes']>[number];

export function normaliseServices(raw: RawService[] | undefined): ServiceTest[] {
  return (raw ?? []).map((s, i) => normaliseService(s, i, raw?.length ?? 0));
}

function normaliseService(raw: RawService, index: number, count: number): ServiceTest {
  const service: ServiceTest = {
    name: raw.name ?? (count > 1 ? `service ${index + 1}` : 'service'),
    runtime: {
      env: strings(raw.env),
      tmpfs: [],
      capDrop: [],
      capAdd: [],
      ports: raw.ports ?? []
    },
    ready: readiness(raw.ready),
    probes: (raw.probes ?? []).map((p, i) => probe(p, i))
  };
  if (raw.args !== undefined)
    service.runtime.args = typeof raw.args === 'string' ? raw.args.split(/\s+/).filter(Boolean) : raw.args;
  if (raw.user !== undefined) service.runtime.user = raw.user;
  if (raw.workdir !== undefined) service.runtime.workdir = raw.workdir;
  if (raw.ready?.timeout !== undefined) service.readyTimeoutMs = raw.ready.timeout;
  if (raw.stop?.grace !== undefined) service.stopGraceMs = raw.stop.grace;
  if (raw.timeout !== undefined) service.timeoutMs = raw.timeout;
  if (raw.platforms !== undefined) service.platforms = raw.platforms;
  if (raw['run-as'] !== undefined) service.runAsSpec = raw['run-as'];
  if (raw['stand-ins'] !== undefined) service.standIns = strings(raw['stand-ins']);
  return service;
}

function readiness(raw: RawService['ready']): Readiness {
  if (raw?.healthcheck) return {kind: 'healthcheck'};
  if (raw?.tcp !== undefined) return {kind: 'tcp', port: raw.tcp};
  if (raw?.http) return {kind: 'http', http: httpCheck(raw.http)};
  if (raw?.log !== undefined) return {kind: 'log', pattern: raw.log};
  if (raw?.healthcheck === false) return {kind: 'running'};
  return {kind: 'auto'};
}

export function httpCheck(raw: RawHttp): HttpCheck {
  const check: HttpCheck = {
    path: raw.path,
    method: raw.method ?? 'GET',
    headers: raw.headers ?? {},
    status: raw.status ?? 200,
    json: raw.json ?? {}
  };
  if (raw.port !== undefined) check.port = raw.port;
  if (raw.body !== undefined) check.body = raw.body;
  if (raw['body-contains'] !== undefined) check.bodyContains = raw['body-contains'];
  if (raw['body-matches'] !== undefined) check.bodyMatches = raw['body-matches'];
  return check;
}

function probe(raw: RawProbe, index: number): Probe {
  const timeout = raw.timeout !== undefined ? {timeoutMs: raw.timeout} : {};
  if (raw.http) {
    const http = httpCheck(raw.http);
    return {kind: 'http', name: raw.name ?? `${http.method} ${http.path}`, http, ...timeout};
  }
  if (raw.exec !== undefined)
    return {kind: 'exec', name: raw.name ?? `exec ${commandText(raw.exec)}`, run: raw.exec, ...timeout};
  if (raw.container)
    return {
      kind: 'container',
      name: raw.name ?? `${raw.container.image}: ${commandText(raw.container.run)}`,
      image: raw.container.image,
      run: raw.container.run,
      ...timeout
    };
  // semantics refuses a probe without a kind; this keeps the type total.
  return {kind: 'exec', name: raw.name ?? `probe ${index + 1}`, run: ['true'], ...timeout};
}

function commandText(run: string | string[]): string {
  return typeof run === 'string' ? run : run.join(' ');
}

function strings(map: Record<string, string | number | boolean> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}
