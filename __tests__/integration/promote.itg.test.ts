// Promotion on the real registries: the gate stages tested bytes, promote publishes exactly those
// bytes under the final tags (retag, mount or copy — never a rebuild), and cleanup removes the
// staging tag while the final tags, which share its digest, stay.
import {beforeAll, describe, expect, it} from '@jest/globals';
import type {PromoteReport} from '../../src/app/promote.js';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo, type TempRepo} from './helpers/repo.js';
import {fallbackTag} from '../../src/oci/referrers.js';
import {testbed} from './helpers/testbed.js';

const {registry: REGISTRY, intermediateRegistry: INTERMEDIATE} = testbed();
const env = (): Record<string, string | undefined> => ({PATH: process.env.PATH, HOME: process.env.HOME});

async function run(repo: TempRepo, verb: string, args: string[] = []) {
  const r = await runCli([verb, '--json', ...args], {cwd: repo.dir, env: env()});
  return {...r, json: r.stdout ? JSON.parse(r.stdout) : undefined};
}

async function gated(repo: TempRepo): Promise<RunReport> {
  const g = await run(repo, 'gate');
  expect(g.code).toBe(0);
  return g.json as RunReport;
}

/** Every child manifest of an index and every blob they name can be fetched from the repository. */
async function complete(ref: string): Promise<boolean> {
  const [host, ...rest] = ref.split('/');
  const repoPath = rest.join('/').replace(/[:@].*$/, '');
  const index = await manifest(ref);
  if (!index) return false;
  for (const child of index.json.manifests ?? []) {
    const m = await manifest(`${host}/${repoPath}@${child.digest}`);
    if (!m) return false;
    const doc = JSON.parse(m.bytes) as {config: {digest: string}; layers: {digest: string}[]};
    for (const blob of [doc.config, ...doc.layers]) {
      const res = await fetch(`http://${host}/v2/${repoPath}/blobs/${blob.digest}`, {method: 'HEAD'});
      if (res.status !== 200) return false;
    }
  }
  return true;
}

beforeAll(() => {
  testbed();
});

