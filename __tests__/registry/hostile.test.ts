// The registry client against hostile registries (issue 12, item 6, and the client half of item 4):
// a misbehaving server on loopback answers what no honest registry would, and the client must
// refuse it with a RegistryError that names the registry, the URL and the cause, in bounded time
// and memory.
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {randomBytes} from 'node:crypto';
import {Readable} from 'node:stream';
import {RegistryClient} from '../../src/registry/client.js';
import {RegistryError} from '../../src/registry/errors.js';
import {RegistryTransport, type TransportOptions} from '../../src/registry/transport.js';
import type {CredentialStore} from '../../src/registry/credentials.js';
import {tombstoneManifest} from '../../src/registry/untag.js';
import {sha256Digest} from '../../src/oci/digest.js';
import {MEDIA} from '../../src/oci/media-types.js';
import type {ManifestBytes} from '../../src/oci/manifest.js';
import {UsageError} from '../../src/core/errors.js';
import {HostileRegistry, failure, readBody, type Handler} from '../helpers/hostile-registry.js';
import {explicitLogin} from '../helpers/login.js';
import {MemoryRegistry} from '../helpers/memory-registry.js';

const MiB = 1024 * 1024;
const NO_RETRY = {attempts: 1, baseMs: 1, factor: 1, capMs: 1, maxRetryAfterMs: 1000};
const FAST_RETRY = {attempts: 5, baseMs: 10, factor: 1, capMs: 10, maxRetryAfterMs: 1000};

let server: HostileRegistry;
/** A second host: a token realm, or where a hostile answer points. */
let other: HostileRegistry;
let repo: {registry: string; repository: string};
const open: RegistryTransport[] = [];

beforeEach(async () => {
  server = new HostileRegistry();
  repo = {registry: await server.start(), repository: 'acme/web'};
  other = new HostileRegistry();
  await other.start();
});
afterEach(async () => {
  open.splice(0).forEach(t => t.close());
  await Promise.all([server.stop(), other.stop()]);
});

function client(opts: TransportOptions = {}): RegistryClient {
  const transport = new RegistryTransport({idleTimeoutMs: 5000, retry: NO_RETRY, ...opts});
  open.push(transport);
  return new RegistryClient(transport);
}

/** How `getManifest(repo, 'x')` fails when the registry answers it with `handle`: a RegistryError. */
async function manifestFailure(handle: Handler, opts: TransportOptions = {}): Promise<Error> {
  server.on('GET', /\/manifests\/x$/, handle);
  const e = await failure(client(opts).getManifest(repo, 'x'));
  expect(e).toBeInstanceOf(RegistryError);
  return e;
}

/** A small valid image manifest (a tombstone: an empty config, no layers), the same bytes every call. */
function imageManifest(): ManifestBytes {
  return tombstoneManifest('hostile', 'fixed');
}

const json = {'content-type': 'application/json'};

