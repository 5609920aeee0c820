// A Kubernetes manifest → the `docker run` settings, readiness and probes of a service test: what
// the kubelet would start. Every derived value keeps its source line; a field imagegate cannot
// honour is listed, never dropped.

import {closest} from '../suggest.js';
import type {HttpCheck} from '../service/types.js';
import {derivedCollector, type Derived, type DeriveResult} from './derived.js';
import {parseDocuments, type Located} from './yaml-nodes.js';

export type {Derived, DeriveResult} from './derived.js';

const POD_SPEC: Record<string, (doc: Located) => Located | undefined> = {
  Pod: d => d.get('spec'),
  Deployment: d => d.get('spec')?.get('template')?.get('spec'),
  StatefulSet: d => d.get('spec')?.get('template')?.get('spec'),
  DaemonSet: d => d.get('spec')?.get('template')?.get('spec'),
  ReplicaSet: d => d.get('spec')?.get('template')?.get('spec'),
  Job: d => d.get('spec')?.get('template')?.get('spec'),
  CronJob: d => d.get('spec')?.get('jobTemplate')?.get('spec')?.get('template')?.get('spec')
};
const WORKLOADS = Object.keys(POD_SPEC);
/** Kinds that hold no container and are passed over in a multi-document file. */
const NOT_WORKLOADS = new Set([
  'Service',
  'ConfigMap',
  'Secret',
  'Ingress',
  'ServiceAccount',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Namespace',
  'Role',
  'RoleBinding'
]);

const CONTAINER_KNOWN = new Set([
  'name',
  'image',
  'imagePullPolicy',
  'command',
  'args',
  'env',
  'envFrom',
  'ports',
  'resources',
  'workingDir',
  'securityContext',
  'volumeMounts',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'terminationMessagePath',
  'terminationMessagePolicy'
]);
const POD_KNOWN = new Set([
  'containers',
  'volumes',
  'securityContext',
  'restartPolicy',
  'terminationGracePeriodSeconds'
]);

export function deriveFromKubernetes(text: string, file: string, spec: string, name?: string): DeriveResult {
  const parsed = parseDocuments(text, file);
  if (!parsed.ok) return parsed;
  return deriveFromManifests(parsed.docs, file, spec, name);
}

/** The same, from documents already parsed (run-as/derive.ts reads a file once to tell its kind). */
export function deriveFromManifests(docs: Located[], file: string, spec: string, name?: string): DeriveResult {
  const parsed = {docs};
  const candidates: {kind: string; object: string; pod: Located; container: Located; name: string}[] = [];
  const kinds: Located[] = [];
  for (const doc of parsed.docs) {
    const kindNode = doc.get('kind');
    const kind = kindNode?.text();
    if (!kind || !kindNode) continue;
    if (NOT_WORKLOADS.has(kind)) continue;
    kinds.push(kindNode);
    const pod = POD_SPEC[kind]?.(doc);
    if (!pod) continue;
    const object = doc.get('metadata')?.get('name')?.text() ?? '?';
    for (const c of pod.get('containers')?.items() ?? [])
      candidates.push({kind, object, pod, container: c, name: c.get('name')?.text() ?? ''});
  }
  if (!candidates.length) {
    const bad = kinds.find(k => !WORKLOADS.includes(k.text() ?? ''));
    const at = bad ?? parsed.docs[0];
    const message = bad
      ? `kind ${bad.text()} is not supported by run-as; point it at a ${WORKLOADS.join(', ')}${closest(bad.text() ?? '', WORKLOADS) ? ` (did you mean ${closest(bad.text() ?? '', WORKLOADS)}?)` : ''}`
      : `no workload with containers in ${file}; run-as reads a ${WORKLOADS.join(', ')} (multi-document files are fine)`;
    return {ok: false, diagnostics: [at ? at.diagnostic(message) : {line: 1, col: 1, message}]};
  }
  const names = candidates.map(c => c.name);
  const chosen =
    name === undefined ? (candidates.length === 1 ? candidates[0] : undefined) : candidates.find(c => c.name === name);
  if (!chosen) {
    const first = candidates[0]!.container;
    const guess = name !== undefined ? closest(name, names) : undefined;
    return {
      ok: false,
      diagnostics: [
        first.diagnostic(
          name === undefined
            ? `${file} has ${candidates.length} containers (${names.join(', ')}); choose one: \`run-as: ${spec}#${names[0]}\``
            : `no container named ${name} in ${file}${guess ? `; did you mean ${guess}?` : ''} (containers: ${names.join(', ')}); fix the name after #`
        )
      ]
    };
  }
  return {ok: true, derived: derive(chosen, file, spec)};
}

