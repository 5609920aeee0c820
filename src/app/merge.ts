// merge: after one gate job per platform, assemble each image's index from exactly the digests the
// platform jobs tested and recorded, push it under the staging tag (children are already there: zero
// layer bytes), read it back, then remove the per-platform staging tags. Refuses, publishing
// nothing, when a platform is missing or failed, or the registry holds other bytes than recorded.

import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {FailedError, UsageError} from '../core/errors.js';
import type {Plan} from '../core/plan.js';
import {samePlatformText} from '../oci/platform.js';
import {parseReference} from '../oci/reference.js';
import {
  assembleIndex,
  checkRecords,
  MergeRefused,
  parseRecord,
  platformSuffix,
  type PlatformManifests,
  type PlatformRecord
} from '../core/split.js';
import type {Log} from '../host/host.js';
import type {RegistryClient} from '../registry/client.js';
import type {Repository} from '../oci/reference.js';
import type {TransportStats} from '../registry/transport.js';
import {isAttestation} from '../oci/descriptor.js';
import {describeManifest, parseManifest, type ManifestBytes} from '../oci/manifest.js';
import {platformText} from '../oci/platform.js';
import {writeGateTags} from './gate-tags.js';
import {Untagger} from '../registry/untag.js';
import {Referrers} from '../registry/referrers.js';
import {readStagingRecord} from '../core/records.js';
import {recordStaging} from './gate.js';
import type {LoadedConfig} from './plan.js';

export interface MergeRequest {
  loaded: LoadedConfig;
  plan: Plan;
  /** The directory holding the platform jobs' records (absolute). */
  recordsDir: string;
}

export interface MergeServices {
  log: Log;
  registry: RegistryClient;
  stats: TransportStats;
}

export interface MergedImage {
  name: string;
  /** The merged index, now under the staging tag. */
  digest: string;
  ref: string;
  action: 'created' | 'moved' | 'unchanged';
  platforms: {platform: string; digest: string}[];
  /** Per-platform staging tags removed, and those a registry refused to remove. */
  cleanup: {removed: string[]; left: string[]};
}

export interface MergeReport {
  images: MergedImage[];
  refs: string[];
  warnings: string[];
  http: TransportStats;
  durationMs: number;
}

interface Located {
  record: PlatformRecord;
  repo: Repository;
  tag: string;
  /** The per-platform tag still exists (it points at the recorded digest). */
  tagged: boolean;
  manifests: PlatformManifests;
}

export async function runMerge(req: MergeRequest, {log, registry: client, stats}: MergeServices): Promise<MergeReport> {
  const started = Date.now();
  // merge writes the staging tag, as gate does: never on a run that may not write.
  if (!req.plan.trusted)
    throw new UsageError(`merge is refused: this run may not write to any registry (${req.plan.reason})`);
  const records = await readRecords(req.recordsDir);
  const report: MergeReport = {images: [], refs: [], warnings: [], http: stats, durationMs: 0};
  const unknown = records.filter(r => !req.loaded.config.images.some(i => i.name === r.image));
  if (unknown.length)
    throw new UsageError(
      `records for images the configuration does not have: ${[...new Set(unknown.map(r => r.image))].join(', ')}; merge runs with the configuration the platform jobs used`
    );
  // Check every image before writing anything: one refusal publishes nothing.
  const checked = req.loaded.config.images.map(image => {
    try {
      return {
        image,
        ...checkRecords({
          image: image.name,
          platforms: image.platforms,
          records: records.filter(r => r.image === image.name)
        })
      };
    } catch (e) {
      throw e instanceof MergeRefused ? new FailedError(e.message) : e;
    }
  });
  const located = [];
  for (const {image, records: ordered} of checked) {
    const staging = stagingOf(image.name, ordered, req.plan);
    located.push({name: image.name, staging, parts: await Promise.all(ordered.map(r => locate(client, r)))});
  }
  for (const {name, staging, parts} of located) {
    const merged = await publish(client, log, name, staging, parts, report);
    report.images.push(merged);
    report.refs.push(...(await writeGateTags(client, log, req.plan, name, staging.text, merged.digest)));
  }
  report.durationMs = Date.now() - started;
  return report;
}

async function readRecords(dir: string): Promise<PlatformRecord[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(n => n.endsWith('.json')).sort();
  } catch {
    throw new UsageError(
      `no records directory ${dir}: pass the records the \`gate --platform\` jobs wrote (CI artifacts) with --records DIR`
    );
  }
  if (names.length === 0)
    throw new UsageError(`${dir} holds no records: pass on the artifacts of the \`gate --platform\` jobs`);
  return Promise.all(names.map(async n => parseRecord(await readFile(join(dir, n), 'utf8'), join(dir, n))));
}

/** The staging reference the records name (their ref minus the platform suffix), checked against the configuration. */
function stagingOf(name: string, records: PlatformRecord[], plan: Plan): {repo: Repository; tag: string; text: string} {
  const texts = new Set(
    records.map(r => {
      const suffix = `-${platformSuffix(r.platform)}`;
      if (!r.ref!.endsWith(suffix))
        throw new FailedError(
          `merge refused for ${name}: the ${r.platform} record's ref ${r.ref} is not a per-platform staging tag`
        );
      return r.ref!.slice(0, -suffix.length);
    })
  );
  if (texts.size !== 1)
    throw new FailedError(
      `merge refused for ${name}: the records name different staging tags (${[...texts].join(', ')})`
    );
  const text = [...texts][0]!;
  const parsed = parseReference(text);
  if (!parsed.ok || !parsed.value.tag)
    throw new FailedError(`merge refused for ${name}: ${text} is not a tag reference`);
  const planned = plan.images.find(i => i.name === name)?.staging?.value;
  const repoOf = (ref: string): string => ref.slice(0, ref.lastIndexOf(':'));
  if (planned && repoOf(planned) !== repoOf(text))
    throw new FailedError(
      `merge refused for ${name}: the records staged in ${repoOf(text)}, but this configuration stages in ${repoOf(planned)}`
    );
  return {repo: {registry: parsed.value.registry, repository: parsed.value.repository}, tag: parsed.value.tag, text};
}

