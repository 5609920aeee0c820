// check and gate: build every image once, test every platform of the exact build, and — for gate,
// only when every test of every image passed — push exactly those bytes to staging and prove it
// by reading the digest back from the registry.

import {randomBytes} from 'node:crypto';
import {mkdir, writeFile} from 'node:fs/promises';
import {join, relative, resolve} from 'node:path';
import type {BuiltImage} from '../core/builder.js';
import type {ImageConfig} from '../core/config/types.js';
import type {DockerfileFinding} from '../core/dockerfile-checks.js';
import type {Engine} from '../core/engine.js';
import {InfrastructureError, UsageError} from '../core/errors.js';
import {renderJUnit} from '../core/junit.js';
import {repositoryLabels} from '../core/repository-facts.js';
import {Limiter} from '../core/limiter.js';
import {buildOrder, type Plan} from '../core/plan.js';
import type {ImageResult, RunReport} from '../core/results.js';
import {
  narrowToPlatform,
  platformStagingRef,
  RECORD_KIND,
  RECORD_VERSION,
  recordFileName,
  type PlatformRecord
} from '../core/split.js';
import {isAttestation, type Descriptor} from '../oci/descriptor.js';
import {describeManifest, parseManifest} from '../oci/manifest.js';
import {fallbackTag} from '../oci/referrers.js';
import {readStagingRecord, stagingRecordManifest} from '../core/records.js';
import {Referrers} from '../registry/referrers.js';
import {platformText, samePlatformText} from '../oci/platform.js';
import {parseReference} from '../oci/reference.js';
import type {Log} from '../host/host.js';
import type {RunEnvironment} from '../host/environment.js';
import type {RegistryClient} from '../registry/client.js';
import {writeGateTags} from './gate-tags.js';
import type {LoadedConfig} from './plan.js';

export interface GateRequest {
  loaded: LoadedConfig;
  plan: Plan;
  scenario: 'check' | 'gate';
  parallel: number;
  junitFile?: string;
  /** Build and test only this platform, and push it under a per-platform staging tag (`merge` assembles the index). */
  platform?: string;
  /** Where a per-platform gate writes its records (absolute). */
  recordsDir: string;
}

export interface GateServices {
  log: Log;
  env: Pick<RunEnvironment, 'sourceUrl' | 'sourceDateEpoch' | 'workspace'>;
  engine: Engine;
  registry: RegistryClient;
}

export async function runGate(req: GateRequest, services: GateServices): Promise<RunReport> {
  const started = Date.now();
  const {log} = services;
  if (req.plan.refusal) throw new UsageError(req.plan.refusal);
  const split = req.platform ? narrowToPlatform(req.loaded.config.images, req.platform) : undefined;
  const configured = split?.images ?? req.loaded.config.images;
  if (split?.skipped.length)
    log.info(`--platform ${split.platform}: ${split.skipped.join(', ')} not built here (not listed for it)`);
  const staging = req.scenario === 'gate' ? stagingRefs(req.plan, split?.platform) : new Map<string, string>();
  const {images, built} = await buildAndTestAll(req, services, configured);
  const report: RunReport = {scenario: req.scenario, images, pushed: false, refs: [], durationMs: 0};
  // A report that cannot be written must not cost the run its push: warn and go on.
  if (req.junitFile)
    await writeFile(req.junitFile, renderJUnit(images)).catch((e: Error) =>
      log.warning(`could not write the JUnit report ${req.junitFile}: ${e.message}; check --junit`)
    );
  if (req.scenario === 'gate' && images.every(i => i.status === 'passed'))
    await pushTested(services, req.plan, images, built, staging, report);
  // The local images are released (tagged last-passed, or kept to look inside) while the
  // registry's tags and the records are written: neither touches the other. Its outcome is held
  // (never a rejection left waiting), and an error of the tags or records comes first.
  const released = releaseLocal(images, built, services).then(
    hints => ({hints, error: undefined}),
    (error: unknown) => ({hints: [], error})
  );
  try {
    if (req.scenario === 'gate') {
      if (!split && report.pushed)
        for (const image of images.filter(i => i.pushed))
          report.refs.push(
            ...(await writeGateTags(
              services.registry,
              log,
              req.plan,
              image.name,
              image.pushed!.ref,
              image.pushed!.digest
            ))
          );
      else if (!report.pushed) log.warning('nothing was pushed: not every test of every image passed');
      if (split) report.records = await writeRecords(req, log, split.platform, images);
    }
  } finally {
    for (const hint of (await released).hints) log.info(hint);
  }
  const {error} = await released;
  if (error) throw error;
  report.durationMs = Date.now() - started;
  return report;
}

