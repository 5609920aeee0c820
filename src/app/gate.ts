// check and gate: build every image once, test every platform of the exact build, and — for gate,
// only when every test of every image passed — push exactly those bytes to staging and prove it
// by reading the digest back from the registry.

import {createHash, randomBytes} from 'node:crypto';
import {mkdir, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {LOCAL_REGISTRY, type BuiltImage, type ImageBuilder} from '../core/builder.js';
import type {ImageConfig} from '../core/config/types.js';
import {registryHosts} from '../core/config/hosts.js';
import {UsageError, InfrastructureError} from '../core/errors.js';
import {renderJUnit} from '../core/junit.js';
import {buildOrder, type Plan} from '../core/plan.js';
import {samePlatformText} from '../oci/platform.js';
import {parseReference} from '../oci/reference.js';
import type {ImageResult, RunReport} from '../core/results.js';
import {Limiter} from '../core/limiter.js';
import type {Reporter} from '../host/reporter.js';
import {Docker, withLogins, type Credentials} from '../io/docker.js';
import {DockerfileBuilder} from '../io/dockerfile-builder.js';
import {BuildpacksBuilder, buildRegistryHost} from '../io/buildpacks/builder.js';
import {TestRunner} from '../io/test-runner.js';
import type {LoadedConfig} from './plan.js';
import {lastLine} from '../core/text.js';
import {
  DEFAULT_RECORDS_DIR,
  narrowToPlatform,
  platformStagingRef,
  RECORD_KIND,
  RECORD_VERSION,
  recordFileName,
  type PlatformRecord
} from '../core/split.js';

export interface GateRequest {
  loaded: LoadedConfig;
  plan: Plan;
  scenario: 'check' | 'gate';
  reporter: Reporter;
  env: Readonly<Record<string, string | undefined>>;
  parallel: number;
  junitFile?: string;
  binfmtDir?: string;
  /** Build and test only this platform, and push it under a per-platform staging tag (`merge` assembles the index). */
  platform?: string;
  /** Where a per-platform gate writes its records (default `imagegate-records`, relative to the working directory). */
  recordsDir?: string;
  /** A buildx builder name (`--builder`): remote, kubernetes or docker-container BuildKit the user already runs. */
  buildxBuilder?: string;
}

export async function runGate(req: GateRequest): Promise<RunReport> {
  const started = Date.now();
  if (req.plan.refusal) throw new UsageError(req.plan.refusal);
  const split = req.platform ? narrowToPlatform(req.loaded.config.images, req.platform) : undefined;
  const configured = split?.images ?? req.loaded.config.images;
  if (split?.skipped.length)
    req.reporter.info(`--platform ${split.platform}: ${split.skipped.join(', ')} not built here (not listed for it)`);
  const staging = req.scenario === 'gate' ? stagingRefs(req.plan, split?.platform) : new Map<string, string>();
  const buildpacks = configured.some(i => i.builder.kind === 'buildpacks');
  const hosts = [...registryHosts(req.loaded.config), ...(buildpacks ? [buildRegistryHost(req.env)] : [])];
  return withLogins(hosts, credentialsFrom(req.env, req.reporter), async docker => {
    await docker.requireEngine();
    if (req.buildxBuilder) await docker.requireBuilder(req.buildxBuilder);
    const dockerfile = new DockerfileBuilder({
      docker,
      reporter: req.reporter,
      env: req.env,
      ...(req.buildxBuilder ? {builder: req.buildxBuilder} : {})
    });
    const cnb = new BuildpacksBuilder({docker, reporter: req.reporter, env: req.env});
    const builder: ImageBuilder = {
      build: inputs => (inputs.image.builder.kind === 'buildpacks' ? cnb : dockerfile).build(inputs)
    };
    const runner = new TestRunner({
      docker,
      reporter: req.reporter,
      baseDir: req.loaded.dir,
      ...(req.binfmtDir ? {binfmtDir: req.binfmtDir} : {})
    });
    const {images, built} = await buildAndTestAll(req, configured, builder, runner);
    const report: RunReport = {scenario: req.scenario, images, pushed: false, refs: [], durationMs: 0};
    // A report that cannot be written must not cost the run its push: warn and go on.
    if (req.junitFile)
      await writeFile(req.junitFile, renderJUnit(images)).catch((e: Error) =>
        req.reporter.warning(`could not write the JUnit report ${req.junitFile}: ${e.message}; check --junit`)
      );
    if (req.scenario === 'gate') {
      if (images.every(i => i.status === 'passed'))
        await pushTested(docker, req.reporter, images, built, staging, report);
      else req.reporter.warning('nothing was pushed: not every test of every image passed');
      if (split) report.records = await writeRecords(req, split.platform, images);
    }
    await releaseLocalImages(docker, req.reporter, images, built);
    report.durationMs = Date.now() - started;
    return report;
  });
}

function stagingRefs(plan: Plan, platform: string | undefined): Map<string, string> {
  const refs = new Map<string, string>();
  for (const image of plan.images) {
    if (!image.staging)
      throw new UsageError(
        `gate needs the source identity of image ${image.name} to name its staging tag, but ${image.identity.error ?? 'it is unknown'}`
      );
    refs.set(image.name, platform ? platformStagingRef(image.staging.value, platform) : image.staging.value);
  }
  return refs;
}

/** One record per image built here, passed or not, for `imagegate merge`. */
async function writeRecords(req: GateRequest, platform: string, images: ImageResult[]): Promise<string[]> {
  const dir = resolve(req.recordsDir ?? DEFAULT_RECORDS_DIR);
  await mkdir(dir, {recursive: true});
  const files: string[] = [];
  for (const image of images) {
    const planned = req.plan.images.find(i => i.name === image.name)!;
    const tests = {
      passed: image.platforms.flatMap(p => p.tests).filter(t => t.status === 'passed').length,
      failed: image.platforms.flatMap(p => p.tests).filter(t => t.status !== 'passed').length
    };
    const record: PlatformRecord = {
      kind: RECORD_KIND,
      version: RECORD_VERSION,
      image: image.name,
      platform,
      identity: planned.identity.value!.key,
      ...(req.plan.git.sha ? {sha: req.plan.git.sha.value} : {}),
      status: image.status === 'passed' && image.pushed ? 'passed' : 'failed',
      ...(image.pushed ? {ref: image.pushed.ref, digest: image.pushed.digest} : {}),
      tests
    };
    const file = join(dir, recordFileName(image.name, platform));
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    files.push(file);
    req.reporter.info(`${image.name}: record for merge written to ${file}`);
  }
  return files;
}

function credentialsFrom(env: GateRequest['env'], reporter: Reporter): Credentials | undefined {
  const username = env.IMAGEGATE_REGISTRY_USER;
  const password = env.IMAGEGATE_REGISTRY_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password)
    throw new UsageError(
      'set both IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD, or neither (then docker’s own config is used)'
    );
  reporter.mask(password);
  return {username, password};
}

