// What imagegate records next to images (staging records, promotion markers) and what it does with
// them — release finds the promoted bytes by source identity, cleanup judges a staging tag by when
// it was staged — and signing with cosign 2 and 3 (the fake signer writes what each writes), with
// the fakes: no process, no socket.
import {describe, expect, it} from '@jest/globals';
import {cleanupStale} from '../../src/app/cleanup.js';
import {readConfigFile} from '../../src/app/plan.js';
import type {PromoteReport} from '../../src/app/promote.js';
import type {RunRequest} from '../../src/app/request.js';
import {run} from '../../src/app/run.js';
import type {RunReport} from '../../src/core/results.js';
import {stagingRecordManifest, STAGING_RECORD_TYPE} from '../../src/core/records.js';
import {fallbackTag, referrerDescriptor, subjectOf} from '../../src/oci/referrers.js';
import {Referrers} from '../../src/registry/referrers.js';
import {RegistryClient} from '../../src/registry/client.js';
import {fakeServices, FakeGit, projectDir, type FakeRun} from '../helpers/fakes.js';

const SHA = 'c'.repeat(40);
const OTHER = 'd'.repeat(40);
const HOUR = 3600_000;

function config(extra = '', tags = '[latest, "{{version}}"]'): string {
  return `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    tags: ${tags}
    test: ["true"]
${extra}`;
}

function project(text = config()): string {
  return projectDir({'.imagegate.yml': text, Dockerfile: 'FROM scratch\n', 'app/file': 'v1\n'});
}

/** GitLab's variables for a push to main or a tag, at `sha`. */
function gitlab(sha: string, tag?: string): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_SHA: sha,
    CI_DEFAULT_BRANCH: 'main',
    CI_PROJECT_PATH: 'acme/web',
    ...(tag ? {CI_COMMIT_TAG: tag} : {CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main'})
  };
}

function request(cwd: string, command: RunRequest['command'], extra: Partial<RunRequest> = {}): RunRequest {
  return {command, cwd, parallel: 2, ...extra};
}

function fakes(env: Record<string, string> = gitlab(SHA), sha = SHA): FakeRun {
  return fakeServices(env, new FakeGit({sha, branch: 'main'}));
}

/** The services of `f` (its registry, engine, signer and host) in another environment. */
function withEnv(f: FakeRun, env: Record<string, string>): FakeRun['services'] {
  return {...f.services, env: fakeServices(env).services.env};
}

async function gate(dir: string, f: FakeRun): Promise<RunReport> {
  const r = await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services);
  expect(r.failure).toBeUndefined();
  return r.outputs!.results as RunReport;
}

