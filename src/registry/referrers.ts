// OCI 1.1 referrers over the registry client: list them through the referrers API where the
// registry has one, else through the fallback tag (`sha256-<hex>`, an index of the referrers);
// attach an artifact (a PUT by digest or tag, plus a read-modify-write of the fallback index where
// the registry did not index it, unless it is found by its tag alone); detach entries; and copy every referrer of a set of manifests to
// another repository, digests unchanged.

import type {Descriptor} from '../oci/descriptor.js';
import {parseManifest, type ManifestBytes} from '../oci/manifest.js';
import {MEDIA} from '../oci/media-types.js';
import type {Repository} from '../oci/reference.js';
import {
  EMPTY_JSON,
  fallbackTag,
  legacyCosignTags,
  referrerDescriptor,
  referrersIndex,
  subjectOf
} from '../oci/referrers.js';
import type {RegistryClient} from './client.js';
import type {ImageCopier} from './copy.js';
import {RegistryError} from './errors.js';
import {delay} from './retry.js';
import {isTombstone, type Untagger} from './untag.js';

export interface ReferrerList {
  /** Listed by the registry's referrers API; false: read from the fallback tag. */
  api: boolean;
  manifests: Descriptor[];
  /** The fallback index as stored (absent where there is none or the API answered). */
  fallback?: ManifestBytes;
}

/** Read-modify-write rounds of a fallback index before giving up (another writer keeps overwriting it). */
const FALLBACK_ROUNDS = 5;
/** Referrers of referrers (a signature on an SBOM…) are followed this deep. */
const MAX_DEPTH = 4;

export class Referrers {
  /** Per registry: whether it has the referrers API, once a list answered (shared by the whole run). */
  private readonly api: Map<string, boolean>;

  constructor(private readonly client: RegistryClient) {
    this.api = client.facts.referrersApi;
  }

  /** True when the registry has the referrers API (asked once per registry). */
  async hasApi(repo: Repository, digest: string): Promise<boolean> {
    const known = this.api.get(repo.registry);
    if (known !== undefined) return known;
    await this.list(repo, digest);
    return this.api.get(repo.registry) ?? false;
  }

  /**
   * The referrers of `digest`, of `artifactType` if given. From a fallback index, an entry that does
   * not say what it is (no `artifactType`, or the empty config's media type, as cosign 3 writes
   * them) is completed from its manifest, so that both paths list the same descriptors.
   */
  async list(
    repo: Repository,
    digest: string,
    opts: {artifactType?: string; tags?: ReadonlySet<string>} = {}
  ): Promise<ReferrerList> {
    if (this.api.get(repo.registry) !== false) {
      const listed = await this.client.listReferrers(repo, digest, opts.artifactType);
      this.api.set(repo.registry, listed !== undefined);
      if (listed) return {api: true, manifests: listed};
    }
    // `tags`: the repository's tags, read a moment ago: a fallback tag not among them is not asked for.
    if (opts.tags && !opts.tags.has(fallbackTag(digest))) return {api: false, manifests: []};
    const fallback = await this.client.getManifest(repo, fallbackTag(digest));
    if (!fallback) return {api: false, manifests: []};
    const parsed = parseManifest(fallback);
    if (parsed.kind !== 'index')
      throw new RegistryError(
        `${repo.registry}/${repo.repository}:${fallbackTag(digest)} is not an index of referrers (it is an image manifest); something else uses the referrers fallback tag`
      );
    const manifests: Descriptor[] = [];
    for (const d of parsed.index.manifests) {
      let described = d;
      if (!d.artifactType || d.artifactType === MEDIA.ociEmpty) {
        const m = await this.client.getManifest(repo, d.digest);
        if (!m) continue; // listed, but gone: not a referrer any more
        const own = referrerDescriptor(m);
        const annotations = {...(own.annotations ?? {}), ...(d.annotations ?? {})};
        described = {...own, ...(Object.keys(annotations).length ? {annotations} : {})};
      }
      if (!opts.artifactType || described.artifactType === opts.artifactType) manifests.push(described);
    }
    return {api: false, manifests, fallback};
  }

