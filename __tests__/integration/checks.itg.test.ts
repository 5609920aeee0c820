// Assertions on the real testbed, on amd64 and arm64 (QEMU): `expect` on a command's exit code and
// output, `files` read from the built image itself (a `scratch` image without a shell), `metadata`
// from each platform's image config, and a job image run exactly as its scheduler runs it. Each
// failure fails the gate with nothing pushed, names the check with what it expected and got, and
// is annotated at its line of the configuration file.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from '@jest/globals';
import type {RunReport, TestResult} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {tags} from './helpers/registry.js';
import {exampleRepo, filesRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const BASE = testbed().baseImage;
const REGISTRY = testbed().registry;
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

async function gate(dir: string) {
  const result = await runCli(['gate', '--json', '--junit', 'junit.xml', '--code-quality', 'quality.json'], {
    cwd: dir,
    env: {PATH: process.env.PATH, HOME: process.env.HOME}
  });
  const quality = JSON.parse(readFileSync(join(dir, 'quality.json'), 'utf8')) as {
    description: string;
    location: {path: string; lines: {begin: number}};
  }[];
  // The annotations at the configuration file: `LINE: message`.
  const annotations = quality
    .filter(q => q.location.path.endsWith('.imagegate.yml'))
    .map(q => `${q.location.lines.begin}: ${q.description}`);
  return {...result, annotations, report: JSON.parse(result.stdout) as RunReport};
}

function results(report: RunReport, name: string): TestResult[] {
  return report.images[0]!.platforms.flatMap(p => p.tests.filter(t => t.name === name));
}

/** A `scratch` job image: a static busybox as its one program, no shell. */
const SCRATCH = `FROM ${BASE} AS build
RUN mkdir -p /out/app && cp /bin/busybox /out/app/busybox && printf 'port=8080\\n' > /out/app.conf
FROM scratch
COPY --from=build /out/ /
USER 65532
ENTRYPOINT ["/app/busybox"]
CMD ["cat", "/app.conf"]
`;

function scratchRepo(test: string, dockerfile = SCRATCH) {
  return filesRepo({
    Dockerfile: dockerfile,
    '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: job
    platforms: [linux/amd64, linux/arm64]
    test:
${test}`
  });
}

describe('assertions, file and metadata checks on amd64 and arm64', () => {
  it('the distroless example passes every check on both platforms and the tested image is staged', async () => {
    const repo = exampleRepo('distroless');
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    const [job] = report.images;
    expect(job!.platforms.map(p => p.platform)).toEqual(PLATFORMS);
    for (const platform of job!.platforms) {
      expect(platform.tests.filter(t => t.status !== 'passed')).toEqual([]);
      expect(platform.tests.map(t => t.name)).toEqual(
        expect.arrayContaining([
          'runs as the scheduler runs it',
          'file /app/busybox',
          'file /app/echo',
          'file /bin/sh',
          'metadata non-root',
          'metadata env JOB_CONFIG',
          'metadata platform'
        ])
      );
    }
    expect(job!.pushed?.digest).toBe(job!.digest);
  });

  it('a job image whose CMD names a renamed file fails when run as-is, on both platforms, and nothing is pushed', async () => {
    const repo = scratchRepo(
      `      - {name: as the CronJob runs it, entrypoint: keep}
      - {name: with args, entrypoint: keep, args: [--version-that-does-not-exist], expect: {exit-code: [0, 1]}}
`,
      SCRATCH.replace('CMD ["cat", "/app.conf"]', 'CMD ["cat", "/app.config"]')
    );
    const {code, report, annotations} = await gate(repo.dir);
    expect(code).toBe(1);
    const asIs = results(report, 'as the CronJob runs it');
    expect(asIs.map(t => [t.platform, t.status, t.exitCode])).toEqual([
      ['linux/amd64', 'failed', 1],
      ['linux/arm64', 'failed', 1]
    ]);
    expect(asIs[0]!.outputTail).toContain('/app.config');
    // `args` come after the CMD: busybox cat of both names, the second missing too.
    expect(results(report, 'with args').map(t => t.status)).toEqual(['passed', 'passed']);
    expect(annotations).toContainEqual(
      expect.stringMatching(/^6: job: test `as the CronJob runs it` failed on linux\/arm64/)
    );
    expect(await tags(REGISTRY, `${repo.namespace}/job`)).toEqual([]);
  });

  it('a failed expectation names the check, what it expected and what came, in the report, the JUnit case and the annotation', async () => {
    const repo = scratchRepo(`      commands:
        - name: config
          entrypoint: keep
          expect:
            exit-code: 0
            stdout: {contains: "port=9090"}
`);
    const {code, report, annotations} = await gate(repo.dir);
    expect(code).toBe(1);
    const failed = results(report, 'config');
    expect(failed.map(t => [t.platform, t.status, t.error])).toEqual(
      PLATFORMS.map(p => [p, 'failed', 'stdout contains "port=9090": expected it, got "port=8080\\n"'])
    );
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^7: job: test `config` failed on linux\/amd64 \(stdout contains "port=9090": expected it, got/
      )
    );
    const junit = readFileSync(join(repo.dir, 'junit.xml'), 'utf8');
    expect(junit).toContain(
      '<failure message="stdout contains &quot;port=9090&quot;: expected it, got &quot;port=8080\\n&quot;"'
    );
    expect(await tags(REGISTRY, `${repo.namespace}/job`)).toEqual([]);
  });

  it('a file check on a scratch image fails with expected and actual, nothing pushed', async () => {
    const repo = scratchRepo(`      files:
        - {path: /app/busybox, mode: "0700"}
        - {path: /app.conf, contains: "port=8080"}
        - {path: /bin/sh}
`);
    const {code, report, annotations} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(results(report, 'file /app/busybox').map(t => [t.status, t.error])).toEqual([
      ['failed', 'mode: expected "0700", got "0755"'],
      ['failed', 'mode: expected "0700", got "0755"']
    ]);
    expect(results(report, 'file /app.conf').map(t => t.status)).toEqual(['passed', 'passed']);
    expect(results(report, 'file /bin/sh').map(t => t.error)).toEqual([
      'exists: expected /bin/sh in the image, got no such path',
      'exists: expected /bin/sh in the image, got no such path'
    ]);
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^7: job: test `file \/app\/busybox` failed on linux\/arm64 \(mode: expected "0700", got "0755"\)/
      )
    );
    expect(await tags(REGISTRY, `${repo.namespace}/job`)).toEqual([]);
  });

  it('a metadata check that fails names the key and the platform, nothing pushed', async () => {
    const repo = scratchRepo(`      metadata:
        non-root: true
        user: app
        cmd: [cat, /app.conf]
        exposed-ports: [8080]
        platform: true
`);
    const {code, report, annotations} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(results(report, 'metadata user').map(t => [t.platform, t.error])).toEqual(
      PLATFORMS.map(p => [p, 'user: expected "app", got "65532"'])
    );
    expect(results(report, 'metadata exposed-ports').map(t => t.error)).toEqual([
      'exposed-ports: expected 8080/tcp exposed, got none',
      'exposed-ports: expected 8080/tcp exposed, got none'
    ]);
    for (const name of ['metadata non-root', 'metadata cmd', 'metadata platform'])
      expect(results(report, name).map(t => t.status)).toEqual(['passed', 'passed']);
    expect(annotations).toContainEqual(expect.stringMatching(/^8: job: test `metadata user` failed on linux\/arm64/));
    expect(await tags(REGISTRY, `${repo.namespace}/job`)).toEqual([]);
  });

  it('test.setup on an image without a shell says why and what to do instead', async () => {
    const repo = scratchRepo(`      setup: ["touch /tool"]
      commands: [{entrypoint: keep}]
`);
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    const tests = report.images[0]!.platforms.flatMap(p => p.tests);
    expect(tests.map(t => t.status)).toEqual(['error', 'error']);
    expect(tests[0]!.error).toMatch(/the image has no shell .*`test\.files` and `test\.metadata`/);
    expect(await tags(REGISTRY, `${repo.namespace}/job`)).toEqual([]);
  });
});
