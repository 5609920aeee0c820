// OCI 1.1 referrers (distribution-spec "Listing Referrers", image-spec `subject` and `artifactType`):
// the artifacts that name a manifest as their subject (signatures, attestations, SBOMs, imagegate's
// own records), the fallback tag schema of registries without the referrers API, and the one place
// imagegate builds an artifact manifest.

import type {Descriptor} from './descriptor.js';
import {sha256Digest} from './digest.js';
import {parseManifest, type ManifestBytes} from './manifest.js';
import {MEDIA} from './media-types.js';

/** The empty JSON object: config (and only layer) of an artifact that carries everything in annotations. */
export const EMPTY_JSON = Buffer.from('{}');
export const EMPTY_DESCRIPTOR: Descriptor = {
  mediaType: MEDIA.ociEmpty,
  digest: sha256Digest(EMPTY_JSON),
  size: EMPTY_JSON.length
};

/** cosign 3's signature and attestation bundles. */
export const SIGSTORE_BUNDLE = /^application\/vnd\.dev\.sigstore\.bundle(\.v[0-9.]+)?\+json/;
/** The predicate type cosign writes on a bundle that signs an image (attestations carry theirs). */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

/**
 * The tag that lists the referrers of `digest` where the registry has no referrers API:
 * `<alg>-<hex>`, the algorithm cut to 32 characters and the hex to 64 (the spec's schema).
 */
export function fallbackTag(digest: string): string {
  const [alg = '', hex = ''] = digest.split(':', 2);
  return `${alg.slice(0, 32)}-${hex.slice(0, 64)}`;
}

/** cosign 2's tags next to an image: `sha256-<hex>.sig`, `.att`, `.sbom`. */
export function legacyCosignTags(digest: string): string[] {
  const base = fallbackTag(digest);
  return [`${base}.sig`, `${base}.att`, `${base}.sbom`];
}

/** Every tag that belongs to the referrers of `digest` (the fallback index and cosign 2's tags). */
export function referrerTagsOf(digest: string): string[] {
  return [fallbackTag(digest), ...legacyCosignTags(digest)];
}

/** The digest a referrer tag (`sha256-<hex>[.sig|.att|.sbom]`) belongs to, if it is one. */
export function subjectOfReferrerTag(tag: string): string | undefined {
  const m = /^(sha256)-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/.exec(tag);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** An artifact manifest with `subject`: the empty config and one empty layer, the data in annotations. */
export function artifactManifest(opts: {
  artifactType: string;
  subject: Descriptor;
  annotations: Record<string, string>;
}): ManifestBytes {
  const doc = {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    artifactType: opts.artifactType,
    config: EMPTY_DESCRIPTOR,
    layers: [EMPTY_DESCRIPTOR],
    subject: {mediaType: opts.subject.mediaType, digest: opts.subject.digest, size: opts.subject.size},
    annotations: opts.annotations
  };
  const bytes = Buffer.from(JSON.stringify(doc));
  return {bytes, mediaType: MEDIA.ociManifest, digest: sha256Digest(bytes)};
}

/**
 * An artifact that references no blob: an empty image index with `artifactType`, `subject` (if
 * given) and the data in annotations (image-spec 1.1 lets an index be a referrer). A registry
 * takes it in one PUT whatever blobs the repository holds, so it needs no placeholder upload.
 */
export function artifactIndex(opts: {
  artifactType: string;
  subject?: Descriptor;
  annotations: Record<string, string>;
}): ManifestBytes {
  const doc = {
    schemaVersion: 2,
    mediaType: MEDIA.ociIndex,
    artifactType: opts.artifactType,
    manifests: [],
    ...(opts.subject
      ? {subject: {mediaType: opts.subject.mediaType, digest: opts.subject.digest, size: opts.subject.size}}
      : {}),
    annotations: opts.annotations
  };
  const bytes = Buffer.from(JSON.stringify(doc));
  return {bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes)};
}

/**
 * How a referrer is listed: its descriptor with the manifest's `artifactType` (else its config's
 * media type, as the spec says a registry computes it) and its annotations.
 */
export function referrerDescriptor(m: ManifestBytes): Descriptor {
  const parsed = parseManifest(m);
  const doc = parsed.kind === 'index' ? parsed.index : parsed.manifest;
  const artifactType =
    (doc as {artifactType?: string}).artifactType ??
    (parsed.kind === 'image' ? parsed.manifest.config.mediaType : undefined);
  return {
    mediaType: m.mediaType || doc.mediaType || MEDIA.ociManifest,
    digest: m.digest,
    size: m.bytes.length,
    ...(artifactType ? {artifactType} : {}),
    ...(doc.annotations && Object.keys(doc.annotations).length ? {annotations: doc.annotations} : {})
  };
}

/** The subject a manifest names, if any. */
export function subjectOf(m: ManifestBytes): Descriptor | undefined {
  const parsed = parseManifest(m);
  return parsed.kind === 'index' ? parsed.index.subject : parsed.manifest.subject;
}

/** The fallback index listing `manifests` (no duplicates, in the order given). */
export function referrersIndex(manifests: Descriptor[]): ManifestBytes {
  const seen = new Set<string>();
  const unique = manifests.filter(m => !seen.has(m.digest) && seen.add(m.digest));
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: unique.map(d => ({
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        ...(d.artifactType ? {artifactType: d.artifactType} : {}),
        ...(d.annotations ? {annotations: d.annotations} : {})
      }))
    })
  );
  return {bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes)};
}
