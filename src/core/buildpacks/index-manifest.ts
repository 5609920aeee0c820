// One OCI index over the per-platform images a buildpacks build produces (one build per platform,
// as pack and the lifecycle build a single platform at a time).

import {MEDIA, type Descriptor} from '../../registry/types.js';

export interface PlatformImage {
  platform: string;
  digest: string;
  mediaType: string;
  size: number;
}

export function imageIndexJson(images: PlatformImage[]): string {
  const manifests: Descriptor[] = images.map(i => {
    const [os = 'linux', architecture = 'amd64', variant] = i.platform.split('/');
    return {
      mediaType: i.mediaType,
      digest: i.digest,
      size: i.size,
      platform: {os, architecture, ...(variant ? {variant} : {})}
    };
  });
  return JSON.stringify({schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests});
}
