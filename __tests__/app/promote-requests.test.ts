// How many requests a promotion costs, counted on the in-memory registry (distribution 2.8's
// behaviour: no referrers API, a manifest whose blobs are missing is refused), next to the safety
// that must not be traded for them: a final tag moved during a copy is refused, cleanup never
// removes a live tag, and what a run learnt about a registry is asked once per run, not per image.
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {IMAGES_PER_HOST, type PromoteReport} from '../../src/app/promote.js';
import type {RunRequest} from '../../src/app/request.js';
import {run} from '../../src/app/run.js';
import type {RunReport} from '../../src/core/results.js';
import type {RegistryRequest, RegistryResponse, Transport} from '../../src/registry/transport.js';
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
  it('S1 two final tags in the staging repository: one read of the staging tag, one write per tag, the marker', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', false);
    const digest = (await staged(dir, f)).images[0]!.digest!;
    const {report, requests} = await promote(dir, f);
    expect(report.images[0]!.tags.map(t => t.action)).toEqual(['created', 'created']);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't2')).toBe(digest);
    // No read-back after a tag write: the registry's answer names the digest it stored.
    expect(requests.filter(r => /^HEAD .*\/manifests\/t[12]$/.test(r))).toHaveLength(2);
    expect(requests.filter(r => r.startsWith('PUT ') && /\/manifests\/t[12]$/.test(r))).toHaveLength(2);
    // The marker is stored and tagged in one PUT; its empty config is not uploaded again.
    expect(requests.filter(r => r.includes('imagegate-promoted-') && r.startsWith('PUT '))).toHaveLength(1);
    expect(requests.filter(r => r.includes('/blobs/'))).toEqual([]);
    expect(requests.length).toBeLessThanOrEqual(9);
  });

  it('S2 another repository of the same registry: blobs mounted, no byte uploaded, no fallback tag read that the tag list does not have', async () => {
    const f = fakes();
    const dir = project(`staging: {registry: ${FINAL}/other}`, false);
    const digest = (await staged(dir, f)).images[0]!.digest!;
    const {report, requests} = await promote(dir, f);
    expect(report.images[0]!.copy).toMatchObject({blobsUploaded: 0, bytesUploaded: 0});
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(requests.filter(r => r.includes('/blobs/uploads/?digest='))).toEqual([]);
    expect(requests.filter(r => r.startsWith('PATCH ') || /PUT .*\/blobs\/uploads\//.test(r))).toEqual([]);
    expect(requests.filter(r => /GET .*\/other\/web\/manifests\/sha256-/.test(r))).toHaveLength(1);
    expect(requests.length).toBeLessThanOrEqual(25);
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
    const {failure} = await promote(dir, f);
    expect(failure).toMatch(/t1 moved from \(absent\) to sha256:[0-9a-f]{64} while this promotion ran/);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(other);
  });

  it('S4 removing the staging tag: the final tags on the same digest stay, the delete probe and the placeholder blob are not paid for', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true);
    const report = await staged(dir, f);
    const digest = report.images[0]!.digest!;
    const stagingTag = report.images[0]!.pushed!.ref.split(':').pop()!;
    const {requests} = await promote(dir, f);
    expect(f.registry.digestOf(FINAL, 'acme/web', stagingTag)).toBeUndefined();
    expect(f.registry.digestOf(FINAL, 'acme/web', 't1')).toBe(digest);
    expect(f.registry.digestOf(FINAL, 'acme/web', 't2')).toBe(digest);
    const writes = requests.filter(r => !r.startsWith('GET ') && !r.startsWith('HEAD '));
    // The untag: the tombstone under the staging tag and its delete by digest; no placeholder upload.
    expect(requests.filter(r => r.includes('/blobs/'))).toEqual([]);
    expect(writes.filter(r => r.includes(`/manifests/${stagingTag}`))).toHaveLength(1);
    // The staging record's fallback index is read once, written once and read back once.
    const fallback = requests.slice(
      requests.findIndex(r => r.includes(`PUT ${FINAL}/v2/acme/web/manifests/${stagingTag}`))
    );
    expect(fallback.filter(r => /manifests\/sha256-/.test(r))).toHaveLength(3);
    expect(requests.length).toBeLessThanOrEqual(17);
  });

  it('three images in one run ask a registry once whether it takes deletes, and never remove a live tag', async () => {
    const f = fakes();
    const dir = project('staging: {tag-prefix: staging-}', true, ['a', 'b', 'c']);
    const report = await staged(dir, f);
    f.registry.statuses.length = 0;
    const {requests, report: promoted} = await promote(dir, f);
    expect(promoted.images.map(i => i.cleanup)).toEqual([{removed: true}, {removed: true}, {removed: true}]);
    // One probe for the run: a DELETE of a digest nobody has, which answers 404; then one delete of
    // a tombstone per image.
    const answers = f.registry.statuses.slice(-requests.length);
    const deletes = requests.map((r, i) => [r, answers[i]] as const).filter(([r]) => r.startsWith('DELETE '));
    expect(deletes.map(([, status]) => status)).toEqual([404, 202, 202, 202]);
    // The placeholder blob is known per repository: no upload, the staging records put it there.
    expect(requests.filter(r => r.includes('/blobs/'))).toEqual([]);
    for (const image of report.images) {
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't1')).toBe(image.digest);
      expect(f.registry.digestOf(FINAL, `acme/${image.name}`, 't2')).toBe(image.digest);
    }
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
