// The gate on the real engine, buildx, QEMU and registries: every platform of the exact build is
// tested, only tested bytes are pushed (digest read back and compared), failures push nothing.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo, filesRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const BASE = testbed().baseImage;
const REGISTRY = testbed().registry;

async function gate(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = await runCli(['gate', '--json', ...args], {
    cwd: dir,
    env: {PATH: process.env.PATH, HOME: process.env.HOME, ...env}
  });
  const report = result.stdout ? (JSON.parse(result.stdout) as RunReport & {error?: {message: string}}) : undefined;
  return {...result, report: report!};
}

beforeAll(() => {
  testbed();
});

describe('gate on examples/multiarch', () => {
  it('tests both platforms, then pushes exactly the tested index to staging', async () => {
    const repo = exampleRepo('multiarch');
    const junit = join(repo.dir, 'junit.xml');
    const {code, report, stderr} = await gate(repo.dir, ['--junit', junit]);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    const [web] = report.images;
    expect(web!.status).toBe('passed');
    expect(web!.platforms.map(p => [p.platform, p.emulated, p.tests.map(t => t.status)])).toEqual([
      ['linux/amd64', false, ['passed', 'passed']],
      ['linux/arm64', true, ['passed', 'passed']]
    ]);
    // The pushed digest is the tested digest, as the registry itself reports it.
    const staged = web!.pushed!;
    expect(staged.ref).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]{32}$`));
    const index = await manifest(staged.ref);
    expect(index?.digest).toBe(web!.digest);
    expect(staged.digest).toBe(web!.digest);
    // Per-platform manifests are the index's children; buildx's attestation entries ride along.
    const children = index!.json.manifests!;
    for (const platform of web!.platforms) {
      const [os, architecture] = platform.platform.split('/');
      expect(children.find(c => c.platform?.os === os && c.platform?.architecture === architecture)?.digest).toBe(
        platform.manifestDigest
      );
    }
    expect(children.filter(c => c.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')).toHaveLength(
      2
    );
    // The staging tag, and the fallback index listing its staging record (2.8 has no referrers API).
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).sort()).toEqual(
      [staged.ref.split(':').pop(), `sha256-${staged.digest.slice(7)}`].sort()
    );
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('<testsuite name="web linux/arm64" tests="2" failures="0"');
  });

  it('check builds and tests, and pushes nothing', async () => {
    const repo = exampleRepo('multiarch');
    const result = await runCli(['check', '--json'], {
      cwd: repo.dir,
      env: {PATH: process.env.PATH, HOME: process.env.HOME}
    });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as RunReport).pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });
});

describe('failures push nothing', () => {
  it('examples/amd64-only: the arm64 image cannot start its binary', async () => {
    const repo = exampleRepo('amd64-only');
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    const [cli] = report.images;
    expect(cli!.platforms.map(p => [p.platform, p.tests[0]!.status])).toEqual([
      ['linux/amd64', 'passed'],
      ['linux/arm64', 'failed']
    ]);
    expect(cli!.platforms[1]!.tests[0]!.outputTail).toContain('no such file or directory');
    expect(report.pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/vendor-cli`)).toEqual([]);
  });

  it('examples/nonroot-write: passes on the host, fails in the image (USER app, root-owned /app)', async () => {
    const repo = exampleRepo('nonroot-write');
    const host = mkdtempSync(join(tmpdir(), 'imagegate-host-'));
    const {execFileSync} = await import('node:child_process');
    expect(execFileSync(join(repo.dir, 'app/serve'), ['--once'], {env: {CACHE_DIR: host}, encoding: 'utf8'})).toContain(
      'cache warmed'
    );
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    for (const platform of report.images[0]!.platforms) {
      expect(platform.tests[0]!.status).toBe('failed');
      expect(platform.tests[0]!.outputTail).toContain('Permission denied');
    }
    expect(await tags(REGISTRY, `${repo.namespace}/cache-writer`)).toEqual([]);
  });

  it('a test over its time limit is stopped and fails the gate', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace(/ {4}test:\n[\s\S]*$/, '    test:\n      - run: sleep 30\n        timeout: 2s\n')
    );
    const started = Date.now();
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(25000);
    expect(report.images[0]!.platforms.map(p => p.tests[0]!.status)).toEqual(['timed-out', 'timed-out']);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });

  it('a failing test’s output keeps its line breaks, on both platforms, however it arrived', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace(/ {4}test:\n[\s\S]*$/, '    test:\n      - run: echo one; sleep 1; echo two; exit 1\n')
    );
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(report.images[0]!.platforms.map(p => [p.platform, p.tests[0]!.outputTail])).toEqual([
      ['linux/amd64', 'one\ntwo'],
      ['linux/arm64', 'one\ntwo']
    ]);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });

  it('when docker cannot start the container, the failure names docker’s own cause', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace(/ {4}test:\n[\s\S]*$/, '    test:\n      - run: "true"\n        user: svc\n')
    );
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    for (const platform of report.images[0]!.platforms)
      expect(platform.tests[0]).toMatchObject({
        status: 'error',
        error: expect.stringMatching(/^docker could not start the container: .*unable to find user svc/)
      });
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });

  it('a broken Dockerfile is a failed build (exit 1), with the build error, and nothing pushed', async () => {
    const repo = exampleRepo('multiarch');
    repo.write('Dockerfile', `FROM ${BASE}\nRUN exit 3\n`);
    repo.commit();
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(report.images[0]).toMatchObject({status: 'build-failed', reason: expect.stringContaining('exit code: 3')});
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });
});

