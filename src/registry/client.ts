// The OCI distribution API, one method per operation. Manifests travel as exact bytes; every
// digest a registry reports is checked against the bytes; blob bodies are verified as they stream.
// Every repository name, tag and digest is checked against the distribution grammar before it goes
// into a URL path (and refused before any request otherwise); every URL a registry hands back (an
// upload Location, a tag list's next page) must stay on the registry; everything parsed is checked
// for what it must be, and a registry that sends something else is named with the URL and the cause.

import {createHash} from 'node:crypto';
import {PassThrough, Transform, type Readable} from 'node:stream';
import {
  NAME_MAX_LENGTH,
  explainInvalidTag,
  isValidRegistryHost,
  isValidTag,
  parseRepositoryPath,
  type Repository
} from '../oci/reference.js';
import {UsageError} from '../core/errors.js';
import {RegistryError, errorDetail, ociError} from './errors.js';
import type {RegistryRequest, RegistryResponse, Transport} from './transport.js';
import {MANIFEST_ACCEPT, MEDIA} from '../oci/media-types.js';
import {digestProblem, sha256Digest} from '../oci/digest.js';
import type {Descriptor} from '../oci/descriptor.js';
import type {ManifestBytes} from '../oci/manifest.js';
import {BODY_LIMITS, formatSize, parseJsonObject, printable} from './body.js';
import {delay} from './retry.js';
import {RegistryFacts} from './facts.js';

export interface ClientOptions {
  /** Blobs larger than this upload in chunks of this size, resumable from the registry's offset. */
  chunkSize?: number;
}

// One streamed PUT is fastest and cheapest; chunks only pay off for very large blobs, and
// distribution 2.8 drops an upload session whose PATCH was interrupted anyway.
const DEFAULT_CHUNK = 512 * 1024 * 1024;
const UPLOAD_RECOVERIES = 10;
const DIGEST_MISMATCH = 'ERR_DIGEST_MISMATCH';
/** A registry too slow for a blob twice (low-speed rule, deadline) is not asked a third time. */
const TOO_SLOW = new Set(['ERR_TOO_SLOW', 'ERR_REQUEST_TIMEOUT']);
/** Tag list pages followed at most: with `n=1000`, a million tags. */
export const MAX_TAG_PAGES = 1000;

export class RegistryClient {
  /** What this run learnt about its registries (one client per run: shared by every image). */
  readonly facts = new RegistryFacts();

  constructor(
    readonly transport: Transport,
    private readonly opts: ClientOptions = {}
  ) {}

  /** The digest, media type and size a tag or digest resolves to, or undefined when absent. */
  async headManifest(
    repo: Repository,
    reference: string
  ): Promise<{digest: string; mediaType: string; size: number} | undefined> {
    const what = `HEAD manifest ${at(repo, reference)}`;
    const res = await this.send(
      repo,
      {method: 'HEAD', path: manifestPath(repo, reference, what), headers: {accept: MANIFEST_ACCEPT}},
      ['pull']
    );
    if (res.status === 404) return undefined;
    expectStatus(res, [200], what);
    const digest = header(res, 'docker-content-digest');
    if (digest)
      return {digest, mediaType: header(res, 'content-type') ?? '', size: Number(header(res, 'content-length') ?? 0)};
    // Without the header, only the bytes tell the digest.
    const m = await this.getManifest(repo, reference);
    return m && {digest: m.digest, mediaType: m.mediaType, size: m.bytes.length};
  }