/** Reads what a record names and proves it is what the job tested, for the record's platform. */
async function locate(client: RegistryClient, record: PlatformRecord): Promise<Located> {
  const parsed = parseReference(record.ref!);
  if (!parsed.ok || !parsed.value.tag)
    throw new FailedError(`${record.image} ${record.platform}: bad ref ${record.ref}`);
  const repo = {registry: parsed.value.registry, repository: parsed.value.repository};
  const tag = parsed.value.tag;
  const what = `${record.image} ${record.platform}`;
  const now = (await client.headManifest(repo, tag))?.digest;
  if (now !== undefined && now !== record.digest)
    throw new FailedError(
      `merge refused for ${record.image}: ${record.ref} now points at ${now}, but the ${record.platform} job tested and recorded ${record.digest}; the staging tag was overwritten after the test. Re-run the ${record.platform} job.`
    );
  const manifest = await client.getManifest(repo, record.digest!);
  if (!manifest)
    throw new FailedError(
      `merge refused for ${record.image}: ${repo.registry}/${repo.repository}@${record.digest} (the tested ${record.platform} image) is not in the registry; re-run the ${record.platform} job`
    );
  return {
    record,
    repo,
    tag,
    tagged: now !== undefined,
    manifests: await entriesOf(client, repo, manifest, record, what)
  };
}

async function entriesOf(
  client: RegistryClient,
  repo: Repository,
  manifest: ManifestBytes,
  record: PlatformRecord,
  what: string
): Promise<PlatformManifests> {
  const parsed = parseManifest(manifest);
  if (parsed.kind === 'index') {
    const images = parsed.index.manifests.filter(m => !isAttestation(m));
    if (images.length !== 1 || !samePlatformText(platformText(images[0]!.platform), record.platform))
      throw new FailedError(
        `merge refused for ${what}: ${record.digest} holds ${images.map(m => platformText(m.platform)).join(', ') || 'no image'}, not exactly ${record.platform}`
      );
    return {platform: record.platform, entries: parsed.index.manifests};
  }
  // A lone image manifest carries its platform in its config.
  const config = parsed.manifest.config;
  const doc = (await client.getJsonBlob(repo, config)) as {
    os?: string;
    architecture?: string;
    variant?: string;
  };
  const platform = {
    os: doc.os ?? 'unknown',
    architecture: doc.architecture ?? 'unknown',
    ...(doc.variant ? {variant: doc.variant} : {})
  };
  if (!samePlatformText(platformText(platform), record.platform))
    throw new FailedError(
      `merge refused for ${what}: ${record.digest} is a ${platformText(platform)} image, not ${record.platform}`
    );
  return {
    platform: record.platform,
    entries: [{mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform}]
  };
}

async function publish(
  client: RegistryClient,
  log: Log,
  name: string,
  staging: {repo: Repository; tag: string; text: string},
  parts: Located[],
  report: MergeReport
): Promise<MergedImage> {
  for (const part of parts)
    if (part.repo.registry !== staging.repo.registry || part.repo.repository !== staging.repo.repository)
      throw new FailedError(
        `merge refused for ${name}: ${part.record.ref} is not in ${staging.repo.registry}/${staging.repo.repository}`
      );
  const index = assembleIndex(parts.map(p => p.manifests));
  const before = (await client.headManifest(staging.repo, staging.tag))?.digest;
  let action: MergedImage['action'] = 'unchanged';
  if (before !== index.digest) {
    await client.putManifest(staging.repo, staging.tag, index);
    const readBack = (await client.headManifest(staging.repo, staging.tag))?.digest;
    if (readBack !== index.digest)
      throw new FailedError(`${staging.text} reads back as ${readBack ?? '(absent)'}, not the merged ${index.digest}`);
    action = before ? 'moved' : 'created';
    report.refs.push(`${staging.text}@${index.digest}`);
    log.info(`${staging.text} → ${index.digest} (${parts.map(p => p.record.platform).join(' + ')}, as tested)`);
    await recordStaging(client, log, staging.text, describeManifest(index), {
      identity: parts[0]?.record.identity,
      commit: parts[0]?.record.sha
    });
  } else log.info(`${staging.text} already holds the merged ${index.digest}`);
  const untagger = new Untagger(client);
  const cleanup = {removed: [] as string[], left: [] as string[]};
  const referrers = new Referrers(client);
  for (const part of parts.filter(p => p.tagged)) {
    const result = await untagger.removeTag(part.repo, part.tag);
    if (result.removed) {
      cleanup.removed.push(part.record.ref!);
      // The platform's digest lives on in the index; the removed tag's staging record does not.
      await referrers
        .prune(part.repo, part.record.digest!, d => readStagingRecord(d)?.tag === part.tag, untagger)
        .catch((e: Error) => log.info(`the staging record of ${part.record.ref} stays: ${e.message}`));
    } else {
      cleanup.left.push(part.record.ref!);
      const warning = `${part.record.ref} was left in place: ${result.reason}`;
      report.warnings.push(warning);
      log.warning(warning);
    }
  }
  return {
    name,
    digest: index.digest,
    ref: staging.text,
    action,
    platforms: parts.map(p => ({platform: p.record.platform, digest: p.record.digest!})),
    cleanup
  };
}