describe('release finds the promoted bytes by source identity, whatever the tags', () => {
  it('tags without {{sha}}: release after promote publishes the promoted digest, through its promotion marker', async () => {
    const f = fakes();
    const dir = project();
    const staged = (await gate(dir, f)).images[0]!;
    const promoted = await run(request(dir, 'run'), f.services);
    expect(promoted.exitCode).toBe(0);
    const web = (promoted.presentation!.document as PromoteReport).images[0]!;
    expect(web.marker).toMatchObject({tag: expect.stringMatching(/:imagegate-promoted-[0-9a-f]{32}$/), created: true});
    // The staging tag is gone; only the marker knows which source the digest came from.
    expect(f.registry.tagsOf('localhost:5000', 'acme/web').filter(t => t.startsWith('staging-'))).toEqual([]);
    const released = await run(request(dir, 'run'), withEnv(f, gitlab(SHA, 'v1.4.0')));
    expect(released.failure).toBeUndefined();
    const report = released.presentation!.document as PromoteReport;
    expect(report.scenario).toBe('release');
    expect(report.images[0]!.digest).toBe(staged.digest);
    expect(f.registry.digestOf('localhost:5000', 'acme/web', '1.4.0')).toBe(staged.digest);
    // Idempotent: promote again changes nothing, the marker stays.
    const again = await run(request(dir, 'run'), f.services);
    expect((again.presentation!.document as PromoteReport).images[0]!.marker).toMatchObject({created: false});
  });

  it('never promoted: release refuses, saying nothing is published under the promoted tags', async () => {
    const f = fakes(gitlab(SHA, 'v1.4.0'));
    const dir = project();
    const r = await run(request(dir, 'run'), f.services);
    expect(r.exitCode).toBe(1);
    expect(r.failure).toContain('release refused: no promoted image for the tagged commit');
    expect(r.failure).toContain('nothing is published under its promoted tags: this source was never promoted');
  });

  it('promoted from another tree: release refuses and names the identity and commit that were promoted', async () => {
    const f = fakes();
    const dir = project();
    await gate(dir, f);
    expect((await run(request(dir, 'run'), f.services)).exitCode).toBe(0);
    // The tag is on a commit whose tree differs from the promoted one.
    const changed = projectDir({'.imagegate.yml': config(), Dockerfile: 'FROM scratch\n', 'app/file': 'v2\n'});
    const other = fakeServices(gitlab(OTHER, 'v1.4.0'), new FakeGit({sha: OTHER, branch: 'main'}));
    const r = await run(request(changed, 'run'), {...other.services, connect: f.services.connect});
    expect(r.exitCode).toBe(1);
    expect(r.failure).toMatch(
      /localhost:5000\/acme\/web:latest holds sha256:[0-9a-f]{64}, promoted from another tree: identity [0-9a-f]{32} \(commit cccccccccccc\)/
    );
  });

  it('a promotion without a marker: release says it cannot tell whose bytes they are', async () => {
    const f = fakes();
    const dir = project();
    await gate(dir, f);
    expect((await run(request(dir, 'run'), f.services)).exitCode).toBe(0);
    const marker = f.registry.tagsOf('localhost:5000', 'acme/web').find(t => t.startsWith('imagegate-promoted-'))!;
    const client = new RegistryClient(f.registry);
    // An imagegate before markers left none: neither the marker tag nor the referrer.
    f.registry.refusesDeletes.clear();
    const digest = f.registry.digestOf('localhost:5000', 'acme/web', marker)!;
    await client.deleteManifest({registry: 'localhost:5000', repository: 'acme/web'}, digest);
    // Markers are found by their tags: the digest's fallback index does not list them.
    const latest = f.registry.digestOf('localhost:5000', 'acme/web', 'latest')!;
    expect(f.registry.digestOf('localhost:5000', 'acme/web', fallbackTag(latest))).toBeUndefined();
    const r = await run(request(dir, 'run'), withEnv(f, gitlab(SHA, 'v1.4.0')));
    expect(r.exitCode).toBe(1);
    expect(r.failure).toContain('which has no promotion marker');
    expect(r.failure).toContain('imagegate cannot tell whether it was built from this commit');
  });
});

