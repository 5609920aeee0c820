// Copies an image by digest, byte for byte, in referential order: blobs, then child manifests,
// then the index; tags are the caller's last step. Blobs already in the target are skipped, blobs in
// the same registry are mounted (zero bytes moved), others stream from source to target, several at once.

import type {Readable} from 'node:stream';
import type {RegistryClient} from './client.js';
import {sameRepository, type Repository} from '../oci/reference.js';
import {Limiter} from '../core/limiter.js';
import {RegistryError} from './errors.js';
import {blobsOf, parseManifest, type ManifestBytes} from '../oci/manifest.js';
import type {Descriptor} from '../oci/descriptor.js';

export interface CopyStats {
  manifests: number;
  manifestsPresent: number;
  blobsPresent: number;
  blobsMounted: number;
  blobsUploaded: number;
  bytesUploaded: number;
}

export interface CopyOptions {
  /** Blobs copied at once (default BLOBS_AT_ONCE). */
  parallel?: number;
}

/**
 * Blobs copied at once per image. Measured on the 420 MB two-platform copy between the testbed's
 * registries (4 layers of 105 MB; docs/benchmarks.md, "Promotion: copy between registries"): 1 at
 * once 3.2–4.3 s, 2 at once 3.3–3.7 s, 4 at once 2.8–3.3 s, 6 and 8 no faster (3.5–3.8 s), at the
 * same CPU time. The transport bounds the requests per host on top (MAX_STARTS_PER_HOST).
 */
export const BLOBS_AT_ONCE = 4;

function emptyStats(): CopyStats {
  return {manifests: 0, manifestsPresent: 0, blobsPresent: 0, blobsMounted: 0, blobsUploaded: 0, bytesUploaded: 0};
}

export class ImageCopier {
  readonly stats = emptyStats();
  private readonly limit: Limiter;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly client: RegistryClient,
    opts: CopyOptions = {}
  ) {
    this.limit = new Limiter(opts.parallel ?? BLOBS_AT_ONCE);
  }

  /** Makes `digest` (and everything it references) exist in `target`; returns the root manifest. */
  /**
   * `askTarget: false`: the caller knows the target is very unlikely to hold the image (a first
   * promotion): the HEAD of the root that would skip the copy is not sent.
   */
  async copy(
    source: Repository,
    target: Repository,
    digest: string,
    known?: ManifestBytes,
    opts: {askTarget?: boolean} = {}
  ): Promise<ManifestBytes> {
    const manifest = known?.digest === digest ? known : await this.client.getManifest(source, digest);
    if (!manifest) throw new RegistryError(`${source.registry}/${source.repository}@${digest} does not exist`);
    if (sameRepository(source, target)) return manifest;
    await this.ensureManifest(source, target, manifest, opts.askTarget ?? true);
    return manifest;
  }

  private async ensureManifest(
    source: Repository,
    target: Repository,
    manifest: ManifestBytes,
    root = true
  ): Promise<void> {
    // A manifest is only ever written after everything it references, so one that exists is
    // complete. Only the root is asked: re-putting a child after an interrupted copy costs one PUT.
    if (root && (await this.client.headManifest(target, manifest.digest))) {
      this.stats.manifestsPresent++;
      return;
    }
    const parsed = parseManifest(manifest);
    if (parsed.kind === 'index') {
      await Promise.all(
        parsed.index.manifests.map(async child => {
          const bytes = await this.client.getManifest(source, child.digest);
          if (!bytes)
            throw new RegistryError(
              `${source.registry}/${source.repository}@${manifest.digest} lists ${child.digest}, which the registry does not have`
            );
          await this.ensureManifest(source, target, bytes, false);
        })
      );
    } else {
      await Promise.all(blobsOf(parsed.manifest).map(blob => this.ensureBlob(source, target, blob)));
    }
    await this.client.putManifest(target, manifest.digest, manifest);
    this.stats.manifests++;
  }

  /** One copy per blob even when several manifests share it (attestations, common layers). */
  private ensureBlob(source: Repository, target: Repository, blob: Descriptor): Promise<void> {
    const key = `${target.registry}/${target.repository}@${blob.digest}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limit.run(() => this.copyBlob(source, target, blob));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async copyBlob(source: Repository, target: Repository, blob: Descriptor): Promise<void> {
    // Within one registry a mount is one request whether or not the target has the blob.
    if (source.registry === target.registry && (await this.client.mountBlob(target, blob.digest, source.repository))) {
      this.stats.blobsMounted++;
      return;
    }
    if (await this.client.headBlob(target, blob.digest)) {
      this.stats.blobsPresent++;
      return;
    }
    const open = (offset: number): Promise<Readable> => this.client.getBlob(source, blob, offset);
    await this.client.uploadBlob(target, blob, open);
    this.stats.blobsUploaded++;
    this.stats.bytesUploaded += blob.size;
  }
}
