// What imagegate records next to images, as OCI 1.1 artifacts whose `subject` is the image (so the
// image's digest never changes and every tool that lists referrers shows them):
//
// - a staging record: when a staging tag was staged (written by gate after the read-back, and by
//   merge), which cleanup judges a staging tag's age by — never the image's own `created`, which
//   reproducible builds set to 1970 or 1980;
// - a promotion marker: which source identity (and commit) was promoted to a digest, tagged
//   `imagegate-promoted-<identity>` in the final repository, so that release finds the promoted
//   bytes of a source whatever the tag templates are, and can say why when it cannot.

import type {Descriptor} from '../oci/descriptor.js';
import type {ManifestBytes} from '../oci/manifest.js';
import {artifactIndex, artifactManifest} from '../oci/referrers.js';

export const STAGING_RECORD_TYPE = 'application/vnd.imagegate.staging-record.v1';
export const PROMOTION_MARKER_TYPE = 'application/vnd.imagegate.promotion.v1';
/** The promotion marker of a source identity is tagged `imagegate-promoted-<identity>`. */
export const PROMOTION_TAG_PREFIX = 'imagegate-promoted-';

const CREATED = 'org.opencontainers.image.created';
const KEY = {
  tag: 'dev.imagegate.staging.tag',
  identity: 'dev.imagegate.identity',
  commit: 'dev.imagegate.commit',
  image: 'dev.imagegate.image',
  from: 'dev.imagegate.promoted-from'
} as const;

export interface StagingRecord {
  /** The staging tag (`staging-<identity>`, `staging-<identity>-linux-arm64`, or `<identity>` in a staging registry). */
  tag: string;
  stagedAt: Date;
  identity?: string;
  commit?: string;
}

export interface PromotionMarker {
  identity: string;
  image: string;
  /** The staging reference the digest was promoted from. */
  from: string;
  promotedAt: Date;
  commit?: string;
}

export function promotionTag(identity: string): string {
  return `${PROMOTION_TAG_PREFIX}${identity}`;
}

export function stagingRecordManifest(subject: Descriptor, record: StagingRecord): ManifestBytes {
  return artifactManifest({
    artifactType: STAGING_RECORD_TYPE,
    subject,
    annotations: {
      [CREATED]: record.stagedAt.toISOString(),
      [KEY.tag]: record.tag,
      ...(record.identity ? {[KEY.identity]: record.identity} : {}),
      ...(record.commit ? {[KEY.commit]: record.commit} : {})
    }
  });
}

/** The staging record a referrer's descriptor (or manifest annotations) holds, if it is a valid one. */
export function readStagingRecord(d: Pick<Descriptor, 'artifactType' | 'annotations'>): StagingRecord | undefined {
  const a = d.annotations ?? {};
  const time = Date.parse(a[CREATED] ?? '');
  const tag = a[KEY.tag];
  if (d.artifactType !== STAGING_RECORD_TYPE || !tag || Number.isNaN(time)) return undefined;
  return {
    tag,
    stagedAt: new Date(time),
    ...(a[KEY.identity] ? {identity: a[KEY.identity]} : {}),
    ...(a[KEY.commit] ? {commit: a[KEY.commit]} : {})
  };
}

/**
 * The promotion marker: an empty index (no blob to upload first, one PUT) whose subject is the
 * promoted digest. Markers written before are image manifests with the empty config; both read alike.
 */
export function promotionManifest(subject: Descriptor, marker: PromotionMarker): ManifestBytes {
  return artifactIndex({
    artifactType: PROMOTION_MARKER_TYPE,
    subject,
    annotations: {
      [CREATED]: marker.promotedAt.toISOString(),
      [KEY.identity]: marker.identity,
      [KEY.image]: marker.image,
      [KEY.from]: marker.from,
      ...(marker.commit ? {[KEY.commit]: marker.commit} : {})
    }
  });
}

export function readPromotionMarker(d: Pick<Descriptor, 'artifactType' | 'annotations'>): PromotionMarker | undefined {
  const a = d.annotations ?? {};
  const time = Date.parse(a[CREATED] ?? '');
  const identity = a[KEY.identity];
  if (d.artifactType !== PROMOTION_MARKER_TYPE || !identity || Number.isNaN(time)) return undefined;
  return {
    identity,
    image: a[KEY.image] ?? '',
    from: a[KEY.from] ?? '',
    promotedAt: new Date(time),
    ...(a[KEY.commit] ? {commit: a[KEY.commit]} : {})
  };
}