function derive(
  c: {kind: string; object: string; pod: Located; container: Located; name: string},
  file: string,
  spec: string
): Derived {
  const {settings, unsupported, notReproducible, runtime, set, cannot} = derivedCollector();
  const {container, pod} = c;

  for (const key of container.keys())
    if (!CONTAINER_KNOWN.has(key))
      cannot(`containers[${c.name}].${key}`, 'not reproduced by docker run', container.keyAt(key)!);
  for (const key of pod.keys())
    if (!POD_KNOWN.has(key)) cannot(`spec.${key}`, 'not reproduced by docker run', pod.keyAt(key)!);
  const image = container.get('image');
  if (image) set('image', `the tested image (instead of ${image.text() ?? '?'})`, image);

  const command = container.get('command');
  if (command?.strings()) {
    runtime.entrypoint = command.strings()!;
    set('entrypoint', runtime.entrypoint.join(' '), command);
  }
  const args = container.get('args');
  if (args?.strings()) {
    runtime.args = args.strings()!;
    set('args', runtime.args.join(' '), args);
  }
  const workdir = container.get('workingDir');
  if (workdir?.text()) {
    runtime.workdir = workdir.text()!;
    set('workdir', runtime.workdir, workdir);
  }
  for (const e of container.get('env')?.items() ?? []) {
    const key = e.get('name')?.text() ?? '';
    const value = e.get('value');
    const from = e.get('valueFrom');
    if (from)
      notReproducible.push({
        setting: `env ${key}`,
        value: `from ${from.keys()[0] ?? 'valueFrom'}`,
        source: from.where()
      });
    else {
      runtime.env[key] = value?.text() ?? '';
      set(`env ${key}`, runtime.env[key] ?? '', value ?? e);
    }
  }
  for (const e of container.get('envFrom')?.items() ?? [])
    notReproducible.push({setting: 'envFrom', value: e.keys()[0] ?? '?', source: e.where()});

  const namedPorts = new Map<string, number>();
  for (const p of container.get('ports')?.items() ?? []) {
    const port = Number(p.get('containerPort')?.text());
    if (!Number.isInteger(port)) continue;
    if ((p.get('protocol')?.text() ?? 'TCP') !== 'TCP') {
      cannot(`port ${port}`, `protocol ${p.get('protocol')?.text()} is not probed`, p);
      continue;
    }
    runtime.ports.push(port);
    const n = p.get('name')?.text();
    if (n) namedPorts.set(n, port);
    set('port', String(port), p);
  }

  // securityContext: the container's fields over the pod's.
  const podSc = pod.get('securityContext');
  const sc = container.get('securityContext');
  const field = (key: string): Located | undefined => sc?.get(key) ?? podSc?.get(key);
  const uid = field('runAsUser');
  const gid = field('runAsGroup');
  if (uid?.text() !== undefined) {
    runtime.user = gid?.text() !== undefined ? `${uid.text()}:${gid.text()}` : uid.text()!;
    set('user', runtime.user, uid);
  } else if (gid) cannot('runAsGroup', 'without runAsUser docker cannot set only the group', gid);
  const nonRoot = field('runAsNonRoot');
  if (nonRoot?.scalar() === true) {
    runtime.nonRoot = true;
    set('runAsNonRoot', 'true: an image that runs as root is refused, as the kubelet does', nonRoot);
  }
  const ro = sc?.get('readOnlyRootFilesystem');
  if (ro?.scalar() === true) {
    runtime.readOnly = true;
    set('read-only', 'true (readOnlyRootFilesystem)', ro);
  }
  const ape = sc?.get('allowPrivilegeEscalation');
  if (ape?.scalar() === false) {
    runtime.noNewPrivileges = true;
    set('security-opt', 'no-new-privileges (allowPrivilegeEscalation: false)', ape);
  }
  const caps = sc?.get('capabilities');
  for (const cap of caps?.get('drop')?.items() ?? []) {
    runtime.capDrop.push(cap.text() ?? '');
    set('cap-drop', cap.text() ?? '', cap);
  }
  for (const cap of caps?.get('add')?.items() ?? []) {
    runtime.capAdd.push(cap.text() ?? '');
    set('cap-add', cap.text() ?? '', cap);
  }
  for (const key of sc?.keys() ?? [])
    if (
      ![
        'runAsUser',
        'runAsGroup',
        'runAsNonRoot',
        'readOnlyRootFilesystem',
        'allowPrivilegeEscalation',
        'capabilities'
      ].includes(key)
    )
      cannot(`securityContext.${key}`, 'not reproduced by docker run', sc!.keyAt(key)!);
  for (const key of podSc?.keys() ?? [])
    if (!['runAsUser', 'runAsGroup', 'runAsNonRoot'].includes(key))
      cannot(`spec.securityContext.${key}`, 'not reproduced by docker run', podSc!.keyAt(key)!);

  // emptyDir volumes become tmpfs mounts; other volumes cannot be reproduced.
  const volumes = new Map<string, Located>();
  for (const v of pod.get('volumes')?.items() ?? []) volumes.set(v.get('name')?.text() ?? '', v);
  for (const m of container.get('volumeMounts')?.items() ?? []) {
    const volume = volumes.get(m.get('name')?.text() ?? '');
    const path = m.get('mountPath')?.text() ?? '';
    const emptyDir = volume?.get('emptyDir');
    if (emptyDir) {
      const size = emptyDir.get('sizeLimit')?.text();
      const mount = size ? `${path}:size=${dockerSize(size)}` : path;
      runtime.tmpfs.push(mount);
      set('tmpfs', `${mount} (emptyDir ${volume?.get('name')?.text()})`, m);
    } else
      cannot(`volumeMount ${path}`, `volume ${volume?.keys().find(k => k !== 'name') ?? 'missing'} is not mounted`, m);
  }

  const limits = container.get('resources')?.get('limits');
  const memory = limits?.get('memory');
  if (memory?.text()) {
    runtime.memory = dockerSize(memory.text()!);
    set('memory', runtime.memory, memory);
  }
  const cpu = limits?.get('cpu');
  if (cpu?.text()) {
    runtime.cpus = dockerCpus(cpu.text()!);
    set('cpus', runtime.cpus, cpu);
  }

  const derived: Derived = {
    runAs: {spec, file, what: `${c.kind} ${c.object}, container ${c.name}`, settings, unsupported, notReproducible},
    runtime,
    probes: []
  };
  const grace = pod.get('terminationGracePeriodSeconds');
  if (grace?.text()) {
    derived.stopGraceMs = Number(grace.text()) * 1000;
    set('stop grace', `${grace.text()}s`, grace);
  }
  const readiness = container.get('readinessProbe') ?? container.get('startupProbe');
  if (readiness) {
    const r = probeOf(readiness, namedPorts, 'readiness', cannot);
    if (r) {
      if (r.kind === 'http') derived.ready = {kind: 'http', http: r.http};
      else if (r.kind === 'tcp') derived.ready = {kind: 'tcp', port: r.port};
      else derived.probes.push({kind: 'exec', name: 'readinessProbe exec', run: r.run, source: readiness.where()});
      const t = timings(readiness);
      derived.readyInitialDelayMs = t.initialDelayS * 1000;
      derived.readyIntervalMs = t.periodS * 1000;
      derived.readyTimeoutMs = (t.initialDelayS + t.periodS * t.failureThreshold + 1) * 1000;
      set(
        'ready',
        `${describe(r)} (initialDelay ${t.initialDelaySeconds}, period ${t.periodS}s × failureThreshold ${t.failureThreshold}; ×5 under QEMU)`,
        readiness
      );
    }
  }
  for (const key of ['startupProbe', 'livenessProbe'] as const) {
    const p = container.get(key);
    if (!p || p === readiness || (key === 'startupProbe' && !container.get('readinessProbe'))) continue;
    const r = probeOf(p, namedPorts, key, cannot);
    if (!r) continue;
    const name = `${key} ${describe(r)}`;
    if (r.kind === 'http') derived.probes.push({kind: 'http', name, http: r.http, source: p.where()});
    else if (r.kind === 'exec') derived.probes.push({kind: 'exec', name, run: r.run, source: p.where()});
    else derived.probes.push({kind: 'exec', name, run: ['true'], source: p.where()});
    set('probe', name, p);
  }
  return derived;
}

