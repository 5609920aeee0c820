// verify and cleanup against the real registry.
import {beforeAll, describe, expect, it} from '@jest/globals';
import type {CleanupReport} from '../../src/app/cleanup.js';
import type {VerifyReport} from '../../src/app/verify.js';
import type {RunReport} from '../../src/core/results.js';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {Referrers} from '../../src/registry/referrers.js';
import {readStagingRecord, stagingRecordManifest} from '../../src/core/records.js';
import {describeManifest} from '../../src/oci/manifest.js';
import {parseReference} from '../../src/oci/reference.js';
import {fallbackTag} from '../../src/oci/referrers.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = testbed().registry;
const env = (extra: Record<string, string> = {}): Record<string, string | undefined> => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...extra
});

beforeAll(() => {
  testbed();
});

describe('imagegate verify', () => {
  it('finds every child and blob of a complete image, and names what is missing', async () => {
    const repo = exampleRepo('multiarch');
    const g = await runCli(['gate', '--json'], {cwd: repo.dir, env: env()});
    const ref = (JSON.parse(g.stdout) as RunReport).images[0]!.pushed!.ref;
    const ok = await runCli(['verify', '--json', ref], {cwd: repo.dir, env: env()});
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout) as VerifyReport).toMatchObject({manifests: 5, problems: []});
    // Delete one layer of the arm64 image behind the registry's back.
    const index = await manifest(ref);
    const arm64 = index!.json.manifests!.find(m => m.platform?.architecture === 'arm64')!;
    const image = JSON.parse((await manifest(`${ref.split(':staging-')[0]}@${arm64.digest}`))!.bytes) as {
      layers: {digest: string}[];
    };
    const layer = image.layers.at(-1)!.digest;
    const res = await fetch(`http://${REGISTRY}/v2/${repo.namespace}/web/blobs/${layer}`, {method: 'DELETE'});
    expect(res.status).toBe(202);
    const broken = await runCli(['verify', ref], {cwd: repo.dir, env: env()});
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`INCOMPLETE: ${ref}`);
    expect(broken.stdout).toContain(`blob ${layer} of linux/arm64 is missing`);
  });

  it('a reference without a registry host is a usage error', async () => {
    const r = await runCli(['verify', 'acme/web:latest'], {env: env()});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names no registry host');
  });
});

describe('imagegate cleanup', () => {
  /** Replaces the staging record of `ref` with one saying it was staged `ms` ago (as a gate that long ago would have written). */
  async function stagedAgo(ref: string, ms: number): Promise<{digest: string}> {
    const parsed = parseReference(ref);
    if (!parsed.ok || !parsed.value.tag) throw new Error(ref);
    const where = {registry: parsed.value.registry, repository: parsed.value.repository};
    const tag = parsed.value.tag;
    const client = new RegistryClient(new RegistryTransport());
    try {
      const m = (await client.getManifest(where, tag))!;
      const referrers = new Referrers(client);
      await referrers.detach(where, m.digest, d => readStagingRecord(d)?.tag === tag);
      await referrers.attach(
        where,
        stagingRecordManifest(describeManifest(m), {tag, stagedAt: new Date(Date.now() - ms)})
      );
      return {digest: m.digest};
    } finally {
      client.transport.close();
    }
  }

  it('judges staging tags by when they were staged, not by created (SOURCE_DATE_EPOCH=0): keeps a fresh one, removes old ones with what refers only to them', async () => {
    const repo = exampleRepo('multiarch');
    const reproducible = env({SOURCE_DATE_EPOCH: '0'});
    const gate = async (args: string[] = []): Promise<string> => {
      const g = await runCli(['gate', '--json', ...args], {cwd: repo.dir, env: reproducible});
      expect(g.code).toBe(0);
      return (JSON.parse(g.stdout) as RunReport).images[0]!.pushed!.ref;
    };
    const oldRef = await gate();
    repo.write('app/extra', 'split\n');
    repo.commit();
    // A split build whose merge never ran leaves its per-platform tag.
    const splitRef = await gate(['--platform', 'linux/arm64']);
    expect(splitRef).toMatch(/:staging-[0-9a-f]{32}-linux-arm64$/);
    repo.write('app/extra', 'new\n');
    repo.commit();
    const freshRef = await gate();
    // Every image says it was created in 1970; the old rule removed them all, fresh or not.
    const client = new RegistryClient(new RegistryTransport());
    const where = {registry: REGISTRY, repository: `${repo.namespace}/web`};
    const oldBytes = (await client.getManifest(where, oldRef.split(':').pop()!))!;
    const freshBytes = (await client.getManifest(where, freshRef.split(':').pop()!))!;
    // Tags outside the staging namespace, one of them on the old digest.
    for (const tag of ['v1', 'staging-keep-me']) await client.putManifest(where, tag, oldBytes);
    client.transport.close();
    const split = await stagedAgo(splitRef, 3 * 24 * 3600_000);
    await stagedAgo(oldRef, 3 * 24 * 3600_000);

    const r = await runCli(['cleanup', '--json', '--older-than', '24h'], {cwd: repo.dir, env: env()});
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CleanupReport;
    expect(report.removed.sort()).toEqual([oldRef, splitRef].sort());
    expect(report.kept).toEqual([{ref: freshRef, reason: expect.stringMatching(/^staged .*, less than 24h ago$/)}]);
    // The split digest was held by nothing else: its referrers (the record's fallback index) went with it.
    expect(report.referrers).toEqual([`${REGISTRY}/${repo.namespace}/web:${fallbackTag(split.digest)}`]);
    // The old digest lives on under v1: only the removed tag's record left its referrers (now empty, untagged).
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).sort()).toEqual(
      [freshRef.split(':').pop(), fallbackTag(freshBytes.digest), 'staging-keep-me', 'v1'].sort()
    );
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:v1`))?.digest).toBe(oldBytes.digest);
  });

  it('a staging tag without a staging record is kept, unless --unrecorded created; a fixed 1970 created time still keeps it', async () => {
    const repo = exampleRepo('multiarch');
    const g = await runCli(['gate', '--json'], {cwd: repo.dir, env: env({SOURCE_DATE_EPOCH: '0'})});
    const ref = (JSON.parse(g.stdout) as RunReport).images[0]!.pushed!.ref;
    const client = new RegistryClient(new RegistryTransport());
    const where = {registry: REGISTRY, repository: `${repo.namespace}/web`};
    const m = (await client.getManifest(where, ref.split(':').pop()!))!;
    // As an imagegate before staging records left it.
    await new Referrers(client).detach(where, m.digest, () => true);
    client.transport.close();
    const kept = await runCli(['cleanup', '--json', '--older-than', '1h'], {cwd: repo.dir, env: env()});
    expect((JSON.parse(kept.stdout) as CleanupReport).kept).toEqual([
      {ref, reason: expect.stringContaining('no staging record')}
    ]);
    const created = await runCli(['cleanup', '--json', '--older-than', '1h', '--unrecorded', 'created'], {
      cwd: repo.dir,
      env: env()
    });
    expect((JSON.parse(created.stdout) as CleanupReport).kept).toEqual([
      {ref, reason: expect.stringContaining("is a reproducible build's fixed time")}
    ]);
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toContain(ref.split(':').pop());
  });
});
