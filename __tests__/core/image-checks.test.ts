import {describe, expect, it} from '@jest/globals';
import {
  commandFailures,
  factsFromInspect,
  fileFailures,
  firstTarEntry,
  isRootUser,
  metadataOutcomes,
  plannedChecks,
  setupFailure
} from '../../src/core/image-checks.js';
import type {FileCheck, MetadataCheck} from '../../src/core/config/check-types.js';

/** A ustar header as `docker cp … -` writes one. */
function tar(entry: {
  name: string;
  flag: string;
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  link?: string;
}): Buffer {
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, text: string): void =>
    void header.write(text.slice(0, length), offset, 'utf8');
  const octal = (n: number, length: number): string => `${n.toString(8).padStart(length - 1, '0')}\0`;
  const body = Buffer.from(entry.content ?? '');
  field(0, 100, entry.name);
  field(100, 8, octal(entry.mode, 8));
  field(108, 8, octal(entry.uid, 8));
  field(116, 8, octal(entry.gid, 8));
  field(124, 12, octal(body.length, 12));
  field(156, 1, entry.flag);
  field(157, 100, entry.link ?? '');
  field(257, 6, 'ustar\0');
  const padded = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  body.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}

const file = (check: Partial<FileCheck>): FileCheck => ({name: 'f', path: '/etc/app.conf', exists: true, ...check});

describe('file checks', () => {
  const conf = firstTarEntry(
    tar({name: 'app.conf', flag: '0', mode: 0o100644, uid: 0, gid: 10, content: 'port=8080\n'})
  );

  it('reads the first entry of a tar stream: type, mode, owner, size, content', () => {
    expect(conf).toMatchObject({name: 'app.conf', type: 'file', mode: 0o644, uid: 0, gid: 10, size: 10});
    expect(conf!.content.toString()).toBe('port=8080\n');
    expect(firstTarEntry(tar({name: 'sh', flag: '2', mode: 0o777, uid: 0, gid: 0, link: 'busybox'}))).toMatchObject({
      type: 'symlink',
      linkname: 'busybox'
    });
    expect(firstTarEntry(Buffer.alloc(1024))).toBeUndefined();
  });

  it('passes a file that is what the check says', () => {
    expect(
      fileFailures(
        file({
          type: 'file',
          mode: 0o644,
          uid: 0,
          gid: 10,
          content: {contains: ['port=8080'], notContains: ['debug'], matches: '^port=\\d+$'},
          maxSize: 100
        }),
        conf
      )
    ).toEqual([]);
    expect(fileFailures(file({exists: false}), undefined)).toEqual([]);
  });

  it('names each difference, expected and got', () => {
    expect(
      fileFailures(
        file({
          type: 'directory',
          mode: 0o755,
          uid: 65532,
          content: {contains: ['port=9090'], notContains: []},
          minSize: 1024
        }),
        conf
      )
    ).toEqual([
      'type: expected directory, got file',
      'mode: expected "0755", got "0644"',
      'uid: expected 65532, got 0',
      'min-size: expected at least 1024 bytes, got 10',
      'content contains "port=9090": expected it, got "port=8080\\n"'
    ]);
    expect(fileFailures(file({}), undefined)).toEqual([
      'exists: expected /etc/app.conf in the image, got no such path'
    ]);
    expect(fileFailures(file({exists: false}), conf)).toEqual([
      'exists: expected /etc/app.conf to be absent, got a file'
    ]);
  });
});

describe('command expectations', () => {
  it('passes exit code 0 by default, or any listed code', () => {
    expect(commandFailures(undefined, {exitCode: 0, stdout: '', stderr: ''})).toEqual([]);
    expect(commandFailures({exitCodes: [0, 3]}, {exitCode: 3, stdout: '', stderr: ''})).toEqual([]);
    expect(commandFailures({exitCodes: [0, 3]}, {exitCode: 1, stdout: '', stderr: ''})).toEqual([
      'exit-code: expected one of 0, 3, got 1'
    ]);
  });

  it('checks stdout and stderr apart', () => {
    const run = {exitCode: 0, stdout: 'v1.2.3\n', stderr: 'warning: old config\n'};
    expect(
      commandFailures(
        {
          exitCodes: [0],
          stdout: {contains: [], notContains: [], equals: 'v1.2.3'},
          stderr: {contains: [], notContains: ['warning']}
        },
        run
      )
    ).toEqual(['stderr not-contains "warning": expected it absent, got "warning: old config\\n"']);
    expect(commandFailures({exitCodes: [0], stdout: {contains: [], notContains: [], matches: '^v2'}}, run)).toEqual([
      'stdout matches /^v2/: expected a match, got "v1.2.3\\n"'
    ]);
  });
});

