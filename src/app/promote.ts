// promote and release: no build. For each image, find the staged digest for the merged source
// identity (the staging tag, else the promotion marker an earlier promote left), make it exist in
// the final repository (retag, mount or copy) with every referrer of every manifest of it, point
// the final tags at it (tags last, read back), mark which source it was promoted from, sign it
// once, then remove the staging tag without touching any other.

import {FailedError, InfrastructureError, UsageError} from '../core/errors.js';
import {
  PROMOTION_MARKER_TYPE,
  PROMOTION_TAG_PREFIX,
  STAGING_RECORD_TYPE,
  promotionManifest,
  promotionTag,
  readPromotionMarker,
  readStagingRecord
} from '../core/records.js';
import type {Plan} from '../core/plan.js';
import {parseReference} from '../oci/reference.js';
import type {Log} from '../host/host.js';
import {runOrdered} from '../host/ordered-log.js';
import {Limiter} from '../core/limiter.js';
import {sameRepository, type Repository} from '../oci/reference.js';
import type {RegistryClient} from '../registry/client.js';
import {ImageCopier, type CopyStats} from '../registry/copy.js';
import {isLoopback, type TransportStats} from '../registry/transport.js';
import type {Signer} from '../io/cosign.js';
import {resolve} from 'node:path';
import {describeManifest, parseManifest, type ManifestBytes} from '../oci/manifest.js';
import {
  COSIGN_SIGN_PREDICATE,
  legacyCosignTags,
  referrerDescriptor,
  SIGSTORE_BUNDLE,
  subjectOf
} from '../oci/referrers.js';
import {copyReferrers, Referrers} from '../registry/referrers.js';
import {isTombstone, Untagger} from '../registry/untag.js';
import type {LoadedConfig} from './plan.js';

export interface PromotedTag {
  ref: string;
  before?: string;
  /** `written`: a retag in the staging repository, written without reading what the tag held first (nothing can move in between that a read would catch). */
  action: 'created' | 'moved' | 'unchanged' | 'written';
}

export interface PromotedImage {
  name: string;
  digest: string;
  staging: string;
  tags: PromotedTag[];
  copy: CopyStats;
  cleanup?: {removed: boolean; reason?: string};
  /** Referrers (signatures, attestations, SBOMs…) copied with it from another repository. */
  referrers?: {manifests: number; tags: number};
  /** The promotion marker, `imagegate-promoted-<identity>` in the final repository. */
  marker?: {tag: string; digest: string; created: boolean};
  /** The cosign signature of the promoted digest. */
  signed?: SignedImage;
}

export interface SignedImage {
  ref: string;
  /** The cosign that signed (or would have): `3.1.1`, and its major version. */
  cosign: {version: string; major: number};
  /** cosign 2's `sha256-<hex>.sig` tag, or cosign 3's bundle referrer `sha256:…`. */
  signature: string;
  format: 'legacy' | 'bundle';
  created: boolean;
  /** `cosign verify` passed after signing (or on the signature found). */
  verified: boolean;
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
  /** The source identity's key. */
  identity: string;
  staging: Repository & {reference: string; text: string};
  final: Repository;
  /** More final repositories (`mirrors`): the same digest and tags, after the final repository. */
  mirrors: Repository[];
  tags: string[];
  /** Commit-specific final tags (`{{sha}}`…) that also hold this source's digest once promoted. */
  promoted: string[];
  /** False when the digest was found under a final tag (an earlier run promoted it): nothing to clean up. */
  fromStaging: boolean;
  /** The destination is the staging repository and the digest came from the staging tag: final tags are written without reading them first. */
  retag?: boolean;
  /** The staged manifest's bytes, once read. */
  manifest?: ManifestBytes;
}

/** Images promoted at once per final registry host (the transport bounds the requests on top); 8 measured faster than 4 for 16 images (docs/benchmarks.md). */
export const IMAGES_PER_HOST = 8;

