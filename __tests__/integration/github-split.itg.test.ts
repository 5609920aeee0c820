// The split workflow of examples/github/.github/workflows/split.yml, step by step as the runner runs
// it under Node 24: components/gate once per platform (the matrix), then the root action with
// `command: merge` over the records the platform jobs left (the artifacts).
import {beforeAll, describe, expect, it} from '@jest/globals';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {manifest, tags} from './helpers/registry.js';
import {filesRepo, type TempRepo} from './helpers/repo.js';
import {recordedEvent, runStep, type StepRun} from './helpers/runner.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = testbed().registry;

let repo: TempRepo;
let head: string;

beforeAll(() => {
  const tb = testbed();
  repo = filesRepo({
    '.imagegate.yml': `registry: localhost:5000/acme\nimages:\n  - name: web\n    platforms: [linux/amd64, linux/arm64]\n    test:\n      - run: test "$(cat /etc/ready)" = ready\n`,
    Dockerfile: `FROM ${tb.baseImage}\nCOPY ready /etc/ready\n`,
    ready: 'ready\n',
    '.gitignore': 'imagegate-records/\n'
  });
  head = repo.git('rev-parse', 'HEAD');
});

function step(action: string, event: string, inputs: Record<string, string>): StepRun {
  const recorded = recordedEvent(event);
  const pr = recorded.event.pull_request as {head?: {sha?: string}} | undefined;
  if (pr?.head) pr.head.sha = head;
  const run = runStep({
    action,
    with: inputs,
    env: {...recorded.env, GITHUB_WORKSPACE: repo.dir},
    event: recorded.event,
    cwd: repo.dir
  });
  expect(run.post?.status).toBe(0);
  return run;
}

describe('one runner per platform, then merge (GitHub)', () => {
  it('a fork pull request: each platform only checks, and merge has nothing to do', async () => {
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const run = step('components/gate', 'pull_request-fork', {platform});
      expect(run.status).toBe(0);
      expect(run.outputs).toMatchObject({scenario: 'check', pushed: 'false'});
    }
    const merge = step('', 'pull_request-fork', {command: 'merge'});
    expect(merge.status).toBe(0);
    expect(merge.stdout).toMatch(/^::notice::imagegate merge: nothing to merge on this event/m);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });

  it('a same-repository pull request: both platforms staged by digest, merged into one index of exactly those', async () => {
    const digests: string[] = [];
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const run = step('components/gate', 'pull_request-renovate', {platform});
      expect(run.status).toBe(0);
      expect(run.outputs).toMatchObject({
        scenario: 'gate',
        pushed: 'true',
        records: join(repo.dir, 'imagegate-records')
      });
      digests.push(run.outputs.digest!);
    }
    expect(readdirSync(join(repo.dir, 'imagegate-records')).sort()).toEqual([
      'web-linux-amd64.json',
      'web-linux-arm64.json'
    ]);
    const merge = step('', 'pull_request-renovate', {command: 'merge'});
    expect(merge.status).toBe(0);
    expect(merge.outputs.tags).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]{32}$`));
    const index = await manifest(merge.outputs.tags!);
    expect(index?.digest).toBe(merge.outputs.digest);
    const platforms = index!.json.manifests!.filter(m => m.platform?.os !== 'unknown');
    expect(platforms.map(m => m.platform?.architecture)).toEqual(['amd64', 'arm64']);
    // Each platform job's digest is its index (image + attestation); the merged index carries their entries.
    for (const [i, digest] of digests.entries()) {
      const tested = await manifest(`${REGISTRY}/${repo.namespace}/web@${digest}`);
      const image = tested!.json.manifests?.find(m => m.platform?.os !== 'unknown')?.digest ?? digest;
      expect(platforms[i]!.digest).toBe(image);
    }
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).filter(t => t.includes('-linux-'))).toEqual([]);
  });
});