  /**
   * The manifest's exact bytes (at most BODY_LIMITS.manifest); by digest, they must hash to it; they
   * must be a JSON manifest or index whose descriptors name valid digests. Undefined when absent.
   */
  async getManifest(repo: Repository, reference: string): Promise<ManifestBytes | undefined> {
    const what = `GET manifest ${at(repo, reference)}`;
    const res = await this.send(
      repo,
      {
        method: 'GET',
        path: manifestPath(repo, reference, what),
        headers: {accept: MANIFEST_ACCEPT},
        maxBody: {bytes: BODY_LIMITS.manifest, what: 'a manifest'}
      },
      ['pull']
    );
    if (res.status === 404) return undefined;
    expectStatus(res, [200], what);
    const digest = sha256Digest(res.body);
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(`${at(repo, reference)} served bytes that hash to ${digest}; refusing them`);
    }
    const claimed = header(res, 'docker-content-digest');
    if (claimed && claimed !== digest)
      throw new RegistryError(`${at(repo, reference)}: the registry says ${claimed} but the bytes hash to ${digest}`);
    const doc = parseJsonObject(res.body);
    if (!doc.ok) throw new RegistryError(`${what}: ${urlOf(res)} served a manifest that is ${doc.error}`);
    const problem = manifestProblem(doc.value);
    if (problem) throw new RegistryError(`${what}: ${urlOf(res)} served no manifest imagegate can read: ${problem}`);
    const mediaType =
      header(res, 'content-type') ?? (typeof doc.value.mediaType === 'string' ? doc.value.mediaType : '');
    return {bytes: res.body, mediaType, digest};
  }

  /** Stores manifest bytes as they are, under a digest or a tag; returns the digest the registry confirmed. */
  async putManifest(
    repo: Repository,
    reference: string,
    manifest: ManifestBytes,
    opts: {waitForBlobs?: boolean} = {}
  ): Promise<string> {
    await this.sendManifest(repo, reference, manifest, opts);
    return manifest.digest;
  }

  /**
   * Stores manifest bytes under a tag; true when the registry's answer confirmed the digest
   * (`Docker-Content-Digest`, checked against the bytes), so the tag needs no read-back.
   */
  async putTag(repo: Repository, tag: string, manifest: ManifestBytes): Promise<boolean> {
    const res = await this.sendManifest(repo, tag, manifest, {});
    return header(res, 'docker-content-digest') === manifest.digest;
  }

  /**
   * Stores a manifest that names a `subject`, by its digest. `indexed` is true when the registry
   * answered with `OCI-Subject` (its referrers API lists it now); else the writer must update the
   * fallback tag.
   */
  async putSubjectManifest(
    repo: Repository,
    manifest: ManifestBytes,
    subject: string,
    opts: {tag?: string; waitForBlobs?: boolean} = {}
  ): Promise<{digest: string; indexed: boolean}> {
    const res = await this.sendManifest(repo, opts.tag ?? manifest.digest, manifest, opts);
    return {digest: manifest.digest, indexed: header(res, 'oci-subject') === subject};
  }

  /**
   * Stores a manifest whose only blob is a small one (the empty config of referrers and tombstones)
   * in as few requests as the repository allows: where the run knows the repository holds the
   * blob, or it turns out to, one PUT; else the blob goes up (one HEAD, at most one upload, or a
   * mount from `mountFrom` in the same registry) and the PUT is made again.
   */
  async putWithSmallBlob<T>(
    repo: Repository,
    blob: Buffer,
    put: (waitForBlobs: boolean) => Promise<T>,
    mountFrom?: Repository
  ): Promise<T> {
    const digest = sha256Digest(blob);
    // From another repository of the same registry, a mount (one request, whether or not the
    // repository has the blob already) beats a PUT that may be refused.
    const mountable =
      mountFrom !== undefined && mountFrom.registry === repo.registry && mountFrom.repository !== repo.repository;
    if (!this.facts.hasBlob(repo, digest) && mountable && (await this.mountOrUpload(repo, blob, mountFrom.repository)))
      this.facts.rememberBlob(repo, digest);
    if (this.facts.hasBlob(repo, digest)) {
      try {
        return await put(true);
      } catch (e) {
        if (!blobUnknown(e)) throw e;
        this.facts.forgetBlob(repo, digest);
      }
    } else {
      try {
        const out = await put(false);
        this.facts.rememberBlob(repo, digest);
        return out;
      } catch (e) {
        if (!blobUnknown(e)) throw e;
      }
    }
    // The registry just said the repository lacks it: no HEAD to ask again.
    await this.putSmallBlob(repo, blob, {missing: true});
    this.facts.rememberBlob(repo, digest);
    return put(true);
  }

  private async sendManifest(
    repo: Repository,
    reference: string,
    manifest: ManifestBytes,
    opts: {waitForBlobs?: boolean}
  ): Promise<RegistryResponse> {
    const what = `PUT manifest ${at(repo, reference)}`;
    const tries = opts.waitForBlobs === false ? 1 : 4;
    // A registry may not yet see children or blobs written a moment ago (eventual consistency).
    for (let attempt = 1; ; attempt++) {
      const res = await this.send(
        repo,
        {
          method: 'PUT',
          path: manifestPath(repo, reference, what),
          headers: {'content-type': manifest.mediaType},
          body: manifest.bytes
        },
        ['pull', 'push']
      );
      const code = ociError(res.body).code;
      if (res.status === 400 && (code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN') && attempt < tries) {
        await delay(250 * attempt);
        continue;
      }
      expectStatus(res, [200, 201], what);
      const confirmed = header(res, 'docker-content-digest');
      if (confirmed && confirmed !== manifest.digest)
        throw new RegistryError(`${what}: the registry stored ${confirmed}, not ${manifest.digest}`);
      return res;
    }
  }

  /**
   * The referrers of `digest` from the registry's referrers API (`GET /v2/<name>/referrers/<digest>`,
   * every page), filtered by `artifactType` by the registry or, where it did not say it filtered
   * (`OCI-Filters-Applied`), here. Undefined when the registry has no referrers API: it answers 404
   * (the spec's signal; the fallback tag schema applies), as distribution 2.8 does.
   */
  async listReferrers(repo: Repository, digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    const what = `list referrers of ${at(repo, digest)}`;
    const base = `${repositoryPath(repo, what)}/referrers/${segment(digest)}`;
    const problem = digestProblem(digest);
    if (problem) throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
    const out: Descriptor[] = [];
    const read = new Set<string>();
    let path: string | undefined = artifactType ? `${base}?artifactType=${encodeURIComponent(artifactType)}` : base;
    for (let page = 1; path; page++) {
      if (page > MAX_TAG_PAGES)
        throw new RegistryError(
          `${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there`
        );
      const res: RegistryResponse = await this.send(
        repo,
        {
          method: 'GET',
          path,
          headers: {accept: MEDIA.ociIndex},
          maxBody: {bytes: BODY_LIMITS.manifest, what: 'a referrers list'}
        },
        ['pull']
      );
      if (res.status === 404 && page === 1) return undefined;
      expectStatus(res, [200], what);
      read.add(res.url.toString());
      const doc = parseJsonObject(res.body);
      if (!doc.ok) throw new RegistryError(`${what}: ${urlOf(res)} served a referrers list that is ${doc.error}`);
      const problem = doc.value.manifests === undefined ? undefined : manifestProblem(doc.value);
      if (problem || !Array.isArray(doc.value.manifests ?? []))
        throw new RegistryError(`${what}: ${urlOf(res)} served no index imagegate can read: ${problem ?? 'no list'}`);
      const filtered = (header(res, 'oci-filters-applied') ?? '')
        .split(',')
        .map(f => f.trim())
        .includes('artifactType');
      const listed = (doc.value.manifests ?? []) as Descriptor[];
      out.push(...(artifactType && !filtered ? listed.filter(d => d.artifactType === artifactType) : listed));
      path = nextPage(res, read, what);
    }
    return out;
  }

  async headBlob(repo: Repository, digest: string): Promise<boolean> {
    const what = `HEAD blob ${at(repo, digest)}`;
    const res = await this.send(repo, {method: 'HEAD', path: blobPath(repo, digest, what)}, ['pull']);
    if (res.status === 404) return false;
    expectStatus(res, [200], what);
    return true;
  }

  /**
   * Cross-repository mount within one registry. True when mounted; false when the registry
   * refused in any way (then the caller uploads), cancelling any upload session it opened.
   */
  async mountBlob(repo: Repository, digest: string, from: string): Promise<boolean> {
    const what = `mount blob ${at(repo, digest)} from ${from}`;
    blobPath(repo, digest, what);
    repositoryPath({registry: repo.registry, repository: from}, what);
    const path = `${repositoryPath(repo, what)}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    let res: RegistryResponse;
    try {
      res = await this.send(
        repo,
        {
          method: 'POST',
          path,
          headers: {'content-length': '0'},
          scope: {repository: repo.repository, actions: ['pull', 'push'], extra: [`repository:${from}:pull`]}
        },
        ['pull', 'push']
      );
    } catch {
      return false;
    }
    if (res.status === 201) return true;
    if (res.status === 202 && header(res, 'location')) {
      // The session it opened instead is cancelled, if it is one imagegate may touch.
      const location = attempt(() => uploadLocation(repo, res, what));
      if (location)
        await this.send(repo, {method: 'DELETE', path: location, noRetry: true}, ['pull', 'push']).catch(
          () => undefined
        );
    }
    return false;
  }

  /**
   * A small blob into `repo`: mounted from `from` (same registry), or, where the registry opens an
   * upload session instead, uploaded through that session. False when neither worked.
   */
  private async mountOrUpload(repo: Repository, bytes: Buffer, from: string): Promise<boolean> {
    const digest = sha256Digest(bytes);
    const what = `mount blob ${at(repo, digest)} from ${from}`;
    blobPath(repo, digest, what);
    repositoryPath({registry: repo.registry, repository: from}, what);
    const path = `${repositoryPath(repo, what)}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    const res = await this.send(
      repo,
      {
        method: 'POST',
        path,
        headers: {'content-length': '0'},
        scope: {repository: repo.repository, actions: ['pull', 'push'], extra: [`repository:${from}:pull`]}
      },
      ['pull', 'push']
    ).catch(() => undefined);
    if (res?.status === 201) return true;
    const location = res?.status === 202 ? attempt(() => uploadLocation(repo, res, what)) : undefined;
    if (!location) return false;
    const put = await this.finishUpload(repo, location, digest, bytes).catch(() => undefined);
    return put?.status === 201;
  }

  /** The PUT that completes an upload session with the whole blob. */
  private finishUpload(repo: Repository, location: string, digest: string, bytes: Buffer): Promise<RegistryResponse> {
    return this.send(
      repo,
      {
        method: 'PUT',
        path: withQuery(location, 'digest', digest),
        headers: {'content-type': 'application/octet-stream'},
        body: bytes
      },
      ['pull', 'push']
    );
  }

  /** A verified stream of a blob's bytes from `offset`; it errors if the whole blob does not hash to its digest. */
  async getBlob(repo: Repository, blob: Descriptor, offset = 0): Promise<Readable> {
    const what = `GET blob ${at(repo, blob.digest)}`;
    const headers: Record<string, string> = offset ? {range: `bytes=${offset}-`} : {};
    let res = await this.send(repo, {method: 'GET', path: blobPath(repo, blob.digest, what), headers, stream: true}, [
      'pull'
    ]);
    // Blob storage often redirects (S3, CDNs): follow without our credentials if the host changes.
    for (let hops = 0; [301, 302, 303, 307, 308].includes(res.status) && hops < 3; hops++) {
      const location = header(res, 'location');
      if (!location) break;
      const next = resolveUrl(location, res, `${what}: the redirect`);
      if (next.protocol !== 'https:' && next.protocol !== 'http:')
        throw new RegistryError(`${what}: ${repo.registry} redirected to ${next.protocol} URL; refusing to follow it`);
      res = await this.send(repo, {method: 'GET', path: next.toString(), headers, stream: true}, ['pull']);
    }
    if (res.status !== 200 && res.status !== 206) {
      expectStatus(res, [200], what);
    }
    if (offset && res.status !== 206)
      throw new RegistryError(
        `GET blob ${at(repo, blob.digest)} ignored the Range request; cannot resume at ${offset}`
      );
    const body = res.stream!;
    const out = offset ? new PassThrough() : verifier(blob);
    // pipe() does not pass errors on: a cut connection or a registry too slow must reach the reader.
    body.on('error', e => out.destroy(e));
    return body.pipe(out);
  }

  /**
   * Uploads a blob from a source that can be opened at any offset. Small blobs go in one PUT;
   * large ones in chunks, and an interrupted upload resumes from the offset the registry reports.
   */
  async uploadBlob(
    repo: Repository,
    blob: Descriptor,
    open: (offset: number) => Promise<Readable>,
    session?: string
  ): Promise<void> {
    const chunk = this.opts.chunkSize ?? DEFAULT_CHUNK;
    let location = session ?? (await this.startUpload(repo));
    let offset = 0;
    let mismatches = 0;
    let slow = 0;
    for (let recoveries = 0; ; recoveries++) {
      try {
        if (blob.size <= chunk) {
          await this.putWhole(repo, blob, location, open);
          return;
        }
        location = await this.putChunks(repo, blob, location, offset, chunk, open);
        return;
      } catch (e) {
        // A registry's verdict on the bytes (DIGEST_INVALID, SIZE_INVALID, DENIED…) is final.
        const status = e instanceof RegistryError ? e.status : undefined;
        if (e instanceof RegistryError && e.code === DIGEST_MISMATCH && ++mismatches > 1)
          throw new RegistryError(
            `blob ${blob.digest} came from its source with the right size but other bytes, twice: the source serves corrupt data for it (${e.message}); nothing was tagged`,
            undefined,
            DIGEST_MISMATCH
          );
        if (e instanceof RegistryError && e.code !== undefined && TOO_SLOW.has(e.code) && ++slow > 1)
          throw new RegistryError(
            `${e.message} (twice for blob ${blob.digest}; imagegate stops trying it)`,
            undefined,
            e.code
          );
        if (
          recoveries >= UPLOAD_RECOVERIES ||
          (status !== undefined && status < 500 && status !== 408 && status !== 429 && status !== 404)
        )
          throw e;
        const resumed = await this.uploadOffset(repo, location);
        if (resumed === undefined || blob.size <= chunk) {
          location = await this.startUpload(repo);
          offset = 0;
        } else {
          offset = resumed;
        }
        await delay(Math.min(2000, 100 * 2 ** recoveries));
      }
    }
  }

  /** Makes sure a small blob is in the repository: one HEAD when it is, else a monolithic upload. */
  async putSmallBlob(repo: Repository, bytes: Buffer, opts: {missing?: boolean} = {}): Promise<string> {
    const digest = sha256Digest(bytes);
    if (this.facts.hasBlob(repo, digest)) return digest;
    if (!opts.missing && (await this.headBlob(repo, digest))) {
      this.facts.rememberBlob(repo, digest);
      return digest;
    }
    const what = `POST blob ${at(repo, digest)}`;
    const res = await this.send(
      repo,
      {
        method: 'POST',
        path: `${repositoryPath(repo, what)}/blobs/uploads/?digest=${encodeURIComponent(digest)}`,
        headers: {'content-type': 'application/octet-stream'},
        body: bytes
      },
      ['pull', 'push']
    );
    if (res.status === 202) {
      // This registry does not take a monolithic POST: finish through the session it opened.
      const put = await this.finishUpload(repo, uploadLocation(repo, res, what), digest, bytes);
      expectStatus(put, [201], `PUT blob ${at(repo, digest)}`);
      this.facts.rememberBlob(repo, digest);
      return digest;
    }
    expectStatus(res, [201], what);
    this.facts.rememberBlob(repo, digest);
    return digest;
  }

  private async startUpload(repo: Repository): Promise<string> {
    const what = `POST upload ${repo.registry}/${repo.repository}`;
    const res = await this.send(
      repo,
      {method: 'POST', path: `${repositoryPath(repo, what)}/blobs/uploads/`, headers: {'content-length': '0'}},
      ['pull', 'push']
    );
    expectStatus(res, [202], what);
    return uploadLocation(repo, res, what);
  }

  private async putWhole(
    repo: Repository,
    blob: Descriptor,
    location: string,
    open: (offset: number) => Promise<Readable>
  ): Promise<void> {
    const res = await this.send(
      repo,
      {
        method: 'PUT',
        path: withQuery(location, 'digest', blob.digest),
        headers: {'content-type': 'application/octet-stream'},
        body: () => open(0),
        bodyLength: blob.size,
        noRetry: true
      },
      ['pull', 'push']
    );
    expectStatus(res, [201], `PUT blob ${at(repo, blob.digest)}`);
    checkBlobDigest(res, repo, blob);
  }

  private async putChunks(
    repo: Repository,
    blob: Descriptor,
    location: string,
    from: number,
    chunk: number,
    open: (offset: number) => Promise<Readable>
  ): Promise<string> {
    let offset = from;
    let url = location;
    const source = await open(offset);
    const reader = chunkReader(source);
    while (offset < blob.size) {
      const length = Math.min(chunk, blob.size - offset);
      const bytes = await reader(length);
      const res = await this.send(
        repo,
        {
          method: 'PATCH',
          path: url,
          headers: {'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + length - 1}`},
          body: bytes,
          noRetry: true
        },
        ['pull', 'push']
      );
      const what = `PATCH blob ${at(repo, blob.digest)} at ${offset}`;
      expectStatus(res, [202], what);
      if (header(res, 'location')) url = uploadLocation(repo, res, what);
      offset += length;
    }
    source.destroy();
    const res = await this.send(
      repo,
      {method: 'PUT', path: withQuery(url, 'digest', blob.digest), headers: {'content-length': '0'}, noRetry: true},
      ['pull', 'push']
    );
    expectStatus(res, [201], `PUT blob ${at(repo, blob.digest)}`);
    checkBlobDigest(res, repo, blob);
    return url;
  }

  /** How many bytes of an upload session the registry holds, or undefined if the session is gone. */
  private async uploadOffset(repo: Repository, location: string): Promise<number | undefined> {
    const res = await this.send(repo, {method: 'GET', path: location}, ['pull', 'push']).catch(() => undefined);
    if (!res || res.status !== 204) return undefined;
    const range = /^(?:bytes=)?0-(\d+)$/.exec(header(res, 'range') ?? '');
    return range ? Number(range[1]) + 1 : 0;
  }

  async deleteManifest(repo: Repository, reference: string): Promise<RegistryResponse> {
    const what = `DELETE manifest ${at(repo, reference)}`;
    return this.send(repo, {method: 'DELETE', path: manifestPath(repo, reference, what), noRetry: false}, [
      'pull',
      'push',
      'delete'
    ]);
  }

  /**
   * Every tag of a repository, page by page (`Link: <…>; rel="next"`). A next page must be on the
   * registry and the same tag list, and not one already read; at most MAX_TAG_PAGES pages.
   */
  async listTags(repo: Repository): Promise<string[]> {
    const what = `list tags of ${repo.registry}/${repo.repository}`;
    const tags: string[] = [];
    const read = new Set<string>();
    let path: string | undefined = `${repositoryPath(repo, what)}/tags/list?n=1000`;
    for (let page = 1; path; page++) {
      if (page > MAX_TAG_PAGES)
        throw new RegistryError(
          `${what}: the registry links to more than ${MAX_TAG_PAGES} pages; imagegate stops there (is it paging in a loop?)`
        );
      const res: RegistryResponse = await this.send(
        repo,
        {method: 'GET', path, maxBody: {bytes: BODY_LIMITS.tagPage, what: 'a tag list page'}},
        ['pull']
      );
      if (res.status === 404 && page === 1) return tags;
      expectStatus(res, [200], what);
      read.add(res.url.toString());
      tags.push(...tagsOf(res, what));
      path = nextPage(res, read, what);
    }
    return tags;
  }

  /** A small JSON blob (an image config: at most BODY_LIMITS.config), verified against its descriptor, as an object. */
  async getJsonBlob(repo: Repository, blob: Descriptor): Promise<Record<string, unknown>> {
    const what = `GET blob ${at(repo, blob.digest)}`;
    const path = blobPath(repo, blob.digest, what);
    if (blob.size > BODY_LIMITS.config)
      throw new RegistryError(
        `${what}: its descriptor says ${blob.size} bytes, more than the ${formatSize(BODY_LIMITS.config)} imagegate reads for a JSON blob such as an image config; refusing to fetch it`
      );
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      const stream = await this.getBlob(repo, blob);
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        if (length > blob.size) {
          stream.destroy();
          throw new Error(`the registry sent more than the ${blob.size} bytes its descriptor says`);
        }
      }
    } catch (e) {
      if (e instanceof RegistryError || e instanceof UsageError) throw e;
      const code = (e as {code?: unknown}).code;
      throw new RegistryError(
        `${what} failed: ${(e as Error).message}`,
        undefined,
        typeof code === 'string' ? code : undefined
      );
    }
    const doc = parseJsonObject(Buffer.concat(chunks));
    if (!doc.ok) throw new RegistryError(`${what}: ${repo.registry}${path} holds ${doc.error}`);
    return doc.value;
  }

  private send(
    repo: Repository,
    req: Omit<RegistryRequest, 'registry' | 'scope'> & {scope?: RegistryRequest['scope']},
    actions: RegistryRequest['scope']['actions']
  ): Promise<RegistryResponse> {
    return this.transport.send({registry: repo.registry, scope: {repository: repo.repository, actions}, ...req});
  }
}