describe('cleanup judges a staging tag by when it was staged', () => {
  async function staged(f: FakeRun, dir: string): Promise<{tag: string; digest: string}> {
    const web = (await gate(dir, f)).images[0]!;
    return {tag: web.pushed!.ref.split(':').pop()!, digest: web.pushed!.digest};
  }

  it('keeps a fresh staging tag and removes one staged before the limit, with the referrers of its digest', async () => {
    const f = fakes();
    const dir = project();
    const first = await staged(f, dir);
    // A signature of the old staged digest (cosign 2 tag) goes with it.
    await f.signer.sign({ref: `localhost:5000/acme/web@${first.digest}`, key: 'k', tlog: false, insecure: true});
    const loaded = await readConfigFile(dir);
    const services = {log: f.host, registry: new RegistryClient(f.registry)};
    const fresh = await cleanupStale(loaded, {olderThanMs: 24 * HOUR}, services);
    expect(fresh.removed).toEqual([]);
    expect(fresh.kept).toEqual([
      {ref: `localhost:5000/acme/web:${first.tag}`, reason: expect.stringContaining('less than 24h ago')}
    ]);
    const later = await cleanupStale(loaded, {olderThanMs: 24 * HOUR, now: () => Date.now() + 25 * HOUR}, services);
    expect(later.removed).toEqual([`localhost:5000/acme/web:${first.tag}`]);
    expect(later.referrers.sort()).toEqual(
      [
        `localhost:5000/acme/web:${fallbackTag(first.digest)}`,
        `localhost:5000/acme/web:${fallbackTag(first.digest)}.sig`
      ].sort()
    );
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual([]);
  });

  it('a staging tag without a record is kept, unless --unrecorded created and its created time is real and old', async () => {
    const f = fakes();
    const dir = project();
    const {tag, digest} = await staged(f, dir);
    const client = new RegistryClient(f.registry);
    await new Referrers(client).prune(
      {registry: 'localhost:5000', repository: 'acme/web'},
      digest,
      d => d.artifactType === STAGING_RECORD_TYPE,
      new (await import('../../src/registry/untag.js')).Untagger(client)
    );
    const loaded = await readConfigFile(dir);
    const services = {log: f.host, registry: client};
    const later = {olderThanMs: HOUR, now: () => Date.now() + 48 * HOUR};
    const kept = await cleanupStale(loaded, later, services);
    expect(kept.kept).toEqual([
      {ref: `localhost:5000/acme/web:${tag}`, reason: expect.stringContaining('no staging record')}
    ]);
    // The fake images carry no created time: even --unrecorded created keeps them.
    const created = await cleanupStale(loaded, {...later, unrecorded: 'created'}, services);
    expect(created.kept[0]!.reason).toContain('its image has no created time');
  });

  it('removes leftover per-platform tags of split builds by their records, and never a tag outside the staging namespace', async () => {
    const f = fakes();
    const dir = project();
    await run(request(dir, 'gate', {platform: 'linux/arm64'}), f.services);
    const tags = f.registry.tagsOf('localhost:5000', 'acme/web');
    const platformTag = tags.find(t => t.endsWith('-linux-arm64'))!;
    expect(platformTag).toMatch(/^staging-[0-9a-f]{32}-linux-arm64$/);
    const client = new RegistryClient(f.registry);
    const repo = {registry: 'localhost:5000', repository: 'acme/web'};
    const platformDigest = f.registry.digestOf('localhost:5000', 'acme/web', platformTag)!;
    await client.putManifest(repo, 'v1', (await client.getManifest(repo, platformDigest))!);
    const r = await cleanupStale(
      await readConfigFile(dir),
      {olderThanMs: HOUR, now: () => Date.now() + 2 * HOUR},
      {
        log: f.host,
        registry: client
      }
    );
    expect(r.removed).toEqual([`localhost:5000/acme/web:${platformTag}`]);
    // v1 holds the digest still: its referrers stay, only the removed tag's record goes.
    expect(r.referrers).toEqual([]);
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(['v1']);
  });

  it('a registry that refuses deletes: the tag is left with a warning naming its own delete API', async () => {
    const env = gitlab(SHA);
    const f = fakeServices(env, new FakeGit({sha: SHA, branch: 'main'}));
    const dir = project(config().replace('localhost:5000/acme', 'ghcr.io/acme'));
    await gate(dir, f);
    f.registry.refusesDeletes.add('ghcr.io');
    const r = await cleanupStale(
      await readConfigFile(dir),
      {olderThanMs: HOUR, now: () => Date.now() + 2 * HOUR},
      {
        log: f.host,
        registry: new RegistryClient(f.registry)
      }
    );
    expect(r.removed).toEqual([]);
    expect(r.leftovers[0]!.reason).toContain("GitHub's package versions API");
    expect(r.leftovers[0]!.reason).toContain('DELETE /orgs/acme/packages/container/web/versions/<id>');
  });

  it('a staging record names its tag and time, as an artifact referring to the staged digest', () => {
    const record = stagingRecordManifest(
      {mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${'a'.repeat(64)}`, size: 10},
      {tag: 'staging-x', stagedAt: new Date('2026-01-02T03:04:05Z'), identity: 'i'}
    );
    expect(JSON.parse(record.bytes.toString())).toMatchObject({
      artifactType: STAGING_RECORD_TYPE,
      subject: {digest: `sha256:${'a'.repeat(64)}`},
      annotations: {
        'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
        'dev.imagegate.staging.tag': 'staging-x'
      }
    });
  });
});

describe('signing with cosign 2 and 3', () => {
  const SIGNED = config('promote:\n  sign: cosign\n  cosign-key: cosign.key\n  cosign-tlog: false\n', '[latest]');

  it.each([2, 3])(
    'cosign %i: signs once; a re-run detects the signature in its format and does not sign again',
    async major => {
      const f = fakes();
      f.signer.major = major;
      const dir = projectDir({'.imagegate.yml': SIGNED, Dockerfile: 'FROM scratch\n', 'cosign.key': 'key\n'});
      await gate(dir, f);
      const first = await run(request(dir, 'run'), f.services);
      expect(first.failure).toBeUndefined();
      const signed = (first.presentation!.document as PromoteReport).images[0]!.signed!;
      expect(signed).toMatchObject({created: true, verified: true, format: major >= 3 ? 'bundle' : 'legacy'});
      expect(signed.signature).toMatch(major >= 3 ? /^sha256:/ : /^sha256-[0-9a-f]{64}\.sig$/);
      const again = await run(request(dir, 'run'), f.services);
      expect((again.presentation!.document as PromoteReport).images[0]!.signed).toMatchObject({
        created: false,
        signature: signed.signature
      });
      expect(f.signer.signed).toHaveLength(1);
    }
  );

  it('a signature by another key does not count: it signs with this key', async () => {
    const f = fakes();
    const dir = projectDir({'.imagegate.yml': SIGNED, Dockerfile: 'FROM scratch\n', 'cosign.key': 'key\n'});
    const web = (await gate(dir, f)).images[0]!;
    await f.signer.sign({
      ref: `localhost:5000/acme/web@${web.digest}`,
      key: 'someone-else',
      tlog: false,
      insecure: true
    });
    f.signer.major = 3;
    const r = await run(request(dir, 'run'), f.services);
    expect((r.presentation!.document as PromoteReport).images[0]!.signed).toMatchObject({
      created: true,
      format: 'bundle'
    });
    expect(f.host.text()).toContain('none of which verifies with this key');
  });

  it('promote to another registry copies signatures of both formats, digests unchanged', async () => {
    const f = fakes();
    const dir = project(config('staging:\n  registry: staging.test/ci\n', '[latest]'));
    const web = (await gate(dir, f)).images[0]!;
    const staging = `staging.test/ci/web@${web.digest}`;
    await f.signer.sign({ref: staging, key: 'k', tlog: false, insecure: false});
    f.signer.major = 3;
    await f.signer.sign({ref: staging, key: 'k', tlog: false, insecure: false});
    const r = await run(request(dir, 'run'), f.services);
    expect(r.failure).toBeUndefined();
    expect((r.presentation!.document as PromoteReport).images[0]!.referrers).toEqual({manifests: 1, tags: 1});
    for (const tag of [`${fallbackTag(web.pushed!.digest)}.sig`])
      expect(f.registry.digestOf('localhost:5000', 'acme/web', tag)).toBe(
        f.registry.digestOf('staging.test', 'ci/web', tag)
      );
    const there = await new Referrers(new RegistryClient(f.registry)).list(
      {registry: 'localhost:5000', repository: 'acme/web'},
      web.pushed!.digest
    );
    const here = await new Referrers(new RegistryClient(f.registry)).list(
      {registry: 'staging.test', repository: 'ci/web'},
      web.pushed!.digest
    );
    // The signature came along (the staging record does not, and went with the staging tag); the
    // final repository's promotion marker names the digest under its own tag (2.8 has no referrers
    // API: the marker is not added to the fallback index).
    const types = (l: typeof here) => l.manifests.map(m => m.artifactType).sort();
    expect(types(here)).toEqual(['application/vnd.dev.sigstore.bundle.v0.3+json']);
    expect(types(there)).toEqual(['application/vnd.dev.sigstore.bundle.v0.3+json']);
    const markerTag = f.registry.tagsOf('localhost:5000', 'acme/web').find(t => t.startsWith('imagegate-promoted-'))!;
    const marker = await new RegistryClient(f.registry).getManifest(
      {registry: 'localhost:5000', repository: 'acme/web'},
      markerTag
    );
    expect(subjectOf(marker!)?.digest).toBe(web.pushed!.digest);
    expect(referrerDescriptor(marker!).artifactType).toBe('application/vnd.imagegate.promotion.v1');
    const bundle = (l: typeof here) => l.manifests.find(m => m.artifactType!.includes('sigstore'))!.digest;
    expect(bundle(there)).toBe(bundle(here));
  });
});