  /**
   * Stores `manifest` (which names a subject) and makes it listed: by the registry where it indexes
   * it (`OCI-Subject`), else by adding it to the fallback index. `replaces` picks entries of the
   * fallback index the new one supersedes (dropped in the same write). Returns how it is listed.
   */
  async attach(
    repo: Repository,
    manifest: ManifestBytes,
    opts: {
      replaces?: (d: Descriptor) => boolean;
      tag?: string;
      mountFrom?: Repository;
      /** False: where the registry does not index it, it is found by its `tag` alone (no fallback index entry). */
      fallback?: boolean;
    } = {}
  ): Promise<'api' | 'fallback' | 'tag'> {
    const subject = subjectOf(manifest);
    if (!subject) throw new Error(`attach: manifest ${manifest.digest} names no subject`);
    // Stored under `tag` where there is one (one PUT stores the manifest and tags it); an empty
    // config goes up only where the repository turns out to lack it (an index has none).
    const put = (wait: boolean): Promise<{indexed: boolean}> =>
      this.client.putSubjectManifest(repo, manifest, subject.digest, {
        ...(opts.tag ? {tag: opts.tag} : {}),
        waitForBlobs: wait
      });
    const stored = blobsOf(manifest).length
      ? await this.client.putWithSmallBlob(repo, EMPTY_JSON, put, opts.mountFrom)
      : await put(true);
    // A registry with the referrers API answers `OCI-Subject`; one that does not has none (the
    // spec's signal to use the fallback tag), which the rest of the run goes by.
    this.api.set(repo.registry, stored.indexed);
    if (stored.indexed) return 'api';
    if (opts.fallback === false) {
      if (!opts.tag) throw new Error(`attach: manifest ${manifest.digest} without fallback needs a tag`);
      return 'tag';
    }
    await this.updateFallback(repo, subject.digest, {
      add: [referrerDescriptor(manifest)],
      ...(opts.replaces ? {drop: opts.replaces} : {})
    });
    return 'fallback';
  }

  /**
   * Removes the entries `drop` picks from the referrers of `subject`: from the fallback index where
   * there is one; through the API, by deleting those manifests (a registry with the API lists what
   * it holds). Best effort: returns the digests it removed.
   */
  async detach(repo: Repository, subject: string, drop: (d: Descriptor) => boolean): Promise<string[]> {
    return (await this.detachKeeping(repo, subject, drop)).gone;
  }

  /** detach, and the fallback index as it was left (read back), where there is one. */
  private async detachKeeping(
    repo: Repository,
    subject: string,
    drop: (d: Descriptor) => boolean
  ): Promise<{gone: string[]; fallback?: ManifestBytes | undefined}> {
    const listed = await this.list(repo, subject);
    const gone = listed.manifests.filter(drop).map(d => d.digest);
    if (!gone.length) return {gone, ...(listed.api ? {} : {fallback: listed.fallback})};
    if (listed.api) {
      for (const digest of gone) await this.client.deleteManifest(repo, digest);
      return {gone};
    }
    // The index just read is the first round's state: it is not read again.
    const fallback = await this.updateFallback(repo, subject, {
      add: [],
      drop: d => gone.includes(d.digest),
      current: listed.fallback
    });
    return {gone, fallback};
  }

  /**
   * detach, then untag the fallback index if it lists nothing any more (through `untagger`, which
   * never removes another tag).
   */
  async prune(repo: Repository, subject: string, drop: (d: Descriptor) => boolean, untagger: Untagger): Promise<void> {
    const listed = await this.list(repo, subject);
    if (listed.api) {
      for (const d of listed.manifests.filter(drop)) await this.client.deleteManifest(repo, d.digest);
      return;
    }
    const fallback = listed.fallback;
    if (!fallback || isTombstone(fallback)) return;
    const gone = new Set(listed.manifests.filter(drop).map(d => d.digest));
    if (!gone.size) return;
    const entries = indexEntries(fallback, repo, fallbackTag(subject));
    const kept = entries.filter(d => !gone.has(d.digest));
    // Nothing would be left: the fallback tag goes (a tombstone over it, then its delete), without
    // writing an empty index first; where the tag cannot go, the entries are dropped as usual.
    if (!kept.length && (await untagger.removeTag(repo, fallbackTag(subject), fallback)).removed) return;
    await this.updateFallback(repo, subject, {add: [], drop: d => gone.has(d.digest), current: fallback});
  }

  /**
   * Read-modify-write of the fallback index of `subject`: the entries it has, minus `drop`, plus
   * `add`. distribution has no conditional PUT, so after writing it reads the index back; if another
   * writer's version replaced it without this change, it writes again (at most FALLBACK_ROUNDS).
   * An index with nothing left is left as an empty index (untagging is the caller's choice).
   */
  async updateFallback(
    repo: Repository,
    subject: string,
    change: {
      add: Descriptor[];
      drop?: (d: Descriptor) => boolean;
      exact?: ManifestBytes;
      /** The index as the caller just read it (undefined: absent), saving the first round's read. */
      current?: ManifestBytes | undefined;
    }
  ): Promise<ManifestBytes | undefined> {
    const tag = fallbackTag(subject);
    const applied = (entries: Descriptor[]): boolean =>
      change.add.every(a => entries.some(e => e.digest === a.digest)) &&
      !entries.some(e => change.drop?.(e) && !change.add.some(a => a.digest === e.digest));
    for (let round = 1; ; round++) {
      const current = round === 1 && 'current' in change ? change.current : await this.client.getManifest(repo, tag);
      const entries = current ? indexEntries(current, repo, tag) : [];
      if (applied(entries)) return current;
      const kept = entries.filter(e => !change.drop?.(e));
      const next =
        !current && change.exact && sameEntries(indexEntries(change.exact, repo, tag), change.add)
          ? change.exact
          : referrersIndex([...kept, ...change.add.filter(a => !kept.some(k => k.digest === a.digest))]);
      await this.client.putManifest(repo, tag, next);
      const readBack = await this.client.getManifest(repo, tag);
      if (readBack && applied(indexEntries(readBack, repo, tag))) return readBack;
      if (round >= FALLBACK_ROUNDS)
        throw new RegistryError(
          `${repo.registry}/${repo.repository}:${tag} (the referrers of ${subject}) was rewritten by another writer ${round} times in a row; imagegate could not add its entry; re-run`
        );
      await delay(100 + Math.floor(Math.random() * 400));
    }
  }
}

