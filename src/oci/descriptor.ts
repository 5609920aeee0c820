// An OCI content descriptor, with the image-spec's JSON field names kept verbatim.

import type {Platform} from './platform.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
  artifactType?: string;
}

/** buildx attaches provenance/SBOM as `unknown/unknown` manifests that point at the image they describe. */
export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}

/** A descriptor with only the fields the image-spec defines, in its order (what an index lists). */
export function plainDescriptor(d: Descriptor): Descriptor {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...(d.platform ? {platform: d.platform} : {}),
    ...(d.annotations ? {annotations: d.annotations} : {}),
    ...(d.artifactType ? {artifactType: d.artifactType} : {})
  };
}
