// Lifecycle mode, one platform: the builder's own /cnb/lifecycle/creator in a container, with the
// app, layers and platform dirs mounted, the injected buildpacks merged in, registry export.

import {cp, mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {
  creatorRunArgs,
  injectedOrderToml,
  platformEnvFiles,
  systemToml,
  usesSystemToml,
  type InjectedBuildpack
} from '../../core/buildpacks/creator-args.js';
import type {BuilderInfo} from '../../core/buildpacks/labels.js';
import type {PlatformCache} from '../../core/buildpacks/pack-args.js';
import type {Injection} from '../../core/buildpacks/preflight.js';
import {parseReportToml} from '../../core/buildpacks/report.js';
import {UsageError} from '../../core/errors.js';
import {keepLast} from '../../core/results.js';
import type {Docker} from '../docker.js';

export interface CreatorRun {
  docker: Docker;
  builder: string;
  info: BuilderInfo;
  platformApi: string;
  platform: string;
  image: string;
  appDir: string;
  env: Record<string, string>;
  injected: Injection[];
  mounts: InjectedBuildpack[];
  /** CNB_REGISTRY_AUTH's value, passed through the environment. */
  registryAuth?: string;
  workDir: string;
  cache?: PlatformCache;
}

export type PlatformBuild = {ok: true; digest: string} | {ok: false; exitCode: number; output: string};

export async function runCreator(run: CreatorRun): Promise<PlatformBuild> {
  const dirs = {
    app: join(run.workDir, 'app'),
    layers: join(run.workDir, 'layers'),
    platform: join(run.workDir, 'platform')
  };
  // The creator writes into the app dir; the checkout stays untouched.
  await cp(run.appDir, dirs.app, {recursive: true, filter: src => !src.endsWith('/.git')});
  await mkdir(dirs.layers, {recursive: true});
  await mkdir(join(dirs.platform, 'env'), {recursive: true});
  const envFiles = platformEnvFiles(run.env);
  if (!envFiles.ok) throw new UsageError(`builder.buildpacks.env: ${envFiles.error}`);
  for (const [path, value] of Object.entries(envFiles.files)) await writeFile(join(dirs.platform, path), value);
  const pre = run.injected.filter(b => b.position === 'pre');
  const post = run.injected.filter(b => b.position === 'post');
  let system: string | undefined;
  if (run.injected.length) {
    if (usesSystemToml(run.platformApi)) {
      system = join(run.workDir, 'system.toml');
      await writeFile(system, systemToml(pre, post));
    } else {
      await writeFile(join(dirs.layers, 'order.toml'), injectedOrderToml(run.info.order, pre, post));
    }
  }
  const args = creatorRunArgs({
    builder: run.builder,
    platform: run.platform,
    platformApi: run.platformApi,
    image: run.image,
    hostDirs: {...dirs, ...(system ? {system} : {})},
    injected: run.mounts,
    registryAuth: run.registryAuth !== undefined,
    name: `imagegate-creator-${randomBytes(6).toString('hex')}`,
    ...(run.cache ? {cache: run.cache} : {})
  });
  let output = '';
  const result = await run.docker.run(args, {
    stream: true,
    ...(run.registryAuth !== undefined ? {env: {CNB_REGISTRY_AUTH: run.registryAuth}} : {}),
    onOutput: chunk => void (output = keepLast(output + chunk, 32000))
  });
  if (result.exitCode !== 0) return {ok: false, exitCode: result.exitCode, output};
  const report = parseReportToml(await readFile(join(dirs.layers, 'report.toml'), 'utf8').catch(() => ''));
  if (!report.digest) return {ok: false, exitCode: 62, output: `${output}\nreport.toml names no image digest`};
  return {ok: true, digest: report.digest};
}
