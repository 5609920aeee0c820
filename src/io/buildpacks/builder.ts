// Builds a buildpacks image exactly as production does: the preflight first (labels only, nothing
// pulled), then one build per platform with the pinned builder — pack, or the builder's own
// creator — published to a build registry on this machine, joined into one index and pulled by
// digest. From there on check, gate and promote treat it like any other built image.

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {localTagFor, type BuildInputs, type BuildOutcome, type ImageBuilder} from '../../core/builder.js';
import {registryAuthJson} from '../../core/buildpacks/creator-args.js';
import {lifecycleExitMessage} from '../../core/buildpacks/exit-codes.js';
import {herokuAnnotation} from '../../core/buildpacks/heroku-messages.js';
import {UsageError} from '../../core/errors.js';
import {parseReference} from '../../oci/reference.js';
import {tail} from '../../core/results.js';
import type {Reporter} from '../../host/reporter.js';
import {RegistryClient} from '../../registry/client.js';
import type {Repository} from '../../oci/reference.js';
import {CredentialStore} from '../../registry/credentials.js';
import {RegistryTransport} from '../../registry/transport.js';
import type {Docker} from '../docker.js';
import {runCreator, type PlatformBuild} from './creator.js';
import {unpackInjected} from './injected.js';
import {runPack} from './pack.js';
import {installPack} from './pack-install.js';
import {buildpacksPreflight, type BuildpacksConfig, type PreflightOutcome} from './preflight.js';
import {publishIndex} from './publish.js';

export const BUILD_REGISTRY_ENV = 'IMAGEGATE_BUILD_REGISTRY';
/** A registry on this machine where builds land before they are tested (never the staging registry). */
export const DEFAULT_BUILD_REGISTRY = 'localhost:5000/imagegate-build';

/** The build registry's host, which needs a docker login of its own for the pull by digest. */
export function buildRegistryHost(env: Readonly<Record<string, string | undefined>>): string {
  return (env[BUILD_REGISTRY_ENV] || DEFAULT_BUILD_REGISTRY).split('/')[0]!;
}

export interface BuildpacksBuilderOpts {
  docker: Docker;
  reporter: Reporter;
  env: Readonly<Record<string, string | undefined>>;
}

export class BuildpacksBuilder implements ImageBuilder {
  constructor(private readonly opts: BuildpacksBuilderOpts) {}

  async build(inputs: BuildInputs): Promise<BuildOutcome> {
    const {image} = inputs;
    if (image.builder.kind !== 'buildpacks') throw new Error(`${image.name} is not a buildpacks image`);
    const config = image.builder;
    const appDir = resolve(inputs.baseDir, image.context);
    const buildRepo = this.buildRepo(image.name);
    const credentials = new CredentialStore({env: this.opts.env, envHosts: [buildRepo.registry]});
    credentials.secrets().forEach(s => this.opts.reporter.mask(s));
    const transport = new RegistryTransport({
      credentials,
      onSecret: s => this.opts.reporter.mask(s),
      userAgent: 'imagegate'
    });
    const client = new RegistryClient(transport);
    const workDir = await mkdtemp(join(tmpdir(), 'imagegate-cnb-'));
    const started = Date.now();
    try {
      const preflight = await this.opts.reporter.group(`preflight ${image.name}: builder labels and runtime pins`, () =>
        buildpacksPreflight({client, config, platform: image.platforms[0]!, appDir, reporter: this.opts.reporter})
      );
      if (preflight.failures.length) {
        return {ok: false, reason: `preflight: ${preflight.failures.join(' ')}`, outputTail: ''};
      }
      const registryAuth = await this.registryAuth(credentials, buildRepo.registry);
      const pack = config.mode === 'pack' ? await this.pack() : undefined;
      const images: {platform: string; digest: string}[] = [];
      for (const platform of image.platforms) {
        const arch = platform.split('/').slice(1).join('-');
        const ref = `${buildRepo.registry}/${buildRepo.repository}:run-${inputs.runId}-${arch}`;
        const dir = join(workDir, arch);
        const built = pack
          ? await runPack({
              pack,
              builder: config.image,
              platform,
              image: ref,
              appDir,
              pre: config.preBuildpacks,
              post: config.postBuildpacks,
              env: config.env,
              workDir: dir
            })
          : await this.lifecycle(config, preflight, platform, ref, appDir, dir, registryAuth);
        if (!built.ok) return failure(built, platform);
        this.opts.reporter.info(`${image.name} ${platform}: built ${ref}@${built.digest}`);
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
    } finally {
      transport.close();
      // Files the creator wrote as its build user may resist removal on a non-root runner.
      await rm(workDir, {recursive: true, force: true}).catch(() => undefined);
    }
  }

  private async lifecycle(
    config: BuildpacksConfig,
    preflight: PreflightOutcome,
    platform: string,
    ref: string,
    appDir: string,
    dir: string,
    registryAuth: string | undefined
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
      ...(registryAuth !== undefined ? {registryAuth} : {})
    });
  }

  private async pack(): Promise<string> {
    const installed = await installPack({env: this.opts.env, log: line => this.opts.reporter.info(line)});
    this.opts.reporter.info(`pack ${installed.version}${installed.cached ? ' (cached)' : ''}: ${installed.path}`);
    return installed.path;
  }

  private buildRepo(name: string): Repository {
    const prefix = this.opts.env[BUILD_REGISTRY_ENV] || DEFAULT_BUILD_REGISTRY;
    const ref = parseReference(`${prefix}/${name}`);
    if (!ref.ok)
      throw new UsageError(
        `${BUILD_REGISTRY_ENV}=${prefix}: ${ref.error}; write a registry on this machine, e.g. localhost:5000/imagegate-build`
      );
    return {registry: ref.value.registry, repository: ref.value.repository};
  }

  /** CNB_REGISTRY_AUTH for the build registry, when there are credentials for it (masked). */
  private async registryAuth(credentials: CredentialStore, host: string): Promise<string | undefined> {
    const resolved = await credentials.get(host);
    if (!resolved || resolved.credentials.kind !== 'basic') return undefined;
    const json = registryAuthJson({[host]: resolved.credentials});
    this.opts.reporter.mask(json);
    this.opts.reporter.mask(JSON.parse(json)[host]);
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