/** A manifest PUT the registry refused because a blob it names is not in the repository. */
function blobUnknown(e: unknown): boolean {
  return (
    e instanceof RegistryError && e.status === 400 && (e.code === 'MANIFEST_BLOB_UNKNOWN' || e.code === 'BLOB_UNKNOWN')
  );
}

function expectStatus(res: RegistryResponse, ok: number[], what: string): void {
  if (ok.includes(res.status)) return;
  res.stream?.resume();
  throw new RegistryError(
    `${what} answered ${res.status}${errorDetail(res.body)}`,
    res.status,
    ociError(res.body).code
  );
}

/** `/v2/<name>`, once the registry host and the repository name pass the distribution grammar. */
function repositoryPath(repo: Repository, what: string): string {
  const name = `${repo.registry}/${repo.repository}`;
  let problem: string | undefined;
  if (!isValidRegistryHost(repo.registry)) problem = `\`${repo.registry}\` is not a registry host[:port]`;
  else {
    const path = parseRepositoryPath(repo.repository);
    if (!path.ok) problem = `\`${name}\` is not a repository name: ${path.error}`;
    else if (name.length > NAME_MAX_LENGTH)
      problem = `\`${name}\` is ${name.length} characters long; a repository name has at most ${NAME_MAX_LENGTH}`;
  }
  if (problem) throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
  return `/v2/${repo.repository.split('/').map(segment).join('/')}`;
}

