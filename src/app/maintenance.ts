// verify: is everything a reference needs in the registry? cleanup: remove stale staging tags,
// and nothing outside the staging namespace.

import {registryHosts} from '../core/config/hosts.js';
import {parseReference} from '../oci/reference.js';
import {UsageError} from '../core/errors.js';
import type {Reporter} from '../host/reporter.js';
import {RegistryClient} from '../registry/client.js';
import type {Repository} from '../oci/reference.js';
import {CredentialStore} from '../registry/credentials.js';
import {RegistryTransport} from '../registry/transport.js';
import {blobsOf, parseManifest} from '../oci/manifest.js';
import {isAttestation} from '../oci/descriptor.js';
import {platformText} from '../oci/platform.js';
import {Untagger} from '../registry/untag.js';
import type {LoadedConfig} from './plan.js';

export interface VerifyReport {
  ref: string;
  digest?: string;
  manifests: number;
  blobs: number;
  problems: string[];
}

function clientFor(
  env: Readonly<Record<string, string | undefined>>,
  hosts: string[],
  reporter: Reporter
): RegistryClient {
  const credentials = new CredentialStore({env, envHosts: hosts});
  credentials.secrets().forEach(secret => reporter.mask(secret));
  return new RegistryClient(new RegistryTransport({credentials, onSecret: s => reporter.mask(s)}));
}

/** Walks an index, its children and their blobs; every missing or mismatching piece is a problem. */
export async function verifyRef(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter
): Promise<VerifyReport> {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new UsageError(`imagegate verify: ${parsed.error}`);
  const {registry, repository, tag, digest} = parsed.value;
  const repo: Repository = {registry, repository};
  const client = clientFor(env, [registry], reporter);
  const report: VerifyReport = {ref: text, manifests: 0, blobs: 0, problems: []};
  try {
    const top = await client.getManifest(repo, digest ?? tag ?? 'latest');
    if (!top) {
      report.problems.push(`${text} does not exist`);
      return report;
    }
    report.digest = top.digest;
    if (digest && top.digest !== digest) report.problems.push(`${text} resolves to ${top.digest}`);
    const walk = async (reference: string, label: string): Promise<void> => {
      const m = await client.getManifest(repo, reference);
      if (!m) {
        report.problems.push(`manifest ${reference} (${label}) is missing`);
        return;
      }
      report.manifests++;
      const doc = parseManifest(m);
      if (doc.kind === 'index') {
        for (const child of doc.index.manifests)
          await walk(
            child.digest,
            isAttestation(child)
              ? `attestation of ${child.annotations?.['vnd.docker.reference.digest'] ?? '?'}`
              : platformText(child.platform)
          );
        return;
      }
      for (const blob of blobsOf(doc.manifest)) {
        report.blobs++;
        if (!(await client.headBlob(repo, blob.digest)))
          report.problems.push(`blob ${blob.digest} of ${label} is missing`);
      }
    };
    await walk(top.digest, 'top');
  } finally {
    client.transport.close();
  }
  return report;
}

export interface CleanupReport {
  removed: string[];
  kept: string[];
  leftovers: {ref: string; reason: string}[];
}

/** Staging tags older than `olderThanMs` go; tags outside the staging namespace are never read for removal. */
export async function cleanupStale(
  loaded: LoadedConfig,
  olderThanMs: number,
  env: Readonly<Record<string, string | undefined>>,
  reporter: Reporter
): Promise<CleanupReport> {
  const {config} = loaded;
  const client = clientFor(env, registryHosts(config), reporter);
  const untagger = new Untagger(client);
  const report: CleanupReport = {removed: [], kept: [], leftovers: []};
  const now = Date.now();
  try {
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
        reporter.info(
          result.removed
            ? `removed ${ref} (created ${new Date(created).toISOString()})`
            : `left ${ref}: ${result.reason}`
        );
      }
    }
  } finally {
    client.transport.close();
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
  const stream = await client.getBlob(repo, doc.manifest.config);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const created = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as {created?: string}).created;
  const time = created ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? undefined : time;
}
