import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../../src/core/config/load.js';

function load(test: string, platforms = '[linux/amd64, linux/arm64]') {
  return loadConfig(
    `registry: localhost:5000/acme
images:
  - name: app
    platforms: ${platforms}
    test:
${test}`,
    '.imagegate.yml'
  );
}

describe('test assertions in the configuration', () => {
  it('reads expect, files and metadata with their defaults', () => {
    const r = load(`      commands:
        - run: [/app/server, --version]
          expect:
            exit-code: [0, 3]
            stdout: {contains: v1, matches: "^v[0-9]+"}
            stderr: {not-contains: [panic, error], equals: ""}
        - {entrypoint: keep}
        - {entrypoint: keep, args: [--dry-run], expect: {exit-code: 2}}
      files:
        - {path: /app/server, type: file, mode: "0755", uid: 0, gid: 0, max-size: 20m}
        - {path: /bin/sh, exists: false}
        - {path: /etc/app.conf, contains: "port=8080", name: config file}
      metadata:
        user: "65532"
        non-root: true
        env: {PATH: true, DEBUG: false, APP_PORT: 8080}
        exposed-ports: [8080, 53/udp]
        labels: {org.opencontainers.image.title: app}
        entrypoint: [/app/server]
        cmd: []
        healthcheck: true
        stop-signal: SIGINT
        platform: true
`);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const test = r.config.images[0]!.test;
    expect(test.commands[0]).toMatchObject({
      run: ['/app/server', '--version'],
      expect: {
        exitCodes: [0, 3],
        stdout: {contains: ['v1'], notContains: [], matches: '^v[0-9]+'},
        stderr: {contains: [], notContains: ['panic', 'error'], equals: ''}
      }
    });
    expect(test.commands[1]).toMatchObject({entrypoint: 'keep', name: '(as-is: ENTRYPOINT CMD)'});
    expect(test.commands[1]!.run).toBeUndefined();
    expect(test.commands[2]).toMatchObject({args: ['--dry-run'], expect: {exitCodes: [2]}});
    expect(test.files).toEqual([
      {
        name: 'file /app/server',
        path: '/app/server',
        exists: true,
        type: 'file',
        mode: 0o755,
        uid: 0,
        gid: 0,
        maxSize: 20 * 1024 * 1024
      },
      {name: 'file /bin/sh', path: '/bin/sh', exists: false},
      {name: 'config file', path: '/etc/app.conf', exists: true, content: {contains: ['port=8080'], notContains: []}}
    ]);
    expect(test.metadata).toEqual({
      user: '65532',
      nonRoot: true,
      env: {PATH: true, DEBUG: false, APP_PORT: '8080'},
      exposedPorts: ['8080/tcp', '53/udp'],
      labels: {'org.opencontainers.image.title': 'app'},
      entrypoint: ['/app/server'],
      cmd: [],
      healthcheck: true,
      stopSignal: 'SIGINT',
      platform: true
    });
  });

  it('reads healthcheck present/absent and a platform named outright', () => {
    const r = load(`      metadata: {healthcheck: present, platform: linux/arm64/v8, platforms: [linux/arm64]}`);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.config.images[0]!.test.metadata).toMatchObject({healthcheck: true, platform: 'linux/arm64/v8'});
    const absent = load(`      metadata: {healthcheck: absent}`);
    expect(absent.ok && absent.config.images[0]!.test.metadata?.healthcheck).toBe(false);
  });

  it('accepts a suite of checks only (an image without a shell needs no command)', () => {
    const r = load(`      metadata: {non-root: true}`);
    expect(r.ok).toBe(true);
  });

  it('runs the image as-is only with entrypoint: keep, and says so at the test', () => {
    const r = load(`      commands:
        - {name: no command}
        - {run: "true", args: [x]}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      expect.objectContaining({line: 7, message: expect.stringContaining('`entrypoint: keep` to run the image as-is')}),
      expect.objectContaining({
        line: 8,
        message: expect.stringContaining('`args` goes with a test that runs the image as-is')
      })
    ]);
  });

  it('refuses bad checks at their key, with the fix', () => {
    const r = load(`      commands:
        - {run: "true", expect: {exit-code: 300, stdout: {matches: "("}}}
      files:
        - {path: relative/x}
        - {path: /x, exists: false, mode: "0755"}
        - {path: /x, type: directory, contains: x}
        - {path: /x, mode: 755}
        - {path: /x, min-size: 2m, max-size: 1k}
      metadata: {non-rot: true, platforms: [linux/s390x]}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.diagnostics.map(d => `${d.line}:${d.col} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^7:.*exit-code.* must be at most 255, not 300/),
      expect.stringMatching(/^7:.*matches.*is not a regular expression/),
      expect.stringMatching(/^9:.*must be an absolute path/),
      expect.stringMatching(/^12:.*mode.*must be a string, not a whole number; quote it: `"755"`/),
      expect.stringMatching(/^14:.*unknown key `non-rot`.*did you mean `non-root`\?/)
    ]);
    const semantic = load(`      files:
        - {path: /x, exists: false, mode: "0755"}
        - {path: /x, type: directory, contains: x}
        - {path: /x, min-size: 2m, max-size: 1k}
      metadata: {non-root: true, platforms: [linux/s390x]}`);
    expect(semantic.ok).toBe(false);
    if (semantic.ok) return;
    expect(semantic.diagnostics.map(d => `${d.line} ${d.message}`)).toEqual([
      expect.stringMatching(
        /^7 conflicting options: `exists: false` checks that \/x is absent, so `mode` cannot apply/
      ),
      expect.stringMatching(/^8 `contains` checks a file's content, but `type: directory` has none/),
      expect.stringMatching(/^9 `min-size` \(2m\) is larger than `max-size` \(1k\)/),
      expect.stringMatching(/^10 check platform linux\/s390x is not one of the image's platforms/)
    ]);
  });
});