/** `/v2/<name>/manifests/<tag or digest>`, once both pass the grammar. */
function manifestPath(repo: Repository, reference: string, what: string): string {
  const base = repositoryPath(repo, what);
  const problem = reference.includes(':')
    ? digestProblem(reference)
    : isValidTag(reference)
      ? undefined
      : `invalid tag \`${reference}\`: ${explainInvalidTag(reference)}`;
  if (problem) throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
  return `${base}/manifests/${segment(reference)}`;
}

/** `/v2/<name>/blobs/<digest>`, once both pass the grammar. */
function blobPath(repo: Repository, digest: string, what: string): string {
  const base = repositoryPath(repo, what);
  const problem = digestProblem(digest);
  if (problem) throw new UsageError(`refusing ${what}: ${problem}; nothing was sent to the registry`);
  return `${base}/blobs/${segment(digest)}`;
}

/** One path segment, percent-encoded (a no-op for names that passed the grammar; `:` stays as digests write it). */
function segment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

/**
 * The upload session URL a registry answered with, resolved against the request: it must be on
 * the registry (same scheme, host and port) and inside this repository's uploads.
 */
function uploadLocation(repo: Repository, res: RegistryResponse, what: string): string {
  const location = header(res, 'location');
  if (!location) throw new RegistryError(`${what}: ${repo.registry} started an upload without a Location`);
  const url = resolveUrl(location, res, `${what}: the upload Location`);
  if (url.origin !== res.url.origin)
    throw new RegistryError(
      `${what}: ${repo.registry} answered with an upload Location on ${url.origin}, not on the registry (${res.url.origin}); refusing to send the blob there`
    );
  const uploads = `${repositoryPath(repo, what)}/blobs/uploads/`;
  if (!url.pathname.startsWith(uploads))
    throw new RegistryError(
      `${what}: ${repo.registry} answered with an upload Location outside ${uploads} (${printable(url.pathname)}); refusing to send the blob there`
    );
  return url.toString();
}

