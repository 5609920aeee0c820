import {describe, expect, it} from '@jest/globals';
import {composeDuration, composeSize} from '../../../src/core/run-as/compose.js';
import {deriveRunAs} from '../../../src/core/run-as/derive.js';
import {shellWords} from '../../../src/core/run-as/shell-words.js';

const compose = `name: shop
services:
  db:
    image: postgres:16
  web:
    build: .
    user: "10001:10001"
    read_only: true
    tmpfs:
      - /tmp:size=64m,mode=1777
    volumes:
      - type: tmpfs
        target: /run
        tmpfs: {size: 16mb}
      - ./data:/data
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
    security_opt: [no-new-privileges:true, seccomp:unconfined]
    entrypoint: /app/start
    command: --listen ':8080' "--name=my shop" plain\\ word
    environment:
      MODE: prod
      PRICE: "$$5"
      TOKEN: \${TOKEN}
      FROM_HOST:
    env_file: .env
    working_dir: /app
    ports: ["127.0.0.1:80:8080/tcp", "9000/udp"]
    expose: [9090]
    deploy:
      resources:
        limits: {memory: 64M, cpus: "0.5"}
    healthcheck:
      test: ["CMD-SHELL", "wget -qO- http://localhost:8080/healthz"]
      interval: 2s
      timeout: 1s
      retries: 5
      start_period: 1s
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    init: true
    shm_size: 128mb
    ulimits:
      nproc: 512
      nofile: {soft: 1024, hard: 2048}
    depends_on: [db]
    networks: [back]
    x-note: ignored
networks:
  back: {}
`;

