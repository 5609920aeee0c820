// `run-as` on an image: every service test of the image starts as the deployment file says unless it
// names its own, and the test commands run confined as production confines the container.
import {describe, expect, it} from '@jest/globals';
import {mkdirSync, mkdtempSync, realpathSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readConfigFile} from '../../src/app/plan.js';
import {dockerRunArgs} from '../../src/core/docker-args.js';
import {ConfigError} from '../../src/core/errors.js';

const COMPOSE = `services:
  web:
    build: .
    user: "10001"
    read_only: true
    tmpfs: [/tmp]
    cap_drop: [ALL]
    security_opt: [no-new-privileges:true]
    mem_limit: 64m
    environment: {MODE: prod, LEVEL: info}
    healthcheck:
      test: wget -qO- localhost:8080/healthz
      interval: 1s
`;

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      securityContext: {runAsUser: 20002}
`;

function repository(config: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'imagegate-run-as-')));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'deploy'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(root, 'deploy', 'compose.yaml'), COMPOSE);
  writeFileSync(join(root, 'deploy', 'pod.yaml'), POD);
  writeFileSync(join(root, '.imagegate.yml'), config);
  return root;
}

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    run-as: deploy/compose.yaml#web
    test:
      commands:
        - run: touch /tmp/x
        - {run: id, user: root, env: {LEVEL: debug}}
      services:
        - name: inherits
        - name: own
          run-as: deploy/pod.yaml#web
`;

describe('image-level run-as', () => {
  it('is every service test’s contract unless the test names its own', async () => {
    const root = repository(CONFIG);
    const {config} = await readConfigFile(root);
    const image = config.images[0]!;
    expect(image.runAs?.what).toBe('compose service web');
    const [inherits, own] = image.test.services!;
    expect(inherits!.runAs?.spec).toBe('deploy/compose.yaml#web');
    expect(inherits!.runtime).toMatchObject({user: '10001', readOnly: true, tmpfs: ['/tmp'], memory: '64m'});
    expect(inherits!.ready).toEqual({kind: 'healthcheck'});
    // A test's own run-as replaces the image's whole: nothing of the Compose file leaks into it.
    expect(own!.runAs?.spec).toBe('deploy/pod.yaml#web');
    expect(own!.runtime.user).toBe('20002');
    expect(own!.runtime.readOnly).toBeUndefined();
    expect(own!.runtime.env).toEqual({});
  });

  it('confines the test commands, keeping the user and env a command sets itself', async () => {
    const root = repository(CONFIG);
    const {config} = await readConfigFile(root);
    const [plain, explicit] = config.images[0]!.test.commands;
    const args = (c: typeof plain) =>
      dockerRunArgs({
        image: 'img',
        platform: 'linux/amd64',
        command: c!.run!,
        env: c!.env,
        ...(c!.user ? {user: c!.user} : {}),
        ...(c!.contract ? {contract: c!.contract} : {})
      });
    expect(args(plain)).toEqual([
      'run',
      '--rm',
      '--pull',
      'never',
      '--platform',
      'linux/amd64',
      '--user',
      '10001',
      '--env',
      'MODE=prod',
      '--env',
      'LEVEL=info',
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
      '/bin/sh',
      'img',
      '-c',
      'touch /tmp/x'
    ]);
    expect(explicit!.user).toBe('root');
    expect(explicit!.env).toEqual({MODE: 'prod', LEVEL: 'debug'});
    expect(explicit!.contract?.readOnly).toBe(true);
  });

  it('a missing file or service is a configuration error at the image’s run-as, before anything runs', async () => {
    const missing = repository(CONFIG.replace('deploy/compose.yaml#web', 'deploy/nope.yaml'));
    await expect(readConfigFile(missing)).rejects.toThrow(
      '.imagegate.yml:4:13: run-as: deploy/nope.yaml does not exist; point `run-as` at the Kubernetes manifest or Compose file production deploys'
    );
    const wrong = repository(CONFIG.replace('compose.yaml#web', 'compose.yaml#api'));
    const error = await readConfigFile(wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).lines).toEqual([
      'deploy/compose.yaml:1:1: no service named api in deploy/compose.yaml (services: web); fix the name after #'
    ]);
  });
});
