// Promotion under faults, through our own fault proxy in front of the real registry (CI profile;
// the seed of every randomised run is printed so a failure replays). An oracle reads the registry
// directly: no tag may ever point at an incomplete image.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {PromoteReport} from '../../src/app/promote.js';
import type {RunReport} from '../../src/core/results.js';
import {RegistryClient} from '../../src/registry/client.js';
import {ImageCopier} from '../../src/registry/copy.js';
import {RegistryTransport} from '../../src/registry/transport.js';
import {Untagger} from '../../src/registry/untag.js';
import {runCli} from '../helpers/cli.js';
import {FaultProxy, type LogEntry} from './helpers/fault-proxy.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo, ROOT, type TempRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = `127.0.0.1:${testbed().ports.final}`;
const env = (): Record<string, string | undefined> => ({PATH: process.env.PATH, HOME: process.env.HOME});

let repo: TempRepo;
let staged: {digest: string; ref: string};

/** One gated image; every test promotes it under a configuration of its own (gitignored, so the source identity stays). */
beforeAll(async () => {
  testbed();
  repo = exampleRepo('multiarch');
  repo.write('.gitignore', '*.local.yml\n');
  repo.commit('ignore test configurations');
  const g = await runCli(['gate', '--json'], {cwd: repo.dir, env: env()});
  expect(g.code).toBe(0);
  const web = (JSON.parse(g.stdout) as RunReport).images[0]!;
  staged = {digest: web.digest!, ref: web.pushed!.ref};
});

function config(name: string, registry: string, extra = ''): string {
  const base = readFileSync(join(repo.dir, '.imagegate.yml'), 'utf8').replace(
    /^registry: .*$/m,
    `registry: ${registry}`
  );
  writeFileSync(join(repo.dir, `${name}.local.yml`), `${base}${extra}`);
  return `${name}.local.yml`;
}

/** Points the staging tag at the tested digest again (a previous test's cleanup removed it). */
async function restage(): Promise<void> {
  const client = new RegistryClient(new RegistryTransport());
  const repoPath = {registry: REGISTRY, repository: `${repo.namespace}/web`};
  const bytes = await client.getManifest(repoPath, staged.digest);
  await client.putManifest(repoPath, staged.ref.split(':').pop()!, bytes!);
  client.transport.close();
}

/** The oracle: every tag of the repository resolves to a manifest whose children and blobs all exist. */
async function incompleteTags(repository: string): Promise<string[]> {
  const bad: string[] = [];
  for (const tag of await tags(REGISTRY, repository)) {
    const top = await manifest(`${REGISTRY}/${repository}:${tag}`);
    const children = top?.json.manifests?.map(c => c.digest) ?? [];
    for (const digest of top?.json.manifests ? children : [top?.digest]) {
      const m = digest && (await manifest(`${REGISTRY}/${repository}@${digest}`));
      if (!m) {
        bad.push(`${tag} (missing ${digest})`);
        continue;
      }
      const doc = JSON.parse(m.bytes) as {config?: {digest: string}; layers?: {digest: string}[]};
      for (const blob of [doc.config, ...(doc.layers ?? [])].filter(Boolean)) {
        const res = await fetch(`http://${REGISTRY}/v2/${repository}/blobs/${blob!.digest}`, {method: 'HEAD'});
        if (res.status !== 200) bad.push(`${tag} (blob ${blob!.digest} ${res.status})`);
      }
    }
  }
  return bad;
}

/**
 * Requests sent to the registry before a Retry-After had passed (50 ms tolerance). Requests already
 * on the wire when the 429 went out (within 250 ms of it, on a loaded 2-core machine) could not have
 * known, and do not count.
 */
function earlyRequests(log: LogEntry[]): number {
  let early = 0;
  for (const held of log.filter(e => e.notBefore)) {
    early += log.filter(e => e.start > held.end + 250 && e.start < held.notBefore! - 50).length;
  }
  return early;
}

/** Copies the tested image to `<repository>:<tag>` directly on the registry (a staging place of a test's own). */
async function stageAt(repository: string, tag: string): Promise<void> {
  const client = new RegistryClient(new RegistryTransport());
  const copier = new ImageCopier(client);
  const bytes = await copier.copy(
    {registry: REGISTRY, repository: `${repo.namespace}/web`},
    {registry: REGISTRY, repository},
    staged.digest
  );
  await client.putManifest({registry: REGISTRY, repository}, tag, bytes);
  client.transport.close();
}