export async function runPromote(req: PromoteRequest, services: PromoteServices): Promise<PromoteReport> {
  const started = Date.now();
  const limits = new Map<string, Limiter>();
  const perHost = <T>(host: string, task: () => Promise<T>): Promise<T> => {
    let limit = limits.get(host);
    if (!limit) limits.set(host, (limit = new Limiter(IMAGES_PER_HOST)));
    return limit.run(task);
  };
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
    let staged = await stagedDigests(client, targets, perHost);
    const missing = targets.filter(t => !staged.get(t.name));
    if (missing.length) {
      if (req.loaded.config.promote.onMissing !== 'build' || !req.gate)
        throw await missingError(client, missing, req.plan);
      log.warning(
        `staging has no image for ${missing.map(m => m.name).join(', ')}; on-missing: build runs the gate first`
      );
      await req.gate();
      staged = await stagedDigests(client, targets, perHost);
      const still = targets.filter(t => !staged.get(t.name));
      if (still.length) throw await missingError(client, still, req.plan);
    }
    // Where a copy runs first (another repository or registry), final tags are read before it, so
    // a tag moved by someone else while the copy ran is caught; a retag has no such window.
    const before = new Map<string, string | undefined>();
    const reads = targets.flatMap(target =>
      [target.final, ...target.mirrors]
        .filter(f => !sameRepository(target.staging, f))
        .flatMap(final => target.tags.map(tag => ({final, tag})))
    );
    await Promise.all(
      reads.map(({final, tag}) =>
        perHost(final.registry, async () => {
          before.set(tagKey(final, tag), (await client.headManifest(final, tag))?.digest);
        })
      )
    );
    const untagger = new Untagger(client);
    // Independent images at once, at most IMAGES_PER_HOST per final registry; each image's log is
    // printed whole, in the configuration's order. After a failure, images not started stay so.
    let failed = false;
    const parts = targets.map(() => ({refs: [] as string[], warnings: [] as string[]}));
    const outcomes = await runOrdered(
      services.log,
      targets.map((target, i) => async (log: Log) => {
        if (failed) return undefined;
        const digest = staged.get(target.name)!;
        const part = {...report, ...parts[i]!};
        try {
          return await promoteToEach({...services, log}, untagger, req, target, digest, before, part);
        } catch (e) {
          failed = true;
          throw e;
        }
      }),
      (i, task) => perHost(targets[i]!.final.registry, task)
    );
    for (const [i, outcome] of outcomes.entries()) {
      report.refs.push(...parts[i]!.refs);
      report.warnings.push(...parts[i]!.warnings);
      if (outcome.status === 'rejected') throw outcome.reason;
      if (outcome.value) report.images.push(...outcome.value);
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
      identity: image.identity.value!.key,
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
 * The digest staged for each image's source identity: under its staging tag; after promotion
 * removed that, the one its promotion marker names in the final repository
 * (`imagegate-promoted-<identity>`); for images promoted before markers existed, under the
 * commit's own final tag (`{{sha}}`), if there is one.
 */
async function stagedDigests(
  client: RegistryClient,
  targets: Target[],
  perHost: <T>(host: string, task: () => Promise<T>) => Promise<T>
): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  const found = await Promise.all(targets.map(t => perHost(t.staging.registry, () => stagedDigest(client, t))));
  for (const [i, t] of targets.entries()) out.set(t.name, found[i]);
  return out;
}

async function stagedDigest(client: RegistryClient, t: Target): Promise<string | undefined> {
  // GET, not HEAD: a staging tag an interrupted cleanup left on its tombstone counts as absent.
  const staged = await client.getManifest(t.staging, t.staging.reference);
  let digest = staged && !isTombstone(staged) ? staged.digest : undefined;
  if (digest) t.manifest = staged;
  if (!digest) {
    const marked = await markedDigest(client, t);
    if (marked) {
      digest = marked.digest;
      t.staging = {...t.final, reference: marked.digest, text: `${refText(t.final, marked.tag)} → ${marked.digest}`};
      t.fromStaging = false;
    }
  }
  for (const tag of t.promoted) {
    if (digest) break;
    const found = (await client.headManifest(t.final, tag))?.digest;
    if (found) {
      digest = found;
      t.staging = {...t.final, reference: tag, text: refText(t.final, tag)};
      t.fromStaging = false;
    }
  }
  return digest;
}

/** The digest the promotion marker of the target's identity names, when it is a marker of that identity and the digest exists. */
async function markedDigest(client: RegistryClient, t: Target): Promise<{digest: string; tag: string} | undefined> {
  const tag = promotionTag(t.identity);
  const m = await client.getManifest(t.final, tag);
  if (!m) return undefined;
  const marker = readPromotionMarker(referrerDescriptor(m));
  const subject = subjectOf(m);
  if (!marker || marker.identity !== t.identity || !subject) return undefined;
  return (await client.headManifest(t.final, subject.digest)) ? {digest: subject.digest, tag} : undefined;
}

/**
 * Why staging has nothing for these images. A release says which of three it is: the source was
 * never promoted (nothing under the image's promoted tags), the promoted tags hold bytes promoted
 * from another tree (their promotion marker names another identity), or they hold bytes without a
 * marker (promoted before imagegate wrote markers, or the marker was removed), so imagegate cannot
 * tell whose they are.
 */
async function missingError(client: RegistryClient, missing: Target[], plan: Plan): Promise<FailedError> {
  const scenario = plan.scenario.value;
  if (scenario !== 'release') {
    const lines = missing.map(m => `  ${m.name}: ${m.staging.text} does not exist`);
    return new FailedError(
      `${scenario} refused: staging has no tested image for the merged source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
        'The merged tree differs from every tree the gate tested (merge without a merge queue/train, or a rebase after the gate), or the change came from a fork and was never staged. ' +
        'Run the gate on this commit, or set `promote: {on-missing: build}` to build, test and stage it here.'
    );
  }
  const referrers = new Referrers(client);
  const lines: string[] = [];
  const tagged = new Map<string, Promise<PromotionMarkerOf[]>>();
  for (const m of missing) {
    const image = plan.images.find(i => i.name === m.name)!;
    const head = `  ${m.name}: the tagged commit's source (identity ${m.identity}) has no staging tag (${m.staging.text}) and no promotion marker (${refText(m.final, promotionTag(m.identity))})`;
    const held: string[] = [];
    for (const tag of [...new Set(image.tags.filter(t => t.on.includes('promote') && t.tag).map(t => t.tag!))]) {
      const digest = (await client.headManifest(m.final, tag))?.digest;
      if (!digest) continue;
      const key = `${m.final.registry}/${m.final.repository}`;
      if (!tagged.has(key)) tagged.set(key, markersByTag(client, m.final));
      const listed = (await referrers.list(m.final, digest, {artifactType: PROMOTION_MARKER_TYPE})).manifests
        .map(d => readPromotionMarker(d))
        .filter((x): x is NonNullable<typeof x> => x !== undefined);
      const markers = [
        ...listed,
        ...(await tagged.get(key)!)
          .filter(x => x.subject === digest && !listed.some(l => l.identity === x.marker.identity))
          .map(x => x.marker)
      ];
      held.push(
        markers.length
          ? `${refText(m.final, tag)} holds ${digest}, promoted from another tree: ${markers.map(x => `identity ${x.identity}${x.commit ? ` (commit ${x.commit.slice(0, 12)})` : ''} on ${x.promotedAt.toISOString()}`).join('; ')}`
          : `${refText(m.final, tag)} holds ${digest}, which has no promotion marker (promoted by an imagegate before markers, or its marker was removed): imagegate cannot tell whether it was built from this commit's source`
      );
    }
    lines.push(
      held.length
        ? `${head}; ${held.join('; ')}`
        : `${head}; nothing is published under its promoted tags: this source was never promoted`
    );
  }
  return new FailedError(
    `release refused: no promoted image for the tagged commit's source of ${missing.map(m => m.name).join(', ')}:\n${lines.join('\n')}\n` +
      'Release publishes the bytes promote published for exactly this source. Tag the commit that was promoted (the merge commit on the default branch), or promote this commit first.'
  );
}

type PromotionMarkerOf = {subject: string; marker: NonNullable<ReturnType<typeof readPromotionMarker>>};

/** At most this many promotion marker tags are read to say whose bytes a tag holds (a refusal's message). */
const MARKER_TAGS_READ = 200;

/**
 * The promotion markers a repository holds under `imagegate-promoted-*` tags, with their subjects:
 * on registries without the referrers API, markers are found by their tags, not in the subject's
 * fallback index (older markers are there too, and are listed from it).
 */
async function markersByTag(client: RegistryClient, repo: Repository): Promise<PromotionMarkerOf[]> {
  const tags = (await client.listTags(repo)).filter(t => t.startsWith(PROMOTION_TAG_PREFIX)).slice(-MARKER_TAGS_READ);
  const out: PromotionMarkerOf[] = [];
  for (const tag of tags) {
    const m = await client.getManifest(repo, tag);
    const marker = m && readPromotionMarker(referrerDescriptor(m));
    const subject = m && subjectOf(m)?.digest;
    if (marker && subject) out.push({subject, marker});
  }
  return out;
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
    const one: Target = {
      ...target,
      final,
      fromStaging: cleanup,
      retag: target.fromStaging && sameRepository(target.staging, final)
    };
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
  // A final tag that held the digest before this run says the destination has it, complete; else
  // the copy is made without asking first (a re-run after an interruption re-mounts what is there).
  const held = target.tags.some(tag => before.get(tagKey(target.final, tag)) === digest);
  const manifest = await copier.copy(target.staging, target.final, digest, target.manifest, {
    askTarget: held || !target.fromStaging
  });
  let referrers: PromotedImage['referrers'];
  if (!sameRepository(target.staging, target.final)) {
    // The staging records concern the staging tags, not the published image: they stay behind.
    const copied = await copyReferrers(
      client,
      new ImageCopier(client),
      target.staging,
      target.final,
      manifestsOf(manifest),
      {
        skip: d => d.artifactType === STAGING_RECORD_TYPE
      }
    );
    referrers = {manifests: copied.referrers, tags: copied.tags};
    for (const warning of copied.warnings) {
      report.warnings.push(warning);
      log.warning(warning);
    }
  }
  const tags: PromotedTag[] = [];
  for (const tag of target.tags) {
    const key = tagKey(target.final, tag);
    if (target.retag && !before.has(key)) {
      // A retag in the staging repository has no copy for another writer to race: a read first
      // would only name what the tag held (the PUT is the same whether it was absent, elsewhere or here).
      const confirmed = await client.putTag(target.final, tag, manifest);
      const readBack = confirmed ? digest : (await client.headManifest(target.final, tag))?.digest;
      if (readBack !== digest)
        throw new FailedError(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
      tags.push({ref: refText(target.final, tag), action: 'written'});
      report.refs.push(`${refText(target.final, tag)}@${digest}`);
      log.info(`${refText(target.final, tag)} → ${digest}`);
      continue;
    }
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
    // The registry's answer names the digest it stored under the tag: a read-back only where it does not.
    const confirmed = await client.putTag(target.final, tag, manifest);
    const readBack = confirmed ? digest : (await client.headManifest(target.final, tag))?.digest;
    if (readBack !== digest)
      throw new FailedError(`${refText(target.final, tag)} reads back as ${readBack ?? '(absent)'}, not ${digest}`);
    tags.push({ref: refText(target.final, tag), ...(was ? {before: was} : {}), action: was ? 'moved' : 'created'});
    report.refs.push(`${refText(target.final, tag)}@${digest}`);
    log.info(`${refText(target.final, tag)} → ${digest}${was ? ` (was ${was})` : ''}`);
  }
  const promoted: PromotedImage = {
    name: target.name,
    digest,
    staging: target.staging.text,
    tags,
    copy: copier.stats,
    ...(referrers ? {referrers} : {})
  };
  // The marker is written after the tags: where none of them held the digest before this run, no
  // earlier run finished here, so there is no marker of it to look for.
  const wasHeld = tags.some(t => t.before === digest);
  promoted.marker = await markPromotion(client, log, req, target, manifest, {
    lookFirst: wasHeld || !target.fromStaging
  });
  const sign = req.loaded.config.promote.sign;
  if (sign) promoted.signed = await signOnce(services, req, target.final, manifest, sign);
  if (req.loaded.config.promote.cleanup && req.scenario === 'promote' && target.fromStaging) {
    const result = await untagger.removeTag(target.staging, target.staging.reference, target.manifest);
    promoted.cleanup = result.removed ? {removed: true} : {removed: false, reason: result.reason};
    if (!result.removed) {
      const warning = `${target.staging.text} was left in place: ${result.reason}`;
      report.warnings.push(warning);
      log.warning(warning);
    } else {
      // Its staging record is stale now; what else refers to the digest stays.
      const tag = target.staging.reference;
      await new Referrers(client)
        .prune(target.staging, digest, d => readStagingRecord(d)?.tag === tag, untagger)
        .catch((e: Error) => log.info(`the staging record of ${target.staging.text} stays: ${e.message}`));
    }
  }
  return promoted;
}

/** The digests whose referrers travel with an image: the index (or image) and every manifest it lists. */
function manifestsOf(manifest: ManifestBytes): string[] {
  const parsed = parseManifest(manifest);
  return [manifest.digest, ...(parsed.kind === 'index' ? parsed.index.manifests.map(m => m.digest) : [])];
}

/**
 * Records which source was promoted to the digest: a promotion marker (a referrer of the digest, so
 * the digest's referrers name its source) tagged `imagegate-promoted-<identity>` (so release finds
 * the digest by identity). Idempotent: a marker of this identity on this digest is left alone; one
 * on another digest (the source was promoted again, rebuilt) is moved.
 */
async function markPromotion(
  client: RegistryClient,
  log: Log,
  req: PromoteRequest,
  target: Target,
  manifest: ManifestBytes,
  opts: {lookFirst: boolean}
): Promise<NonNullable<PromotedImage['marker']>> {
  const tag = promotionTag(target.identity);
  const existing = opts.lookFirst ? await client.getManifest(target.final, tag) : undefined;
  if (
    existing &&
    subjectOf(existing)?.digest === manifest.digest &&
    readPromotionMarker(referrerDescriptor(existing))?.identity === target.identity
  )
    return {tag: refText(target.final, tag), digest: existing.digest, created: false};
  const marker = promotionManifest(describeManifest(manifest), {
    identity: target.identity,
    image: target.name,
    from: target.staging.text,
    promotedAt: new Date(),
    ...(req.plan.git.sha ? {commit: req.plan.git.sha.value} : {})
  });
  // Found by its tag (release) and, where the registry has the referrers API, listed there; no
  // fallback index entry on registries without it (no shared index to read, write and read back).
  await new Referrers(client).attach(target.final, marker, {tag, fallback: false});
  log.info(
    `${refText(target.final, tag)} → ${marker.digest} (promotion marker of identity ${target.identity} for ${manifest.digest})`
  );
  return {tag: refText(target.final, tag), digest: marker.digest, created: true};
}

/**
 * Signs the promoted digest unless it is signed already: a cosign 2 `.sig` tag or a cosign 3 bundle
 * referrer (through the referrers API or the fallback index) — and, with a key pair, one that
 * verifies with this key (a signature by another key does not count). After signing, the signature
 * must verify.
 */
async function signOnce(
  {registry: client, log, signer, oidc}: PromoteServices,
  req: PromoteRequest,
  final: Repository,
  manifest: ManifestBytes,
  sign: NonNullable<LoadedConfig['config']['promote']['sign']>
): Promise<SignedImage> {
  const digest = manifest.digest;
  const ref = `${final.registry}/${final.repository}@${digest}`;
  if (sign.key === undefined && !oidc) {
    throw new UsageError(
      '`promote.sign: cosign` without `cosign-key` signs keyless, which needs an OIDC identity (GitHub `id-token: write`, or SIGSTORE_ID_TOKEN); set `promote.cosign-key`'
    );
  }
  const key = sign.key === undefined || sign.key.startsWith('env://') ? sign.key : resolve(req.loaded.dir, sign.key);
  const request = {ref, ...(key !== undefined ? {key} : {}), tlog: sign.tlog, insecure: isLoopback(final.registry)};
  const cosign = await signer.version();
  const about = {version: cosign.version, major: cosign.major};
  const found = await findSignatures(client, final, digest);
  if (found.length) {
    const check = key === undefined ? {ok: true as const} : await signer.verify(request, final.registry);
    if (check.ok) {
      log.info(`${ref} is signed already (${found.map(f => f.signature).join(', ')})`);
      return {ref, cosign: about, ...found[0]!, created: false, verified: key !== undefined};
    }
    log.info(`${ref} has signatures, none of which verifies with this key (${check.reason}); signing`);
  }
  await log.group(`sign ${ref} (cosign ${cosign.version}, major ${cosign.major}: ${cosign.basis})`, async () => {
    await signer.sign(request, final.registry);
    const check = await signer.verify(request, final.registry);
    if (!check.ok)
      throw new InfrastructureError(`cosign signed ${ref}, but the signature does not verify: ${check.reason}`);
  });
  const made = (await findSignatures(client, final, digest)).find(
    f => f.format === (cosign.major >= 3 ? 'bundle' : 'legacy')
  );
  const fallback = {
    signature: cosign.major >= 3 ? `a bundle referrer of ${digest}` : legacyCosignTags(digest)[0]!,
    format: cosign.major >= 3 ? ('bundle' as const) : ('legacy' as const)
  };
  return {ref, cosign: about, ...(made ?? fallback), created: true, verified: true};
}

/** cosign signatures of `digest` in `repo`, both formats: the `.sig` tag, and bundle referrers that sign (not attest). */
async function findSignatures(
  client: RegistryClient,
  repo: Repository,
  digest: string
): Promise<{signature: string; format: 'legacy' | 'bundle'}[]> {
  const out: {signature: string; format: 'legacy' | 'bundle'}[] = [];
  const sig = legacyCosignTags(digest)[0]!;
  if (await client.headManifest(repo, sig)) out.push({signature: sig, format: 'legacy'});
  const listed = await new Referrers(client).list(repo, digest);
  for (const d of listed.manifests)
    if (
      SIGSTORE_BUNDLE.test(d.artifactType ?? '') &&
      (d.annotations?.['dev.sigstore.bundle.predicateType'] ?? COSIGN_SIGN_PREDICATE) === COSIGN_SIGN_PREDICATE
    )
      out.push({signature: d.digest, format: 'bundle'});
  return out;
}

function refText(repo: Repository, tag: string): string {
  return `${repo.registry}/${repo.repository}:${tag}`;
}