describe('promote in the same repository (tag mode)', () => {
  it('retags the tested digest without moving a layer byte, then removes only the staging tag', async () => {
    const repo = exampleRepo('multiarch');
    const staged = (await gated(repo)).images[0]!;
    const sha = repo.git('rev-parse', 'HEAD');
    const p = await run(repo, 'promote');
    expect(p.code).toBe(0);
    const report = p.json as PromoteReport;
    const web = report.images[0]!;
    expect(web.digest).toBe(staged.digest);
    // A retag in the staging repository: written without reading the tags first.
    expect(web.tags.map(t => [t.ref, t.action])).toEqual([
      [`${REGISTRY}/${repo.namespace}/web:${sha}`, 'written'],
      [`${REGISTRY}/${repo.namespace}/web:latest`, 'written']
    ]);
    expect(web.copy).toMatchObject({blobsUploaded: 0, bytesUploaded: 0, blobsMounted: 0});
    expect(report.http.byMethod.PATCH ?? 0).toBe(0);
    expect(web.cleanup).toEqual({removed: true});
    // The staging tag is gone, and its staging record with it (the fallback index listed nothing
    // else: its tag went too); the final tags (same digest) are alive and complete, with the
    // promotion marker of the source under its own tag (2.8 has no referrers API; the marker names
    // the digest as its subject and is not added to a fallback index).
    const identity = staged.pushed!.ref.split(':staging-').pop()!;
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).sort()).toEqual(
      [sha, 'latest', `imagegate-promoted-${identity}`].sort()
    );
    expect(
      (await manifest(`${REGISTRY}/${repo.namespace}/web:${fallbackTag(staged.digest!)}`))?.digest
    ).toBeUndefined();
    expect(web.marker).toMatchObject({
      tag: `${REGISTRY}/${repo.namespace}/web:imagegate-promoted-${identity}`,
      created: true
    });
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:latest`))?.digest).toBe(staged.digest);
    expect(await complete(`${REGISTRY}/${repo.namespace}/web:latest`)).toBe(true);
  });

  it('is idempotent: a second run finds the promoted digest and changes nothing', async () => {
    const repo = exampleRepo('multiarch');
    await gated(repo);
    expect((await run(repo, 'promote')).code).toBe(0);
    const again = await run(repo, 'promote');
    expect(again.code).toBe(0);
    const web = (again.json as PromoteReport).images[0]!;
    expect(web.tags.map(t => t.action)).toEqual(['unchanged', 'unchanged']);
    expect(web.cleanup).toBeUndefined();
  });

  it('refuses with the reason when staging has no image for the merged source, and writes nothing', async () => {
    const repo = exampleRepo('multiarch');
    await gated(repo);
    repo.write('app/extra', 'changed after the gate\n');
    repo.commit('a change the gate never saw');
    const p = await runCli(['promote'], {cwd: repo.dir, env: env()});
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('promote refused: staging has no tested image for the merged source of web');
    expect(p.stderr).toContain('on-missing: build');
    // Only the gate's staging tag and its staging record's fallback index are there.
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).filter(t => !/^(staging|sha256)-/.test(t))).toEqual([]);
  });

  it('on-missing: build gates the merged source first, then promotes it', async () => {
    const repo = exampleRepo('multiarch', c => `${c}promote:\n  on-missing: build\n`);
    const p = await run(repo, 'promote');
    expect(p.code).toBe(0);
    const web = (p.json as PromoteReport).images[0]!;
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:latest`))?.digest).toBe(web.digest);
  });

  it('release after promote finds the promoted bytes when no tag names the commit (tags: [latest, "{{version}}"])', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace('tags: ["{{sha}}", latest, "{{version}}", "{{major}}.{{minor}}"]', 'tags: [latest, "{{version}}"]')
    );
    const staged = (await gated(repo)).images[0]!;
    expect((await run(repo, 'promote')).code).toBe(0);
    // Promote removed the staging tag; no final tag is named after the commit.
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).filter(t => t.startsWith('staging-'))).toEqual([]);
    repo.git('tag', 'v3.0.1');
    const r = await run(repo, 'release');
    expect({code: r.code, stderr: r.code ? r.stderr : ''}).toEqual({code: 0, stderr: ''});
    const report = r.json as PromoteReport;
    expect(report.images[0]!.digest).toBe(staged.digest);
    expect(report.images[0]!.staging).toContain(':imagegate-promoted-');
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:3.0.1`))?.digest).toBe(staged.digest);
  });

  it('release of a commit whose tree was never promoted refuses, naming what the promoted tags hold', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace('tags: ["{{sha}}", latest, "{{version}}", "{{major}}.{{minor}}"]', 'tags: [latest, "{{version}}"]')
    );
    await gated(repo);
    expect((await run(repo, 'promote')).code).toBe(0);
    repo.write('app/extra', 'after the promotion\n');
    repo.commit('a change that was never promoted');
    repo.git('tag', 'v3.0.2');
    const r = await runCli(['release'], {cwd: repo.dir, env: env()});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('release refused: no promoted image for the tagged commit');
    expect(r.stderr).toMatch(
      /web:latest holds sha256:[0-9a-f]{64}, promoted from another tree: identity [0-9a-f]{32} \(commit [0-9a-f]{12}\)/
    );
    expect(await manifest(`${REGISTRY}/${repo.namespace}/web:3.0.2`)).toBeUndefined();
  });

  it('release publishes version tags for the promoted digest of the tagged commit', async () => {
    const repo = exampleRepo('multiarch');
    const staged = (await gated(repo)).images[0]!;
    expect((await run(repo, 'promote')).code).toBe(0);
    repo.git('tag', 'v2.3.4');
    const r = await run(repo, 'release');
    expect(r.code).toBe(0);
    expect((r.json as PromoteReport).images[0]!.tags.map(t => t.ref.split(':').pop())).toEqual(['2.3.4', '2.3']);
    for (const tag of ['2.3.4', '2.3', 'latest'])
      expect((await manifest(`${REGISTRY}/${repo.namespace}/web:${tag}`))?.digest).toBe(staged.digest);
  });
});

describe('promote across repositories and registries', () => {
  it('from an intermediate repository of the same registry: blobs are mounted, zero layer bytes move', async () => {
    const repo = exampleRepo('multiarch', c =>
      c.replace('  tag-prefix: staging-', `  registry: ${REGISTRY}/NS-staging`)
    );
    repo.write(
      '.imagegate.yml',
      (await import('node:fs'))
        .readFileSync(`${repo.dir}/.imagegate.yml`, 'utf8')
        .replace('NS-staging', `${repo.namespace}-staging`)
    );
    repo.commit();
    const staged = (await gated(repo)).images[0]!;
    expect(staged.pushed!.ref).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}-staging/web:[0-9a-f]{32}$`));
    const p = await run(repo, 'promote');
    expect(p.code).toBe(0);
    const web = (p.json as PromoteReport).images[0]!;
    expect(web.copy.bytesUploaded).toBe(0);
    expect(web.copy.blobsMounted).toBeGreaterThan(0);
    expect(web.copy.manifests).toBe(5); // two platforms, two attestations, the index
    expect(await complete(`${REGISTRY}/${repo.namespace}/web:latest`)).toBe(true);
    expect(await tags(REGISTRY, `${repo.namespace}-staging/web`)).toEqual([]);
  });

  it('from the intermediate registry to the final one: every byte is copied and the index is byte-identical', async () => {
    const repo = exampleRepo('multiarch', c => c.replace('  tag-prefix: staging-', `  registry: ${INTERMEDIATE}/NS`));
    repo.write(
      '.imagegate.yml',
      (await import('node:fs'))
        .readFileSync(`${repo.dir}/.imagegate.yml`, 'utf8')
        .replace(`${INTERMEDIATE}/NS`, `${INTERMEDIATE}/${repo.namespace}`)
    );
    repo.commit();
    const staged = (await gated(repo)).images[0]!;
    const source = await manifest(staged.pushed!.ref);
    const p = await run(repo, 'promote');
    expect(p.code).toBe(0);
    const web = (p.json as PromoteReport).images[0]!;
    expect(web.copy.blobsUploaded).toBeGreaterThan(0);
    const final = await manifest(`${REGISTRY}/${repo.namespace}/web:latest`);
    expect(final?.bytes).toBe(source?.bytes);
    expect(await complete(`${REGISTRY}/${repo.namespace}/web:latest`)).toBe(true);
  });
});