/** Builds in dependency order, independent images `parallel` at a time; a failed base skips its dependents. */
async function buildAndTestAll(
  req: GateRequest,
  configured: ImageConfig[],
  builder: ImageBuilder,
  runner: TestRunner
): Promise<{images: ImageResult[]; built: Map<string, BuiltImage>}> {
  const order = buildOrder(configured);
  const runId = randomBytes(6).toString('hex');
  const oci = ociMetadata(req);
  const slots = new Limiter(Math.max(1, req.parallel));
  const done = new Map<string, Promise<{result: ImageResult; built?: BuiltImage}>>();
  for (const image of order) {
    const base = image.dependsOn !== undefined ? done.get(image.dependsOn) : undefined;
    done.set(
      image.name,
      (async () => {
        const baseOutcome = base ? await base : undefined;
        if (baseOutcome && baseOutcome.result.status !== 'passed') {
          return {
            result: {
              name: image.name,
              status: 'skipped' as const,
              reason: `its base ${image.dependsOn} did not pass`,
              platforms: []
            }
          };
        }
        return slots.run(() => buildAndTest(req, builder, runner, image, runId, oci, baseOutcome?.built));
      })()
    );
  }
  const outcomes = await Promise.all(order.map(i => done.get(i.name)!));
  const built = new Map(outcomes.flatMap(o => (o.built ? [[o.built.name, o.built] as const] : [])));
  return {images: outcomes.map(o => o.result), built};
}

async function buildAndTest(
  req: GateRequest,
  builder: ImageBuilder,
  runner: TestRunner,
  image: ImageConfig,
  runId: string,
  oci: Record<string, string>,
  base: BuiltImage | undefined
): Promise<{result: ImageResult; built?: BuiltImage}> {
  const baseConfig = base ? req.loaded.config.images.find(i => i.name === base.name) : undefined;
  const outcome = await req.reporter.group(`build ${image.name} (${image.platforms.join(', ')})`, () =>
    builder.build({
      image,
      baseDir: req.loaded.dir,
      oci,
      runId,
      ...(base && baseConfig ? {base: {repository: baseConfig.repository, built: base}} : {})
    })
  );
  if (!outcome.ok) {
    req.reporter.error(`${image.name}: ${outcome.reason}`);
    return {result: {name: image.name, status: 'build-failed', reason: outcome.reason, platforms: []}};
  }
  const built = outcome.image;
  const platforms = await runner.run(image, built);
  const failed = platforms.flatMap(p =>
    p.tests.filter(t => t.status !== 'passed').map(t => `${t.name} on ${p.platform} (${t.error ?? t.status})`)
  );
  const result: ImageResult = {
    name: image.name,
    status: failed.length ? 'failed' : 'passed',
    digest: built.digest,
    platforms,
    buildMs: built.buildMs
  };
  if (failed.length) result.reason = `failed: ${failed.join('; ')}`;
  return {result, built};
}

