// promote and release: no build. For each image, find the staged digest for the merged source
// identity, make it exist in the final repository (retag, mount or copy), point the final tags at
// it (tags last, read back), then remove the staging tag without touching any other.

import {FailedError, UsageError} from '../core/errors.js';
import type {Plan} from '../core/plan.js';
import {parseReference} from '../oci/reference.js';
import type {Log} from '../host/host.js';
import {sameRepository, type Repository} from '../oci/reference.js';
import type {RegistryClient} from '../registry/client.js';
import {ImageCopier, type CopyStats} from '../registry/copy.js';
import {isLoopback, type TransportStats} from '../registry/transport.js';
import type {Signer} from '../io/cosign.js';
import {resolve} from 'node:path';
import type {ManifestBytes} from '../oci/manifest.js';
import {isTombstone, Untagger} from '../registry/untag.js';
import type {LoadedConfig} from './plan.js';

export interface PromotedTag {
  ref: string;
  before?: string;
  action: 'created' | 'moved' | 'unchanged';
}

export interface PromotedImage {
  name: string;
  digest: string;
  staging: string;
  tags: PromotedTag[];
  copy: CopyStats;
  cleanup?: {removed: boolean; reason?: string};
  /** The cosign signature of the promoted digest (`sha256-<hex>.sig` in the final repository). */
  signed?: {ref: string; signature: string; created: boolean};
}

export interface PromoteReport {
  scenario: 'promote' | 'release';
  images: PromotedImage[];
  /** Final references written, `repo:tag@digest`. */
  refs: string[];
  warnings: string[];
  http: TransportStats;
  durationMs: number;
}

export interface PromoteRequest {
  loaded: LoadedConfig;
  plan: Plan;
  scenario: 'promote' | 'release';
  /** Runs the gate for every image (`on-missing: build`). */
  gate?: () => Promise<void>;
}

export interface PromoteServices {
  log: Log;
  registry: RegistryClient;
  stats: TransportStats;
  signer: Signer;
  /** An OIDC identity is there for keyless signing. */
  oidc: boolean;
}

interface Target {
  name: string;
  staging: Repository & {reference: string; text: string};
  final: Repository;
  /** More final repositories (`mirrors`): the same digest and tags, after the final repository. */
  mirrors: Repository[];
  tags: string[];
  /** Commit-specific final tags (`{{sha}}`…) that also hold this source's digest once promoted. */
  promoted: string[];
  /** False when the digest was found under a final tag (an earlier run promoted it): nothing to clean up. */
  fromStaging: boolean;
  /** The staged manifest's bytes, once read. */
  manifest?: ManifestBytes;
}

export async function runPromote(req: PromoteRequest, services: PromoteServices): Promise<PromoteReport> {
  const started = Date.now();
  if (req.plan.refusal) throw new UsageError(req.plan.refusal);
  const {registry: client, log} = services;
  const targets = targetsOf(req.plan);
  const report: PromoteReport = {
    scenario: req.scenario,
    images: [],
    refs: [],
    warnings: [],
    http: services.stats,
    durationMs: 0
  };
  try {
    let staged = await stagedDigests(client, targets);
    const missing = targets.filter(t => !staged.get(t.name));
    if (missing.length) {
      if (req.loaded.config.promote.onMissing !== 'build' || !req.gate) throw missingError(missing, req.plan);
      log.warning(
        `staging has no image for ${missing.map(m => m.name).join(', ')}; on-missing: build runs the gate first`
      );
      await req.gate();
      staged = await stagedDigests(client, targets);
      const still = targets.filter(t => !staged.get(t.name));
      if (still.length) throw missingError(still, req.plan);
    }
    // Where a copy runs first (another repository or registry), final tags are read before it, so
    // a tag moved by someone else while the copy ran is caught; a retag has no such window.
    const before = new Map<string, string | undefined>();
    for (const target of targets)
      for (const final of [target.final, ...target.mirrors].filter(f => !sameRepository(target.staging, f)))
        for (const tag of target.tags) before.set(tagKey(final, tag), (await client.headManifest(final, tag))?.digest);
    const untagger = new Untagger(client);
    for (const target of targets) {
      const digest = staged.get(target.name)!;
      report.images.push(...(await promoteToEach(services, untagger, req, target, digest, before, report)));
    }
  } finally {
    report.durationMs = Date.now() - started;
  }
  return report;
}