describe('promote through a noisy network', () => {
  let proxy: FaultProxy;
  afterAll(async () => proxy?.stop());

  it('10% 5xx, 2% resets, 3.5% 429 with Retry-After, 0.5% truncated bodies: no incomplete tag, done after at most one re-run', async () => {
    // CI profile: 6 promotions. Soak: `npm run test:soak` (IMAGEGATE_SOAK_RUNS, IMAGEGATE_FAULT_SEED replays a run).
    const seed = process.env.IMAGEGATE_FAULT_SEED;
    proxy = new FaultProxy({
      target: REGISTRY,
      ...(seed ? {seed: Number(seed)} : {}),
      profile: {p5xx: 0.1, pReset: 0.02, p429: 0.03, p429Date: 0.005, pTruncate: 0.005, retryAfterSeconds: 1}
    });
    const port = await proxy.start();
    process.stderr.write(`fault proxy seed ${proxy.seed} (replay: IMAGEGATE_FAULT_SEED=${proxy.seed})\n`);
    const runs = Number(process.env.IMAGEGATE_SOAK_RUNS ?? 6);
    const key = staged.ref.split(':staging-').pop()!;
    let firstTry = 0;
    for (let i = 0; i < runs; i++) {
      // Staged in a repository of its own in the same registry: the promotion mounts every blob.
      const target = `${repo.namespace}/noisy-${i}`;
      await stageAt(`${repo.namespace}-st${i}/web`, key);
      const file = config(`noisy-${i}`, `127.0.0.1:${port}/${repo.namespace}`);
      const text = readFileSync(join(repo.dir, file), 'utf8')
        .replace(/^ {2}tag-prefix: staging-.*$/m, `  registry: 127.0.0.1:${port}/${repo.namespace}-st${i}`)
        .replace('  - name: web\n', `  - name: web\n    repository: 127.0.0.1:${port}/${target}\n`);
      writeFileSync(join(repo.dir, file), text);
      let r = await runCli(['promote', '--json', '--config', file], {cwd: repo.dir, env: env()});
      if (r.code === 0) firstTry++;
      else {
        expect({code: r.code, stderr: r.stderr}).toEqual({code: 3, stderr: expect.any(String)});
        expect(r.stderr).not.toMatch(/\n\s+at /); // classified, no stack trace
        r = await runCli(['promote', '--json', '--config', file], {cwd: repo.dir, env: env()});
      }
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as PromoteReport).images[0]!.digest).toBe(staged.digest);
      expect(await incompleteTags(target)).toEqual([]);
      expect((await manifest(`${REGISTRY}/${target}:latest`))?.digest).toBe(staged.digest);
    }
    expect(firstTry).toBeGreaterThanOrEqual(runs > 10 ? Math.ceil(runs * 0.8) : runs - 1);
    process.stderr.write(`noisy network: ${firstTry}/${runs} promotions done on the first try, all after one re-run\n`);
    expect(earlyRequests(proxy.log)).toBe(0);
  });
});

describe('Retry-After', () => {
  it('waits as long as the registry asks, and gives up at once when it asks for an hour', async () => {
    const proxy = new FaultProxy({target: REGISTRY});
    const port = await proxy.start();
    try {
      await restage();
      let throttled = 0;
      proxy.setRules([
        req =>
          req.path.includes('/manifests/') && throttled++ < 3
            ? {kind: 'status', status: 429, retryAfter: '1'}
            : undefined
      ]);
      const file = config('throttled', `127.0.0.1:${port}/${repo.namespace}`, 'promote:\n  cleanup: false\n');
      const r = await runCli(['promote', '--config', file], {cwd: repo.dir, env: env()});
      expect(r.code).toBe(0);
      const manifestRequests = proxy.log.filter(e => e.path.includes('/manifests/'));
      for (let i = 1; i <= 3; i++)
        expect(manifestRequests[i]!.start - manifestRequests[i - 1]!.end).toBeGreaterThanOrEqual(950);
      proxy.setRules([() => ({kind: 'status', status: 429, retryAfter: '3600'})]);
      const started = Date.now();
      const refused = await runCli(['promote', '--config', file], {cwd: repo.dir, env: env()});
      expect(refused.code).toBe(3);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(refused.stderr).toMatch(/asks to wait 3600s .* more than the 60s imagegate waits/);
    } finally {
      await proxy.stop();
    }
  });
});

describe('an interrupted promotion', () => {
  it('killed after each request k, leaves no partial tag, and a re-run completes it', async () => {
    const proxy = new FaultProxy({target: REGISTRY});
    const port = await proxy.start();
    try {
      const file = config('crash', `127.0.0.1:${port}/${repo.namespace}`);
      // A clean run counts the requests of one promotion.
      await restage();
      await runCli(['promote', '--config', file], {cwd: repo.dir, env: env()});
      const total = proxy.log.length;
      expect(total).toBeGreaterThan(5);
      for (let k = 1; k < total; k++) {
        await restage();
        await deleteFinalTags();
        const before = proxy.log.length;
        await runUntilRequest(file, before + k, proxy);
        expect({k, bad: await incompleteTags(`${repo.namespace}/web`)}).toEqual({k, bad: []});
        const r = await runCli(['promote', '--json', '--config', file], {cwd: repo.dir, env: env()});
        expect({k, code: r.code, stderr: r.code ? r.stderr : ''}).toEqual({k, code: 0, stderr: ''});
        expect((await manifest(`${REGISTRY}/${repo.namespace}/web:latest`))?.digest).toBe(staged.digest);
      }
    } finally {
      await proxy.stop();
    }
  });
});