/** Each built image's local tag released; the hints of the images kept to look inside. */
async function releaseLocal(
  images: ImageResult[],
  built: Map<string, BuiltImage>,
  {engine}: GateServices
): Promise<string[]> {
  const hints: string[] = [];
  for (const image of images) {
    const local = built.get(image.name);
    if (!local) continue;
    const failedOn = image.platforms.find(p => p.tests.some(t => t.status !== 'passed'))?.platform;
    const hint = await engine.release(local, image.status === 'passed', failedOn);
    if (hint) hints.push(`${image.name}: ${hint}`);
  }
  return hints;
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
async function writeRecords(req: GateRequest, log: Log, platform: string, images: ImageResult[]): Promise<string[]> {
  await mkdir(req.recordsDir, {recursive: true});
  const files: string[] = [];
  for (const image of images) {
    const planned = req.plan.images.find(i => i.name === image.name)!;
    const tests = image.platforms.flatMap(p => p.tests);
    const record: PlatformRecord = {
      kind: RECORD_KIND,
      version: RECORD_VERSION,
      image: image.name,
      platform,
      identity: planned.identity.value!.key,
      ...(req.plan.git.sha ? {sha: req.plan.git.sha.value} : {}),
      status: image.status === 'passed' && image.pushed ? 'passed' : 'failed',
      ...(image.pushed ? {ref: image.pushed.ref, digest: image.pushed.digest} : {}),
      tests: {
        passed: tests.filter(t => t.status === 'passed').length,
        failed: tests.filter(t => t.status !== 'passed').length
      }
    };
    const file = join(req.recordsDir, recordFileName(image.name, platform));
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    files.push(file);
    log.info(`${image.name}: record for merge written to ${file}`);
  }
  return files;
}

/** Builds in dependency order, independent images `parallel` at a time; a failed base skips its dependents. */
async function buildAndTestAll(
  req: GateRequest,
  services: GateServices,
  configured: ImageConfig[]
): Promise<{images: ImageResult[]; built: Map<string, BuiltImage>}> {
  const order = buildOrder(configured);
  const runId = randomBytes(6).toString('hex');
  const oci = ociMetadata(req.plan, services.env);
  const slots = new Limiter(Math.max(1, req.parallel));
  const done = new Map<string, Promise<{result: ImageResult; built?: BuiltImage}>>();
  for (const image of order) {
    const base = image.dependsOn !== undefined ? done.get(image.dependsOn) : undefined;
    const contextImages = Object.entries(image.build?.contexts ?? {}).flatMap(([n, c]) =>
      'image' in c ? [[n, c.image] as const] : []
    );
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
        const contexts: Record<string, BuiltImage> = {};
        for (const [name, other] of contextImages) {
          const outcome = await done.get(other);
          if (!outcome?.built || outcome.result.status !== 'passed')
            return {
              result: {
                name: image.name,
                status: 'skipped' as const,
                reason: `its build context ${name} (image ${other}) did not pass`,
                platforms: []
              }
            };
          contexts[name] = outcome.built;
        }
        const labels = {...oci, ...repositoryLabels(image.name, req.plan.repository ?? {}, req.plan.git)};
        return slots.run(() => buildAndTest(req, services, image, runId, labels, baseOutcome?.built, contexts));
      })()
    );
  }
  const outcomes = await Promise.all(order.map(i => done.get(i.name)!));
  const built = new Map(outcomes.flatMap(o => (o.built ? [[o.built.name, o.built] as const] : [])));
  return {images: outcomes.map(o => o.result), built};
}

async function buildAndTest(
  req: GateRequest,
  {log, engine, env}: GateServices,
  image: ImageConfig,
  runId: string,
  oci: Record<string, string>,
  base: BuiltImage | undefined,
  contexts: Record<string, BuiltImage>
): Promise<{result: ImageResult; built?: BuiltImage}> {
  const baseConfig = base ? req.loaded.config.images.find(i => i.name === base.name) : undefined;
  const outcome = await log.group(`build ${image.name} (${image.platforms.join(', ')})`, () =>
    engine.build({
      image,
      baseDir: req.loaded.dir,
      oci,
      runId,
      ...(base && baseConfig ? {base: {repository: baseConfig.repository, built: base}} : {}),
      ...(Object.keys(contexts).length ? {contexts} : {}),
      ...(req.platform ? {split: req.platform} : {})
    })
  );
  const checks = outcome.checks ? reportChecks(log, image, req.loaded.dir, outcome.checks, env.workspace) : {};
  if (!outcome.ok) {
    log.error(`${image.name}: ${outcome.reason}`);
    return {result: {name: image.name, status: 'build-failed', reason: outcome.reason, platforms: [], ...checks}};
  }
  const built = outcome.image;
  const platforms = await engine.test(image, built, req.loaded.dir);
  const failed = platforms.flatMap(p =>
    p.tests.filter(t => t.status !== 'passed').map(t => `${t.name} on ${p.platform} (${t.error ?? t.status})`)
  );
  const result: ImageResult = {
    name: image.name,
    status: failed.length ? 'failed' : 'passed',
    digest: built.digest,
    platforms,
    buildMs: built.buildMs,
    ...checks
  };
  if (failed.length) result.reason = `failed: ${failed.join('; ')}`;
  return {result, built};
}

