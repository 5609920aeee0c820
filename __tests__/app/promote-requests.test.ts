// How many requests a promotion costs, counted on the in-memory registry (distribution 2.8's
// behaviour: no referrers API, a manifest whose blobs are missing is refused), next to the safety
// that must not be traded for them: a final tag moved during a copy is refused, cleanup never
// removes a live tag, what a run learnt about a registry is learnt once per run, not per image,
// and markers written the old way are still read.
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {IMAGES_PER_HOST, type PromoteReport} from '../../src/app/promote.js';
import type {RunRequest} from '../../src/app/request.js';
import {run} from '../../src/app/run.js';
import type {RunReport} from '../../src/core/results.js';
import type {RegistryRequest, RegistryResponse, Transport} from '../../src/registry/transport.js';
import {PROMOTION_MARKER_TYPE} from '../../src/core/records.js';
import {artifactManifest, referrerDescriptor} from '../../src/oci/referrers.js';
import {RegistryClient} from '../../src/registry/client.js';
import {Referrers} from '../../src/registry/referrers.js';
import {Untagger} from '../../src/registry/untag.js';
import {fakeServices, FakeGit, projectDir, type FakeRun} from '../helpers/fakes.js';

const SHA = 'c'.repeat(40);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ci/github');
const FINAL = 'localhost:5000';

function pushToMain(): Record<string, string> {
  const {env, event} = JSON.parse(readFileSync(join(FIXTURES, 'push-default-branch.json'), 'utf8')) as {
    env: Record<string, string>;
    event: unknown;
  };
  const dir = projectDir({'event.json': JSON.stringify(event)});
  const vars = {...env, GITHUB_SHA: SHA, GITHUB_EVENT_PATH: join(dir, 'event.json')};
  delete (vars as Record<string, string | undefined>).GITHUB_WORKSPACE;
  return vars;
}

const request = (cwd: string, command: RunRequest['command'], extra: Partial<RunRequest> = {}): RunRequest => ({
  command,
  cwd,
  parallel: 2,
  ...extra
});

function project(staging: string, cleanup: boolean, images = ['web']): string {
  const list = images
    .map(
      name =>
        `  - name: ${name}\n    context: ${name}\n    platforms: [linux/amd64, linux/arm64]\n    tags: [t1, t2]\n    test: ["true"]\n`
    )
    .join('');
  const files: Record<string, string> = {
    '.imagegate.yml': `registry: ${FINAL}/acme\n${staging}\npromote: {cleanup: ${cleanup}}\nimages:\n${list}`
  };
  for (const name of images) {
    files[`${name}/Dockerfile`] = 'FROM scratch\n';
    files[`${name}/file`] = `${name}\n`;
  }
  return projectDir(files);
}

async function staged(dir: string, f: FakeRun): Promise<RunReport> {
  const g = await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services);
  expect(g.failure).toBeUndefined();
  return g.outputs!.results as RunReport;
}

/** Runs the promotion and returns its report with the requests it sent. */
async function promote(
  dir: string,
  f: FakeRun
): Promise<{report: PromoteReport; requests: string[]; failure?: string}> {
  f.registry.log.length = 0;
  const r = await run(request(dir, 'run'), f.services);
  return {
    report: r.presentation?.document as PromoteReport,
    requests: [...f.registry.log],
    ...(r.failure ? {failure: r.failure} : {})
  };
}

const fakes = (): FakeRun => fakeServices(pushToMain(), new FakeGit({sha: SHA, branch: 'main'}));