describe('metadata checks', () => {
  const facts = factsFromInspect(
    {
      User: '65532:65532',
      WorkingDir: '/app',
      Env: ['PATH=/usr/bin', 'APP_PORT=8080'],
      ExposedPorts: {'8080/tcp': {}},
      Labels: {team: 'payments'},
      Entrypoint: ['/app/server'],
      Cmd: null,
      Healthcheck: {Test: ['CMD', '/app/server', 'health']},
      StopSignal: 'SIGINT'
    },
    'linux/arm64'
  );
  const check: MetadataCheck = {
    user: '65532:65532',
    nonRoot: true,
    workdir: '/app',
    env: {PATH: true, APP_PORT: '8080', DEBUG: false},
    exposedPorts: ['8080/tcp'],
    labels: {team: 'payments'},
    entrypoint: ['/app/server'],
    cmd: [],
    healthcheck: true,
    stopSignal: 'SIGINT',
    platform: true
  };

  it('passes an image config that is what the checks say, one outcome per key', () => {
    const outcomes = metadataOutcomes(check, facts, 'linux/arm64');
    expect(outcomes.map(o => o.name)).toEqual([
      'metadata user',
      'metadata non-root',
      'metadata workdir',
      'metadata env PATH',
      'metadata env APP_PORT',
      'metadata env DEBUG',
      'metadata exposed-ports',
      'metadata label team',
      'metadata entrypoint',
      'metadata cmd',
      'metadata healthcheck',
      'metadata stop-signal',
      'metadata platform'
    ]);
    expect(outcomes.flatMap(o => o.failures)).toEqual([]);
  });

  it('names what it expected and what the image has', () => {
    const root = factsFromInspect({User: '', Env: ['DEBUG=1'], Cmd: ['/app/old-name']}, 'linux/amd64');
    const failures = metadataOutcomes(check, root, 'linux/arm64').flatMap(o => o.failures);
    expect(failures).toEqual([
      'user: expected "65532:65532", got ""',
      'non-root: expected a user other than root, got "" (no USER: root)',
      'workdir: expected "/app", got ""',
      'env PATH: expected it set, got not set',
      'env APP_PORT: expected "8080", got not set',
      'env DEBUG: expected it not set, got "1"',
      'exposed-ports: expected 8080/tcp exposed, got none',
      'label team: expected "payments", got no such label',
      'entrypoint: expected ["/app/server"], got []',
      'cmd: expected [], got ["/app/old-name"]',
      'healthcheck: expected a HEALTHCHECK, got none',
      'stop-signal: expected "SIGINT", got none (SIGTERM)',
      'platform: expected linux/arm64, got linux/amd64'
    ]);
  });

  it('checks a platform named outright, arm64/v8 being arm64', () => {
    const outcome = (platform: string) =>
      metadataOutcomes({env: {}, exposedPorts: [], labels: {}, platform}, facts, 'linux/arm64').flatMap(
        o => o.failures
      );
    expect(outcome('linux/arm64/v8')).toEqual([]);
    expect(outcome('linux/amd64')).toEqual(['platform: expected linux/amd64, got linux/arm64']);
  });

  it('knows root by name, number and /etc/passwd', () => {
    expect(isRootUser('', undefined)).toBe(true);
    expect(isRootUser('0:0', undefined)).toBe(true);
    expect(isRootUser('65532', undefined)).toBe(false);
    expect(isRootUser('admin', 'root:x:0:0::/root:/bin/sh\nadmin:x:0:0::/:/bin/sh\n')).toBe(true);
    expect(isRootUser('app', 'app:x:1000:1000::/:/sbin/nologin\n')).toBe(false);
  });
});

describe('setup on an image without a shell', () => {
  it('says why and what to do instead', () => {
    const message = setupFailure(
      '#5 0.1 runc run failed: exec: "/bin/sh": stat /bin/sh: no such file or directory',
      'x'
    );
    expect(message).toContain('the image has no shell');
    expect(message).toContain('`test.files` and `test.metadata`');
    expect(setupFailure('apk: not found? no: exit code 1', 'exit code 1')).toBe('test setup failed: exit code 1');
  });
});

describe('planned checks', () => {
  it('lists the checks of each platform by the names the reports use', () => {
    const files: FileCheck[] = [
      {name: 'file /app', path: '/app', exists: true},
      {
        name: 'file /lib/ld-linux-aarch64.so.1',
        path: '/lib/ld-linux-aarch64.so.1',
        exists: true,
        platforms: ['linux/arm64']
      }
    ];
    const metadata: MetadataCheck = {nonRoot: true, env: {PATH: true}, exposedPorts: [], labels: {}};
    expect(plannedChecks(files, metadata, 'linux/amd64')).toEqual([
      'file /app',
      'metadata non-root',
      'metadata env PATH'
    ]);
    expect(plannedChecks(files, undefined, 'linux/arm64/v8')).toEqual(['file /app', 'file /lib/ld-linux-aarch64.so.1']);
  });
});
