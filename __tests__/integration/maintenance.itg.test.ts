// verify and cleanup against the real registry.
import {beforeAll, describe, expect, it} from '@jest/globals';
import type {CleanupReport} from '../../src/app/cleanup.js';
import type {VerifyReport} from '../../src/app/verify.js';
import type {RunReport} from '../../src/core/results.js';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryTransport} from '../../src/registry/transport.js';
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
  it('removes staging tags older than the limit, keeps newer ones, never touches anything else', async () => {
    const repo = exampleRepo('multiarch');
    // An old staged image (built "in 2020" through SOURCE_DATE_EPOCH) and a new one.
    const old = await runCli(['gate', '--json'], {cwd: repo.dir, env: env({SOURCE_DATE_EPOCH: '1600000000'})});
    const oldRef = (JSON.parse(old.stdout) as RunReport).images[0]!.pushed!.ref;
    repo.write('app/extra', 'new\n');
    repo.commit();
    const fresh = await runCli(['gate', '--json'], {cwd: repo.dir, env: env()});
    const freshRef = (JSON.parse(fresh.stdout) as RunReport).images[0]!.pushed!.ref;
    // Tags outside the staging namespace, one of them on the old digest.
    const client = new RegistryClient(new RegistryTransport());
    const where = {registry: REGISTRY, repository: `${repo.namespace}/web`};
    const oldBytes = (await client.getManifest(where, oldRef.split(':').pop()!))!;
    for (const tag of ['v1', 'staging-keep-me']) await client.putManifest(where, tag, oldBytes);
    client.transport.close();

    const r = await runCli(['cleanup', '--json', '--older-than', '24h'], {cwd: repo.dir, env: env()});
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CleanupReport;
    expect(report.removed).toEqual([oldRef]);
    expect(report.kept).toEqual([freshRef]);
    expect((await tags(REGISTRY, `${repo.namespace}/web`)).sort()).toEqual(
      [freshRef.split(':').pop(), 'staging-keep-me', 'v1'].sort()
    );
    expect((await manifest(`${REGISTRY}/${repo.namespace}/web:v1`))?.digest).toBe(oldBytes.digest);
  });
});
