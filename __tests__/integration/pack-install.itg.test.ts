// Tier 2: the pinned pack installer end to end against a local HTTP server standing in for the
// release host (a mirror set through IMAGEGATE_PACK_BASE_URL): a real download, the checksum
// verified before use, a cache hit on the second run, a wrong checksum and a 404 refused.
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {PackRelease} from '../../src/core/buildpacks/pack-release.js';
import {ProcessExec} from '../../src/exec/exec.js';
import {TempDirs} from '../../src/io/temp.js';
import {pinnedPackOnPath, ToolInstaller} from '../../src/io/tool-install.js';

const work = mkdtempSync(join(tmpdir(), 'imagegate-pack-install-'));
let server: Server;
let base = '';
const requests: string[] = [];
let archive: Buffer;
let sha256 = '';

beforeAll(async () => {
  const src = join(work, 'src');
  execFileSync('mkdir', ['-p', src]);
  writeFileSync(join(src, 'pack'), '#!/bin/sh\necho "0.40.9+fake pack"\n', {mode: 0o755});
  execFileSync('tar', ['-czf', join(work, 'pack.tgz'), '-C', src, 'pack']);
  archive = readFileSync(join(work, 'pack.tgz'));
  sha256 = createHash('sha256').update(archive).digest('hex');
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (/^\/releases\/v[^/]+\/pack-v[^/]+-linux\.tgz$/.test(req.url ?? '') && !req.url!.includes('missing')) {
      res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': archive.length});
      res.end(archive);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
});

const exec = new ProcessExec({
  env: process.env,
  output: () => ({write: t => void process.stderr.write(t), end: () => undefined})
});

/** The installer of a run whose tool cache is this test's own (what a runner's RUNNER_TOOL_CACHE is). */
function installer(path = ''): ToolInstaller {
  return new ToolInstaller({
    exec,
    temp: new TempDirs(tmpdir()),
    cache: join(work, 'tool-cache'),
    log: () => undefined,
    packBaseUrl: base,
    path
  });
}

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

const release = (version: string, digest = sha256): PackRelease => ({
  version,
  assets: {'linux-x64': {file: `pack-v${version}-linux.tgz`, sha256: digest}}
});
const opts = (r: PackRelease) => ({release: r, platform: 'linux', arch: 'x64'});

describe('pack installer', () => {
  it('downloads, verifies and caches the archive; the second run is a cache hit', async () => {
    const first = await installer().installPack(opts(release('0.40.9')));
    expect(first.cached).toBe(false);
    expect(execFileSync(first.path, {encoding: 'utf8'})).toBe('0.40.9+fake pack\n');
    expect(requests.filter(r => r.endsWith('pack-v0.40.9-linux.tgz'))).toEqual([
      '/releases/v0.40.9/pack-v0.40.9-linux.tgz'
    ]);
    const second = await installer().installPack(opts(release('0.40.9')));
    expect(second).toEqual({path: first.path, version: '0.40.9', cached: true});
    expect(requests.filter(r => r.endsWith('pack-v0.40.9-linux.tgz'))).toHaveLength(1);
  });

  it('refuses an archive whose sha256 differs from the pin, and caches nothing', async () => {
    const wrong = 'f'.repeat(64);
    await expect(installer().installPack(opts(release('0.41.0', wrong)))).rejects.toThrow(
      new RegExp(
        `pack-v0\\.41\\.0-linux\\.tgz from .* has sha256 ${sha256}, but imagegate pins ${wrong} for pack 0\\.41\\.0; refusing to run it`
      )
    );
    // Nothing was cached: the next try downloads (and refuses) again.
    await expect(installer().installPack(opts(release('0.41.0', wrong)))).rejects.toThrow(/refusing to run it/);
    expect(requests.filter(r => r.includes('0.41.0'))).toHaveLength(2);
  });

  it('a mirror without the file gives a 404 that names the expected path', async () => {
    await expect(installer().installPack(opts(release('9.9.9-missing')))).rejects.toThrow(
      /\(404\) \(IMAGEGATE_PACK_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/releases\): the mirror must serve pack's release files as <base>\/v9\.9\.9-missing\/pack-v9\.9\.9-missing-linux\.tgz/
    );
  });

  it('a platform without a pinned archive is refused with the ones there are', async () => {
    await expect(installer().installPack({...opts(release('0.40.9')), arch: 's390x'})).rejects.toThrow(
      /no pinned archive for linux-s390x \(imagegate pins linux-x64\)/
    );
  });
});

describe('a pack already on PATH', () => {
  it('is used when it is the pinned version (as components/setup installs it), never another version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imagegate-pack-path-'));
    writeFileSync(join(dir, 'pack'), '#!/bin/sh\necho "0.40.9+git-1a2b3c.build-42"\n', {mode: 0o755});
    expect(await pinnedPackOnPath(exec, '0.40.9', `${dir}:/usr/bin`)).toBe(join(dir, 'pack'));
    expect(await pinnedPackOnPath(exec, '0.41.0', `${dir}:/usr/bin`)).toBeUndefined();
    const before = requests.length;
    const installed = await installer(dir).installPack(opts(release('0.40.9')));
    expect(installed).toEqual({path: join(dir, 'pack'), version: '0.40.9', cached: true});
    expect(requests.length).toBe(before);
  });
});
