import {describe, expect, it} from '@jest/globals';
import {parseChallenges, scopeFor} from '../../src/registry/challenge.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  HostGate,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter
} from '../../src/registry/retry.js';
import {isLoopback} from '../../src/registry/transport.js';
import {blobsOf, parseManifest} from '../../src/oci/manifest.js';
import {sha256Digest} from '../../src/oci/digest.js';
import {MEDIA} from '../../src/oci/media-types.js';
import {tombstoneManifest} from '../../src/registry/untag.js';

describe('WWW-Authenticate', () => {
  it('parses a bearer challenge with quoted, escaped and comma-holding values', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:a/b:pull,push'
        }
      }
    ]);
    expect(parseChallenges('Basic realm="Registry \\"Realm\\""')).toEqual([
      {scheme: 'basic', params: {realm: 'Registry "Realm"'}}
    ]);
    expect(parseChallenges(undefined)).toEqual([]);
  });
  it('orders scope actions and removes duplicates', () => {
    expect(scopeFor('acme/web', ['push', 'pull', 'push'])).toBe('repository:acme/web:pull,push');
  });
});

describe('retry policy', () => {
  it('retries throttling, server errors and broken connections, not client errors', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405].some(isRetryableStatus)).toBe(false);
    expect(isRetryableError(Object.assign(new Error('x'), {code: 'ECONNRESET'}))).toBe(true);
    expect(isRetryableError(new Error('socket hang up'))).toBe(true);
    expect(isRetryableError(new Error('bad request'))).toBe(false);
  });
  it('reads Retry-After as seconds or an HTTP-date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(DEFAULT_RETRY, 1, () => 0.999)).toBeLessThan(500);
    expect(backoffMs(DEFAULT_RETRY, 3, () => 0.999)).toBeGreaterThan(1990);
    expect(backoffMs(DEFAULT_RETRY, 30, () => 1)).toBe(DEFAULT_RETRY.capMs);
    expect(backoffMs(DEFAULT_RETRY, 3, () => 0)).toBe(0);
  });
  it('a hold on a host delays every waiter until it ends', async () => {
    const gate = new HostGate();
    gate.hold('r.example', 120);
    gate.hold('r.example', 10); // a shorter hold never shortens a longer one
    const started = Date.now();
    await Promise.all([gate.wait('r.example'), gate.wait('r.example')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    const other = Date.now();
    await gate.wait('other.example');
    expect(Date.now() - other).toBeLessThan(20);
  });
});

describe('manifests', () => {
  it('tells an index from an image and lists blobs once', () => {
    const config = {mediaType: 'c', digest: 'sha256:1', size: 1};
    const layer = {mediaType: 'l', digest: 'sha256:2', size: 2};
    const image = Buffer.from(
      JSON.stringify({schemaVersion: 2, mediaType: MEDIA.ociManifest, config, layers: [layer, layer]})
    );
    const parsed = parseManifest({bytes: image, mediaType: MEDIA.ociManifest, digest: sha256Digest(image)});
    expect(parsed.kind).toBe('image');
    if (parsed.kind === 'image') expect(blobsOf(parsed.manifest)).toEqual([config, layer]);
    const index = Buffer.from(
      JSON.stringify({schemaVersion: 2, manifests: [{mediaType: MEDIA.ociManifest, digest: 'sha256:3', size: 3}]})
    );
    expect(parseManifest({bytes: index, mediaType: MEDIA.ociIndex, digest: sha256Digest(index)}).kind).toBe('index');
  });
  it('tombstones are unique, tiny and name their tag', () => {
    const a = tombstoneManifest('staging-x');
    const b = tombstoneManifest('staging-x');
    expect(a.digest).not.toBe(b.digest);
    expect(a.bytes.length).toBeLessThan(400);
    expect(JSON.parse(a.bytes.toString()).annotations['dev.imagegate.tombstone']).toMatch(/^staging-x [0-9a-f]{32}$/);
    expect(a.digest).toBe(sha256Digest(a.bytes));
  });
});

describe('isLoopback', () => {
  it.each([
    ['localhost:5000', true],
    ['127.0.0.1:5001', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['10.0.0.1:5000', false]
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
