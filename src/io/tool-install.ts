// Installs the pinned tools: downloads each from its publisher (or a mirror), checks every byte
// against the pinned SHA-256 before anything is written where it could run, and keeps it in a
// versioned directory of the tool cache, so a later run finds it there. cosign is one file; pack
// is a .tgz holding one.

import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {chmod, mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {PACK_DEFAULT_BASE_URL, PACK_RELEASE, packAssetUrl, type PackRelease} from '../core/buildpacks/pack-release.js';
import {InfrastructureError} from '../core/errors.js';
import type {ToolDownload} from '../core/tools.js';
import type {Exec} from '../exec/exec.js';
import type {TempDirs} from './temp.js';

const PACK_BASE_URL_ENV = 'IMAGEGATE_PACK_BASE_URL';

export interface InstalledTool {
  name: string;
  version: string;
  dir: string;
}

export interface InstalledPack {
  path: string;
  version: string;
  cached: boolean;
}

export interface ToolInstallerOpts {
  exec: Exec;
  temp: TempDirs;
  /** Where tools are kept: `<cache>/<name>/<version>/…`. */
  cache: string;
  log: (line: string) => void;
  /** IMAGEGATE_PACK_BASE_URL: a mirror of pack's releases. */
  packBaseUrl?: string;
  /** The run's PATH: a pack of the pinned version there is used as it is. */
  path: string;
}

export class ToolInstaller {
  constructor(private readonly opts: ToolInstallerOpts) {}

  /** A single-file tool, checked against its pin, in `<cache>/<name>/<version>/<name>`. */
  async installFile(tool: ToolDownload): Promise<InstalledTool> {
    const dir = join(this.opts.cache, tool.name, tool.version);
    const bytes = await download(
      tool.url,
      e => `cannot download ${tool.url}: ${e}; check the network or set IMAGEGATE_TOOLS_MIRROR`
    );
    const actual = sha256(bytes);
    if (actual !== tool.sha256)
      throw new InfrastructureError(
        `${tool.url} has SHA-256 ${actual}, not the pinned ${tool.sha256}: refusing to install ${tool.name} ${tool.version}. ` +
          'A proxy or mirror served different bytes; fix the mirror (IMAGEGATE_TOOLS_MIRROR) or download from the publisher'
      );
    await this.placeAtomically(dir, async staged => {
      await writeFile(join(staged, tool.name), bytes);
      await chmod(join(staged, tool.name), 0o755);
    });
    return {name: tool.name, version: tool.version, dir};
  }

  /**
   * The pinned pack: the one on PATH when it reports exactly the pinned version (`imagegate setup`
   * put it there), else the cached install, else a verified download.
   */
  async installPack(opts: {release?: PackRelease; platform?: string; arch?: string} = {}): Promise<InstalledPack> {
    const release = opts.release ?? PACK_RELEASE;
    const onPath = await pinnedPackOnPath(this.opts.exec, release.version, this.opts.path);
    if (onPath) return {path: onPath, version: release.version, cached: true};
    const key = `${opts.platform ?? process.platform}-${opts.arch ?? process.arch}`;
    const asset = release.assets[key];
    if (!asset)
      throw new InfrastructureError(
        `pack ${release.version} has no pinned archive for ${key} (imagegate pins ${Object.keys(release.assets).join(', ')}); run on one of those, or use mode: lifecycle`
      );
    const dir = join(this.opts.cache, 'pack', release.version, key);
    if (existsSync(join(dir, 'pack'))) return {path: join(dir, 'pack'), version: release.version, cached: true};
    const base = this.opts.packBaseUrl || PACK_DEFAULT_BASE_URL;
    const url = packAssetUrl(base, release, asset);
    const where = base === PACK_DEFAULT_BASE_URL ? '' : ` (${PACK_BASE_URL_ENV}=${base})`;
    this.opts.log(`downloading pack ${release.version} from ${url}`);
    const archive = await download(url, (e, status) =>
      status === 404
        ? `${url} does not exist (404)${where}: the mirror must serve pack's release files as <base>/v${release.version}/${asset.file}`
        : `downloading ${url} failed${where}: ${e}; check the network or set ${PACK_BASE_URL_ENV} to a mirror`
    );
    const actual = sha256(archive);
    if (actual !== asset.sha256)
      throw new InfrastructureError(
        `${asset.file} from ${url} has sha256 ${actual}, but imagegate pins ${asset.sha256} for pack ${release.version}; refusing to run it. The download was altered or the mirror serves another file: fix the mirror, or bump the pin in src/core/buildpacks/pack-release.ts from the release's .sha256 file`
      );
    await this.placeAtomically(dir, staged =>
      this.opts.temp.with('pack', async work => {
        const file = join(work, asset.file);
        await writeFile(file, archive);
        const untar = await this.opts.exec.run('tar', ['-xzf', file, '-C', staged, 'pack']);
        if (untar.exitCode !== 0 || !existsSync(join(staged, 'pack')))
          throw new InfrastructureError(`${asset.file} holds no \`pack\` executable at its top level`);
      })
    );
    return {path: join(dir, 'pack'), version: release.version, cached: false};
  }

  /** Fills a sibling directory, then renames it into place: a half-written install is never found. */
  private async placeAtomically(dir: string, fill: (staged: string) => Promise<void>): Promise<void> {
    const staged = `${dir}.partial-${process.pid}`;
    await rm(staged, {recursive: true, force: true});
    await mkdir(staged, {recursive: true});
    try {
      await fill(staged);
      await mkdir(dirname(dir), {recursive: true});
      await rm(dir, {recursive: true, force: true});
      await rename(staged, dir);
    } finally {
      await rm(staged, {recursive: true, force: true});
    }
  }
}

/** The first `pack` on PATH when it reports exactly the pinned version; another version is not used. */
export async function pinnedPackOnPath(exec: Exec, version: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(':').filter(Boolean)) {
    const candidate = join(dir, 'pack');
    if (!existsSync(candidate)) continue;
    const r = await exec.run(candidate, ['--version']).catch(() => undefined);
    const reported = r?.exitCode === 0 ? r.stdout.trim().split(/[+\s]/)[0] : undefined;
    return reported === version ? candidate : undefined;
  }
  return undefined;
}

async function download(url: string, explain: (error: string, status?: number) => string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, {redirect: 'follow', signal: AbortSignal.timeout(300_000)});
  } catch (e) {
    throw new InfrastructureError(explain((e as Error).message));
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new InfrastructureError(explain(`HTTP ${res.status}`, res.status));
  }
  return Buffer.from(await res.arrayBuffer());
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