function resolveUrl(location: string, res: RegistryResponse, what: string): URL {
  try {
    return new URL(location, res.url);
  } catch {
    throw new RegistryError(`${what} \`${printable(location)}\` from ${res.url.host} is not a URL`);
  }
}

/** The tags of one tag list page, each a valid tag. */
function tagsOf(res: RegistryResponse, what: string): string[] {
  const doc = parseJsonObject(res.body);
  if (!doc.ok) throw new RegistryError(`${what}: ${urlOf(res)} served a tag list that is ${doc.error}`);
  const tags = doc.value.tags ?? [];
  if (!Array.isArray(tags))
    throw new RegistryError(`${what}: ${urlOf(res)} served a tag list whose \`tags\` is not a list`);
  for (const tag of tags)
    if (typeof tag !== 'string' || !isValidTag(tag))
      throw new RegistryError(
        `${what}: ${urlOf(res)} lists \`${printable(String(tag))}\`, which is not a valid tag; refusing the list`
      );
  return tags as string[];
}

/** The next page of a tag list, if the registry links one: on the registry, the same list, never a page already read. */
function nextPage(res: RegistryResponse, read: Set<string>, what: string): string | undefined {
  const link = nextLink(header(res, 'link'));
  if (link === undefined) return undefined;
  const next = resolveUrl(link, res, `${what}: the next page`);
  if (next.origin !== res.url.origin)
    throw new RegistryError(
      `${what}: the registry's Link: next points at another host (${next.origin}); refusing to follow it`
    );
  if (next.pathname !== res.url.pathname)
    throw new RegistryError(
      `${what}: the registry's Link: next points outside this list (${printable(next.pathname)}); refusing to follow it`
    );
  if (read.has(next.toString()))
    throw new RegistryError(
      `${what}: the registry's Link: next points back at ${next.pathname}${next.search}, a page already read (a cycle); refusing to loop`
    );
  return next.toString();
}

