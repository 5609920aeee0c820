import {describe, expect, it} from '@jest/globals';
import {formatReference, parseReference, sanitizeTag} from '../../src/oci/reference.js';

describe('parseReference (distribution grammar)', () => {
  // prettier-ignore
  it.each([
    ['localhost:5000/acme/web', {registry: 'localhost:5000', repository: 'acme/web'}],
    ['ghcr.io/acme/web:v1.2.3', {registry: 'ghcr.io', repository: 'acme/web', tag: 'v1.2.3'}],
    ['docker.io/heroku/builder:24@sha256:' + 'a'.repeat(64), {registry: 'docker.io', repository: 'heroku/builder', tag: '24', digest: 'sha256:' + 'a'.repeat(64)}],
    ['[::1]:5000/x/y', {registry: '[::1]:5000', repository: 'x/y'}],
    ['registry.example.com/a__b/c-d.e_f', {registry: 'registry.example.com', repository: 'a__b/c-d.e_f'}]
  ])('accepts %s', (text, expected) => {
    const r = parseReference(text);
    expect(r).toEqual({ok: true, value: expected});
    if (r.ok) expect(formatReference(r.value)).toBe(text);
  });

  // prettier-ignore
  it.each([
    ['acme/web', 'names no registry host; write it in full, e.g. `docker.io/acme/web`'],
    ['ghcr.io/Acme/web', 'repository names must be lowercase'],
    ['ghcr.io/acme/web:-x', 'invalid tag `-x`'],
    ['ghcr.io/acme/web@sha256:abc', 'is not a digest'],
    ['https://ghcr.io/acme/web', 'without a URL scheme'],
    ['ghcr.io/acme//web', 'is not a valid path component'],
    ['ghcr.io/acme/web:' + 'x'.repeat(129), 'at most 128 characters'],
    ['ghcr.io/' + 'a'.repeat(250), 'at most 255 are allowed']
  ])('refuses %s', (text, message) => {
    const r = parseReference(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('sanitizeTag', () => {
  it('turns branch names into valid tags', () => {
    expect(sanitizeTag('feature/new-login')).toBe('feature-new-login');
    expect(sanitizeTag('renovate/python-3.x')).toBe('renovate-python-3.x');
    expect(sanitizeTag('.hidden')).toBe('_hidden');
    expect(sanitizeTag('x'.repeat(200))).toHaveLength(128);
  });
});