describe('requests per promotion (in-memory distribution 2.8)', () => {
  it('S1 two final tags in the staging repository: the staging tag read, one write per tag, the marker (4)', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', false);
    const staged_ = (await staged(dir, f)).images[0]!;
    const digest = staged_.digest!;
    const stagingTag = staged_.pushed!.ref.split(':').pop()!;
    const {report, requests} = await promote(dir, f);
    // A retag in the staging repository: nothing is read before a tag is written.
    expect(report.images[0]!.tags.map(t => t.action)).toEqual(['written', 'written']);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't2')).toBe(digest);
    // The marker is an empty index stored and tagged in one PUT: no blob, no fallback index.
    expect(requests).toEqual([
      `GET ${FINAL}/v2/acme/web/manifests/${stagingTag}`,
      `PUT ${FINAL}/v2/acme/web/manifests/t1`,
      `PUT ${FINAL}/v2/acme/web/manifests/t2`,
      `PUT ${FINAL}/v2/acme/web/manifests/imagegate-promoted-${stagingTag.replace('staging-', '')}`
    ]);
    expect(requests.length).toBeLessThanOrEqual(4);
  });

  it('S2 another repository of the same registry: blobs mounted, no byte uploaded, no fallback tag read that the tag list does not have', async () => {
    const f = fakes();
    const dir = project(`staging: {registry: ${FINAL}/other}`, false);
    const digest = (await staged(dir, f)).images[0]!.digest!;
    const {report, requests} = await promote(dir, f);
    expect(report.images[0]!.copy).toMatchObject({blobsUploaded: 0, bytesUploaded: 0});
    expect(report.images[0]!.tags.map(t => t.action)).toEqual(['created', 'created']);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(requests.filter(r => r.includes('/blobs/uploads/?digest='))).toEqual([]);
    expect(requests.filter(r => r.startsWith('PATCH ') || /PUT .*\/blobs\/uploads\//.test(r))).toEqual([]);
    expect(requests.filter(r => /GET .*\/other\/web\/manifests\/sha256-/.test(r))).toHaveLength(1);
    // Each final tag read before the copy and again before its write (the moved-tag refusal).
    expect(requests.filter(r => /^HEAD .*\/acme\/web\/manifests\/t[12]$/.test(r))).toHaveLength(4);
    // The marker: one PUT; its subject's fallback index in the final repository is not touched.
    expect(requests.filter(r => r.includes('/acme/web/manifests/imagegate-promoted-'))).toHaveLength(1);
    expect(requests.filter(r => /\/acme\/web\/manifests\/sha256-/.test(r))).toEqual([]);
    // Mounts for the image's own blobs only (the marker has none).
    expect(requests.filter(r => r.startsWith('POST '))).toHaveLength(4);
    expect(requests.length).toBeLessThanOrEqual(21);
  });

  it('a final tag moved by someone else while the copy ran is refused, and not written', async () => {
    const f = fakes();
    const dir = project(`staging: {registry: ${FINAL}/other}`, false);
    await staged(dir, f);
    const other = f.registry.addManifest(
      FINAL,
      'acme/web',
      Buffer.from('{"schemaVersion":2,"manifests":[]}'),
      'application/vnd.oci.image.index.v1+json'
    );
    // Someone tags t1 as soon as imagegate starts copying child manifests.
    const memory = f.registry;
    const send = memory.send.bind(memory);
    let moved = false;
    (memory as unknown as Transport).send = async (req: RegistryRequest): Promise<RegistryResponse> => {
      if (!moved && req.method === 'PUT' && req.path.includes('/acme/web/manifests/sha256:')) {
        moved = true;
        memory.addManifest(
          FINAL,
          'acme/web',
          Buffer.from('{"schemaVersion":2,"manifests":[]}'),
          'application/vnd.oci.image.index.v1+json',
          't1'
        );
      }
      return send(req);
    };
    const {failure, requests} = await promote(dir, f);
    expect(failure).toMatch(/t1 moved from \(absent\) to sha256:[0-9a-f]{64} while this promotion ran/);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(other);
    expect(requests.filter(r => r.startsWith('PUT ') && /\/manifests\/(t1|t2|imagegate-promoted-.*)$/.test(r))).toEqual(
      []
    );
  });

  it('S4 removing the staging tag: the final tags on the same digest stay; no delete probe, no placeholder blob', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true);
    const report = await staged(dir, f);
    const digest = report.images[0]!.digest!;
    const stagingTag = report.images[0]!.pushed!.ref.split(':').pop()!;
    f.registry.statuses.length = 0;
    const {requests, report: promoted} = await promote(dir, f);
    expect(promoted.images[0]!.cleanup).toEqual({removed: true});
    expect(f.registry.digestOf(FINAL, 'acme/web', stagingTag)).toBeUndefined();
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't2')).toBe(digest);
    expect(requests.filter(r => r.includes('/blobs/'))).toEqual([]);
    const answers = f.registry.statuses.slice(-requests.length);
    // Two deletes, both of tombstones: the staging tag's and its staging record's fallback index
    // (which listed nothing else, so its tag went too); no probe of a digest nobody has (404).
    expect(requests.filter(r => r.startsWith('DELETE '))).toHaveLength(2);
    expect(answers.filter(a => a === 404)).toEqual([]);
    const cleanup = requests.slice(requests.indexOf(`PUT ${FINAL}/v2/acme/web/manifests/${stagingTag}`));
    // The untag (tombstone, delete) and the staging record (its index read, a tombstone over it, delete).
    expect(cleanup).toHaveLength(5);
    expect(f.registry.tagsOf(FINAL, 'acme/web').filter(t => t.startsWith('sha256-'))).toEqual([]);
    expect(requests.length).toBeLessThanOrEqual(9);
  });

  it('three images in one run learn from the first delete whether the registry takes them, and never remove a live tag', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true, ['a', 'b', 'c']);
    const report = await staged(dir, f);
    f.registry.statuses.length = 0;
    const {requests, report: promoted} = await promote(dir, f);
    expect(promoted.images.map(i => i.cleanup)).toEqual([{removed: true}, {removed: true}, {removed: true}]);
    // No probe: one delete of a tombstone per staging tag and per emptied fallback index.
    const answers = f.registry.statuses.slice(-requests.length);
    const deletes = requests.map((r, i) => [r, answers[i]] as const).filter(([r]) => r.startsWith('DELETE '));
    expect(deletes.map(([, status]) => status)).toEqual([202, 202, 202, 202, 202, 202]);
    expect(requests.filter(r => r.includes('/blobs/'))).toEqual([]);
    for (const image of report.images) {
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't1')).toBe(image.digest);
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't2')).toBe(image.digest);
    }
  });

  it('on a registry that refuses deletes, the first image’s staging tag is put back and no other image tries', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true, ['a', 'b', 'c']);
    const report = await staged(dir, f);
    f.registry.refusesDeletes.add(FINAL);
    const {requests, report: promoted, failure} = await promote(dir, f);
    expect(failure).toBeUndefined();
    expect(promoted.images.map(i => i.cleanup?.removed)).toEqual([false, false, false]);
    expect(promoted.images[0]!.cleanup?.reason).toContain('refuses deletes through the registry API (405)');
    expect(requests.filter(r => r.startsWith('DELETE '))).toHaveLength(1);
    for (const image of report.images) {
      const tag = image.pushed!.ref.split(':').pop()!;
      // Every staging tag holds its image again (the first one was on a tombstone for a moment).
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, tag)).toBe(image.digest);
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't1')).toBe(image.digest);
    }
  });

  it('release reads a marker written the old way (an image manifest listed in the fallback index)', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true);
    const image = (await staged(dir, f)).images[0]!;
    const identity = image.pushed!.ref.split(':staging-').pop()!;
    const client = new RegistryClient(f.registry);
    const repo = {registry: FINAL, repository: 'acme/web'};
    const subject = (await client.headManifest(repo, image.digest!))!;
    // What an imagegate before this change left: the final tag, its old-style marker, no staging tag.
    const old = artifactManifest({
      artifactType: PROMOTION_MARKER_TYPE,
      subject: {mediaType: subject.mediaType, digest: image.digest!, size: subject.size},
      annotations: {
        'org.opencontainers.image.created': '2026-01-01T00:00:00Z',
        'dev.imagegate.identity': identity,
        'dev.imagegate.image': 'web',
        'dev.imagegate.promoted-from': image.pushed!.ref
      }
    });
    await client.putManifest(repo, `imagegate-promoted-${identity}`, old);
    await new Referrers(client).updateFallback(repo, image.digest!, {add: [referrerDescriptor(old)]});
    await client.putManifest(repo, 't1', (await client.getManifest(repo, image.digest!))!);
    await new Untagger(client).removeTag(repo, image.pushed!.ref.split(':').pop()!);
    const {report, failure} = await promote(dir, f);
    expect(failure).toBeUndefined();
    expect(report.images[0]!.digest).toBe(image.digest);
    expect(report.images[0]!.staging).toContain(`:imagegate-promoted-${identity}`);
    expect(report.images[0]!.marker).toMatchObject({digest: old.digest, created: false});
    expect(f.registry.digestOf(FINAL, 'acme/web', 't2')).toBe(image.digest);
  });
});

