// OCI 1.1 referrers through the client: the referrers API where a registry has one (the memory
// registry with `referrersApi`, as distribution 3 or zot answer), the fallback tag schema where it
// answers 404 (distribution 2.8), and copying them between registries with digests unchanged.
import {describe, expect, it} from '@jest/globals';
import {sha256Digest} from '../../src/oci/digest.js';
import {MEDIA} from '../../src/oci/media-types.js';
import {artifactManifest, fallbackTag, referrersIndex} from '../../src/oci/referrers.js';
import {RegistryClient} from '../../src/registry/client.js';
import {ImageCopier} from '../../src/registry/copy.js';
import {copyReferrers, Referrers} from '../../src/registry/referrers.js';
import type {RegistryRequest, RegistryResponse} from '../../src/registry/transport.js';
import {imageManifest} from '../helpers/fakes.js';
import {MemoryRegistry} from '../helpers/memory-registry.js';

const REPO = {registry: 'reg.test', repository: 'acme/web'};

/** A small image in `registry` (an OCI manifest with one layer), tagged `v1`. */
function image(mem: MemoryRegistry, registry = REPO.registry): {digest: string; size: number} {
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
  const layer = Buffer.from('layer bytes');
  mem.addBlob(registry, REPO.repository, config);
  mem.addBlob(registry, REPO.repository, layer);
  const {bytes} = imageManifest(config, layer);
  return {digest: mem.addManifest(registry, REPO.repository, bytes, MEDIA.ociManifest, 'v1'), size: bytes.length};
}

function artifact(subject: {digest: string; size: number}, type: string, note: string) {
  return artifactManifest({
    artifactType: type,
    subject: {mediaType: MEDIA.ociManifest, ...subject},
    annotations: {note}
  });
}