type ProbeSpec = {kind: 'http'; http: HttpCheck} | {kind: 'tcp'; port: number} | {kind: 'exec'; run: string[]};

function probeOf(
  probe: Located,
  named: Map<string, number>,
  what: string,
  cannot: (setting: string, why: string, at: Located) => void
): ProbeSpec | undefined {
  const port = (p: Located | undefined): number | undefined => {
    const t = p?.text();
    if (t === undefined) return undefined;
    return /^\d+$/.test(t) ? Number(t) : named.get(t);
  };
  const http = probe.get('httpGet');
  if (http) {
    if ((http.get('scheme')?.text() ?? 'HTTP') !== 'HTTP')
      cannot(`${what}.httpGet.scheme`, 'HTTPS probes are sent as HTTP', http);
    const headers: Record<string, string> = {};
    for (const h of http.get('httpHeaders')?.items() ?? [])
      headers[h.get('name')?.text() ?? ''] = h.get('value')?.text() ?? '';
    const p = port(http.get('port'));
    return {
      kind: 'http',
      // The kubelet counts any status from 200 to 399 as success.
      http: {
        path: http.get('path')?.text() ?? '/',
        method: 'GET',
        headers,
        status: 200,
        statusMax: 399,
        json: {},
        ...(p !== undefined ? {port: p} : {})
      }
    };
  }
  const tcp = probe.get('tcpSocket');
  if (tcp) {
    const p = port(tcp.get('port'));
    if (p !== undefined) return {kind: 'tcp', port: p};
  }
  const exec = probe.get('exec')?.get('command')?.strings();
  if (exec) return {kind: 'exec', run: exec};
  const grpc = probe.get('grpc');
  if (grpc) {
    const p = port(grpc.get('port'));
    cannot(`${what}.grpc`, 'gRPC health checks are checked as a TCP connection to the port', grpc);
    if (p !== undefined) return {kind: 'tcp', port: p};
  }
  cannot(what, 'no httpGet, tcpSocket, exec or grpc imagegate can run', probe);
  return undefined;
}

