// Installs the pinned pack CLI with @actions/tool-cache: download from the release (or a mirror),
// verify the archive's sha256 before anything is extracted, cache by version, reuse on later runs.

import {createHash} from 'node:crypto';
import {createReadStream, existsSync} from 'node:fs';
import {mkdir, rm} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import * as tc from '@actions/tool-cache';
import {InfrastructureError} from '../../core/errors.js';
import {Exec} from '../exec.js';
import {
  PACK_DEFAULT_BASE_URL,
  PACK_RELEASE,
  packAssetUrl,
  type PackRelease
} from '../../core/buildpacks/pack-release.js';

export const PACK_BASE_URL_ENV = 'IMAGEGATE_PACK_BASE_URL';
const TOOL = 'imagegate-pack';

export interface PackInstallOpts {
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
  release?: PackRelease;
  platform?: string;
  arch?: string;
}

export interface InstalledPack {
  path: string;
  version: string;
  cached: boolean;
}

export async function installPack(opts: PackInstallOpts): Promise<InstalledPack> {
  const release = opts.release ?? PACK_RELEASE;
  // `imagegate setup` (components/setup) may have put the pinned pack on PATH already.
  const onPath = await pinnedPackOnPath(release.version, opts.env.PATH ?? '');
  if (onPath) return {path: onPath, version: release.version, cached: true};
  return opts.env.GITHUB_ACTIONS === 'true' ? install(opts) : withoutRunnerDebug(() => install(opts));
}

/** The first `pack` on PATH when it reports exactly the pinned version; another version is not used. */
export async function pinnedPackOnPath(version: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(':').filter(Boolean)) {
    const candidate = join(dir, 'pack');
    if (!existsSync(candidate)) continue;
    const r = await Exec.run(candidate, ['--version']).catch(() => undefined);
    const reported = r?.exitCode === 0 ? r.stdout.trim().split(/[+\s]/)[0] : undefined;
    return reported === version ? candidate : undefined;
  }
  return undefined;
}

async function install(opts: PackInstallOpts): Promise<InstalledPack> {
  const release = opts.release ?? PACK_RELEASE;
  const key = `${opts.platform ?? process.platform}-${opts.arch ?? process.arch}`;
  const asset = release.assets[key];
  if (!asset) {
    throw new InfrastructureError(
      `pack ${release.version} has no pinned archive for ${key} (imagegate pins ${Object.keys(release.assets).join(', ')}); run on one of those, or use mode: lifecycle`
    );
  }
  await toolCacheDirs(opts.env);
  const arch = opts.arch ?? process.arch;
  const found = tc.find(TOOL, release.version, arch);
  if (found && existsSync(join(found, 'pack')))
    return {path: join(found, 'pack'), version: release.version, cached: true};

  const base = opts.env[PACK_BASE_URL_ENV] || PACK_DEFAULT_BASE_URL;
  const url = packAssetUrl(base, release, asset);
  opts.log(`downloading pack ${release.version} from ${url}`);
  let archive: string;
  try {
    archive = await tc.downloadTool(url);
  } catch (e) {
    const status = (e as {httpStatusCode?: number}).httpStatusCode;
    const where = base === PACK_DEFAULT_BASE_URL ? '' : ` (${PACK_BASE_URL_ENV}=${base})`;
    throw new InfrastructureError(
      status === 404
        ? `${url} does not exist (404)${where}: the mirror must serve pack's release files as <base>/v${release.version}/${asset.file}`
        : `downloading ${url} failed${where}: ${(e as Error).message}; check the network or set ${PACK_BASE_URL_ENV} to a mirror`
    );
  }
  try {
    const actual = await sha256File(archive);
    if (actual !== asset.sha256) {
      throw new InfrastructureError(
        `${asset.file} from ${url} has sha256 ${actual}, but imagegate pins ${asset.sha256} for pack ${release.version}; refusing to run it. The download was altered or the mirror serves another file: fix the mirror, or bump the pin in src/core/buildpacks/pack-release.ts from the release's .sha256 file`
      );
    }
    const extracted = await tc.extractTar(archive);
    if (!existsSync(join(extracted, 'pack')))
      throw new InfrastructureError(`${asset.file} holds no \`pack\` executable at its top level`);
    const dir = await tc.cacheDir(extracted, TOOL, release.version, arch);
    return {path: join(dir, 'pack'), version: release.version, cached: false};
  } finally {
    await rm(archive, {force: true});
  }
}

/** tool-cache keeps its cache and downloads where the runner says; outside a runner, in the user's cache. */
async function toolCacheDirs(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const cacheHome = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  process.env.RUNNER_TOOL_CACHE ||= env.RUNNER_TOOL_CACHE || join(cacheHome, 'imagegate', 'tools');
  process.env.RUNNER_TEMP ||= env.RUNNER_TEMP || join(tmpdir(), 'imagegate-downloads');
  await mkdir(process.env.RUNNER_TOOL_CACHE, {recursive: true});
  await mkdir(process.env.RUNNER_TEMP, {recursive: true});
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', chunk => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * tool-cache logs through @actions/core, which writes `::debug::` lines to stdout; outside a runner
 * they would end up in the CLI's output (and break --json), so they are dropped there.
 */
async function withoutRunnerDebug<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    String(chunk).startsWith('::debug::')
      ? true
      : (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest)) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}
