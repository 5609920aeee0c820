// Scale-out on the testbed: one gate job per platform (amd64 natively, arm64 under QEMU standing in
// for a native arm64 runner), then merge. The merged index must hold exactly the tested digests.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {MergeReport} from '../../src/app/merge.js';
import type {PromoteReport} from '../../src/app/promote.js';
import type {RunReport} from '../../src/core/results.js';
import type {PlatformRecord} from '../../src/core/split.js';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo, type TempRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const env = (): Record<string, string | undefined> => ({PATH: process.env.PATH, HOME: process.env.HOME});
const REGISTRY = testbed().registry;

function record(repo: TempRepo, file: string): PlatformRecord {
  return JSON.parse(readFileSync(join(repo.dir, 'imagegate-records', file), 'utf8')) as PlatformRecord;
}

beforeAll(() => void testbed());

describe('gate per platform, then merge', () => {
  let repo: TempRepo;
  let amd64: PlatformRecord;
  let arm64: PlatformRecord;

  beforeAll(async () => {
    repo = exampleRepo('multiarch');
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const r = await runCli(['gate', '--platform', platform, '--json'], {cwd: repo.dir, env: env()});
      expect({code: r.code, stderr: r.code ? r.stderr : ''}).toEqual({code: 0, stderr: ''});
      const report = JSON.parse(r.stdout) as RunReport;
      expect(report.images[0]!.platforms.map(p => p.platform)).toEqual([platform]);
    }
    amd64 = record(repo, 'web-linux-amd64.json');
    arm64 = record(repo, 'web-linux-arm64.json');
  });

  it('each platform job pushes its tested digest under a per-platform staging tag and records it', async () => {
    for (const r of [amd64, arm64]) {
      expect(r).toMatchObject({image: 'web', status: 'passed', tests: {passed: 2, failed: 0}});
      expect(r.ref).toMatch(new RegExp(`^${REGISTRY}/${repo.namespace}/web:staging-[0-9a-f]+-linux-(amd|arm)64$`));
      expect((await manifest(r.ref!))?.digest).toBe(r.digest);
    }
    expect(amd64.identity).toBe(arm64.identity);
  });

  it('merge refuses when a staging tag no longer holds the recorded digest, and publishes nothing', async () => {
    const client = new RegistryClient(new RegistryTransport());
    const repoPath = {registry: REGISTRY, repository: `${repo.namespace}/web`};
    const armTag = arm64.ref!.split(':').pop()!;
    try {
      // Someone pushes other bytes (the amd64 image) under the arm64 job's tag after its tests ran.
      await client.putManifest(repoPath, armTag, (await client.getManifest(repoPath, amd64.digest!))!);
      const r = await runCli(['merge'], {cwd: repo.dir, env: env()});
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `${arm64.ref} now points at ${amd64.digest}, but the linux/arm64 job tested and recorded ${arm64.digest}`
      );
      expect((await tags(REGISTRY, `${repo.namespace}/web`)).filter(t => /^staging-[0-9a-f]+$/.test(t))).toEqual([]);
    } finally {
      await client.putManifest(repoPath, armTag, (await client.getManifest(repoPath, arm64.digest!))!);
      client.transport.close();
    }
  });

  it('merge assembles the index from exactly the two tested digests; promote then publishes it unchanged', async () => {
    const r = await runCli(['merge', '--json'], {cwd: repo.dir, env: env()});
    expect({code: r.code, stderr: r.code ? r.stderr : ''}).toEqual({code: 0, stderr: ''});
    const merged = (JSON.parse(r.stdout) as MergeReport).images[0]!;
    expect(merged.platforms).toEqual([
      {platform: 'linux/amd64', digest: amd64.digest},
      {platform: 'linux/arm64', digest: arm64.digest}
    ]);
    expect(merged.cleanup).toEqual({removed: [amd64.ref, arm64.ref], left: []});
    // Zero layer bytes: the index is the only thing written, besides the per-platform tags' removal.
    expect((JSON.parse(r.stdout) as MergeReport).http.bytesSent).toBeLessThan(8 * 1024);

    const index = await manifest(merged.ref);
    expect(index?.digest).toBe(merged.digest);
    const images = index!.json.manifests!.filter(
      m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
    );
    const tested = async (rec: PlatformRecord): Promise<string> => {
      const m = await manifest(`${REGISTRY}/${repo.namespace}/web@${rec.digest}`);
      return (
        m!.json.manifests?.find(c => c.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')?.digest ??
        rec.digest!
      );
    };
    expect(images.map(m => m.digest)).toEqual([await tested(amd64), await tested(arm64)]);
    expect(images.map(m => m.platform?.architecture)).toEqual(['amd64', 'arm64']);
    const left = await tags(REGISTRY, `${repo.namespace}/web`);
    expect(left.filter(t => t.endsWith('-linux-amd64') || t.endsWith('-linux-arm64'))).toEqual([]);

    const again = await runCli(['merge', '--json'], {cwd: repo.dir, env: env()});
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as MergeReport).images[0]).toMatchObject({
      digest: merged.digest,
      action: 'unchanged'
    });

    const promoted = await runCli(['promote', '--json'], {cwd: repo.dir, env: env()});
    expect(promoted.code).toBe(0);
    expect((JSON.parse(promoted.stdout) as PromoteReport).images[0]!.digest).toBe(merged.digest);
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:latest`))?.digest).toBe(merged.digest);
  });
});

describe('merge without usable records', () => {
  it('names the missing directory, a broken record, and a record for an image the configuration does not have', async () => {
    const repo = exampleRepo('multiarch');
    const none = await runCli(['merge'], {cwd: repo.dir, env: env()});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('/imagegate-records: pass the records the `gate --platform` jobs wrote');
    repo.write('imagegate-records/web-linux-amd64.json', '{"kind": "something else"}');
    const broken = await runCli(['merge'], {cwd: repo.dir, env: env()});
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('web-linux-amd64.json: kind is "something else", not imagegate/platform-record');
    const other = {
      ...JSON.parse('{}'),
      kind: 'imagegate/platform-record',
      version: 1,
      image: 'api',
      platform: 'linux/amd64',
      identity: 'k',
      status: 'failed',
      tests: {passed: 0, failed: 2}
    };
    repo.write('imagegate-records/web-linux-amd64.json', JSON.stringify(other));
    const unknown = await runCli(['merge'], {cwd: repo.dir, env: env()});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('records for images the configuration does not have: api');
  });
});

describe('a failed platform job', () => {
  it('makes merge refuse and publish nothing', async () => {
    const repo = exampleRepo('amd64-only');
    const ok = await runCli(['gate', '--platform', 'linux/amd64'], {cwd: repo.dir, env: env()});
    expect(ok.code).toBe(0);
    const failed = await runCli(['gate', '--platform', 'linux/arm64'], {cwd: repo.dir, env: env()});
    expect(failed.code).toBe(1);
    expect(record(repo, 'vendor-cli-linux-arm64.json')).toMatchObject({
      status: 'failed',
      tests: {passed: 0, failed: 2}
    });
    const before = await tags(REGISTRY, `${repo.namespace}/vendor-cli`);
    const r = await runCli(['merge'], {cwd: repo.dir, env: env()});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('merge refused for vendor-cli; nothing was published');
    expect(r.stderr).toContain('linux/arm64: its job failed (2 failed test(s)); nothing of it was pushed');
    expect(await tags(REGISTRY, `${repo.namespace}/vendor-cli`)).toEqual(before);
    expect(existsSync(join(repo.dir, 'imagegate-records', 'vendor-cli-linux-amd64.json'))).toBe(true);
  });
});

describe('a named buildx builder', () => {
  it('is used as given, and a missing one is refused before anything is built', async () => {
    const repo = exampleRepo('multiarch');
    // IMAGEGATE_TRACE=1: every program imagegate starts is named in its log.
    const traced = {...env(), IMAGEGATE_TRACE: '1'};
    const ok = await runCli(['check', '--platform', 'linux/amd64', '--builder', 'default'], {
      cwd: repo.dir,
      env: traced
    });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/buildx build --builder default --platform linux\/amd64 /);
    const missing = await runCli(['check', '--builder', 'no-such-builder'], {cwd: repo.dir, env: traced});
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('buildx builder `no-such-builder` is not usable');
    expect(missing.stderr).not.toMatch(/buildx build /);
  });
});
