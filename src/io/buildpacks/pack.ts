// Pack mode, one platform: the pinned pack CLI publishes to the build registry; report.toml
// (--report-output-dir) names the digest.

import {mkdir, readFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {packBuildArgs, type PlatformCache} from '../../core/buildpacks/pack-args.js';
import {parseReportToml} from '../../core/buildpacks/report.js';
import {keepLast} from '../../core/results.js';
import type {Exec} from '../../exec/exec.js';
import type {PlatformBuild} from './creator.js';

export interface PackRun {
  exec: Exec;
  pack: string;
  builder: string;
  platform: string;
  image: string;
  appDir: string;
  pre: string[];
  post: string[];
  env: Record<string, string>;
  workDir: string;
  /** The run's own DOCKER_CONFIG (pack takes registry credentials from docker's config). */
  dockerConfigDir?: string;
  cache?: PlatformCache;
}

export async function runPack(run: PackRun): Promise<PlatformBuild> {
  const reportDir = join(run.workDir, 'report');
  await mkdir(reportDir, {recursive: true});
  const args = packBuildArgs({
    image: run.image,
    builder: run.builder,
    platform: run.platform,
    path: resolve(run.appDir),
    pre: run.pre,
    post: run.post,
    env: run.env,
    reportDir,
    ...(run.cache ? {cache: run.cache} : {})
  });
  let output = '';
  const result = await run.exec.run(run.pack, args, {
    ...(run.dockerConfigDir ? {env: {DOCKER_CONFIG: run.dockerConfigDir}} : {}),
    stream: true,
    onOutput: chunk => void (output = keepLast(output + chunk, 32000))
  });
  if (result.exitCode !== 0) return {ok: false, exitCode: result.exitCode, output};
  const report = parseReportToml(await readFile(join(reportDir, 'report.toml'), 'utf8').catch(() => ''));
  if (!report.digest) return {ok: false, exitCode: 62, output: `${output}\nreport.toml names no image digest`};
  return {ok: true, digest: report.digest};
}