function targetsOf(plan: Plan): Target[] {
  return plan.images.map(image => {
    if (!image.staging)
      throw new UsageError(
        `${image.name}: no source identity to find its staged image (${image.identity.error ?? 'unknown'})`
      );
    const staging = repoOf(image.staging.value);
    const final = repoOf(image.repository.value);
    const tags = image.tags.filter(t => t.published && t.tag).map(t => t.tag!);
    const promoted = image.tags
      .filter(t => t.on.includes('promote') && t.tag && /\{\{\s*(short_)?sha\s*\}\}/.test(t.template))
      .map(t => t.tag!);
    return {
      name: image.name,
      staging: {...staging, reference: staging.reference!, text: image.staging.value},
      final,
      mirrors: (image.mirrors?.value ?? []).map(repoOf),
      tags,
      promoted,
      fromStaging: true
    };
  });
}

function repoOf(text: string): Repository & {reference?: string} {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new UsageError(`\`${text}\`: ${parsed.error}`);
  return {
    registry: parsed.value.registry,
    repository: parsed.value.repository,
    ...(parsed.value.tag ? {reference: parsed.value.tag} : {})
  };
}

/**
 * The digest staged for each image's source identity. After promotion removed the staging tag, a
 * release of the same commit finds it under the commit's own final tag (`{{sha}}`), if there is one.
 */
async function stagedDigests(client: RegistryClient, targets: Target[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const t of targets) {
    // GET, not HEAD: a staging tag an interrupted cleanup left on its tombstone counts as absent.
    const staged = await client.getManifest(t.staging, t.staging.reference);
    let digest = staged && !isTombstone(staged) ? staged.digest : undefined;
    if (digest) t.manifest = staged;
    for (const tag of t.promoted) {
      if (digest) break;
      const found = (await client.headManifest(t.final, tag))?.digest;
      if (found) {
        digest = found;
        t.staging = {...t.final, reference: tag, text: refText(t.final, tag)};
        t.fromStaging = false;
      }
    }
    out.set(t.name, digest);
  }
  return out;
}

