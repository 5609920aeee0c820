// Gate fidelity (issue 17): what the gate tests is what a real node of each platform gets.
// setup installs tooling kept in the repository, and none of it reaches the pushed image.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {filesRepo} from './helpers/repo.js';
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
    const old = mkdtempSync(join(tmpdir(), 'imagegate-oldbase-'));
    writeFileSync(join(old, 'Dockerfile'), `FROM ${BASE}\nRUN echo "old published base" > /marker\n`);
    execFileSync('docker', [
      'buildx',
      'build',
      '-q',
      '--platform',
      'linux/amd64,linux/arm64',
      '--provenance=false',
      '--push',
      '-t',
      `${base}:1`,
      old
    ]);
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
