// cleanup: remove stale staging tags — judged by when imagegate staged them (their staging
// records), never by the image's own `created`, which reproducible builds and buildpacks set to
// 1970 or 1980 — with the per-platform tags of split builds and the referrers (signatures,
// attestations, records) of digests no other tag holds. Nothing else.

import {UsageError} from '../core/errors.js';
import {readStagingRecord, STAGING_RECORD_TYPE} from '../core/records.js';
import {isAttestation} from '../oci/descriptor.js';
import {parseManifest, type ManifestBytes} from '../oci/manifest.js';
import {parseReference, type Repository} from '../oci/reference.js';
import {referrerTagsOf, subjectOfReferrerTag} from '../oci/referrers.js';
import type {Log} from '../host/host.js';
import type {RegistryClient} from '../registry/client.js';
import {Referrers} from '../registry/referrers.js';
import {isTombstone, Untagger} from '../registry/untag.js';
import type {LoadedConfig} from './plan.js';
import type {Unrecorded} from './request.js';

export interface CleanupReport {
  /** Staging tags removed. */
  removed: string[];
  /** Staging tags kept, and why (staged recently, no staging record…). */
  kept: {ref: string; reason: string}[];
  /** Referrers of removed digests that no other tag holds: fallback indexes, cosign tags, referrer manifests. */
  referrers: string[];
  /** What a registry refused to remove, with the registry's own way to do it. */
  leftovers: {ref: string; reason: string}[];
}

export interface CleanupOptions {
  olderThanMs: number;
  /** A staging tag without a staging record: kept (default), or judged by its image's `created`. */
  unrecorded?: Unrecorded;
  /** The clock (tests). */
  now?: () => number;
}

/** The last moment a reproducible build stamps: SOURCE_DATE_EPOCH=0, 1980-01-01 (zip, buildpacks' 1980-01-01T00:00:01Z). */
const FIXED_TIMES_UNTIL = Date.parse('1980-01-02T00:00:00Z');

export async function cleanupStale(
  loaded: LoadedConfig,
  opts: CleanupOptions,
  {log, registry: client}: {log: Log; registry: RegistryClient}
): Promise<CleanupReport> {
  const {config} = loaded;
  const untagger = new Untagger(client);
  const referrers = new Referrers(client);
  const report: CleanupReport = {removed: [], kept: [], referrers: [], leftovers: []};
  const now = (opts.now ?? Date.now)();
  const seen = new Set<string>();
  for (const image of config.images) {
    const {repo, pattern} = stagingNamespace(loaded, image.name, image.repository);
    const key = `${repo.registry}/${repo.repository}`;
    if (seen.has(key)) continue; // one staging repository holds several images' tags only once
    seen.add(key);
    const tags = await client.listTags(repo);
    const removed: {tag: string; manifest: ManifestBytes}[] = [];
    for (const tag of tags.filter(t => pattern.test(t))) {
      const ref = `${repo.registry}/${repo.repository}:${tag}`;
      const manifest = await client.getManifest(repo, tag);
      if (!manifest) continue;
      const verdict = isTombstone(manifest)
        ? {remove: true, why: 'the tombstone of an interrupted cleanup'}
        : await judge(client, referrers, repo, tag, manifest, now, opts);
      if (!verdict.remove) {
        report.kept.push({ref, reason: verdict.why});
        continue;
      }
      const result = await untagger.removeTag(repo, tag, manifest);
      if (result.removed) {
        report.removed.push(ref);
        removed.push({tag, manifest});
      } else report.leftovers.push({ref, reason: result.reason});
      log.info(result.removed ? `removed ${ref} (${verdict.why})` : `left ${ref}: ${result.reason}`);
    }
    if (removed.length) await pruneReferrers(client, referrers, untagger, log, repo, tags, removed, report);
  }
  return report;
}

async function judge(
  client: RegistryClient,
  referrers: Referrers,
  repo: Repository,
  tag: string,
  manifest: ManifestBytes,
  now: number,
  opts: CleanupOptions
): Promise<{remove: boolean; why: string}> {
  const records = (await referrers.list(repo, manifest.digest, {artifactType: STAGING_RECORD_TYPE})).manifests
    .map(d => readStagingRecord(d))
    .filter(r => r?.tag === tag);
  const staged = Math.max(...records.map(r => r!.stagedAt.getTime()));
  const limit = formatAge(opts.olderThanMs);
  if (records.length) {
    const at = new Date(staged).toISOString();
    return now - staged < opts.olderThanMs
      ? {remove: false, why: `staged ${at}, less than ${limit} ago`}
      : {remove: true, why: `staged ${at}, more than ${limit} ago`};
  }
  if (opts.unrecorded !== 'created')
    return {
      remove: false,
      why: 'no staging record (staged by an imagegate before staging records, or its record could not be written); `--unrecorded created` judges such tags by their image’s created time'
    };
  const created = await createdAt(client, repo, tag);
  if (created === undefined) return {remove: false, why: 'no staging record, and its image has no created time'};
  const at = new Date(created).toISOString();
  if (created < FIXED_TIMES_UNTIL)
    return {
      remove: false,
      why: `no staging record, and its image's created time (${at}) is a reproducible build's fixed time, not when it was built`
    };
  return now - created < opts.olderThanMs
    ? {remove: false, why: `no staging record; its image was created ${at}, less than ${limit} ago`}
    : {remove: true, why: `no staging record; its image was created ${at}, more than ${limit} ago`};
}

