// Image manifests and indexes as registries store them (OCI image-spec and Docker distribution
// shapes, JSON field names verbatim), and what imagegate needs to read from them.

import type {Descriptor} from './descriptor.js';
import {isIndexMediaType} from './media-types.js';

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  artifactType?: string;
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

/** The descriptor of stored manifest bytes, as an index lists it. */
export function describeManifest(m: ManifestBytes): Descriptor {
  return {mediaType: m.mediaType, digest: m.digest, size: m.bytes.length};
}
