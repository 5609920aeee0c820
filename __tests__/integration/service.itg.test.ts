// Service tests on the real engine, on amd64 and arm64 (QEMU): the image started with its own
// ENTRYPOINT, made ready, probed from this machine, stopped; every failure fails the gate with the
// check named and nothing pushed; no container or network of a run is left behind, also after SIGINT.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {tags} from './helpers/registry.js';
import {exampleRepo, ROOT} from './helpers/repo.js';
import {gate, leftovers, services} from './helpers/services.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = testbed().registry;

beforeAll(() => {
  testbed();
});

describe('service tests', () => {
  it('examples/service-web: ready over HTTP, probed, stopped cleanly on both platforms, then pushed', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web');
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(services(report)).toEqual([
      ['linux/amd64', [['passed', '']]],
      ['linux/arm64', [['passed', '']]]
    ]);
    // The service's own log is in the report.
    expect(report.images[0]!.platforms[1]!.tests[0]!.outputTail).toContain('listening on 8080');
    expect(report.pushed).toBe(true);
    expect(leftovers()).toEqual(before);
  });

  it('a failing probe fails the gate on both platforms, names the probe, and pushes nothing', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web', c => c.replace('body-contains: hello', 'body-contains: goodbye'));
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    for (const [, tests] of services(report))
      expect(tests).toEqual([
        ['failed', expect.stringContaining('probe GET /: GET /: the body does not contain `goodbye`')]
      ]);
    expect(report.pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
    expect(leftovers()).toEqual(before);
  });

  it('examples/service-arm64-crash: the arm64 service crashes at start; the gate fails there only', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-arm64-crash');
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(services(report)).toEqual([
      ['linux/amd64', [['passed', '']]],
      ['linux/arm64', [['failed', 'the service exited with code 3 before it was ready']]]
    ]);
    // The command test passes on both: only the service test sees it.
    expect(report.images[0]!.platforms.map(p => p.tests[0]!.status)).toEqual(['passed', 'passed']);
    expect(report.images[0]!.platforms[1]!.tests[1]!.outputTail).toContain('fatal: unsupported CPU aarch64');
    expect(await tags(REGISTRY, `${repo.namespace}/crashy`)).toEqual([]);
    expect(leftovers()).toEqual(before);
  });

  it('readiness that never comes, and a service that ignores its stop signal, fail with the check named', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web', c =>
      c.replace(
        /services:\n[\s\S]*$/,
        [
          'services:',
          '        - name: never-ready',
          '          args: ["-c", "sleep 600"]',
          '          ready: {log: "^never printed$", timeout: 3s}',
          '          platforms: [linux/amd64]',
          '        - name: deaf',
          '          args: ["-c", "echo up; sleep 600"]',
          '          ready: {log: "^up$"}',
          '          stop: {grace: 2s}',
          ''
        ].join('\n')
      )
    );
    // `deaf` replaces the CMD only; make its ENTRYPOINT a shell that ignores SIGTERM as PID 1.
    repo.write(
      'Dockerfile',
      readFileSync(join(repo.dir, 'Dockerfile'), 'utf8').replace('ENTRYPOINT ["/app/start"]', 'ENTRYPOINT ["/bin/sh"]')
    );
    repo.commit();
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(services(report)).toEqual([
      [
        'linux/amd64',
        [
          [
            'failed',
            'not ready within 3s: a log line matching /^never printed$/: no output line matches /^never printed$/ yet'
          ],
          ['failed', expect.stringContaining('stop: the service did not exit within 2s of SIGTERM and was killed')]
        ]
      ],
      ['linux/arm64', [['failed', expect.stringContaining('stop: the service did not exit within 2s of SIGTERM')]]]
    ]);
    expect(report.pushed).toBe(false);
    expect(leftovers()).toEqual(before);
  });

  it('examples/service-readonly: run-as a Deployment with readOnlyRootFilesystem fails the broken twin and passes the fixed one', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-readonly');
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    const byName = Object.fromEntries(
      report.images.map(i => [i.name, i.platforms.map(p => p.tests.map(t => [t.status, t.error ?? '']))])
    );
    expect(byName['broken']).toEqual([
      [['failed', 'the service exited with code 1 before it was ready']],
      [['failed', 'the service exited with code 1 before it was ready']]
    ]);
    expect(byName['fixed']).toEqual([[['passed', '']], [['passed', '']]]);
    expect(report.images[0]!.platforms[0]!.tests[0]!.outputTail).toContain('Read-only file system');
    expect(report.pushed).toBe(false);
    expect(leftovers()).toEqual(before);
  });

  it('examples/service-readonly with its Compose file: read_only fails the broken twin on both platforms, the fixed one passes, nothing pushed', async () => {
    const before = leftovers();
    const compose = readFileSync(join(ROOT, 'examples/service-readonly/compose.imagegate.yml'), 'utf8');
    // The Compose configuration, with the test's registry namespace.
    const repo = exampleRepo('service-readonly', c =>
      compose.replace(/^registry: .*$/m, /^registry: .*$/m.exec(c)![0])
    );
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 1 ? '' : stderr}).toEqual({code: 1, stderr: ''});
    const byName = Object.fromEntries(
      report.images.map(i => [
        i.name,
        i.platforms.map(p => [p.platform, p.tests.map(t => [t.name, t.status, t.error ?? ''])])
      ])
    );
    // The command runs confined as the service is: its root filesystem is read-only, /tmp a tmpfs.
    const command = ['read-only root, writable /tmp', 'passed', ''];
    expect(byName['broken']).toEqual([
      ['linux/amd64', [command, ['service: web', 'failed', 'the service exited with code 1 before it was ready']]],
      ['linux/arm64', [command, ['service: web', 'failed', 'the service exited with code 1 before it was ready']]]
    ]);
    expect(byName['fixed']).toEqual([
      ['linux/amd64', [command, ['service: web', 'passed', '']]],
      ['linux/arm64', [command, ['service: web', 'passed', '']]]
    ]);
    const service = report.images[0]!.platforms[1]!.tests[1]!;
    expect(service.outputTail).toContain('Read-only file system');
    expect(report.pushed).toBe(false);
    for (const image of ['broken', 'fixed']) expect(await tags(REGISTRY, `${repo.namespace}/${image}`)).toEqual([]);
    // The engine may be shared: only what this run made must be gone.
    expect(leftovers().filter(l => !before.includes(l))).toEqual([]);
  });

  it('SIGINT while a service test runs: the CLI removes its containers and network before it exits', async () => {
    const before = leftovers();
    const repo = exampleRepo('service-web', c =>
      c.replace(/ready:\n\s+http: \{path: \/healthz\/, port: 8080\}/, 'ready: {log: "^never$", timeout: 5m}')
    );
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'check'], {
      cwd: repo.dir,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => void (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (output += c.toString()));
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    // Wait until the service containers run.
    for (let i = 0; i < 600 && leftovers().length <= before.length + 1; i++) await new Promise(r => setTimeout(r, 500));
    expect(leftovers().length).toBeGreaterThan(before.length);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('SIGINT: removing the test containers and networks');
    expect(leftovers()).toEqual(before);
  });
});