describe('run-as a Compose file', () => {
  it('derives every docker run setting, readiness and stop from the service, each with its line', () => {
    const r = deriveRunAs(compose, 'compose.yaml', 'compose.yaml#web', 'web');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const {derived} = r;
    expect(derived.runtime).toEqual({
      entrypoint: ['/app/start'],
      args: ['--listen', ':8080', '--name=my shop', 'plain word'],
      user: '10001:10001',
      workdir: '/app',
      env: {MODE: 'prod', PRICE: '$5'},
      readOnly: true,
      tmpfs: ['/tmp:size=64m,mode=1777', '/run:size=16m'],
      capDrop: ['ALL'],
      capAdd: ['NET_BIND_SERVICE'],
      noNewPrivileges: true,
      memory: '64m',
      cpus: '0.5',
      shmSize: '128m',
      init: true,
      stopSignal: 'SIGINT',
      ulimits: ['nproc=512', 'nofile=1024:2048'],
      ports: [8080, 9090],
      health: {
        cmd: 'wget -qO- http://localhost:8080/healthz',
        interval: '2s',
        timeout: '1s',
        retries: 5,
        startPeriod: '1s'
      }
    });
    expect(derived.ready).toEqual({kind: 'healthcheck'});
    // start period + interval × (retries + 1) + timeout
    expect(derived.readyTimeoutMs).toBe(1000 + 2000 * 6 + 1000);
    expect(derived.stopGraceMs).toBe(90_000);
    const at = (setting: string) => derived.runAs.settings.find(s => s.setting === setting)?.source;
    expect(at('read-only')).toBe('compose.yaml:8');
    expect(at('user')).toBe('compose.yaml:7');
    expect(at('memory')).toBe('compose.yaml:32');
    expect(at('args')).toBe('compose.yaml:20');
    expect(derived.runAs.what).toBe('compose service web');
    expect(derived.runAs.notReproducible).toEqual([
      {setting: 'env TOKEN', value: 'interpolated: ${TOKEN}', source: 'compose.yaml:24'},
      {setting: 'env FROM_HOST', value: 'from the deploying machine’s environment', source: 'compose.yaml:25'},
      {setting: 'env_file', value: '.env', source: 'compose.yaml:26'}
    ]);
    expect(derived.runAs.unsupported.map(u => `${u.setting} [${u.source}]`)).toEqual([
      'ports 9000/udp [compose.yaml:28]',
      'volumes ./data:/data [compose.yaml:15]',
      'security_opt seccomp:unconfined [compose.yaml:18]',
      'depends_on [compose.yaml:46]',
      'networks [compose.yaml:47]'
    ]);
  });

  it('takes the only service without a name, list forms, and healthcheck CMD and NONE', () => {
    const r = deriveRunAs(
      `services:
  app:
    image: x
    command: [serve, --port, "8080"]
    environment: [A=1, B]
    tmpfs: /tmp
    mem_limit: 1gb
    healthcheck:
      test: [CMD, /bin/check, "a b"]
`,
      'c.yml',
      'c.yml'
    );
    expect(r.ok && r.derived.runtime).toMatchObject({
      args: ['serve', '--port', '8080'],
      env: {A: '1'},
      tmpfs: ['/tmp'],
      memory: '1g',
      health: {cmd: "/bin/check 'a b'"}
    });
    expect(r.ok && r.derived.runAs.notReproducible[0]?.setting).toBe('env B');
    const none = deriveRunAs('services:\n  app:\n    healthcheck: {disable: true}\n', 'c.yml', 'c.yml');
    expect(none.ok && none.derived.runtime.health).toBe('none');
    expect(none.ok && none.derived.ready).toBeUndefined();
  });

  it('lists values that interpolate the deploying machine’s variables instead of using them', () => {
    const r = deriveRunAs(
      'services:\n  app:\n    user: ${UID}\n    command: [serve, $$HOME, "${PORT}"]\n    ports: [{target: 8080, published: 80}, "8000-8010:8000-8010"]\n',
      'c.yml',
      'c.yml'
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.derived.runtime.user).toBeUndefined();
    expect(r.derived.runtime.args).toBeUndefined();
    expect(r.derived.runtime.ports).toEqual([8080]);
    expect(r.derived.runAs.unsupported.map(u => `${u.setting} [${u.source}]: ${u.value}`)).toEqual([
      'command [c.yml:4]: interpolates variables of the machine that deploys; write the values',
      'user [c.yml:3]: `${UID}` interpolates variables of the machine that deploys; write the value',
      'ports 8000-8010:8000-8010 [c.yml:5]: port ranges and interpolated ports are not probed'
    ]);
  });

  it('refuses a missing service, an unknown file kind, malformed YAML and bad values with line:col', () => {
    const missing = deriveRunAs(compose, 'compose.yaml', 'compose.yaml#wbe', 'wbe');
    expect(missing).toEqual({
      ok: false,
      diagnostics: [
        {
          line: 2,
          col: 1,
          message: 'no service named wbe in compose.yaml; did you mean web? (services: db, web); fix the name after #'
        }
      ]
    });
    const two = deriveRunAs(compose, 'compose.yaml', 'compose.yaml');
    expect(!two.ok && two.diagnostics[0]?.message).toBe(
      'compose.yaml has 2 services (db, web); choose one: `run-as: compose.yaml#db`'
    );
    const unknown = deriveRunAs('hello: world\n', 'x.yaml', 'x.yaml');
    expect(!unknown.ok && unknown.diagnostics[0]).toEqual({
      line: 1,
      col: 1,
      message: expect.stringContaining(
        'x.yaml is neither a Compose file (a top-level `services:` mapping) nor a Kubernetes manifest'
      )
    });
    const malformed = deriveRunAs('services:\n  web:\n    user: [a\n', 'c.yml', 'c.yml');
    expect(!malformed.ok && malformed.diagnostics[0]?.message).toMatch(/^malformed YAML: .*fix the YAML syntax there$/);
    expect(!malformed.ok && malformed.diagnostics[0]?.line).toBeGreaterThanOrEqual(3);
    const quote = deriveRunAs('services:\n  web:\n    command: echo "hi\n', 'c.yml', 'c.yml');
    expect(!quote.ok && quote.diagnostics[0]).toEqual({
      line: 3,
      col: 14,
      message: 'command: unterminated " quote at character 6; fix the quoting or write a list'
    });
    const grace = deriveRunAs('services:\n  web:\n    stop_grace_period: soon\n', 'c.yml', 'c.yml');
    expect(!grace.ok && grace.diagnostics[0]?.line).toBe(3);
  });

  it('still reads Kubernetes manifests through the same entry', () => {
    const r = deriveRunAs(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      securityContext: {readOnlyRootFilesystem: true}\n',
      'pod.yaml',
      'pod.yaml'
    );
    expect(r.ok && r.derived.runtime.readOnly).toBe(true);
    expect(r.ok && r.derived.runAs.what).toBe('Pod p, container c');
  });
});

describe('Compose values', () => {
  it('splits the string form like a shell, without expanding anything', () => {
    expect(shellWords(`a 'b c' "d \\"e\\" $HOME" f\\ g ''`)).toEqual({
      ok: true,
      words: ['a', 'b c', 'd "e" $HOME', 'f g', '']
    });
    expect(shellWords("it's")).toEqual({ok: false, error: "unterminated ' quote at character 3"});
  });
  it('converts sizes and durations', () => {
    expect([composeSize('64m'), composeSize('1gb'), composeSize('512MB'), composeSize('1024')]).toEqual([
      '64m',
      '1g',
      '512m',
      '1024'
    ]);
    expect([composeDuration('1m30s'), composeDuration('1.5s'), composeDuration('500ms'), composeDuration('x')]).toEqual(
      [90_000, 1500, 500, undefined]
    );
  });
});