/** The target of the `rel="next"` link of a Link header (RFC 8288: several links, quoted or bare, space-separated rel values). */
function nextLink(value: string | undefined): string | undefined {
  for (const m of (value ?? '').matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2] ?? '');
    if (rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/** Why a JSON document is not a manifest or index imagegate can read (descriptors included), or undefined. */
function manifestProblem(doc: Record<string, unknown>): string | undefined {
  if (doc.manifests === undefined && doc.config === undefined) return 'it has neither `manifests` nor `config`';
  const list = (value: unknown, field: string): string | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return `\`${field}\` is not a list`;
    for (const [i, d] of value.entries()) {
      const problem = descriptorProblem(d, `${field}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
  const one = (value: unknown, field: string): string | undefined =>
    value === undefined ? undefined : descriptorProblem(value, field);
  return (
    list(doc.manifests, 'manifests') ??
    one(doc.config, 'config') ??
    list(doc.layers, 'layers') ??
    one(doc.subject, 'subject')
  );
}

function descriptorProblem(d: unknown, field: string): string | undefined {
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return `\`${field}\` is not a descriptor`;
  const {digest, size} = d as {digest?: unknown; size?: unknown};
  if (typeof digest !== 'string') return `\`${field}.digest\` is missing`;
  const problem = digestProblem(digest);
  if (problem) return `\`${field}.digest\`: ${printable(problem)}`;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return `\`${field}.size\` is not a size`;
  return undefined;
}

/** The URL a response came from, without its query, for messages. */
function urlOf(res: RegistryResponse): string {
  return `${res.url.origin}${res.url.pathname}`;
}

/** The value, or undefined when computing it throws. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function checkBlobDigest(res: RegistryResponse, repo: Repository, blob: Descriptor): void {
  const confirmed = header(res, 'docker-content-digest');
  if (confirmed && confirmed !== blob.digest)
    throw new RegistryError(`${repo.registry}/${repo.repository} stored blob ${confirmed}, expected ${blob.digest}`);
}

function header(res: RegistryResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function at(repo: Repository, reference: string): string {
  return `${repo.registry}/${repo.repository}${reference.includes(':') ? '@' : ':'}${reference}`;
}

function withQuery(location: string, key: string, value: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/** Passes bytes through and fails at the end unless they have the descriptor's size and digest. */
function verifier(blob: Descriptor): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const digest = `sha256:${hash.digest('hex')}`;
      if (size !== blob.size || digest !== blob.digest) {
        // A short body is the network's doing; the right length with other bytes is the source's.
        done(
          Object.assign(new Error(`blob ${blob.digest} arrived as ${size} bytes hashing to ${digest}`), {
            code: size === blob.size ? DIGEST_MISMATCH : 'ERR_SHORT_BODY'
          })
        );
        return;
      }
      done();
    }
  });
}

/** Reads exactly `n` bytes at a time from a stream (chunks are joined once per read, not per arrival). */
function chunkReader(stream: Readable): (n: number) => Promise<Buffer> {
  const pending: Buffer[] = [];
  let length = 0;
  let ended = false;
  let failure: unknown;
  stream.on('end', () => void (ended = true));
  stream.on('error', e => void (failure = e));
  return async n => {
    while (length < n) {
      if (failure) throw failure;
      const chunk = stream.read() as Buffer | null;
      if (chunk) {
        pending.push(chunk);
        length += chunk.length;
        continue;
      }
      if (ended) throw Object.assign(new Error(`source ended after ${length} of ${n} bytes`), {code: 'ERR_SHORT_BODY'});
      await new Promise<void>(resolve => {
        const wake = (): void => {
          stream.off('readable', wake);
          stream.off('end', wake);
          stream.off('error', wake);
          resolve();
        };
        stream.on('readable', wake);
        stream.on('end', wake);
        stream.on('error', wake);
      });
    }
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, length);
    pending.length = 0;
    const rest = all.subarray(n);
    if (rest.length) pending.push(rest);
    length = rest.length;
    return all.subarray(0, n);
  };
}