describe('a manifest larger than 4 MiB is refused before it is buffered', () => {
  it('by its Content-Length, without reading the body', async () => {
    server.on('GET', /\/manifests\/big$/, (_req, res) => {
      res.writeHead(200, {'content-type': MEDIA.ociManifest, 'content-length': String(2 * 1024 * MiB)});
      res.write('{"schemaVersion":2');
    });
    const started = Date.now();
    const e = await failure(client().getManifest(repo, 'big'));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(repo.registry);
    expect(e.message).toContain('/v2/acme/web/manifests/big');
    expect(e.message).toMatch(/2147483648 bytes.*more than the 4 MiB .*manifest/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('without a Content-Length, by stopping once 4 MiB have arrived', async () => {
    server.on('GET', /\/manifests\/endless$/, (_req, res, s) =>
      s.flood(res, Buffer.alloc(64 * 1024, 0x20), 64 * MiB, {'content-type': MEDIA.ociManifest})
    );
    const e = await failure(client().getManifest(repo, 'endless'));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(`${repo.registry}`);
    expect(e.message).toContain('/v2/acme/web/manifests/endless');
    expect(e.message).toMatch(/more than the 4 MiB .*manifest/);
    // The client hung up soon after the limit (what the kernel buffers on loopback comes on top).
    expect(server.bytesWritten).toBeLessThan(24 * MiB);
  });

  it('a config blob whose descriptor says more than 4 MiB is not even asked for', async () => {
    const blob = {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256Digest('x'), size: 5 * MiB};
    const e = await failure(client().getJsonBlob(repo, blob));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toMatch(/5242880 bytes.*more than the 4 MiB/);
    expect(server.requests).toEqual([]);
  });

  it('a tag list page, a token response and an error body are bounded too', async () => {
    server.on('GET', /\/tags\/list/, (_req, res, s) =>
      s.flood(res, Buffer.alloc(64 * 1024, 0x20), 64 * MiB, {'content-type': 'application/json'})
    );
    const tags = await failure(client().listTags(repo));
    expect(tags).toBeInstanceOf(RegistryError);
    expect(tags.message).toMatch(/more than the 8 MiB .*tag list/);

    other.on('GET', /^\/token/, (_req, res, s) => s.flood(res, Buffer.alloc(64 * 1024, 0x20), 64 * MiB, json));
    const token = await manifestFailure((_req, res, s) =>
      s.send(res, 401, '', {'www-authenticate': `Bearer realm="${other.origin}/token",service="s"`})
    );
    expect(token.message).toMatch(/more than the 1 MiB .*token/);
    expect(token.message).toContain(`${other.origin}/token`);

    server.on('GET', /\/manifests\/error$/, (_req, res, s) =>
      s.flood(res, Buffer.alloc(64 * 1024, 0x41), 64 * MiB, {'content-type': 'text/html'}, 500)
    );
    const before = server.bytesWritten;
    const error = await failure(client().getManifest(repo, 'error'));
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).status).toBe(500);
    expect(server.bytesWritten - before).toBeLessThan(24 * MiB);
  });
});

describe('every request has an overall deadline, not only an idle timeout', () => {
  it('a manifest trickling one byte every 2 s fails at the deadline, and the read is tried once more', async () => {
    const body = imageManifest().bytes;
    server.on('GET', /\/manifests\/slow$/, (_req, res, s) => {
      res.writeHead(200, {'content-type': MEDIA.ociManifest, 'content-length': String(body.length)});
      s.trickle(res, body, 2000);
    });
    const started = Date.now();
    const e = await failure(client({requestTimeoutMs: 1500, retry: FAST_RETRY}).getManifest(repo, 'slow'));
    const took = Date.now() - started;
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(repo.registry);
    expect(e.message).toContain('/v2/acme/web/manifests/slow');
    expect(e.message).toMatch(/did not finish .* within 1500 ms/);
    expect(server.requests.filter(r => r.path.endsWith('/manifests/slow'))).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(3000);
    expect(took).toBeLessThan(4500);
  }, 20000);

  it('a trickled answer to a manifest PUT is not sent again', async () => {
    server.on('PUT', /\/manifests\/v1$/, async (req, res, s) => {
      await readBody(req);
      res.writeHead(201, {'content-length': '10'});
      s.trickle(res, Buffer.from('0123456789'), 2000);
    });
    const e = await failure(
      client({requestTimeoutMs: 1000, retry: FAST_RETRY}).putManifest(repo, 'v1', imageManifest())
    );
    expect(e.message).toMatch(/did not finish .* within 1000 ms/);
    expect(server.requests.filter(r => r.method === 'PUT')).toHaveLength(1);
  }, 20000);

  it('response headers that never come after a streamed upload body fail at the deadline', async () => {
    const data = randomBytes(1000);
    server.on('POST', /\/blobs\/uploads\/$/, (_req, res, s) =>
      s.send(res, 202, '', {location: '/v2/acme/web/blobs/uploads/u1'})
    );
    server.on('PUT', /\/blobs\/uploads\/u1/, async req => {
      await readBody(req);
      // … and never answer, while keeping the connection busy with nothing.
    });
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    const started = Date.now();
    const e = await failure(
      client({requestTimeoutMs: 1000, idleTimeoutMs: 60000}).uploadBlob(repo, blob, async () => Readable.from([data]))
    );
    expect(e.message).toMatch(/did not finish .* within 1000 ms/);
    expect(Date.now() - started).toBeLessThan(10000);
  }, 30000);

  it('a blob trickling one byte every 2 s is cut by the low-speed rule, whatever its size', async () => {
    const data = randomBytes(64);
    server.on('GET', /\/blobs\/sha256:/, (_req, res, s) => {
      res.writeHead(200, {'content-length': String(data.length)});
      s.trickle(res, data, 2000);
    });
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    const started = Date.now();
    const stream = await client({lowSpeed: {bytesPerSecond: 1024, windowMs: 1000}}).getBlob(repo, blob);
    const e = await failure(
      (async () => {
        for await (const _ of stream) void _;
      })()
    );
    const took = Date.now() - started;
    expect(e.message).toMatch(/less than 1024 bytes\/s/);
    expect(e.message).toContain(repo.registry);
    expect(e.message).toContain(`/v2/acme/web/blobs/${blob.digest}`);
    expect(took).toBeLessThan(2500);
  }, 20000);

  it('a blob stream the caller does not read for a while is not blamed on the registry', async () => {
    const data = randomBytes(4 * MiB);
    server.on('GET', /\/blobs\/sha256:/, (_req, res, s) => s.send(res, 200, data));
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    const stream = await client({lowSpeed: {bytesPerSecond: 64 * 1024 * 1024, windowMs: 300}}).getBlob(repo, blob);
    await new Promise(resolve => setTimeout(resolve, 1200));
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  }, 20000);

  it('a registry that reads an upload at a trickle is given up on, after one fresh try', async () => {
    const size = 64 * MiB;
    const chunk = randomBytes(MiB);
    const data = Buffer.concat(Array.from({length: 64}, () => chunk));
    let sessions = 0;
    server.on('POST', /\/blobs\/uploads\/$/, (_req, res, s) =>
      s.send(res, 202, '', {location: `/v2/acme/web/blobs/uploads/u${++sessions}`})
    );
    server.on('GET', /\/blobs\/uploads\/u/, (_req, res, s) => s.send(res, 404));
    server.on('PUT', /\/blobs\/uploads\/u/, req => {
      req.pause();
      const timer = setInterval(() => (req.destroyed ? clearInterval(timer) : req.read(1)), 2000);
      req.on('close', () => clearInterval(timer));
    });
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size};
    const started = Date.now();
    const e = await failure(
      client({lowSpeed: {bytesPerSecond: 1024 * 1024, windowMs: 1000}}).uploadBlob(repo, blob, async offset =>
        Readable.from(
          (function* () {
            for (let at = offset; at < size; at += MiB) yield data.subarray(at, at + MiB);
          })()
        )
      )
    );
    expect(e.message).toMatch(/reads the upload at less than 1048576 bytes\/s/);
    expect(e.message).toContain(repo.registry);
    expect(server.requests.filter(r => r.method === 'PUT')).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(15000);
  }, 30000);
});

