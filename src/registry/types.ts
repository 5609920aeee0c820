// OCI image-spec and Docker distribution shapes, with their JSON field names kept verbatim.

import {createHash} from 'node:crypto';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json'
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
  artifactType?: string;
}

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A manifest exactly as a registry stores it: the digest is the sha256 of these bytes. */
export interface ManifestBytes {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

export type ParsedManifest = {kind: 'index'; index: ImageIndex} | {kind: 'image'; manifest: ImageManifest};

export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList;
}

/** Parses manifest bytes; the media type comes from the document itself or the registry's header. */
export function parseManifest(m: ManifestBytes): ParsedManifest {
  const doc = JSON.parse(m.bytes.toString('utf8')) as Partial<ImageIndex & ImageManifest>;
  const mediaType = doc.mediaType ?? m.mediaType;
  if (isIndexMediaType(mediaType) || (Array.isArray(doc.manifests) && !doc.config)) {
    return {
      kind: 'index',
      index: {schemaVersion: doc.schemaVersion ?? 2, ...doc, manifests: doc.manifests ?? []} as ImageIndex
    };
  }
  if (!doc.config) throw new Error(`manifest ${m.digest} has neither manifests nor config (media type ${mediaType})`);
  return {
    kind: 'image',
    manifest: {schemaVersion: doc.schemaVersion ?? 2, ...doc, layers: doc.layers ?? []} as ImageManifest
  };
}

/** Blobs an image manifest references: its config, then its layers (deduplicated). */
export function blobsOf(manifest: ImageManifest): Descriptor[] {
  const seen = new Set<string>();
  return [manifest.config, ...manifest.layers].filter(d => !seen.has(d.digest) && seen.add(d.digest));
}

export function platformText(p: Platform | undefined): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}

/** buildx attaches provenance/SBOM as `unknown/unknown` manifests that point at the image they describe. */
export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}