/** Each Dockerfile finding as a warning at its line (an annotation on GitHub), kept in the result. */
function reportChecks(
  log: Log,
  image: ImageConfig,
  dir: string,
  findings: DockerfileFinding[],
  workspace: string | undefined
): {checks: DockerfileFinding[]} {
  const dockerfile = resolve(dir, image.context, image.containerfile);
  const file = workspace ? relative(workspace, dockerfile) : dockerfile;
  if (!findings.length) log.info(`${image.name}: the Dockerfile checks found nothing`);
  for (const finding of findings)
    log.warning(
      `${image.name}: ${finding.message}${finding.url ? ` (${finding.url})` : ''}`,
      finding.line ? {file, line: finding.line} : {file}
    );
  return {checks: findings};
}

function ociMetadata(plan: Plan, env: GateServices['env']): Record<string, string> {
  const oci: Record<string, string> = {};
  if (env.sourceUrl) oci['org.opencontainers.image.source'] = env.sourceUrl;
  if (plan.git.sha) oci['org.opencontainers.image.revision'] = plan.git.sha.value;
  const epoch = env.sourceDateEpoch;
  if (epoch && /^\d+$/.test(epoch))
    oci['org.opencontainers.image.created'] = new Date(Number(epoch) * 1000).toISOString();
  return oci;
}

async function pushTested(
  {log, engine, registry}: GateServices,
  plan: Plan,
  images: ImageResult[],
  built: Map<string, BuiltImage>,
  staging: Map<string, string>,
  report: RunReport
): Promise<void> {
  for (const image of images) {
    const ref = staging.get(image.name)!;
    await log.group(`push ${image.name} → ${ref}`, async () => {
      try {
        await engine.push(built.get(image.name)!, ref);
      } catch (e) {
        const pushedSoFar = report.refs.length ? ` Already pushed: ${report.refs.join(', ')}.` : '';
        if (e instanceof InfrastructureError && pushedSoFar)
          throw new InfrastructureError(`${e.message}${pushedSoFar}`);
        throw e;
      }
      const readBack = await readBackManifest(registry, ref);
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
      log.info(`pushed ${ref}@${readBack.digest} (the tested digest, read back from the registry)`);
      await recordStaging(registry, log, ref, readBack.subject, {
        identity: plan.images.find(i => i.name === image.name)?.identity.value?.key,
        commit: plan.git.sha?.value
      });
    });
  }
}

/**
 * Records when `ref` was staged, as a staging record referring to the digest (the digest itself
 * never changes): cleanup judges the tag's age by it. A record that cannot be written costs the tag
 * its cleanup by age, never the gate: a warning.
 */
export async function recordStaging(
  registry: RegistryClient,
  log: Log,
  ref: string,
  subject: Descriptor,
  facts: {identity: string | undefined; commit: string | undefined}
): Promise<void> {
  const parsed = parseReference(ref);
  if (!parsed.ok || !parsed.value.tag) return;
  const {registry: host, repository, tag} = parsed.value;
  const record = stagingRecordManifest(subject, {
    tag,
    stagedAt: new Date(),
    ...(facts.identity ? {identity: facts.identity} : {}),
    ...(facts.commit ? {commit: facts.commit} : {})
  });
  try {
    const via = await new Referrers(registry).attach({registry: host, repository}, record, {
      replaces: d => readStagingRecord(d)?.tag === tag
    });
    log.info(
      `${ref}: staging record ${record.digest} (${via === 'api' ? 'listed by the referrers API' : `in ${fallbackTag(subject.digest)}`})`
    );
  } catch (e) {
    log.warning(
      `${ref}: could not write its staging record (${(e as Error).message}); \`imagegate cleanup\` will keep this tag until a record exists`
    );
  }
}

/** The manifest exactly as the registry serves it (the client checks that its bytes hash to its digest). */
async function readBackManifest(
  registry: RegistryClient,
  ref: string
): Promise<{digest: string; subject: Descriptor; platforms: {platform: string; digest: string}[]}> {
  const parsed = parseReference(ref);
  if (!parsed.ok || !parsed.value.tag) throw new InfrastructureError(`cannot read back ${ref}: not a tag reference`);
  const {registry: host, repository, tag} = parsed.value;
  const manifest = await registry.getManifest({registry: host, repository}, tag);
  if (!manifest)
    throw new InfrastructureError(`${ref} is not in the registry after the push; nothing is reported as pushed`);
  const doc = parseManifest(manifest);
  const platforms =
    doc.kind === 'index'
      ? doc.index.manifests
          .filter(m => m.platform && m.platform.os !== 'unknown' && !isAttestation(m))
          .map(m => ({platform: platformText(m.platform), digest: m.digest}))
      : [];
  return {digest: manifest.digest, subject: describeManifest(manifest), platforms};
}
