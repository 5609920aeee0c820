// Scale-out: one gate job per platform, then `merge`. Pure parts: narrowing a configuration to one
// platform, the per-platform staging tag, the record a platform job leaves for merge, checking the
// records, and assembling the index from exactly the recorded tested manifests.

import type {ImageConfig} from './config/types.js';
import {UsageError} from './errors.js';
import type {Descriptor} from '../oci/descriptor.js';
import {buildIndex, DuplicateManifest} from '../oci/image-index.js';
import type {ManifestBytes} from '../oci/manifest.js';
import {parsePlatform, samePlatformText} from '../oci/platform.js';

export const RECORD_KIND = 'imagegate/platform-record';
export const RECORD_VERSION = 1;
/** Where platform jobs write their records and merge reads them, unless told otherwise. */
export const DEFAULT_RECORDS_DIR = 'imagegate-records';

/** What a per-platform gate job proves and leaves for merge (a file, passed on as a CI artifact). */
export interface PlatformRecord {
  kind: typeof RECORD_KIND;
  version: typeof RECORD_VERSION;
  image: string;
  platform: string;
  /** The source identity (staging key) of the image; every platform job of one merge must agree. */
  identity: string;
  /** The commit the job ran on. */
  sha?: string;
  status: 'passed' | 'failed';
  /** `host/repo:staging-KEY-linux-arm64`: where the tested bytes were pushed (absent when not pushed). */
  ref?: string;
  /** The tested digest, as read back from the registry: the platform's image, or its index with attestations. */
  digest?: string;
  tests: {passed: number; failed: number};
}

/** The tag suffix of a platform: `linux/arm64/v8` → `linux-arm64-v8`. */
export function platformSuffix(platform: string): string {
  return platform.replace(/\//g, '-');
}

/** The staging reference a platform job pushes to: the image's staging tag plus its platform. */
export function platformStagingRef(stagingRef: string, platform: string): string {
  return `${stagingRef}-${platformSuffix(platform)}`;
}

export function recordFileName(image: string, platform: string): string {
  return `${image}-${platformSuffix(platform)}.json`;
}

/**
 * The images a job for `platform` builds, each narrowed to that platform. An image that does not
 * list the platform is left out (its other jobs cover it); a dependency must list it too.
 */
export function narrowToPlatform(
  images: ImageConfig[],
  platformText: string
): {images: ImageConfig[]; skipped: string[]; platform: string} {
  const parsed = parsePlatform(platformText);
  if (!parsed.ok) throw new UsageError(`--platform ${platformText}: ${parsed.error}; e.g. \`--platform linux/arm64\``);
  const same = (p: string): boolean => samePlatformText(p, platformText);
  const kept = images.filter(i => i.platforms.some(same));
  // The image's own spelling, so tags and records match what the configuration lists.
  const platform = kept[0]?.platforms.find(same) ?? platformText;
  if (kept.length === 0) {
    const listed = [...new Set(images.flatMap(i => i.platforms))].join(', ');
    throw new UsageError(`--platform ${platform}: no image lists it; the configuration builds ${listed}`);
  }
  const names = new Set(kept.map(i => i.name));
  for (const image of kept) {
    if (image.dependsOn !== undefined && !names.has(image.dependsOn))
      throw new UsageError(
        `--platform ${platform}: image ${image.name} depends on ${image.dependsOn}, which is not built for ${platform}; add ${platform} to ${image.dependsOn}'s platforms`
      );
  }
  return {
    platform,
    images: kept.map(i => ({...i, platforms: [i.platforms.find(same)!]})),
    skipped: images.filter(i => !names.has(i.name)).map(i => i.name)
  };
}

/** A record read from a file: every field checked, so a broken artifact is named instead of half-used. */
export function parseRecord(text: string, file: string): PlatformRecord {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${file}: not JSON (${(e as Error).message}); it should be a record written by \`imagegate gate --platform\``
    );
  }
  const r = doc as Partial<PlatformRecord> | null;
  const bad = (what: string): never => {
    throw new UsageError(`${file}: ${what}; it should be a record written by \`imagegate gate --platform\``);
  };
  if (!r || typeof r !== 'object') return bad('not an object');
  if (r.kind !== RECORD_KIND) return bad(`kind is ${JSON.stringify(r.kind)}, not ${RECORD_KIND}`);
  if (r.version !== RECORD_VERSION) return bad(`version ${String(r.version)} is not ${RECORD_VERSION}`);
  for (const key of ['image', 'platform', 'identity'] as const)
    if (typeof r[key] !== 'string' || r[key] === '') bad(`\`${key}\` is missing`);
  if (r.status !== 'passed' && r.status !== 'failed') bad(`\`status\` is ${JSON.stringify(r.status)}`);
  if (r.status === 'passed') {
    if (typeof r.ref !== 'string') bad('a passed record has no `ref`');
    if (typeof r.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(r.digest))
      bad('a passed record has no sha256 `digest`');
  }
  return r as PlatformRecord;
}

export interface MergeInput {
  image: string;
  platforms: string[];
  records: PlatformRecord[];
}

/** Checks that every platform of an image has exactly one passed record of one identity; returns them in platform order. */
export function checkRecords(input: MergeInput): {identity: string; records: PlatformRecord[]} {
  const problems: string[] = [];
  const ordered: PlatformRecord[] = [];
  for (const platform of input.platforms) {
    const found = input.records.filter(r => samePlatformText(r.platform, platform));
    if (found.length === 0)
      problems.push(`${platform}: no record (its job did not run or its artifact was not passed on)`);
    else if (found.length > 1) problems.push(`${platform}: ${found.length} records; keep the one of this pipeline`);
    else if (found[0]!.status !== 'passed')
      problems.push(`${platform}: its job failed (${found[0]!.tests.failed} failed test(s)); nothing of it was pushed`);
    else ordered.push(found[0]!);
  }
  for (const r of input.records)
    if (!input.platforms.some(p => samePlatformText(p, r.platform)))
      problems.push(`${r.platform}: a record for a platform the image does not list (${input.platforms.join(', ')})`);
  const identities = [...new Set(input.records.map(r => r.identity))];
  if (identities.length > 1)
    problems.push(
      `the records come from different sources (identities ${identities.join(', ')}); all jobs must build one commit`
    );
  const shas = [...new Set(input.records.flatMap(r => (r.sha ? [r.sha] : [])))];
  if (shas.length > 1) problems.push(`the records come from different commits (${shas.join(', ')})`);
  if (problems.length)
    throw new MergeRefused(`merge refused for ${input.image}; nothing was published:\n  ${problems.join('\n  ')}`);
  return {identity: identities[0]!, records: ordered};
}

export class MergeRefused extends Error {}

/** What one platform contributes: its image manifest, and the attestation manifests that point at it. */
export interface PlatformManifests {
  platform: string;
  entries: Descriptor[];
}

/** The merged index: exactly the recorded platforms' entries, in the configured platform order. */
export function assembleIndex(parts: PlatformManifests[]): ManifestBytes {
  try {
    return buildIndex(parts.flatMap(p => p.entries));
  } catch (e) {
    if (e instanceof DuplicateManifest) throw new MergeRefused(`two platforms share the manifest ${e.digest}`);
    throw e;
  }
}
