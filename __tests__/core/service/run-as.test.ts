import {describe, expect, it} from '@jest/globals';
import {deriveFromKubernetes, dockerCpus, dockerSize} from '../../../src/core/run-as/kubernetes.js';

const deployment = `apiVersion: v1
kind: Service
metadata: {name: web}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 10001}
      hostNetwork: true
      containers:
        - name: web
          image: x/web:1
          args: [--port, "8080"]
          env:
            - {name: MODE, value: prod}
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: s, key: t}}
          ports: [{name: http, containerPort: 8080}]
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          resources: {limits: {memory: 64Mi, cpu: 500m}}
          volumeMounts: [{name: tmp, mountPath: /tmp}]
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            initialDelaySeconds: 2
            periodSeconds: 1
            failureThreshold: 5
        - name: sidecar
          image: x/proxy:1
      volumes: [{name: tmp, emptyDir: {}}]
`;

describe('run-as a Kubernetes manifest', () => {
  it('derives the docker run settings, readiness and what it cannot honour, each with its line', () => {
    const r = deriveFromKubernetes(deployment, 'deploy/app.yaml', 'deploy/app.yaml#web', 'web');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.derived.runtime).toEqual({
      env: {MODE: 'prod'},
      args: ['--port', '8080'],
      user: '10001',
      nonRoot: true,
      readOnly: true,
      noNewPrivileges: true,
      capDrop: ['ALL'],
      capAdd: [],
      tmpfs: ['/tmp'],
      memory: '64m',
      cpus: '0.5',
      ports: [8080]
    });
    expect(r.derived.ready).toEqual({
      kind: 'http',
      http: {path: '/healthz', port: 8080, method: 'GET', headers: {}, status: 200, statusMax: 399, json: {}}
    });
    expect(r.derived.readyTimeoutMs).toBe(8000);
    expect(r.derived.runAs.settings.find(s => s.setting === 'read-only')?.source).toBe('deploy/app.yaml:23');
    expect(r.derived.runAs.unsupported.map(u => [u.setting, u.source])).toEqual([
      ['spec.hostNetwork', 'deploy/app.yaml:12']
    ]);
    expect(r.derived.runAs.notReproducible.map(u => u.setting)).toEqual(['env TOKEN']);
  });

  it.each([
    ['web2', 4, 'no container named web2 in deploy/app.yaml; did you mean web?'],
    [undefined, 4, 'has 2 containers (web, sidecar); choose one: `run-as: deploy/app.yaml#web`']
  ])('refuses a wrong container name %s at file:line', (name, _l, message) => {
    const r = deriveFromKubernetes(deployment, 'deploy/app.yaml', 'deploy/app.yaml', name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.message).toContain(message);
  });

  it('refuses malformed YAML and an unsupported kind with line:col and the fix', () => {
    const bad = deriveFromKubernetes('kind: Deployment\nspec: [\n', 'a.yaml', 'a.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics[0]!.message).toMatch(/^malformed YAML/);
    const kind = deriveFromKubernetes('apiVersion: x\nkind: Deploymnt\nspec: {}\n', 'a.yaml', 'a.yaml');
    expect(kind.ok).toBe(false);
    if (!kind.ok) {
      expect(kind.diagnostics[0]).toMatchObject({line: 2, col: 7});
      expect(kind.diagnostics[0]!.message).toContain('kind Deploymnt is not supported by run-as');
      expect(kind.diagnostics[0]!.message).toContain('did you mean Deployment?');
    }
  });

  it('converts quantities', () => {
    expect([dockerSize('128Mi'), dockerSize('1Gi'), dockerSize('500M'), dockerCpus('250m'), dockerCpus('2')]).toEqual([
      '128m',
      '1g',
      '500000000',
      '0.25',
      '2'
    ]);
  });
});
