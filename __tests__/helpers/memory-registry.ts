// A registry in memory that speaks the part of the OCI distribution API imagegate's client uses, as
// distribution 2.8 answers it (a manifest DELETE by digest removes every tag on that digest; no
// referrers API: 404). A registry named in `referrersApi` has the OCI 1.1 referrers API instead:
// `GET /v2/<name>/referrers/<digest>` (with the `artifactType` filter) lists the manifests whose
// `subject` is that digest, and a PUT of such a manifest answers `OCI-Subject`. Unit tests of the
// use cases run the real registry client against it, with no network.
import {randomBytes} from 'node:crypto';
import {Readable} from 'node:stream';
import {sha256Digest} from '../../src/oci/digest.js';
import type {RegistryRequest, RegistryResponse, Transport, TransportStats} from '../../src/registry/transport.js';

const MEDIA_INDEX = 'application/vnd.oci.image.index.v1+json';

interface Stored {
  bytes: Buffer;
  mediaType: string;
}

interface Repo {
  manifests: Map<string, Stored>;
  tags: Map<string, string>;
  blobs: Set<string>;
}

export class MemoryRegistry implements Transport {
  readonly stats: TransportStats = {requests: 0, bytesSent: 0, bytesReceived: 0, byMethod: {}};
  /** Every request, `METHOD host/path`. */
  readonly log: string[] = [];
  /** The status of every answer, in the order of `log`. */
  readonly statuses: number[] = [];
  private readonly repos = new Map<string, Repo>();
  private readonly content = new Map<string, Buffer>();
  private readonly uploads = new Map<string, string>();
  /** Registries whose deletes answer 405 (GHCR, Docker Hub). */
  readonly refusesDeletes = new Set<string>();
  /** Registries with the OCI 1.1 referrers API (distribution 3, zot, …); the others answer 404 as 2.8 does. */
  readonly referrersApi = new Set<string>();
  /** Registries that refuse every write with 403 (a mirror whose token lacks push rights). */
  readonly deniesWrites = new Set<string>();

  close(): void {}

  /** Puts a blob into a repository (a test's setup). */
  addBlob(registry: string, repository: string, bytes: Buffer): string {
    const digest = sha256Digest(bytes);
    this.content.set(digest, bytes);
    this.repo(registry, repository).blobs.add(digest);
    return digest;
  }

  /** Puts a manifest into a repository, under a tag if given (a test's setup). */
  addManifest(registry: string, repository: string, bytes: Buffer, mediaType: string, tag?: string): string {
    const digest = sha256Digest(bytes);
    const repo = this.repo(registry, repository);
    repo.manifests.set(digest, {bytes, mediaType});
    if (tag) repo.tags.set(tag, digest);
    return digest;
  }

  /** The tags of images, leaving out imagegate's own (referrer fallback indexes, promotion markers). */
  imageTagsOf(registry: string, repository: string): string[] {
    return this.tagsOf(registry, repository).filter(
      t => !/^sha256-[0-9a-f]{64}$/.test(t) && !t.startsWith('imagegate-')
    );
  }

  tagsOf(registry: string, repository: string): string[] {
    return [...this.repo(registry, repository).tags.keys()].sort();
  }

  digestOf(registry: string, repository: string, tag: string): string | undefined {
    return this.repo(registry, repository).tags.get(tag);
  }

