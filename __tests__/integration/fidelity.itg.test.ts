// Gate fidelity (issue 17): what the gate tests is what a real node of each platform gets.
// setup installs tooling kept in the repository, and none of it reaches the pushed image.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {tinyElf, type TinyArch} from '../helpers/tiny-elf.js';
import {manifest, tags} from './helpers/registry.js';
import {pushImage} from './helpers/images.js';
import {filesRepo, type TempRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const BASE = testbed().baseImage;
const REGISTRY = testbed().registry;

async function gate(dir: string, args: string[] = []) {
  const result = await runCli(['gate', '--json', ...args], {
    cwd: dir,
    env: {PATH: process.env.PATH, HOME: process.env.HOME}
  });
  const report = result.stdout ? (JSON.parse(result.stdout) as RunReport & {error?: {message: string}}) : undefined;
  return {...result, report: report!};
}

/** Every path in every layer of each platform's manifest of `ref`, read from the registry. */
async function pushedLayerFiles(ref: string): Promise<Record<string, string[]>> {
  const index = await manifest(ref);
  const repo = ref.slice(ref.indexOf('/') + 1).replace(/[:@].*$/, '');
  const out: Record<string, string[]> = {};
  for (const child of index!.json.manifests!.filter(m => m.platform?.os === 'linux')) {
    const image = (await manifest(`${REGISTRY}/${repo}@${child.digest}`))!.json as unknown as {
      layers: {digest: string}[];
    };
    const files: string[] = [];
    for (const layer of image.layers) {
      const res = await fetch(`http://${REGISTRY}/v2/${repo}/blobs/${layer.digest}`);
      const blob = Buffer.from(await res.arrayBuffer());
      files.push(...execFileSync('tar', ['-tzf', '-'], {input: blob, encoding: 'utf8'}).split('\n').filter(Boolean));
    }
    out[`${child.platform!.os}/${child.platform!.architecture}`] = files;
  }
  return out;
}

beforeAll(() => {
  testbed();
});

/** Writes tiny static ELF programs into the repository (executable) and commits them. */
function writeElves(repo: TempRepo, files: Record<string, TinyArch>): void {
  for (const [path, arch] of Object.entries(files)) {
    mkdirSync(dirname(join(repo.dir, path)), {recursive: true});
    writeFileSync(join(repo.dir, path), tinyElf(arch));
    chmodSync(join(repo.dir, path), 0o755);
  }
  repo.commit('binaries');
}

describe('executables of another architecture', () => {
  it('fails the arm64 image that carries x86-64 and 32-bit ARM programs, scratch included, and pushes nothing', async () => {
    const repo = filesRepo({
      'app/Dockerfile': `FROM ${BASE}\nARG TARGETARCH\nCOPY bin/\${TARGETARCH}/ /usr/local/bin/\n`,
      'static/Dockerfile': 'FROM scratch\nARG TARGETARCH\nCOPY bin/${TARGETARCH}/tool /tool\nENTRYPOINT ["/tool"]\n',
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    context: app
    platforms: [linux/amd64, linux/arm64]
    test:
      - name: the tools start
        run: tool && if [ -e /usr/local/bin/tool32 ]; then tool32; fi
  - name: static
    context: static
    platforms: [linux/amd64, linux/arm64]
    test:
      - name: the entrypoint starts
        run: [/tool]
`
    });
    // The classic mistake: the amd64 release asset downloaded for arm64 too, and a 32-bit ARM one.
    writeElves(repo, {
      'app/bin/amd64/tool': 'x86-64',
      'app/bin/arm64/tool': 'x86-64',
      'app/bin/arm64/tool32': 'arm',
      'static/bin/amd64/tool': 'x86-64',
      'static/bin/arm64/tool': 'x86-64'
    });
    const junit = join(repo.dir, 'junit.xml');
    const {code, report, stderr} = await gate(repo.dir, ['--junit', junit]);
    expect(code).toBe(1);
    const statuses = (name: string) =>
      report.images.find(i => i.name === name)!.platforms.map(p => [p.platform, p.tests.map(t => [t.name, t.status])]);
    // The programs themselves start on both platforms (the amd64 kernel, qemu-arm): only the check catches them.
    expect(statuses('app')).toEqual([
      ['linux/amd64', [['the tools start', 'passed']]],
      [
        'linux/arm64',
        [
          ['the tools start', 'passed'],
          ['executables are for linux/arm64', 'failed']
        ]
      ]
    ]);
    expect(statuses('static')).toEqual([
      ['linux/amd64', [['the entrypoint starts', 'passed']]],
      [
        'linux/arm64',
        [
          ['the entrypoint starts', 'passed'],
          ['executables are for linux/arm64', 'failed']
        ]
      ]
    ]);
    const appCheck = report.images.find(i => i.name === 'app')!.platforms[1]!.tests[1]!;
    expect(appCheck.error).toContain(
      '2 executable(s) of this linux/arm64 image are not for AArch64 and fail with "exec format error" on a real linux/arm64 node: /usr/local/bin/tool (x86-64), /usr/local/bin/tool32 (32-bit ARM); install the linux/arm64 build of each, or list a deliberate multi-architecture payload under `executables.ignore`'
    );
    const staticCheck = report.images.find(i => i.name === 'static')!.platforms[1]!.tests[1]!;
    expect(staticCheck.error).toContain(': /tool (x86-64);');
    expect(stderr).toContain('app linux/arm64: 2 executable(s) of this linux/arm64 image are not for AArch64');
    expect(readFileSync(junit, 'utf8')).toContain('executables are for linux/arm64');
    expect(report.pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/app`)).toEqual([]);
    expect(await tags(REGISTRY, `${repo.namespace}/static`)).toEqual([]);
  });

  it('check: false turns the check off for an image', async () => {
    const repo = filesRepo({
      Dockerfile: `FROM ${BASE}\nCOPY tool /usr/local/bin/tool\n`,
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    platforms: [linux/amd64, linux/arm64]
    executables: {check: false}
    test: [tool]
`
    });
    writeElves(repo, {tool: 'x86-64'});
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(report.images[0]!.platforms.map(p => [p.platform, p.tests.map(t => t.name), p.executables])).toEqual([
      ['linux/amd64', ['tool'], undefined],
      ['linux/arm64', ['tool'], undefined]
    ]);
  });

  it('passes right-architecture programs on both platforms, with a documented multi-architecture payload ignored', async () => {
    const repo = filesRepo({
      Dockerfile: `FROM ${BASE}\nARG TARGETARCH\nCOPY bin/\${TARGETARCH}/ /usr/local/bin/\nCOPY payload/ /opt/payload/\n`,
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    platforms: [linux/amd64, linux/arm64]
    executables:
      ignore: [/opt/payload/**]
    test:
      - name: the tool starts
        run: [tool]
`
    });
    writeElves(repo, {
      'bin/amd64/tool': 'x86-64',
      'bin/arm64/tool': 'aarch64',
      'payload/arm/tool': 'arm',
      'payload/x86-64/tool': 'x86-64',
      'payload/aarch64/tool': 'aarch64'
    });
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    const app = report.images[0]!;
    expect(app.platforms.map(p => [p.platform, p.tests.map(t => t.status), p.executables?.ignored])).toEqual([
      ['linux/amd64', ['passed'], 2],
      ['linux/arm64', ['passed'], 2]
    ]);
    expect(app.platforms.every(p => p.executables!.elf > 0)).toBe(true);
    expect(stderr).toMatch(
      /app linux\/arm64: executables check passed: \d+ ELF of \d+ executable file\(s\), 2 foreign one\(s\) ignored/
    );
    expect(app.pushed?.digest).toBe(app.digest);
  });
});

describe('test.setup sees the test files', () => {
  it('installs tooling kept in the repository on both platforms, and none of it is pushed', async () => {
    const repo = filesRepo({
      Dockerfile: `FROM ${BASE}\nUSER app\n`,
      'tests/bin/fidtool': '#!/bin/sh\necho "fidtool on $(uname -m)"\n',
      'tests/requirements.txt': 'fidtool==1\n',
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    platforms: [linux/amd64, linux/arm64]
    test:
      mount: {source: tests, target: /t}
      setup:
        - grep -q fidtool== /t/requirements.txt && mkdir -p /usr/local/bin && cp /t/bin/fidtool /usr/local/bin/fidtool
        - ["/bin/sh", "-c", "! touch /t/written 2>/dev/null"]
      commands:
        - name: the tooling from the repository is installed
          run: fidtool | grep -q "fidtool on $(uname -m)" && test "$(id -un)" = app
`
    });
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr, reason: report.images[0]?.reason}).toEqual({
      code: 0,
      stderr: '',
      reason: undefined
    });
    const app = report.images[0]!;
    expect(app.platforms.map(p => [p.platform, p.tests.map(t => t.status)])).toEqual([
      ['linux/amd64', ['passed']],
      ['linux/arm64', ['passed']]
    ]);
    // The setup saw the files read-only: nothing it tried to write is in the repository.
    expect(repo.git('status', '--porcelain')).toBe('');
    const layers = await pushedLayerFiles(app.pushed!.ref);
    expect(Object.keys(layers).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const files of Object.values(layers)) {
      expect(files.length).toBeGreaterThan(10);
      expect(files.filter(f => /fidtool|requirements\.txt|(^|\/)t\//.test(f))).toEqual([]);
    }
    expect((await tags(REGISTRY, `${repo.namespace}/app`)).length).toBeGreaterThan(0);
  });
});

describe('depends-on with every spelling of the base in the child', () => {
  it('builds every FROM, COPY --from= and RUN --mount=from= of the base on the tested base, not the published :1', async () => {
    const files = {
      'base/Dockerfile': `FROM ${BASE}\nRUN echo "new on $(uname -m)" > /marker\n`,
      'app/Dockerfile': '(written below, with the namespace)\n',
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: base
    context: base
    platforms: [linux/amd64, linux/arm64]
  - name: app
    context: app
    depends-on: base
    platforms: [linux/amd64, linux/arm64]
    test:
      - name: every spelling saw the tested base
        run: for f in /tagged /pinned /bare /copied /mounted; do grep -q "new on $(uname -m)" $f || { echo "$f holds $(cat $f)"; exit 1; }; done
`
    };
    const repo = filesRepo(files);
    const base = `${REGISTRY}/${repo.namespace}/base`;
    // The published base: :1 exists already, with other bytes.
    pushImage(`${base}:1`, {Dockerfile: `FROM ${BASE}\nRUN echo "old published base" > /marker\n`});
    const pinned = (await manifest(`${base}:1`))!.digest;
    repo.write(
      'app/Dockerfile',
      [
        `FROM ${base}:1 AS tagged`,
        `FROM ${base}@${pinned} AS pinned`,
        `FROM ${base}`,
        'COPY --from=tagged /marker /tagged',
        'COPY --from=pinned /marker /pinned',
        'RUN cp /marker /bare',
        `COPY --from=${base}:1 /marker /copied`,
        `RUN --mount=type=bind,from=${base}:1,target=/m cp /m/marker /mounted`,
        ''
      ].join('\n')
    );
    repo.commit();
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(
      report.images.map(i => [i.name, i.status, i.platforms.map(p => [p.platform, p.tests.map(t => t.status)])])
    ).toEqual([
      [
        'base',
        'passed',
        [
          ['linux/amd64', []],
          ['linux/arm64', []]
        ]
      ],
      [
        'app',
        'passed',
        [
          ['linux/amd64', ['passed']],
          ['linux/arm64', ['passed']]
        ]
      ]
    ]);
    expect(stderr).toContain(
      `app: ${base}:1, ${base}@${pinned}, ${base} → the tested base (${report.images[0]!.digest})`
    );
  });

  it('refuses a child whose Dockerfile never names the base, and pushes nothing', async () => {
    const repo = filesRepo({
      'base/Dockerfile': `FROM ${BASE}\n`,
      'app/Dockerfile': `FROM ${BASE}\n`,
      '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: base
    context: base
    platforms: [linux/amd64, linux/arm64]
  - name: app
    context: app
    depends-on: base
    platforms: [linux/amd64, linux/arm64]
`
    });
    const {code, report} = await gate(repo.dir);
    expect(code).not.toBe(0);
    const app = report.images.find(i => i.name === 'app')!;
    expect(app.status).toBe('build-failed');
    expect(app.reason).toContain(
      `no FROM, \`COPY --from=\` or \`RUN --mount=from=\` of this Dockerfile names its repository ${REGISTRY}/${repo.namespace}/base; write \`FROM ${REGISTRY}/${repo.namespace}/base\``
    );
    expect(report.pushed).toBe(false);
    expect(await tags(REGISTRY, `${repo.namespace}/base`)).toEqual([]);
    expect(await tags(REGISTRY, `${repo.namespace}/app`)).toEqual([]);
  });
});
