// An image's config (labels above all) straight from its registry: the manifest (by way of the
// index for a multi-platform image) and the config blob. No layer is fetched.

import {InfrastructureError} from '../../core/errors.js';
import {parseReference} from '../../oci/reference.js';
import type {RegistryClient} from '../../registry/client.js';
import type {Repository} from '../../oci/reference.js';
import {parseManifest} from '../../oci/manifest.js';
import {platformText} from '../../oci/platform.js';

export interface RemoteConfig {
  /** The digest the reference resolves to (an index for a multi-platform image). */
  digest: string;
  labels: Record<string, string>;
  requests: number;
}

export async function readImageConfig(client: RegistryClient, ref: string, platform: string): Promise<RemoteConfig> {
  const parsed = parseReference(ref);
  if (!parsed.ok) throw new InfrastructureError(`cannot read ${ref}: ${parsed.error}`);
  const repo: Repository = {registry: parsed.value.registry, repository: parsed.value.repository};
  let requests = 1;
  const top = await client.getManifest(repo, parsed.value.digest ?? parsed.value.tag ?? 'latest');
  if (!top)
    throw new InfrastructureError(
      `${ref} does not exist in its registry; check the reference (and that production still has it)`
    );
  let doc = parseManifest(top);
  if (doc.kind === 'index') {
    const child = doc.index.manifests.find(m => platformText(m.platform) === platform);
    if (!child) {
      const has = doc.index.manifests.map(m => platformText(m.platform)).join(', ');
      throw new InfrastructureError(`${ref} has no ${platform} image (it has ${has}); build only platforms it has`);
    }
    requests++;
    const m = await client.getManifest(repo, child.digest);
    if (!m)
      throw new InfrastructureError(`${ref}: its ${platform} manifest ${child.digest} is missing from the registry`);
    doc = parseManifest(m);
  }
  if (doc.kind !== 'image') throw new InfrastructureError(`${ref}: a nested index is not an image`);
  requests++;
  const config = (await client.getJsonBlob(repo, doc.manifest.config)) as {
    config?: {Labels?: Record<string, string> | null};
  };
  return {digest: top.digest, labels: config.config?.Labels ?? {}, requests};
}
