// Builds a buildpacks image exactly as production does: the preflight first (labels only, nothing
// pulled), then one build per platform with the pinned builder — pack, or the builder's own
// creator — published to a build registry on this machine, joined into one index and pulled by
// digest. From there on check, gate and promote treat it like any other built image.

import {join, resolve} from 'node:path';
import {localTagFor, type BuildInputs, type BuildOutcome, type ImageBuilder} from '../../core/builder.js';
import {registryAuthJson} from '../../core/buildpacks/creator-args.js';
import {lifecycleExitMessage} from '../../core/buildpacks/exit-codes.js';
import {herokuAnnotation} from '../../core/buildpacks/heroku-messages.js';
import {UsageError} from '../../core/errors.js';
import {parseReference} from '../../oci/reference.js';
import {tail} from '../../core/results.js';
import type {Exec} from '../../exec/exec.js';
import type {Log} from '../../host/host.js';
import type {RegistryClient} from '../../registry/client.js';
import type {Repository} from '../../oci/reference.js';
import type {CredentialStore} from '../../registry/credentials.js';
import type {Docker} from '../docker.js';
import type {TempDirs} from '../temp.js';
import type {ToolInstaller} from '../tool-install.js';
import {runCreator, type PlatformBuild} from './creator.js';
import {unpackInjected} from './injected.js';
import {platformCache, type PlatformCache} from '../../core/buildpacks/pack-args.js';
import {runPack} from './pack.js';
import {buildpacksPreflight, type BuildpacksConfig, type PreflightOutcome} from './preflight.js';
import {publishIndex} from './publish.js';

const BUILD_REGISTRY_ENV = 'IMAGEGATE_BUILD_REGISTRY';

export interface BuildpacksBuilderOpts {
  exec: Exec;
  docker: Docker;
  log: Log;
  temp: TempDirs;
  /** The run's registry client and credentials (the build registry is one of its hosts). */
  client: RegistryClient;
  credentials: CredentialStore;
  installer: ToolInstaller;
  /** A registry on this machine where builds land before they are tested (never the staging registry). */
  buildRegistry: string;
  /** The run's own DOCKER_CONFIG, for pack (which reads docker's config for registry credentials). */
  dockerConfigDir?: string;
}

export class BuildpacksBuilder implements ImageBuilder {
  constructor(private readonly opts: BuildpacksBuilderOpts) {}

  async build(inputs: BuildInputs): Promise<BuildOutcome> {
    const {image} = inputs;
    if (image.builder.kind !== 'buildpacks') throw new Error(`${image.name} is not a buildpacks image`);
    const config = image.builder;
    const appDir = resolve(inputs.baseDir, image.context);
    const buildRepo = this.buildRepo(image.name);
    const {client, log} = this.opts;
    const started = Date.now();
    return this.opts.temp.with('cnb', async workDir => {
      const preflight = await log.group(`preflight ${image.name}: builder labels and runtime pins`, () =>
        buildpacksPreflight({client, config, platform: image.platforms[0]!, appDir, log})
      );
      if (preflight.failures.length) {
        return {ok: false, reason: `preflight: ${preflight.failures.join(' ')}`, outputTail: ''};
      }
      const registryAuth = await this.registryAuth(buildRepo.registry);
      const pack = config.mode === 'pack' ? await this.pack() : undefined;
      const images: {platform: string; digest: string}[] = [];
      for (const platform of image.platforms) {
        const arch = platform.split('/').slice(1).join('-');
        const ref = `${buildRepo.registry}/${buildRepo.repository}:run-${inputs.runId}-${arch}`;
        const dir = join(workDir, arch);
        const cache = platformCache(config.cache, platform);
        const built = pack
          ? await runPack({
              exec: this.opts.exec,
              pack,
              builder: config.image,
              platform,
              image: ref,
              appDir,
              pre: config.preBuildpacks,
              post: config.postBuildpacks,
              env: config.env,
              workDir: dir,
              ...(this.opts.dockerConfigDir ? {dockerConfigDir: this.opts.dockerConfigDir} : {}),
              ...(cache ? {cache} : {})
            })
          : await this.lifecycle(config, preflight, platform, ref, appDir, dir, registryAuth, cache);
        if (!built.ok) return failure(built, platform);
        log.info(`${image.name} ${platform}: built ${ref}@${built.digest}`);
        images.push({platform, digest: built.digest});
      }
      const localRef = localTagFor(image.name, inputs.runId);
      const {digest, user} = await publishIndex({
        client,
        docker: this.opts.docker,
        repo: buildRepo,
        tag: `run-${inputs.runId}`,
        images,
        localRef
      });
      return {
        ok: true,
        image: {name: image.name, digest, localRef, platforms: image.platforms, user, buildMs: Date.now() - started}
      };
    });
  }

  private async lifecycle(
    config: BuildpacksConfig,
    preflight: PreflightOutcome,
    platform: string,
    ref: string,
    appDir: string,
    dir: string,
    registryAuth: string | undefined,
    cache: PlatformCache | undefined
  ): Promise<PlatformBuild> {
    const mounts = await unpackInjected(this.opts.docker, preflight.injected, platform, join(dir, 'buildpacks'));
    return runCreator({
      docker: this.opts.docker,
      builder: config.image,
      info: preflight.info!,
      platformApi: preflight.platformApi!,
      platform,
      image: ref,
      appDir,
      env: config.env,
      injected: preflight.injected,
      mounts,
      workDir: dir,
      ...(registryAuth !== undefined ? {registryAuth} : {}),
      ...(cache ? {cache} : {})
    });
  }

  private async pack(): Promise<string> {
    const installed = await this.opts.installer.installPack();
    this.opts.log.info(`pack ${installed.version}${installed.cached ? ' (cached)' : ''}: ${installed.path}`);
    return installed.path;
  }

  private buildRepo(name: string): Repository {
    const prefix = this.opts.buildRegistry;
    const ref = parseReference(`${prefix}/${name}`);
    if (!ref.ok)
      throw new UsageError(
        `${BUILD_REGISTRY_ENV}=${prefix}: ${ref.error}; write a registry on this machine, e.g. localhost:5000/imagegate-build`
      );
    return {registry: ref.value.registry, repository: ref.value.repository};
  }

  /** CNB_REGISTRY_AUTH for the build registry, when there are credentials for it (masked). */
  private async registryAuth(host: string): Promise<string | undefined> {
    const resolved = await this.opts.credentials.get(host);
    if (!resolved || resolved.credentials.kind !== 'basic') return undefined;
    const json = registryAuthJson({[host]: resolved.credentials});
    this.opts.log.mask(json);
    this.opts.log.mask(JSON.parse(json)[host]);
    return json;
  }
}

function failure(built: Extract<PlatformBuild, {ok: false}>, platform: string): BuildOutcome {
  const annotation = herokuAnnotation(built.output);
  const exit = lifecycleExitMessage(built.exitCode);
  return {
    ok: false,
    reason: `${platform}: ${annotation ? `${annotation} (${exit.split(';')[0]})` : exit}`,
    outputTail: tail(built.output)
  };
}
