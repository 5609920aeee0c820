// cleanup: remove stale staging tags, and nothing outside the staging namespace.

import {UsageError} from '../core/errors.js';
import {isAttestation} from '../oci/descriptor.js';
import {parseManifest} from '../oci/manifest.js';
import {parseReference, type Repository} from '../oci/reference.js';
import type {Log} from '../host/host.js';
import type {RegistryClient} from '../registry/client.js';
import {Untagger} from '../registry/untag.js';
import type {LoadedConfig} from './plan.js';

export interface CleanupReport {
  removed: string[];
  kept: string[];
  leftovers: {ref: string; reason: string}[];
}

/** Staging tags older than `olderThanMs` go; tags outside the staging namespace are never read for removal. */
export async function cleanupStale(
  loaded: LoadedConfig,
  olderThanMs: number,
  {log, registry: client}: {log: Log; registry: RegistryClient}
): Promise<CleanupReport> {
  const {config} = loaded;
  const untagger = new Untagger(client);
  const report: CleanupReport = {removed: [], kept: [], leftovers: []};
  const now = Date.now();
  for (const image of config.images) {
    const {repo, pattern} = stagingNamespace(loaded, image.name, image.repository);
    for (const tag of (await client.listTags(repo)).filter(t => pattern.test(t))) {
      const ref = `${repo.registry}/${repo.repository}:${tag}`;
      const created = await createdAt(client, repo, tag);
      if (created === undefined || now - created < olderThanMs) {
        report.kept.push(ref);
        continue;
      }
      const result = await untagger.removeTag(repo, tag);
      if (result.removed) report.removed.push(ref);
      else report.leftovers.push({ref, reason: result.reason});
      log.info(
        result.removed ? `removed ${ref} (created ${new Date(created).toISOString()})` : `left ${ref}: ${result.reason}`
      );
    }
  }
  return report;
}

function stagingNamespace(loaded: LoadedConfig, name: string, repository: string): {repo: Repository; pattern: RegExp} {
  const staging = loaded.config.staging;
  const text = staging.kind === 'registry' ? `${staging.registry}/${name}` : repository;
  const parsed = parseReference(text);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const prefix = staging.kind === 'tag-prefix' ? staging.tagPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
  return {
    repo: {registry: parsed.value.registry, repository: parsed.value.repository},
    pattern: new RegExp(`^${prefix}[0-9a-f]{32}$`)
  };
}

/** When an image was built: its config's `created`, read from the first platform image. */
async function createdAt(client: RegistryClient, repo: Repository, tag: string): Promise<number | undefined> {
  const top = await client.getManifest(repo, tag);
  if (!top) return undefined;
  let doc = parseManifest(top);
  if (doc.kind === 'index') {
    const first = doc.index.manifests.find(m => !isAttestation(m));
    const child = first && (await client.getManifest(repo, first.digest));
    if (!child) return undefined;
    doc = parseManifest(child);
  }
  if (doc.kind !== 'image') return undefined;
  const created = (await client.getJsonBlob(repo, doc.manifest.config)).created;
  const time = typeof created === 'string' ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? undefined : time;
}
