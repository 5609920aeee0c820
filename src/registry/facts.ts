// What one run has learnt about its registries, kept for the rest of the run and shared by every
// image of it (one RegistryClient per run holds one of these): whether a registry takes manifest
// deletes, whether it has the referrers API, and which small blobs (the empty config of referrers
// and tombstones) a repository is known to hold. Only facts a registry cannot take back within a run
// are kept; a blob the registry does turn out to miss is forgotten and uploaded again.

import type {Repository} from '../oci/reference.js';

export class RegistryFacts {
  /** Per registry host: true where manifest deletes answer 405 / UNSUPPORTED (one question in flight at a time). */
  readonly deletesRefused = new Map<string, Promise<boolean>>();
  /** Per registry host: true where `GET /v2/<name>/referrers/<digest>` answers. */
  readonly referrersApi = new Map<string, boolean>();
  private readonly blobs = new Set<string>();

  hasBlob(repo: Repository, digest: string): boolean {
    return this.blobs.has(blobKey(repo, digest));
  }

  rememberBlob(repo: Repository, digest: string): void {
    this.blobs.add(blobKey(repo, digest));
  }

  forgetBlob(repo: Repository, digest: string): void {
    this.blobs.delete(blobKey(repo, digest));
  }
}

function blobKey(repo: Repository, digest: string): string {
  return `${repo.registry}/${repo.repository}@${digest}`;
}