describe('the registry credentials go to a token realm only under an explicit policy', () => {
  const credentials = (): CredentialStore => explicitLogin([repo.registry], 'me', 'hunter2');

  it('a realm on another host is refused before any request, naming the realm, the registry and the fix', async () => {
    const e = await manifestFailure(
      (_req, res, s) =>
        s.send(res, 401, '', {
          'www-authenticate': 'Bearer realm="https://auth.elsewhere.example/token",service="registry"'
        }),
      {credentials: credentials()}
    );
    expect(e.message).toContain('auth.elsewhere.example');
    expect(e.message).toContain(repo.registry);
    expect(e.message).toContain('IMAGEGATE_TRUSTED_REALMS=auth.elsewhere.example');
  });

  it('a realm on the same loopback machine (another port) receives them, as the testbed token service does', async () => {
    other.on('GET', /^\/token/, (_req, res, s) => s.send(res, 200, JSON.stringify({token: 't0k3n'}), json));
    server.on('GET', /\/manifests\/x$/, (req, res, s) =>
      req.headers.authorization === 'Bearer t0k3n'
        ? s.send(res, 200, imageManifest().bytes, {'content-type': MEDIA.ociManifest})
        : s.send(res, 401, '', {'www-authenticate': `Bearer realm="${other.origin}/token",service="registry"`})
    );
    const got = await client({credentials: credentials()}).getManifest(repo, 'x');
    expect(got?.digest).toBe(imageManifest().digest);
    expect(other.requests[0]?.authorization).toBe(`Basic ${Buffer.from('me:hunter2').toString('base64')}`);
  });

  it('a realm that is not a URL is a clear error, not a crash', async () => {
    const e = await manifestFailure((_req, res, s) =>
      s.send(res, 401, '', {'www-authenticate': 'Bearer realm="not a url",service="registry"'})
    );
    expect(e.message).toContain('`not a url`');
  });
});

