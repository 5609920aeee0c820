// Gate fidelity (issue 17): what the gate tests is what a real node of each platform gets.
// setup installs tooling kept in the repository, and none of it reaches the pushed image.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
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
