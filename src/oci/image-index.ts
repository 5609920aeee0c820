// The one place imagegate writes an image index: exactly the descriptors given, in their order.

import {plainDescriptor, type Descriptor} from './descriptor.js';
import {sha256Digest} from './digest.js';
import type {ManifestBytes} from './manifest.js';
import {MEDIA} from './media-types.js';

/** An OCI index over `manifests`; refuses a manifest listed twice (two platforms claiming one image). */
export function buildIndex(manifests: Descriptor[]): ManifestBytes {
  const seen = new Set<string>();
  for (const m of manifests) {
    if (seen.has(m.digest)) throw new DuplicateManifest(m.digest);
    seen.add(m.digest);
  }
  const bytes = Buffer.from(
    JSON.stringify({schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: manifests.map(plainDescriptor)})
  );
  return {bytes, mediaType: MEDIA.ociIndex, digest: sha256Digest(bytes)};
}

export class DuplicateManifest extends Error {
  constructor(readonly digest: string) {
    super(`the index would list the manifest ${digest} twice`);
    this.name = 'DuplicateManifest';
  }
}
