// `run-as` on an image: every service test of the image starts as the deployment file says unless it
// names its own, and the test commands run confined as production confines the container.
import {describe, expect, it} from '@jest/globals';
import {mkdirSync, mkdtempSync, realpathSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readConfigFile} from '../../src/app/plan.js';
import {dockerRunArgs} from '../../src/core/docker-args.js';
import {ConfigError} from '../../src/core/errors.js';
import type {Plan} from '../../src/core/plan.js';
import {runCli} from '../helpers/cli.js';

const COMPOSE = `services:
  web:
    build: .
    user: "10001"
    read_only: true
    tmpfs: [/tmp]
    cap_drop: [ALL]
    security_opt: [no-new-privileges:true]
    mem_limit: 64m
    environment: {MODE: prod, LEVEL: info, TOKEN: "\${TOKEN}"}
    depends_on: [db]
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
          stand-ins: {TOKEN: test-token}
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
    // The interpolated TOKEN is not reproducible; the test's stand-in supplies it.
    expect(inherits!.runtime.env).toEqual({MODE: 'prod', LEVEL: 'info', TOKEN: 'test-token'});
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
    const outside = repository(CONFIG.replace('deploy/compose.yaml#web', '../elsewhere.yaml#web'));
    await expect(readConfigFile(outside)).rejects.toThrow(
      /\.imagegate\.yml:4:13: `\.\.\/elsewhere\.yaml` leads to .*, outside the repository .*; keep the deployment file `run-as` reads inside the repository/
    );
    const cli = await runCli(['plan'], {cwd: missing, env: {PATH: process.env.PATH}});
    expect({code: cli.code, stderr: cli.stderr.trim()}).toEqual({
      code: 2,
      stderr: expect.stringContaining('.imagegate.yml:4:13: run-as: deploy/nope.yaml does not exist')
    });
    const wrong = repository(CONFIG.replace('compose.yaml#web', 'compose.yaml#api'));
    const error = await readConfigFile(wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).lines).toEqual([
      'deploy/compose.yaml:1:1: no service named api in deploy/compose.yaml (services: web); fix the name after #'
    ]);
  });
});

describe('the plan shows run-as', () => {
  it('every derived setting with its line, what cannot be honoured or reproduced, per service test', async () => {
    const root = repository(CONFIG);
    const r = await runCli(['plan'], {cwd: root, env: {PATH: process.env.PATH}});
    expect(r.code).toBe(0);
    const line = (text: string) =>
      r.stdout
        .split('\n')
        .map(l => l.replace(/\s+/g, ' ').trim())
        .find(l => l.startsWith(text));
    expect(line('run-as deploy/compose.yaml#web:')).toBe(
      'run-as deploy/compose.yaml#web: compose service web [.imagegate.yml:4]'
    );
    expect(line('commands touch')).toBe("commands touch /tmp/x, id: run with these (a command's own user and env win)");
    expect(line('service inherits')).toBe(
      'service inherits run-as deploy/compose.yaml#web (the image’s): compose service web [.imagegate.yml:4]'
    );
    expect(line('service own')).toBe(
      'service own run-as deploy/pod.yaml#web: Pod p, container web [.imagegate.yml:13]'
    );
    expect(line('read-only')).toBe('read-only true (read_only) [deploy/compose.yaml:5]');
    expect(line('not honoured')).toBe(
      'not honoured depends_on: other Compose services are not started [deploy/compose.yaml:11]'
    );
    expect(line('not reproducible')).toBe(
      'not reproducible env TOKEN: interpolated: ${TOKEN} (give a stand-in) [deploy/compose.yaml:10]'
    );
    expect(line('ready ')).toContain('HEALTHCHECK healthy: wget -qO- localhost:8080/healthz');
    expect(line('user 20002')).toBe('user 20002 [deploy/pod.yaml:7]');
    expect(line('steps')).toContain('run service test(s) inherits, own');
  });

  it('--json has the same, per image', async () => {
    const root = repository(CONFIG);
    const r = await runCli(['plan', '--json'], {cwd: root, env: {PATH: process.env.PATH}});
    const plan = JSON.parse(r.stdout) as Plan;
    const contract = plan.images[0]!.contract!;
    expect(contract.image).toMatchObject({spec: 'deploy/compose.yaml#web', source: '.imagegate.yml:4'});
    // The commands get the confinement and env, not the healthcheck.
    expect(contract.image!.settings.map(s => s.setting)).toEqual([
      'user',
      'env MODE',
      'env LEVEL',
      'read-only',
      'tmpfs',
      'cap-drop',
      'security-opt',
      'memory'
    ]);
    expect(contract.services.map(s => [s.name, s.inherited ?? false, s.runAs?.source])).toEqual([
      ['inherits', true, '.imagegate.yml:4'],
      ['own', false, '.imagegate.yml:13']
    ]);
    expect(contract.services[0]!.runAs!.unsupported).toEqual([
      {setting: 'depends_on', value: 'other Compose services are not started', source: 'deploy/compose.yaml:11'}
    ]);
  });
});