/** Runs the bundled CLI and kills it with SIGKILL as soon as the proxy has answered request number `n`. */
function runUntilRequest(file: string, n: number, proxy: FaultProxy): Promise<void> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'promote', '--config', file], {
      cwd: repo.dir,
      stdio: 'ignore'
    });
    proxy.onComplete = entry => {
      if (entry.seq + 1 >= n) child.kill('SIGKILL');
    };
    child.on('exit', () => {
      proxy.onComplete = undefined;
      resolve();
    });
  });
}

/** Final tags go away between crash runs (by tombstone, so the shared digest survives for the next run). */
async function deleteFinalTags(): Promise<void> {
  const client = new RegistryClient(new RegistryTransport());
  const untagger = new Untagger(client);
  const repository = {registry: REGISTRY, repository: `${repo.namespace}/web`};
  for (const tag of await tags(REGISTRY, repository.repository))
    if (!tag.startsWith('staging-')) await untagger.removeTag(repository, tag);
  client.transport.close();
}

describe('cleanup safety', () => {
  it('removing a staging tag never removes a final tag of the same digest (50/50)', async () => {
    const client = new RegistryClient(new RegistryTransport());
    const untagger = new Untagger(client);
    const repository = {registry: REGISTRY, repository: `${repo.namespace}/shared`};
    const bytes = (await client.getManifest({registry: REGISTRY, repository: `${repo.namespace}/web`}, staged.digest))!;
    const copier = new ImageCopier(client);
    await copier.copy({registry: REGISTRY, repository: `${repo.namespace}/web`}, repository, staged.digest);
    await client.putManifest(repository, 'v1', bytes);
    for (let i = 0; i < 50; i++) {
      await client.putManifest(repository, `staging-${i}`, bytes);
      expect(await untagger.removeTag(repository, `staging-${i}`)).toEqual({removed: true, tag: `staging-${i}`});
      expect((await client.headManifest(repository, 'v1'))?.digest).toBe(staged.digest);
    }
    expect(await tags(REGISTRY, repository.repository)).toEqual(['v1']);
    expect(await incompleteTags(repository.repository)).toEqual([]);
    client.transport.close();
  });

  it('a registry that refuses deletes (405) gets a warning listing the leftover, not a failure, and no retries', async () => {
    const proxy = new FaultProxy({
      target: REGISTRY,
      rules: [req => (req.method === 'DELETE' ? {kind: 'status', status: 405} : undefined)]
    });
    const port = await proxy.start();
    try {
      await restage();
      const file = config('nodelete', `127.0.0.1:${port}/${repo.namespace}`);
      const r = await runCli(['promote', '--json', '--config', file], {cwd: repo.dir, env: env()});
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as PromoteReport;
      expect(report.warnings).toEqual([
        expect.stringMatching(/staging-[0-9a-f]{32} was left in place: .* refuses deletes/)
      ]);
      // No probe: the tombstone's delete is the one DELETE, and its 405 puts the staging tag back.
      expect(proxy.log.filter(e => e.method === 'DELETE')).toHaveLength(1);
      expect(proxy.log.filter(e => e.method === 'PUT' && e.path.includes('/manifests/staging-'))).toHaveLength(2);
      expect((await manifest(`${REGISTRY}/${repo.namespace}/web:${staged.ref.split(':').pop()!}`))?.digest).toBe(
        staged.digest
      );
    } finally {
      await proxy.stop();
    }
  });
});

describe('credentials', () => {
  it('never appear in output, and go only to the registry that asked for them', async () => {
    const tb = testbed();
    const password = readFileSync(tb.raw.TESTBED_AUTH_PASSWORD_FILE!, 'utf8').trim();
    const user = tb.raw.TESTBED_AUTH_USER!;
    const authRepo = exampleRepo('multiarch', c => c.replace(/^registry: .*$/m, `registry: ${tb.authRegistry}/NS`));
    authRepo.write(
      '.imagegate.yml',
      readFileSync(join(authRepo.dir, '.imagegate.yml'), 'utf8').replace(
        `${tb.authRegistry}/NS`,
        `${tb.authRegistry}/${authRepo.namespace}`
      )
    );
    authRepo.commit();
    const creds = {IMAGEGATE_REGISTRY_USER: user, IMAGEGATE_REGISTRY_PASSWORD: password};
    const gate = await runCli(['gate', '--json'], {cwd: authRepo.dir, env: {...env(), ...creds}});
    expect(gate.code).toBe(0);
    const promote = await runCli(['promote', '--json'], {cwd: authRepo.dir, env: {...env(), ...creds}});
    expect(promote.code).toBe(0);
    const basic = Buffer.from(`${user}:${password}`).toString('base64');
    for (const text of [gate.stdout, gate.stderr, promote.stdout, promote.stderr]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(basic);
    }
    const denied = await runCli(['promote'], {cwd: authRepo.dir, env: env()});
    expect(denied.code).toBe(3);
    expect(denied.stderr).toContain(`${tb.authRegistry} needs credentials`);
  });
});