function ociMetadata(req: GateRequest): Record<string, string> {
  const oci: Record<string, string> = {};
  const env = req.env;
  const source =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
      : env.CI_PROJECT_URL;
  if (source) oci['org.opencontainers.image.source'] = source;
  if (req.plan.git.sha) oci['org.opencontainers.image.revision'] = req.plan.git.sha.value;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch))
    oci['org.opencontainers.image.created'] = new Date(Number(epoch) * 1000).toISOString();
  return oci;
}

async function pushTested(
  docker: Docker,
  reporter: Reporter,
  images: ImageResult[],
  built: Map<string, BuiltImage>,
  staging: Map<string, string>,
  report: RunReport
): Promise<void> {
  for (const image of images) {
    const ref = staging.get(image.name)!;
    const local = built.get(image.name)!.localRef;
    await reporter.group(`push ${image.name} → ${ref}`, async () => {
      await docker.output(['tag', local, ref]);
      try {
        const tagged = (await docker.output(['image', 'inspect', '--format', '{{.Id}}', ref])).trim();
        if (tagged !== image.digest) {
          throw new InfrastructureError(
            `${ref} resolves locally to ${tagged}, not the tested ${image.digest}; nothing was pushed for it`
          );
        }
        let push = await docker.run(['push', ref], {stream: true});
        if (push.exitCode !== 0) {
          // A registry may answer a transient 5xx mid-push; the same content pushes again idempotently.
          reporter.warning(`pushing ${ref} failed (${lastLine(push.stderr)}); trying once more`);
          push = await docker.run(['push', ref], {stream: true});
        }
        if (push.exitCode !== 0) {
          const pushedSoFar = report.refs.length ? ` Already pushed: ${report.refs.join(', ')}.` : '';
          throw new InfrastructureError(`pushing ${ref} failed: ${lastLine(push.stderr)}.${pushedSoFar}`);
        }
      } finally {
        await docker.run(['image', 'rm', ref]);
      }
      const readBack = await readManifest(docker, ref);
      if (readBack.digest !== image.digest) {
        throw new InfrastructureError(
          `the registry holds ${ref} as ${readBack.digest}, not the tested ${image.digest}; refusing to report it as pushed`
        );
      }
      for (const platform of image.platforms)
        platform.manifestDigest = readBack.platforms.find(p => samePlatformText(p.platform, platform.platform))?.digest;
      image.pushed = {ref, digest: readBack.digest, verified: true};
      report.refs.push(`${ref}@${readBack.digest}`);
      report.pushed = true;
      reporter.info(`pushed ${ref}@${readBack.digest} (the tested digest, read back from the registry)`);
    });
  }
}

/**
 * A passed image stays as `imagegate.local/<name>:last-passed` (moving that tag is instant, where
 * deleting an image's content takes seconds); a failed one keeps its run tag, for a look inside.
 */
async function releaseLocalImages(
  docker: Docker,
  reporter: Reporter,
  images: ImageResult[],
  built: Map<string, BuiltImage>
): Promise<void> {
  for (const image of images) {
    const local = built.get(image.name);
    if (!local) continue;
    if (image.status === 'passed') {
      await docker.run(['tag', local.localRef, `${LOCAL_REGISTRY}/${image.name}:last-passed`]);
      await docker.run(['image', 'rm', local.localRef]);
    } else {
      const platform =
        image.platforms.find(p => p.tests.some(t => t.status !== 'passed'))?.platform ?? local.platforms[0];
      reporter.info(
        `${image.name}: kept ${local.localRef} to look inside: docker run --rm -it --platform ${platform} --entrypoint /bin/sh ${local.localRef}`
      );
    }
  }
}

interface ReadBack {
  digest: string;
  platforms: {platform: string; digest: string}[];
}

/** The manifest exactly as the registry serves it: its digest is the sha256 of these bytes. */
async function readManifest(docker: Docker, ref: string): Promise<ReadBack> {
  if (!parseReference(ref).ok) throw new InfrastructureError(`cannot read back ${ref}: not a reference`);
  const raw = await docker.output(['buildx', 'imagetools', 'inspect', '--raw', ref]);
  const digest = `sha256:${createHash('sha256').update(raw, 'utf8').digest('hex')}`;
  const doc = JSON.parse(raw) as {
    manifests?: {digest: string; platform?: {os: string; architecture: string; variant?: string}}[];
  };
  const platforms = (doc.manifests ?? [])
    .filter(m => m.platform && m.platform.os !== 'unknown')
    .map(m => ({
      platform: [m.platform!.os, m.platform!.architecture, m.platform!.variant].filter(Boolean).join('/'),
      digest: m.digest
    }));
  return {digest, platforms};
}