function missingError(missing: Target[], plan: Plan): FailedError {
  const lines = missing.map(m => `  ${m.name}: ${m.staging.text} does not exist`);
  return new FailedError(
    `${plan.scenario.value} refused: staging has no tested image for the merged source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
      'The merged tree differs from every tree the gate tested (merge without a merge queue/train, or a rebase after the gate), or the change came from a fork and was never staged. ' +
      'Run the gate on this commit, or set `promote: {on-missing: build}` to build, test and stage it here.'
  );
}

/**
 * The image in its final repository, then in each mirror. A destination that fails is reported and
 * the others still run; the staging tag is removed only once every destination holds the image, so
 * a re-run finds it and completes what is missing (a tag already at the digest is left unchanged).
 * No destination's tag ever moves before its bytes are there (promoteOne copies, then tags).
 */
async function promoteToEach(
  services: PromoteServices,
  untagger: Untagger,
  req: PromoteRequest,
  target: Target,
  digest: string,
  before: Map<string, string | undefined>,
  report: PromoteReport
): Promise<PromotedImage[]> {
  const destinations = [target.final, ...target.mirrors];
  const done: PromotedImage[] = [];
  const failed: string[] = [];
  for (const [i, final] of destinations.entries()) {
    const cleanup = target.fromStaging && i === destinations.length - 1 && !failed.length;
    const one: Target = {...target, final, fromStaging: cleanup};
    const where = `${final.registry}/${final.repository}`;
    try {
      done.push(
        await services.log.group(`${req.scenario} ${target.name}: ${target.staging.text} → ${where}`, () =>
          promoteOne(services, untagger, req, one, digest, before, report)
        )
      );
    } catch (e) {
      if (destinations.length === 1 || !(e instanceof Error)) throw e;
      failed.push(`  ${where}: ${e.message}`);
      services.log.error(`${target.name}: ${where} failed: ${e.message}`);
    }
  }
  if (failed.length)
    throw new FailedError(
      `${req.scenario} of ${target.name} is incomplete: ${failed.length} of ${destinations.length} destinations failed:\n${failed.join('\n')}\n` +
        `Done: ${done.map(d => d.tags.map(t => t.ref).join(', ') || d.name).join('; ') || 'nothing'}. ${target.staging.text} is kept; re-run to complete the rest (what is done stays as it is).`
    );
  return done;
}

function tagKey(repo: Repository, tag: string): string {
  return `${repo.registry}/${repo.repository}:${tag}`;
}

async function promoteOne(
  services: PromoteServices,
  untagger: Untagger,
  req: PromoteRequest,
  target: Target,
  digest: string,
  before: Map<string, string | undefined>,
  report: PromoteReport
): Promise<PromotedImage> {
  const {registry: client, log} = services;
  const copier = new ImageCopier(client);
  const manifest = await copier.copy(target.staging, target.final, digest, target.manifest);
  if (!sameRepository(target.staging, target.final)) await copyReferrers(client, copier, target, digest);
  const tags: PromotedTag[] = [];
  for (const tag of target.tags) {
    const key = tagKey(target.final, tag);
    const now = (await client.headManifest(target.final, tag))?.digest;
    const was = before.has(key) ? before.get(key) : now;
    if (now === digest) {
      tags.push({ref: refText(target.final, tag), ...(was ? {before: was} : {}), action: 'unchanged'});
      continue;
    }
    if (now !== was) {
      throw new FailedError(
        `${req.scenario} refused: ${refText(target.final, tag)} moved from ${was ?? '(absent)'} to ${now ?? '(absent)'} while this promotion ran; another pipeline is publishing it. Re-run when it is done.`
      );
    }
    await client.putManifest(target.final, tag, manifest);
    const readBack = (await client.headManifest(target.final, tag))?.digest;
    if (readBack !== digest)
      throw new FailedError(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
    tags.push({ref: refText(target.final, tag), ...(was ? {before: was} : {}), action: was ? 'moved' : 'created'});
    report.refs.push(`${refText(target.final, tag)}@${digest}`);
    log.info(`${refText(target.final, tag)} → ${digest}${was ? ` (was ${was})` : ''}`);
  }
  const promoted: PromotedImage = {name: target.name, digest, staging: target.staging.text, tags, copy: copier.stats};
  const sign = req.loaded.config.promote.sign;
  if (sign) promoted.signed = await signOnce(services, req, target.final, digest, sign);
  if (req.loaded.config.promote.cleanup && req.scenario === 'promote' && target.fromStaging) {
    const result = await untagger.removeTag(target.staging, target.staging.reference);
    promoted.cleanup = result.removed ? {removed: true} : {removed: false, reason: result.reason};
    if (!result.removed) {
      const warning = `${target.staging.text} was left in place: ${result.reason}`;
      report.warnings.push(warning);
      log.warning(warning);
    }
  }
  return promoted;
}

/** cosign signatures and attestations stored as `sha256-<hex>.sig|.att|.sbom` tags travel with the image. */
async function copyReferrers(
  client: RegistryClient,
  copier: ImageCopier,
  target: Target,
  digest: string
): Promise<void> {
  const prefix = digest.replace(':', '-');
  const tags = (await client.listTags(target.staging)).filter(t => t === prefix || t.startsWith(`${prefix}.`));
  for (const tag of tags) {
    const head = await client.headManifest(target.staging, tag);
    if (!head) continue;
    const manifest = await copier.copy(target.staging, target.final, head.digest);
    await client.putManifest(target.final, tag, manifest);
  }
}

/** Signs the promoted digest unless its signature is already there (a re-run). */
async function signOnce(
  {registry: client, log, signer, oidc}: PromoteServices,
  req: PromoteRequest,
  final: Repository,
  digest: string,
  sign: NonNullable<LoadedConfig['config']['promote']['sign']>
): Promise<{ref: string; signature: string; created: boolean}> {
  const ref = `${final.registry}/${final.repository}@${digest}`;
  const signature = `${digest.replace(':', '-')}.sig`;
  if (await client.headManifest(final, signature)) return {ref, signature, created: false};
  if (sign.key === undefined && !oidc) {
    throw new UsageError(
      '`promote.sign: cosign` without `cosign-key` signs keyless, which needs an OIDC identity (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN); set `promote.cosign-key`'
    );
  }
  const key = sign.key === undefined || sign.key.startsWith('env://') ? sign.key : resolve(req.loaded.dir, sign.key);
  await log.group(`sign ${ref}`, () =>
    signer.sign(
      {ref, ...(key !== undefined ? {key} : {}), tlog: sign.tlog, insecure: isLoopback(final.registry)},
      final.registry
    )
  );
  return {ref, signature, created: true};
}

function refText(repo: Repository, tag: string): string {
  return `${repo.registry}/${repo.repository}:${tag}`;
}