function timings(probe: Located): {
  initialDelayS: number;
  initialDelaySeconds: string;
  periodS: number;
  failureThreshold: number;
} {
  const n = (key: string, d: number): number => {
    const v = Number(probe.get(key)?.text());
    return Number.isFinite(v) && v >= 0 ? v : d;
  };
  const initialDelayS = n('initialDelaySeconds', 0);
  return {
    initialDelayS,
    initialDelaySeconds: `${initialDelayS}s`,
    periodS: Math.max(1, n('periodSeconds', 10)),
    failureThreshold: Math.max(1, n('failureThreshold', 3))
  };
}

function describe(p: ProbeSpec): string {
  if (p.kind === 'http') return `HTTP GET ${p.http.path}${p.http.port !== undefined ? ` on ${p.http.port}` : ''}`;
  if (p.kind === 'tcp') return `TCP ${p.port}`;
  return `exec ${p.run.join(' ')}`;
}

/** Kubernetes quantity → docker size: `128Mi` → `128m`, `1Gi` → `1g`, `500M` → bytes. */
export function dockerSize(q: string): string {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(q.trim());
  if (!m) return q;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const binary: Record<string, string> = {Ki: 'k', Mi: 'm', Gi: 'g', Ti: 't'};
  if (binary[unit] && Number.isInteger(n)) return `${n}${binary[unit]}`;
  const factor: Record<string, number> = {
    '': 1,
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4
  };
  return String(Math.round(n * (factor[unit] ?? 1)));
}

/** `500m` → `0.5`, `2` → `2`. */
export function dockerCpus(q: string): string {
  const m = /^(\d+)m$/.exec(q.trim());
  return m ? String(Number(m[1]) / 1000) : q;
}