/** The blobs a manifest references (none for an index). */
function blobsOf(m: ManifestBytes): Descriptor[] {
  const parsed = parseManifest(m);
  return parsed.kind === 'image' ? [parsed.manifest.config, ...parsed.manifest.layers] : [];
}

function indexEntries(m: ManifestBytes, repo: Repository, tag: string): Descriptor[] {
  const parsed = parseManifest(m);
  if (parsed.kind !== 'index')
    throw new RegistryError(
      `${repo.registry}/${repo.repository}:${tag} is not an index of referrers; something else uses the referrers fallback tag`
    );
  return parsed.index.manifests;
}

function sameEntries(a: Descriptor[], b: Descriptor[]): boolean {
  return a.length === b.length && a.every(d => b.some(e => e.digest === d.digest));
}

export interface ReferrerCopyStats {
  /** Referrer manifests written to the target (signatures, attestations, SBOMs, records…). */
  referrers: number;
  /** cosign 2 tags (`sha256-<hex>.sig|.att|.sbom`) written. */
  tags: number;
  warnings: string[];
}

/**
 * Copies every referrer of `digests` (an index and its children, say) from `source` to `target`:
 * each referrer manifest by digest with what it references (and its own referrers), listed in the
 * target as in the source (the registry's API indexes them, or the target's fallback index gains
 * them — merged with what it lists already; where the target has none, the source's index is
 * copied byte for byte), and cosign 2's `.sig|.att|.sbom` tags. A cosign 2 tag the target holds
 * with other bytes is left as it is, with a warning. `skip` leaves referrers out (records that only
 * concern the source).
 */
export async function copyReferrers(
  client: RegistryClient,
  copier: ImageCopier,
  source: Repository,
  target: Repository,
  digests: string[],
  opts: {skip?: (d: Descriptor) => boolean} = {}
): Promise<ReferrerCopyStats> {
  const stats: ReferrerCopyStats = {referrers: 0, tags: 0, warnings: []};
  const fromRefs = new Referrers(client);
  const toRefs = new Referrers(client);
  const sourceTags = new Set(await client.listTags(source));
  const seen = new Set<string>();
  const visit = async (digest: string, depth: number): Promise<void> => {
    if (seen.has(digest) || depth > MAX_DEPTH) return;
    seen.add(digest);
    const all = await fromRefs.list(source, digest, {tags: sourceTags});
    const listed = {...all, manifests: all.manifests.filter(d => !opts.skip?.(d))};
    if (listed.manifests.length !== all.manifests.length) delete listed.fallback;
    for (const d of listed.manifests) {
      await copier.copy(source, target, d.digest);
      stats.referrers++;
    }
    if (listed.manifests.length && !(await toRefs.hasApi(target, digest)))
      await toRefs.updateFallback(target, digest, {
        add: listed.manifests.map(d => listedAs(listed, d)),
        ...(listed.fallback ? {exact: listed.fallback} : {})
      });
    for (const tag of legacyCosignTags(digest).filter(t => sourceTags.has(t))) {
      const head = await client.headManifest(source, tag);
      if (!head) continue;
      const there = await client.headManifest(target, tag);
      if (there?.digest === head.digest) continue;
      if (there) {
        stats.warnings.push(
          `${target.registry}/${target.repository}:${tag} already holds other cosign signatures (${there.digest}); the staged ${head.digest} was not copied over it`
        );
        continue;
      }
      const manifest = await copier.copy(source, target, head.digest);
      await client.putManifest(target, tag, manifest);
      stats.tags++;
    }
    for (const d of listed.manifests) await visit(d.digest, depth + 1);
  };
  for (const digest of digests) await visit(digest, 0);
  return stats;
}

/** The descriptor as the source's fallback index lists it (its exact entry), else as listed. */
function listedAs(listed: ReferrerList, d: Descriptor): Descriptor {
  if (!listed.fallback) return d;
  const parsed = parseManifest(listed.fallback);
  const entry = parsed.kind === 'index' ? parsed.index.manifests.find(m => m.digest === d.digest) : undefined;
  return entry ?? d;
}