describe('many images', () => {
  it('are promoted at once, at most IMAGES_PER_HOST per registry, each image’s log whole and in order', async () => {
    const f = fakes();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const dir = project(`staging: {registry: ${FINAL}/other}`, true, names);
    const report = await staged(dir, f);
    const memory = f.registry;
    const send = memory.send.bind(memory);
    const active = new Map<string, number>();
    let most = 0;
    (memory as unknown as Transport).send = async (req: RegistryRequest): Promise<RegistryResponse> => {
      const image = /^\/v2\/(?:acme|other)\/([a-f])\//.exec(req.path)?.[1] ?? '';
      active.set(image, (active.get(image) ?? 0) + 1);
      most = Math.max(most, [...active.values()].filter(n => n > 0).length);
      try {
        await new Promise(resolve => setTimeout(resolve, 2));
        return await send(req);
      } finally {
        active.set(image, active.get(image)! - 1);
      }
    };
    const {report: promoted, failure} = await promote(dir, f);
    expect(failure).toBeUndefined();
    expect(promoted.images.map(i => i.name)).toEqual(names);
    for (const image of report.images)
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't1')).toBe(image.digest);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(IMAGES_PER_HOST);
    // Each image's group, whole: its lines come before the next image's group starts.
    const text = f.host.text();
    const starts = names.map(n => text.indexOf(`promote ${n}: `));
    expect(starts.every(s => s >= 0)).toBe(true);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    for (const [i, n] of names.entries()) {
      const section = text.slice(starts[i], starts[i + 1] ?? text.length);
      expect(section).toContain(`localhost:5000/acme/${n}:t1 → `);
      expect(section).not.toMatch(new RegExp(`acme/[^${n}]:t1 → `));
    }
  });
});