describe('several images, setup, mounts and per-test options', () => {
  it('builds a base first and the dependent FROM its tested bytes; test tooling never reaches the pushed image', async () => {
    const files = {
      'base/Dockerfile': `FROM ${BASE}\nRUN echo "base on $(uname -m)" > /base-marker\n`,
      'app/Dockerfile': `FROM ${REGISTRY}/NAMESPACE/base\nRUN cp /base-marker /app-saw-base\nUSER app\nWORKDIR /home/app\nENV GREETING=hello\n`,
      'tests/check.sh':
        '#!/bin/sh\nset -eu\ntest "$GREETING" = hello\ntest "$(pwd)" = /home/app\ntest "$(id -un)" = app\ngrep -q "base on $(uname -m)" /app-saw-base\n',
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    context: app
    depends-on: base
    platforms: [linux/amd64, linux/arm64]
    test:
      setup:
        - mkdir -p /usr/local/bin && printf '#!/bin/sh\\necho tool-ok\\n' > /usr/local/bin/tool && chmod +x /usr/local/bin/tool
      mount: {source: tests, target: /checks}
      commands:
        - name: image user, workdir, env and the tested base
          run: ["/checks/check.sh"]
        - name: test-only tooling is there
          run: tool
        - name: per-test user and env
          run: test "$(id -un)" = root && test "$MODE" = ci
          user: root
          env: {MODE: ci}
  - name: base
    context: base
    platforms: [linux/amd64, linux/arm64]
`
    };
    const repo = filesRepo(files, c => c);
    repo.write('app/Dockerfile', files['app/Dockerfile'].replace('NAMESPACE', repo.namespace));
    repo.commit();
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(report.images.map(i => [i.name, i.status])).toEqual([
      ['base', 'passed'],
      ['app', 'passed']
    ]);
    const app = report.images[1]!;
    expect(app.platforms.every(p => p.tests.length === 3)).toBe(true);
    // The pushed app image is the built one: it does not carry the setup's tool.
    const {execFileSync} = await import('node:child_process');
    const out = execFileSync(
      'docker',
      [
        'run',
        '--rm',
        '--pull',
        'always',
        '--platform',
        'linux/arm64',
        '--entrypoint',
        '/bin/sh',
        app.pushed!.ref,
        '-c',
        'command -v tool || echo absent; cat /app-saw-base'
      ],
      {encoding: 'utf8'}
    );
    expect(out).toBe('absent\nbase on aarch64\n');
  });
});

describe('secrets, cache and registry credentials', () => {
  it('a build secret reaches the build but not argv, logs or the report', async () => {
    const secret = `s3cr3t-${Date.now()}`;
    const repo = exampleRepo('multiarch', c =>
      c.replace('    tags:', '    secrets:\n      - {id: token, env: IMAGEGATE_TEST_TOKEN}\n    tags:')
    );
    repo.write(
      'Dockerfile',
      `FROM ${BASE}\nRUN --mount=type=secret,id=token echo ${Date.now()} > /nonce && wc -c < /run/secrets/token > /token-length\nCOPY app/ /app/\nRUN touch /app/ready && uname -m > /app/arch\n`
    );
    repo.commit();
    const {code, stdout, stderr} = await gate(repo.dir, [], {IMAGEGATE_TEST_TOKEN: secret});
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(secret);
    const {execFileSync} = await import('node:child_process');
    const out = execFileSync(
      'docker',
      [
        'run',
        '--rm',
        '--platform',
        'linux/amd64',
        '--entrypoint',
        '/bin/cat',
        JSON.parse(stdout).images[0].pushed.ref,
        '/token-length'
      ],
      {
        encoding: 'utf8'
      }
    );
    expect(out.trim()).toBe(String(secret.length));
  });

  it('a missing secret variable is a usage error before anything is built', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace('    tags:', '    secrets:\n      - {id: token, env: IMAGEGATE_NOT_SET}\n    tags:')
    );
    const {code, stderr} = await gate(repo.dir);
    expect(code).toBe(2);
    expect(stderr).toContain('secret `token` reads the environment variable IMAGEGATE_NOT_SET, which is not set');
  });

  it('writes a local cache, and a cache that cannot be written only warns', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'imagegate-cache-'));
    const repo = exampleRepo('multiarch', c =>
      c.replace(
        '    tags:',
        `    cache:\n      to: ["type=local,dest=${cacheDir}/c", "type=registry,ref=localhost:5999/nowhere/cache"]\n    tags:`
      )
    );
    const {code} = await gate(repo.dir);
    expect(code).toBe(0);
    expect(existsSync(join(cacheDir, 'c', 'index.json'))).toBe(true);
  });

  it('stages to a registry that needs credentials, given through the environment and never printed', async () => {
    const tb = testbed();
    const password = readFileSync(tb.raw.TESTBED_AUTH_PASSWORD_FILE!, 'utf8').trim();
    const repo = exampleRepo('multiarch', c =>
      c.replace('  tag-prefix: staging-', `  registry: ${tb.authRegistry}/REPLACE`)
    );
    repo.write(
      '.imagegate.yml',
      readFileSync(join(repo.dir, '.imagegate.yml'), 'utf8').replace('REPLACE', repo.namespace)
    );
    repo.commit();
    const denied = await gate(repo.dir);
    expect(denied.code).toBe(3);
    expect(denied.stderr).toMatch(new RegExp(`pushing ${tb.authRegistry}/\\w+/web:[0-9a-f]{32} failed`));
    const {code, report, stdout, stderr} = await gate(repo.dir, [], {
      IMAGEGATE_REGISTRY_USER: tb.raw.TESTBED_AUTH_USER!,
      IMAGEGATE_REGISTRY_PASSWORD: password
    });
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(password);
    const auth = `Basic ${Buffer.from(`${tb.raw.TESTBED_AUTH_USER}:${password}`).toString('base64')}`;
    expect((await manifest(report.images[0]!.pushed!.ref, auth))?.digest).toBe(report.images[0]!.digest);
  });
});

describe('emulation', () => {
  it('a platform without a QEMU handler fails with the platform and the fix, and nothing is pushed', async () => {
    const {run} = await import('../../src/app/run.js');
    const {composeServices} = await import('../../src/compose/services.js');
    const {readRunEnvironment} = await import('../../src/host/environment.js');
    const {PlainLog} = await import('../../src/host/terminal.js');
    const repo = exampleRepo('multiarch');
    let log = '';
    // A mounted binfmt_misc (it has `status`) without an arm64 handler.
    const binfmtDir = mkdtempSync(join(tmpdir(), 'imagegate-no-binfmt-'));
    writeFileSync(join(binfmtDir, 'status'), 'enabled\n');
    const services = composeServices({
      env: readRunEnvironment({PATH: process.env.PATH, HOME: process.env.HOME}),
      log: new PlainLog(t => void (log += t)),

      binfmtDir
    });
    const result = await run({command: 'gate', cwd: repo.dir, parallel: 1}, services);
    expect(result.exitCode).toBe(1);
    const report = result.outputs!.results as RunReport;
    const [amd64, arm64] = report.images[0]!.platforms;
    expect(amd64!.tests.every(t => t.status === 'passed')).toBe(true);
    expect(arm64!.tests.every(t => t.status === 'error')).toBe(true);
    expect(arm64!.tests[0]!.error).toContain('no QEMU handler for linux/arm64');
    expect(log).toContain('docker run --privileged --rm tonistiigi/binfmt --install arm64');
    expect(report.pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });
});