describe('malformed JSON is named, never a stack trace or "missing"', () => {
  it('a manifest that is not JSON', async () => {
    server.on('GET', /\/manifests\/broken$/, (_req, res, s) =>
      s.send(res, 200, '{"schemaVersion": 2, "config": ', {'content-type': MEDIA.ociManifest})
    );
    const e = await failure(client().getManifest(repo, 'broken'));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(repo.registry);
    expect(e.message).toContain('/v2/acme/web/manifests/broken');
    expect(e.message).toMatch(/not JSON \(.+\)/);
  });

  it('a manifest that is JSON but not a manifest, or lists a digest that is not one', async () => {
    server.on('GET', /\/manifests\/array$/, (_req, res, s) => s.send(res, 200, '[]', {'content-type': MEDIA.ociIndex}));
    server.on('GET', /\/manifests\/sneaky$/, (_req, res, s) =>
      s.send(
        res,
        200,
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA.ociIndex,
          manifests: [{mediaType: MEDIA.ociManifest, digest: '../../../other/manifests/latest', size: 1}]
        }),
        {'content-type': MEDIA.ociIndex}
      )
    );
    const array = await failure(client().getManifest(repo, 'array'));
    expect(array).toBeInstanceOf(RegistryError);
    expect(array.message).toMatch(/manifests\/array.*not a JSON object/);
    const sneaky = await failure(client().getManifest(repo, 'sneaky'));
    expect(sneaky).toBeInstanceOf(RegistryError);
    expect(sneaky.message).toContain('`../../../other/manifests/latest` is not a digest');
  });

  it('a tag list that is not JSON, or holds a name that is not a tag', async () => {
    server.on('GET', /\/acme\/web\/tags\/list/, (_req, res, s) => s.send(res, 200, '<html>busy</html>', json));
    server.on('GET', /\/acme\/evil\/tags\/list/, (_req, res, s) =>
      s.send(res, 200, JSON.stringify({name: 'acme/evil', tags: ['ok', '../../x']}), json)
    );
    const e = await failure(client().listTags(repo));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(`${repo.registry}`);
    expect(e.message).toContain('/v2/acme/web/tags/list');
    expect(e.message).toMatch(/not JSON/);
    const evil = await failure(client().listTags({...repo, repository: 'acme/evil'}));
    expect(evil).toBeInstanceOf(RegistryError);
    expect(evil.message).toContain('`../../x`');
  });

  it('a token response that is not JSON', async () => {
    other.on('GET', /^\/token/, (_req, res, s) => s.send(res, 200, 'token=abc', json));
    const e = await manifestFailure((_req, res, s) =>
      s.send(res, 401, '', {'www-authenticate': `Bearer realm="${other.origin}/token",service="s"`})
    );
    expect(e.message).toContain(`${other.origin}/token`);
    expect(e.message).toContain(repo.registry);
    expect(e.message).toMatch(/not JSON/);
  });

  it('a config blob that is not a JSON object', async () => {
    for (const text of ['{"os": "linux",', 'null']) {
      const bytes = Buffer.from(text);
      server.on('GET', new RegExp(`/blobs/${sha256Digest(bytes)}$`), (_req, res, s) => s.send(res, 200, bytes));
      const blob = {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256Digest(bytes),
        size: bytes.length
      };
      const e = await failure(client().getJsonBlob(repo, blob));
      expect(e).toBeInstanceOf(RegistryError);
      expect(e.message).toContain(`/v2/acme/web/blobs/${blob.digest}`);
      expect(e.message).toMatch(/not (JSON|a JSON object)/);
    }
  });

  it('an error body that is not an OCI error still says what the registry answered', async () => {
    const e = await manifestFailure((_req, res, s) =>
      s.send(res, 500, '<html><body>\u001b[31mBad gateway\r\n::error::x</body></html>', {'content-type': 'text/html'})
    );
    expect(e.message).toContain('answered 500');
    expect(e.message).toContain('<html><body> [31mBad gateway ::error::x</body></html>');
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('tag list pagination', () => {
  it('a Link: next that points back at a page already read is a cycle, refused', async () => {
    server.on('GET', /\/tags\/list/, (req, res, s) =>
      s.send(res, 200, JSON.stringify({name: 'acme/web', tags: ['a']}), {
        ...json,
        // Stops by itself after 50 pages, so a client that loops fails this test instead of hanging it.
        ...(server.requests.length < 50 ? {link: '</v2/acme/web/tags/list?n=1000>; rel="next"'} : {})
      })
    );
    const e = await failure(client().listTags(repo));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toMatch(/cycle/);
    expect(e.message).toContain('/v2/acme/web/tags/list?n=1000');
    expect(server.requests).toHaveLength(1);
  });

  it('pages are bounded: 1000 at most', async () => {
    server.on('GET', /\/tags\/list/, (req, res, s) => {
      const page = server.requests.length;
      s.send(res, 200, JSON.stringify({name: 'acme/web', tags: [`t${page}`]}), {
        ...json,
        ...(page < 1200 ? {link: `</v2/acme/web/tags/list?n=1&last=t${page}>; rel="next"`} : {})
      });
    });
    const e = await failure(client().listTags(repo));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toMatch(/more than 1000 pages/);
    expect(server.requests).toHaveLength(1000);
  }, 30000);

  it('a next link to another host is not followed', async () => {
    server.on('GET', /\/tags\/list/, (_req, res, s) =>
      s.send(res, 200, JSON.stringify({name: 'acme/web', tags: ['a']}), {
        ...json,
        link: `<${other.origin}/v2/acme/web/tags/list?last=a>; rel="next"`
      })
    );
    const e = await failure(client().listTags(repo));
    expect(e).toBeInstanceOf(RegistryError);
    expect(e.message).toContain(other.origin);
    expect(other.requests).toEqual([]);
  });

  it('follows relative next links and several links in one header', async () => {
    server.on('GET', /\/tags\/list/, (req, res, s) => {
      const last = new URL(req.url ?? '/', 'http://x').searchParams.get('last');
      if (!last)
        s.send(res, 200, JSON.stringify({name: 'acme/web', tags: ['a']}), {
          ...json,
          link: '<list?last=a&n=1>; rel=next, </v2/acme/web/tags/list>; rel="first"'
        });
      else s.send(res, 200, JSON.stringify({name: 'acme/web', tags: ['b']}), json);
    });
    expect(await client().listTags(repo)).toEqual(['a', 'b']);
  });
});

describe('names, tags and digests are checked before any request', () => {
  const memory = (): {registry: MemoryRegistry; client: RegistryClient} => {
    const registry = new MemoryRegistry();
    return {registry, client: new RegistryClient(registry)};
  };
  const target = {registry: 'registry.example', repository: 'acme/web'};

  it.each([
    ['abc#x', 'invalid tag `abc#x`'],
    ['{{sha}}', 'invalid tag `{{sha}}`'],
    ['../../other/manifests/x', 'invalid tag `../../other/manifests/x`'],
    ['latest?x=1', 'invalid tag `latest?x=1`'],
    ['sha256:abc', '`sha256:abc` is not a digest']
  ])('a manifest PUT under %s is refused', async (reference, reason) => {
    const {registry, client} = memory();
    const e = await failure(client.putManifest(target, reference, imageManifest()));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain(reason);
    expect(e.message).toContain('registry.example/acme/web');
    expect(registry.log).toEqual([]);
  });

  it.each([['acme/../other'], ['ACME/web'], ['acme//web'], ['acme/web/'], ['a%2fb'], ['acme/web?x']])(
    'repository %s is refused',
    async repository => {
      const {registry, client} = memory();
      const e = await failure(client.headManifest({registry: 'registry.example', repository}, 'latest'));
      expect(e).toBeInstanceOf(UsageError);
      expect(e.message).toContain(`registry.example/${repository}`);
      expect(registry.log).toEqual([]);
    }
  );

  it('blob digests and mount sources are checked too', async () => {
    const {registry, client} = memory();
    const bad = {mediaType: 'application/octet-stream', digest: 'sha256:../../x', size: 1};
    expect(await failure(client.getBlob(target, bad))).toBeInstanceOf(UsageError);
    expect(await failure(client.headBlob(target, 'sha256:ABC'))).toBeInstanceOf(UsageError);
    expect(await failure(client.mountBlob(target, sha256Digest('x'), '../other'))).toBeInstanceOf(UsageError);
    expect(registry.log).toEqual([]);
  });

  it('a registry host that is not one is refused', async () => {
    const {registry, client} = memory();
    const e = await failure(client.headManifest({registry: 'evil.example/x?', repository: 'acme/web'}, 'latest'));
    expect(e).toBeInstanceOf(UsageError);
    expect(registry.log).toEqual([]);
  });

  it('an upload Location on another host, or outside the repository, is refused and nothing is sent there', async () => {
    const data = randomBytes(100);
    const blob = {mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length};
    for (const location of [
      `${other.origin}/v2/acme/web/blobs/uploads/u1`,
      '/v2/acme/web/blobs/uploads/../../../other/blobs/uploads/u1',
      `//${other.address}/v2/acme/web/blobs/uploads/u1`
    ]) {
      server.on('POST', /\/blobs\/uploads\/$/, (_req, res, s) => s.send(res, 202, '', {location}));
      const e = await failure(client().uploadBlob(repo, blob, async () => Readable.from([data])));
      expect(e).toBeInstanceOf(RegistryError);
      expect(e.message).toContain('Location');
      expect(e.message).toContain(repo.registry);
      expect(server.requests.filter(r => r.method === 'PUT')).toEqual([]);
      expect(other.requests).toEqual([]);
      server.clear();
    }
  });
});