/**
 * Removes what refers only to removed staging digests: the fallback index and cosign 2 tags of each
 * removed digest (and of the manifests it lists) that no remaining tag holds, and through the
 * referrers API, the referrer manifests. A digest still held (promoted in the same repository, or
 * staged under another tag) keeps its referrers; only the removed tag's staging record goes.
 */
async function pruneReferrers(
  client: RegistryClient,
  referrers: Referrers,
  untagger: Untagger,
  log: Log,
  repo: Repository,
  tags: string[],
  removed: {tag: string; manifest: ManifestBytes}[],
  report: CleanupReport
): Promise<void> {
  const gone = new Set(removed.map(r => r.tag));
  const live = await liveDigests(
    client,
    repo,
    tags.filter(t => !gone.has(t) && !subjectOfReferrerTag(t))
  );
  const tagSet = new Set(tags);
  const at = (tag: string): string => `${repo.registry}/${repo.repository}:${tag}`;
  for (const {tag, manifest} of removed) {
    if (isTombstone(manifest)) continue;
    if (live.has(manifest.digest)) {
      await referrers
        .prune(repo, manifest.digest, d => readStagingRecord(d)?.tag === tag, untagger)
        .catch((e: Error) => log.info(`the staging record of ${at(tag)} stays: ${e.message}`));
      continue;
    }
    const parsed = parseManifest(manifest);
    const digests = [
      manifest.digest,
      ...(parsed.kind === 'index' ? parsed.index.manifests.map(m => m.digest).filter(d => !live.has(d)) : [])
    ];
    for (const digest of digests) {
      if (await referrers.hasApi(repo, digest)) {
        for (const d of (await referrers.list(repo, digest)).manifests) {
          const res = await client.deleteManifest(repo, d.digest);
          if (res.status === 202 || res.status === 200 || res.status === 404)
            report.referrers.push(`${repo.registry}/${repo.repository}@${d.digest}`);
        }
      }
      for (const referrerTag of referrerTagsOf(digest).filter(t => tagSet.has(t))) {
        const result = await untagger.removeTag(repo, referrerTag);
        if (result.removed) report.referrers.push(at(referrerTag));
        else report.leftovers.push({ref: at(referrerTag), reason: result.reason});
      }
    }
  }
}

/** The digests the given tags hold, with every manifest their indexes list. */
async function liveDigests(client: RegistryClient, repo: Repository, tags: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (const tag of tags) {
    const m = await client.getManifest(repo, tag);
    if (!m || isTombstone(m)) continue;
    live.add(m.digest);
    const parsed = parseManifest(m);
    if (parsed.kind === 'index') for (const child of parsed.index.manifests) live.add(child.digest);
  }
  return live;
}

/**
 * The staging repository of an image and its staging tags: `<prefix><identity>`, and the
 * per-platform tags of split builds, `<prefix><identity>-linux-arm64[-v8]`.
 */
function stagingNamespace(loaded: LoadedConfig, name: string, repository: string): {repo: Repository; pattern: RegExp} {
  const staging = loaded.config.staging;
  const text = staging.kind === 'registry' ? `${staging.registry}/${name}` : repository;
  const parsed = parseReference(text);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const prefix = staging.kind === 'tag-prefix' ? staging.tagPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
  return {
    repo: {registry: parsed.value.registry, repository: parsed.value.repository},
    pattern: new RegExp(`^${prefix}[0-9a-f]{32}(?:-(?:linux|windows|freebsd)-[a-z0-9]+(?:-v[0-9]+)?)?$`)
  };
}

/** When an image was built, by its own account: its config's `created`, read from the first platform image. */
async function createdAt(client: RegistryClient, repo: Repository, tag: string): Promise<number | undefined> {
  const top = await client.getManifest(repo, tag);
  if (!top) return undefined;
  let doc = parseManifest(top);
  if (doc.kind === 'index') {
    const first = doc.index.manifests.find(m => !isAttestation(m));
    const child = first && (await client.getManifest(repo, first.digest));
    if (!child) return undefined;
    doc = parseManifest(child);
  }
  if (doc.kind !== 'image') return undefined;
  const created = (await client.getJsonBlob(repo, doc.manifest.config)).created;
  const time = typeof created === 'string' ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? undefined : time;
}

function formatAge(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}
