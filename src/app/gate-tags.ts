// Tags a gate publishes (`on: [gate]`, e.g. `pr-{{pr}}`): written where the gate stages, once the
// staged index is there and read back, pointing at exactly the tested digest. A whole gate writes
// them after its push, `merge` after it assembled a split build's index; a per-platform job never.

import {InfrastructureError} from '../core/errors.js';
import type {Plan} from '../core/plan.js';
import type {Log} from '../host/host.js';
import {parseReference} from '../oci/reference.js';
import type {RegistryClient} from '../registry/client.js';

/** Points the image's gate tags at `digest` (staged at `staging`); returns `ref@digest` of each one written. */
export async function writeGateTags(
  client: RegistryClient,
  log: Log,
  plan: Plan,
  name: string,
  staging: string,
  digest: string
): Promise<string[]> {
  const image = plan.images.find(i => i.name === name);
  const tags = (image?.tags ?? []).filter(t => t.published && t.ref && plan.scenario.value === 'gate');
  if (!tags.length) return [];
  const from = repositoryOf(staging);
  const manifest = await client.getManifest(from, digest);
  if (!manifest)
    throw new InfrastructureError(`${staging}@${digest} is gone from the registry; no gate tag is written`);
  const written: string[] = [];
  for (const tag of tags) {
    const to = repositoryOf(tag.ref!);
    if ((await client.headManifest(to, tag.tag!))?.digest !== digest) await client.putManifest(to, tag.tag!, manifest);
    const readBack = (await client.headManifest(to, tag.tag!))?.digest;
    if (readBack !== digest)
      throw new InfrastructureError(`${tag.ref} reads back as ${readBack ?? '(absent)'}, not the tested ${digest}`);
    written.push(`${tag.ref}@${digest}`);
    log.info(`${tag.ref} → ${digest} (gate tag, the tested bytes)`);
  }
  return written;
}

function repositoryOf(ref: string): {registry: string; repository: string} {
  const parsed = parseReference(ref);
  if (!parsed.ok) throw new InfrastructureError(`\`${ref}\`: ${parsed.error}`);
  return {registry: parsed.value.registry, repository: parsed.value.repository};
}
