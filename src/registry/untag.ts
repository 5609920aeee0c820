// Removing one tag without ever removing another. On distribution 2.8 a manifest DELETE by digest
// also removes every tag pointing at that digest — including a final tag just promoted from this
// staging tag. So the tag is first pointed at a tombstone of its own (unique bytes, an empty index
// that needs no blob), and that tombstone is deleted by digest: only the staging tag goes.
// Whether the registry takes deletes is learnt from the first such delete of a run, not asked
// beforehand: where it refuses (405), the tag is put back on the manifest it held, and every later
// untag of the run leaves its tag alone without a request.

import {randomBytes} from 'node:crypto';
import type {RegistryClient} from './client.js';
import type {Repository} from '../oci/reference.js';
import {sha256Digest} from '../oci/digest.js';
import type {ManifestBytes} from '../oci/manifest.js';
import {artifactIndex} from '../oci/referrers.js';
import {ociError} from './errors.js';
import type {RegistryResponse} from './transport.js';

export type UntagResult = {removed: true; tag: string} | {removed: false; tag: string; reason: string};

/** A manifest no other tag can share: it names the tag and a random nonce. */
export function tombstoneManifest(tag: string, nonce = randomBytes(16).toString('hex')): ManifestBytes {
  return artifactIndex({
    artifactType: 'application/vnd.imagegate.tombstone',
    annotations: {'dev.imagegate.tombstone': `${tag} ${nonce}`}
  });
}

export function isTombstone(manifest: ManifestBytes): boolean {
  return manifest.bytes.length < 1024 && manifest.bytes.includes('"dev.imagegate.tombstone"');
}

/** Hosts known to refuse manifest deletes through the registry API: no attempt is made there. */
const REFUSE_DELETES = /(^|\.)ghcr\.io$|^(docker\.io|registry-1\.docker\.io|index\.docker\.io)$/;

function refused(res: RegistryResponse): boolean {
  return res.status === 405 || ociError(res.body).code === 'UNSUPPORTED';
}

export class Untagger {
  constructor(private readonly client: RegistryClient) {}

  /**
   * Removes `tag`. `current` is the manifest the tag holds (read a moment ago): with it, a registry
   * whose deletes are not known yet is not asked first; the delete of the tombstone tells, and
   * where it is refused the tag is put back on `current`. Without it, the registry is asked once
   * (a delete of a digest nobody has: 404 where deletes work, 405 where they are off).
   */
  async removeTag(repo: Repository, tag: string, current?: ManifestBytes): Promise<UntagResult> {
    const facts = this.client.facts.deletesRefused;
    if (REFUSE_DELETES.test(repo.registry.toLowerCase()) && !facts.has(repo.registry))
      facts.set(repo.registry, Promise.resolve(true));
    if (!facts.has(repo.registry) && !current) await this.probe(repo);
    const known = facts.get(repo.registry);
    if (known && (await known)) return {removed: false, tag, reason: deletesRefused(repo, tag)};
    // The first untag of a registry whose answer is not known yet finds out; the others of the run
    // (other images, at once) wait for its answer rather than each trying.
    let learn: ((refuses: boolean) => void) | undefined;
    if (!known) facts.set(repo.registry, new Promise<boolean>(resolve => (learn = resolve)));
    let answer: boolean | undefined;
    try {
      const tombstone = tombstoneManifest(tag);
      await this.client.putManifest(repo, tag, tombstone);
      const res = await this.client.deleteManifest(repo, tombstone.digest);
      if (res.status === 202 || res.status === 200 || res.status === 404) answer = false;
      else if (refused(res)) {
        answer = true;
        facts.set(repo.registry, Promise.resolve(true));
      }
      if (answer === false) return {removed: true, tag};
      if (answer && current) {
        await this.client.putManifest(repo, tag, current);
        return {removed: false, tag, reason: deletesRefused(repo, tag)};
      }
      return this.notRemoved(tag, tombstone.digest, res.status);
    } finally {
      if (learn) {
        // An answer that said nothing (another status, the network): the next untag finds out.
        if (answer === undefined) facts.delete(repo.registry);
        else facts.set(repo.registry, Promise.resolve(answer));
        learn(answer ?? false);
      }
    }
  }

  private notRemoved(tag: string, tombstone: string, status: number): UntagResult {
    return {
      removed: false,
      tag,
      reason: `deleting its tombstone ${tombstone} answered ${status}; the tag now points at that empty tombstone`
    };
  }

  /** Asks once per registry and run whether it takes deletes (the answer is shared by every image of the run). */
  private probe(repo: Repository): Promise<boolean> {
    const facts = this.client.facts.deletesRefused;
    let known = facts.get(repo.registry);
    if (!known) {
      known = this.client
        .deleteManifest(repo, sha256Digest(`imagegate probe ${randomBytes(8).toString('hex')}`))
        .then(refused);
      // A probe that failed (the network) is asked again by the next image.
      known.catch(() => facts.delete(repo.registry));
      facts.set(repo.registry, known);
    }
    return known;
  }
}

/**
 * Why a tag stays on a registry that refuses deletes through the registry API, naming that
 * registry's own way to delete: GHCR deletes package versions through GitHub's REST API, Docker Hub
 * tags through Hub's API.
 */
export function deletesRefused(repo: Repository, tag: string): string {
  const ref = `${repo.registry}/${repo.repository}:${tag}`;
  const host = repo.registry.toLowerCase();
  if (host === 'ghcr.io' || host.endsWith('.ghcr.io')) {
    const [owner = 'OWNER', ...rest] = repo.repository.split('/');
    const pkg = encodeURIComponent(rest.join('/') || repo.repository);
    return `${repo.registry} refuses deletes through the registry API (405); delete ${ref} with GitHub's package versions API: find the version whose metadata.container.tags holds ${tag} (GET /orgs/${owner}/packages/container/${pkg}/versions, or /users/${owner}/… for a user's package), then DELETE /orgs/${owner}/packages/container/${pkg}/versions/<id> (a token with delete:packages)`;
  }
  if (host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io') {
    const [namespace = 'library', ...rest] = repo.repository.split('/');
    return `${repo.registry} refuses deletes through the registry API (405); delete ${ref} with Docker Hub's tag delete API: DELETE https://hub.docker.com/v2/namespaces/${namespace}/repositories/${rest.join('/') || namespace}/tags/${tag} (a Hub access token with delete scope)`;
  }
  return `${repo.registry} refuses deletes through the registry API (405); remove ${ref} with the registry's own API or UI`;
}
