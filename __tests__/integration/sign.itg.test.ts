// promote signs the promoted digest with cosign — trixie's cosign 2.5 and sid's cosign 3.1, each
// with a key pair and no transparency log (nothing leaves the machine) — the signature verifies,
// a re-run finds it in that cosign's format, and signatures made in staging travel with the image
// to another registry, digests unchanged. The registries are distribution 2.8 (no referrers API):
// cosign 3's bundles live in the `sha256-<hex>` fallback index there.
import {afterEach, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {PromoteReport} from '../../src/app/promote.js';
import {OFFLINE_SIGNING_CONFIG} from '../../src/core/cosign-args.js';
import type {RunReport} from '../../src/core/results.js';
import {fallbackTag} from '../../src/oci/referrers.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {exampleRepo, type TempRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const tb = testbed();
const PASSWORD = 'correct horse battery staple';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

const COSIGNS = [
  {name: 'cosign 2.5 (trixie)', path: tb.bin, major: 2, format: 'legacy'},
  {name: 'cosign 3.1 (sid)', path: `${tb.cosign3Bin}:${tb.bin}`, major: 3, format: 'bundle'}
] as const;

/**
 * imagegate finds programs on the PATH of the environment it is given (as spawn resolves them): each test
 * puts its cosign first there too, and restores it.
 */
let savedPath: string | undefined;
function usePath(path: string): void {
  savedPath ??= process.env.PATH;
  process.env.PATH = `${path}:${savedPath}`;
}
afterEach(() => {
  if (savedPath !== undefined) process.env.PATH = savedPath;
  savedPath = undefined;
});

function cosign(path: string, args: string[], cwd?: string): string {
  return execFileSync('cosign', args, {
    cwd,
    env: {...process.env, PATH: `${path}:${savedPath ?? process.env.PATH}`, COSIGN_PASSWORD: PASSWORD},
    encoding: 'utf8',
    stdio: 'pipe'
  });
}

/** `cosign verify` of `ref` with the checkout's public key, offline; throws when it does not verify. */
function verifyOffline(path: string, repo: TempRepo, ref: string): void {
  cosign(path, [
    'verify',
    '--key',
    join(repo.dir, 'keys/cosign.pub'),
    '--insecure-ignore-tlog=true',
    '--allow-insecure-registry',
    ref
  ]);
}

/** An example checkout that signs with a key pair made by this cosign, and the env to run imagegate in. */
function signingRepo(
  path: string,
  edit: (c: string) => string = c => c
): {repo: TempRepo; env: Record<string, string | undefined>} {
  const repo = exampleRepo('multiarch', c =>
    edit(`${c}promote:\n  sign: cosign\n  cosign-key: keys/cosign.key\n  cosign-tlog: false\n`)
  );
  execFileSync('mkdir', ['-p', join(repo.dir, 'keys')]);
  repo.write('.gitignore', 'keys/\n');
  repo.commit();
  cosign(path, ['generate-key-pair'], join(repo.dir, 'keys'));
  usePath(path);
  return {repo, env: {PATH: process.env.PATH, HOME: process.env.HOME, COSIGN_PASSWORD: PASSWORD}};
}

/** The referrers the fallback index of `digest` lists in `repo` (distribution 2.8 has no referrers API). */
async function fallbackEntries(
  host: string,
  repo: string,
  digest: string
): Promise<{digest: string; artifactType?: string}[]> {
  const index = await manifest(`${host}/${repo}:${fallbackTag(digest)}`);
  return (index?.json.manifests ?? []) as {digest: string; artifactType?: string}[];
}

async function artifactTypeOf(ref: string): Promise<string | undefined> {
  const m = await manifest(ref);
  return m ? (JSON.parse(m.bytes) as {artifactType?: string}).artifactType : undefined;
}

describe.each(COSIGNS)('promote with sign: cosign, $name', ({path, major, format}) => {
  it('signs the promoted digest once with a key pair, offline; it verifies; a re-run finds it and signs nothing', async () => {
    const {repo, env} = signingRepo(path);
    expect((await runCli(['gate'], {cwd: repo.dir, env})).code).toBe(0);
    const p = await runCli(['promote', '--json'], {cwd: repo.dir, env});
    expect({code: p.code, stderr: p.code ? p.stderr : ''}).toEqual({code: 0, stderr: ''});
    expect(p.stdout + p.stderr).not.toContain(PASSWORD);
    const web = (JSON.parse(p.stdout) as PromoteReport).images[0]!;
    expect(web.signed).toMatchObject({
      ref: `${tb.registry}/${repo.namespace}/web@${web.digest}`,
      created: true,
      verified: true,
      format,
      cosign: {major}
    });
    const repoPath = `${repo.namespace}/web`;
    const all = await tags(tb.registry, repoPath);
    if (format === 'legacy') {
      expect(web.signed!.signature).toBe(`${fallbackTag(web.digest)}.sig`);
      expect(all).toContain(`${fallbackTag(web.digest)}.sig`);
    } else {
      // cosign 3: a bundle referrer in the fallback index, no .sig tag.
      expect(all).not.toContain(`${fallbackTag(web.digest)}.sig`);
      const listed = (await fallbackEntries(tb.registry, repoPath, web.digest)).map(e => e.digest);
      expect(listed).toContain(web.signed!.signature);
      expect(await artifactTypeOf(`${tb.registry}/${repoPath}@${web.signed!.signature}`)).toBe(BUNDLE);
    }
    // The public key verifies it, with the same cosign, offline.
    verifyOffline(path, repo, web.signed!.ref);
    const again = await runCli(['promote', '--json'], {cwd: repo.dir, env});
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as PromoteReport).images[0]!.signed).toMatchObject({
      created: false,
      verified: true,
      signature: web.signed!.signature
    });
    expect(await tags(tb.registry, repoPath)).toEqual(all);
  });

  it('signatures made in the intermediate registry travel to the final one with the image, digests unchanged', async () => {
    const {repo, env} = signingRepo(path, c =>
      c
        .replace('  tag-prefix: staging-', `  registry: ${tb.intermediateRegistry}/NS`)
        .replace(/promote:\n( {2}.*\n)+/, '')
    );
    repo.write(
      '.imagegate.yml',
      (await import('node:fs'))
        .readFileSync(join(repo.dir, '.imagegate.yml'), 'utf8')
        .replace(`${tb.intermediateRegistry}/NS`, `${tb.intermediateRegistry}/${repo.namespace}`)
    );
    repo.commit();
    const g = await runCli(['gate', '--json'], {cwd: repo.dir, env});
    expect(g.code).toBe(0);
    const staged = (JSON.parse(g.stdout) as RunReport).images[0]!;
    const stagedRef = `${tb.intermediateRegistry}/${repo.namespace}/web@${staged.digest}`;
    const config = join(repo.dir, 'keys/signing-config.json');
    writeFileSync(config, OFFLINE_SIGNING_CONFIG);
    const key = join(repo.dir, 'keys/cosign.key');
    cosign(path, [
      'sign',
      '--yes',
      '--key',
      key,
      ...(major >= 3 ? ['--signing-config', config] : ['--tlog-upload=false']),
      '--allow-insecure-registry',
      stagedRef
    ]);
    const source = `${repo.namespace}/web`;
    const p = await runCli(['promote', '--json'], {cwd: repo.dir, env});
    expect({code: p.code, stderr: p.code ? p.stderr : ''}).toEqual({code: 0, stderr: ''});
    const web = (JSON.parse(p.stdout) as PromoteReport).images[0]!;
    expect(web.digest).toBe(staged.digest);
    expect(web.referrers!.manifests + web.referrers!.tags).toBeGreaterThan(0);
    if (format === 'legacy') {
      const tag = `${fallbackTag(web.digest)}.sig`;
      expect((await manifest(`${tb.registry}/${source}:${tag}`))?.digest).toBe(
        (await manifest(`${tb.intermediateRegistry}/${source}:${tag}`))?.digest
      );
    } else {
      const staging = await fallbackEntries(tb.intermediateRegistry, source, web.digest);
      const final = (await fallbackEntries(tb.registry, source, web.digest)).map(e => e.digest);
      const bundles = [];
      for (const e of staging)
        if ((await artifactTypeOf(`${tb.intermediateRegistry}/${source}@${e.digest}`)) === BUNDLE)
          bundles.push(e.digest);
      expect(bundles).toHaveLength(1);
      for (const e of staging) expect(final).toContain(e.digest);
      expect((await manifest(`${tb.registry}/${source}@${bundles[0]}`))?.bytes).toBe(
        (await manifest(`${tb.intermediateRegistry}/${source}@${bundles[0]}`))?.bytes
      );
    }
    // The copied signature verifies on the final reference.
    verifyOffline(path, repo, `${tb.registry}/${source}@${web.digest}`);
  });
});

describe('promote with sign: cosign, the version imagegate sees', () => {
  it("recognises sid's cosign 3 although Debian's builds all say \"devel\" (trixie's as cosign 2: the reports above)", async () => {
    for (const c of COSIGNS) expect(cosign(c.path, ['version', '--json'])).toContain('"gitVersion": "devel"');
    const {repo, env} = signingRepo(COSIGNS[1].path);
    expect((await runCli(['gate'], {cwd: repo.dir, env})).code).toBe(0);
    const p = await runCli(['promote', '--json'], {cwd: repo.dir, env});
    expect(p.stderr).toContain('uses a signing config by default, as cosign 3 does');
  });
});