  async send(req: RegistryRequest): Promise<RegistryResponse> {
    this.stats.requests++;
    this.stats.byMethod[req.method] = (this.stats.byMethod[req.method] ?? 0) + 1;
    const url = new URL(req.path, `http://${req.registry}`);
    this.log.push(`${req.method} ${req.registry}${url.pathname}${url.search}`);
    const body = await readBody(req.body);
    this.stats.bytesSent += body.length;
    const respond = (status: number, headers: Record<string, string> = {}, payload: Buffer = Buffer.alloc(0)) => {
      this.statuses.push(status);
      this.stats.bytesReceived += payload.length;
      const res: RegistryResponse = {status, headers, body: req.stream ? Buffer.alloc(0) : payload, url};
      if (req.stream) res.stream = Readable.from([payload]);
      return res;
    };
    const m = /^\/v2\/(.+)\/(manifests|blobs|tags|referrers)\/(.*)$/.exec(url.pathname);
    if (!m) return respond(404);
    const [, name, kind, rest] = m as unknown as [string, string, string, string];
    const repo = this.repo(req.registry, name);
    if (this.deniesWrites.has(req.registry) && ['PUT', 'POST', 'PATCH'].includes(req.method))
      return respond(
        403,
        {'content-type': 'application/json'},
        Buffer.from(JSON.stringify({errors: [{code: 'DENIED', message: 'requested access to the resource is denied'}]}))
      );

    if (kind === 'referrers') {
      if (!this.referrersApi.has(req.registry) || req.method !== 'GET') return respond(404);
      const wanted = url.searchParams.get('artifactType');
      const manifests = [...repo.manifests].flatMap(([digest, stored]) => {
        const doc = JSON.parse(stored.bytes.toString()) as {
          subject?: {digest: string};
          artifactType?: string;
          config?: {mediaType: string};
          annotations?: Record<string, string>;
        };
        if (doc.subject?.digest !== rest) return [];
        const artifactType = doc.artifactType ?? doc.config?.mediaType;
        if (wanted && artifactType !== wanted) return [];
        return [
          {
            mediaType: stored.mediaType,
            digest,
            size: stored.bytes.length,
            ...(artifactType ? {artifactType} : {}),
            ...(doc.annotations ? {annotations: doc.annotations} : {})
          }
        ];
      });
      const index = Buffer.from(JSON.stringify({schemaVersion: 2, mediaType: MEDIA_INDEX, manifests}));
      return respond(
        200,
        {'content-type': MEDIA_INDEX, ...(wanted ? {'oci-filters-applied': 'artifactType'} : {})},
        index
      );
    }

    if (kind === 'tags') return respond(200, {}, Buffer.from(JSON.stringify({name, tags: [...repo.tags.keys()]})));

    if (kind === 'manifests') {
      const digest = rest.startsWith('sha256:') ? rest : repo.tags.get(rest);
      const stored = digest ? repo.manifests.get(digest) : undefined;
      if (req.method === 'HEAD' || req.method === 'GET') {
        if (!stored || !digest) return respond(404);
        const headers = {'docker-content-digest': digest, 'content-type': stored.mediaType};
        return req.method === 'HEAD'
          ? {...respond(200, headers), headers: {...headers, 'content-length': String(stored.bytes.length)}}
          : respond(200, headers, stored.bytes);
      }
      if (req.method === 'PUT') {
        // As distribution 2.8: an image manifest whose config or layers the repository lacks is refused.
        const doc = JSON.parse(body.toString()) as {config?: {digest?: string}; layers?: {digest?: string}[]};
        const missing = [doc.config, ...(doc.layers ?? [])].find(d => d?.digest && !repo.blobs.has(d.digest));
        if (doc.config && missing)
          return respond(
            400,
            {'content-type': 'application/json'},
            Buffer.from(
              JSON.stringify({
                errors: [{code: 'MANIFEST_BLOB_UNKNOWN', message: `blob unknown to registry: ${missing.digest}`}]
              })
            )
          );
        const put = sha256Digest(body);
        repo.manifests.set(put, {bytes: body, mediaType: req.headers?.['content-type'] ?? ''});
        if (!rest.startsWith('sha256:')) repo.tags.set(rest, put);
        const subject = (JSON.parse(body.toString()) as {subject?: {digest?: string}}).subject?.digest;
        return respond(201, {
          'docker-content-digest': put,
          ...(subject && this.referrersApi.has(req.registry) ? {'oci-subject': subject} : {})
        });
      }
      if (req.method === 'DELETE') {
        if (this.refusesDeletes.has(req.registry)) return respond(405);
        if (!rest.startsWith('sha256:') || !repo.manifests.has(rest)) return respond(404);
        repo.manifests.delete(rest);
        for (const [tag, d] of repo.tags) if (d === rest) repo.tags.delete(tag);
        return respond(202);
      }
    }

    if (kind === 'blobs') {
      if (rest.startsWith('uploads')) return this.upload(req, url, name, repo, body, respond);
      if (req.method === 'HEAD') return respond(repo.blobs.has(rest) ? 200 : 404);
      if (req.method === 'GET') return repo.blobs.has(rest) ? respond(200, {}, this.content.get(rest)!) : respond(404);
    }
    return respond(405);
  }

  private upload(
    req: RegistryRequest,
    url: URL,
    name: string,
    repo: Repo,
    body: Buffer,
    respond: (status: number, headers?: Record<string, string>) => RegistryResponse
  ): RegistryResponse {
    const finish = (digest: string | null): RegistryResponse => {
      if (!digest || sha256Digest(body) !== digest) return respond(400);
      this.content.set(digest, body);
      repo.blobs.add(digest);
      return respond(201, {'docker-content-digest': digest});
    };
    if (req.method === 'POST') {
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      if (mount && from && this.repo(req.registry, from).blobs.has(mount)) {
        repo.blobs.add(mount);
        return respond(201);
      }
      if (url.searchParams.get('digest')) return finish(url.searchParams.get('digest'));
      const id = randomBytes(8).toString('hex');
      this.uploads.set(id, name);
      return respond(202, {location: `/v2/${name}/blobs/uploads/${id}`});
    }
    const id = url.pathname.split('/').pop()!;
    if (!this.uploads.has(id)) return respond(404);
    if (req.method === 'PUT') {
      this.uploads.delete(id);
      return finish(url.searchParams.get('digest'));
    }
    if (req.method === 'DELETE') {
      this.uploads.delete(id);
      return respond(204);
    }
    return respond(204, {range: '0-0'});
  }

  private repo(registry: string, repository: string): Repo {
    const key = `${registry}/${repository}`;
    let repo = this.repos.get(key);
    if (!repo) {
      repo = {manifests: new Map(), tags: new Map(), blobs: new Set()};
      this.repos.set(key, repo);
    }
    return repo;
  }
}

async function readBody(body: RegistryRequest['body']): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of await body()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