describe('Referrers', () => {
  it('without a referrers API (404, as distribution 2.8): attach writes the fallback index, list reads it back', async () => {
    const mem = new MemoryRegistry();
    const client = new RegistryClient(mem);
    const subject = image(mem);
    const refs = new Referrers(client);
    const sbom = artifact(subject, 'application/spdx+json', 'sbom');
    const sig = artifact(subject, 'application/vnd.dev.sigstore.bundle.v0.3+json', 'sig');
    expect(await refs.attach(REPO, sbom)).toBe('fallback');
    expect(await refs.attach(REPO, sig)).toBe('fallback');
    expect(mem.tagsOf(REPO.registry, REPO.repository)).toEqual([fallbackTag(subject.digest), 'v1']);
    const all = await refs.list(REPO, subject.digest);
    expect(all).toMatchObject({api: false, manifests: [{digest: sbom.digest}, {digest: sig.digest}]});
    expect(all.manifests[0]).toMatchObject({artifactType: 'application/spdx+json', annotations: {note: 'sbom'}});
    const only = await refs.list(REPO, subject.digest, {artifactType: 'application/spdx+json'});
    expect(only.manifests.map(d => d.digest)).toEqual([sbom.digest]);
    // Attaching again changes nothing.
    await refs.attach(REPO, sbom);
    expect((await refs.list(REPO, subject.digest)).manifests).toHaveLength(2);
  });

  it('with the referrers API: the registry indexes the PUT (OCI-Subject), no fallback tag, filtered by the registry', async () => {
    const mem = new MemoryRegistry();
    mem.referrersApi.add(REPO.registry);
    const client = new RegistryClient(mem);
    const subject = image(mem);
    const refs = new Referrers(client);
    const sbom = artifact(subject, 'application/spdx+json', 'sbom');
    expect(await refs.attach(REPO, sbom)).toBe('api');
    await refs.attach(REPO, artifact(subject, 'application/vnd.example', 'other'));
    expect(mem.tagsOf(REPO.registry, REPO.repository)).toEqual(['v1']);
    const only = await refs.list(REPO, subject.digest, {artifactType: 'application/spdx+json'});
    expect(only).toMatchObject({api: true, manifests: [{digest: sbom.digest, annotations: {note: 'sbom'}}]});
    expect(mem.log).toContainEqual(
      `GET reg.test/v2/acme/web/referrers/${subject.digest}?artifactType=application%2Fspdx%2Bjson`
    );
  });

  it('completes fallback entries that do not say what they are (cosign 3 lists its bundles as the empty type)', async () => {
    const mem = new MemoryRegistry();
    const client = new RegistryClient(mem);
    const subject = image(mem);
    const bundle = artifact(subject, 'application/vnd.dev.sigstore.bundle.v0.3+json', 'sig');
    mem.addManifest(REPO.registry, REPO.repository, bundle.bytes, bundle.mediaType);
    const index = referrersIndex([
      {mediaType: MEDIA.ociManifest, digest: bundle.digest, size: bundle.bytes.length, artifactType: MEDIA.ociEmpty}
    ]);
    mem.addManifest(REPO.registry, REPO.repository, index.bytes, index.mediaType, fallbackTag(subject.digest));
    const listed = await new Referrers(client).list(REPO, subject.digest);
    expect(listed.manifests).toEqual([
      expect.objectContaining({
        digest: bundle.digest,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        annotations: {note: 'sig'}
      })
    ]);
  });

  it('a writer that overwrites the fallback index in between: the read-back sees the entry missing and writes again', async () => {
    const mem = new MemoryRegistry();
    const subject = image(mem);
    const other = artifact(subject, 'application/vnd.other', 'theirs');
    const tag = fallbackTag(subject.digest);
    let raced = false;
    // After imagegate's first PUT of the fallback tag, another writer PUTs its own version (read before ours).
    const racing = {
      ...mem,
      stats: mem.stats,
      close: () => undefined,
      send: async (req: RegistryRequest): Promise<RegistryResponse> => {
        const res = await mem.send(req);
        if (!raced && req.method === 'PUT' && req.path.endsWith(`/manifests/${tag}`)) {
          raced = true;
          mem.addManifest(REPO.registry, REPO.repository, other.bytes, other.mediaType);
          const theirs = referrersIndex([
            {
              mediaType: MEDIA.ociManifest,
              digest: other.digest,
              size: other.bytes.length,
              artifactType: 'application/vnd.other'
            }
          ]);
          mem.addManifest(REPO.registry, REPO.repository, theirs.bytes, theirs.mediaType, tag);
        }
        return res;
      }
    };
    const refs = new Referrers(new RegistryClient(racing));
    const mine = artifact(subject, 'application/vnd.mine', 'mine');
    await refs.attach(REPO, mine);
    expect(raced).toBe(true);
    const listed = await refs.list(REPO, subject.digest);
    expect(listed.manifests.map(d => d.digest).sort()).toEqual([mine.digest, other.digest].sort());
  });

  it('copies every referrer to another registry: digests unchanged, the fallback index byte for byte, cosign 2 tags', async () => {
    const mem = new MemoryRegistry();
    const client = new RegistryClient(mem);
    const subject = image(mem, 'staging.test');
    const from = {registry: 'staging.test', repository: REPO.repository};
    const bundle = artifact(subject, 'application/vnd.dev.sigstore.bundle.v0.3+json', 'sig');
    await new Referrers(client).attach(from, bundle);
    const sig = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: {mediaType: MEDIA.ociEmpty, digest: sha256Digest('{}'), size: 2},
        layers: []
      })
    );
    mem.addBlob('staging.test', REPO.repository, Buffer.from('{}'));
    mem.addManifest('staging.test', REPO.repository, sig, MEDIA.ociManifest, `${fallbackTag(subject.digest)}.sig`);
    // The subject itself is promoted first.
    const copier = new ImageCopier(client);
    await copier.copy(from, REPO, subject.digest);
    const stats = await copyReferrers(client, copier, from, REPO, [subject.digest]);
    expect(stats).toEqual({referrers: 1, tags: 1, warnings: []});
    for (const tag of [fallbackTag(subject.digest), `${fallbackTag(subject.digest)}.sig`])
      expect(mem.digestOf(REPO.registry, REPO.repository, tag)).toBe(
        mem.digestOf('staging.test', REPO.repository, tag)
      );
    expect((await new Referrers(client).list(REPO, subject.digest)).manifests.map(d => d.digest)).toEqual([
      bundle.digest
    ]);
    // Again: nothing new.
    expect(await copyReferrers(client, copier, from, REPO, [subject.digest])).toMatchObject({tags: 0});
  });

  it('copies into a registry with the referrers API: indexed there, no fallback tag; merged with what it lists', async () => {
    const mem = new MemoryRegistry();
    mem.referrersApi.add(REPO.registry);
    const client = new RegistryClient(mem);
    const subject = image(mem, 'staging.test');
    const from = {registry: 'staging.test', repository: REPO.repository};
    const bundle = artifact(subject, 'application/vnd.dev.sigstore.bundle.v0.3+json', 'sig');
    await new Referrers(client).attach(from, bundle);
    const copier = new ImageCopier(client);
    await copier.copy(from, REPO, subject.digest);
    await new Referrers(client).attach(REPO, artifact(subject, 'application/vnd.already', 'there'));
    await copyReferrers(client, copier, from, REPO, [subject.digest]);
    expect(mem.tagsOf(REPO.registry, REPO.repository)).toEqual([]);
    const listed = await new Referrers(client).list(REPO, subject.digest);
    expect(listed.api).toBe(true);
    expect(listed.manifests.map(d => d.annotations?.note).sort()).toEqual(['sig', 'there']);
  });
});
