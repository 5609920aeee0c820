// The token realm policy (src/registry/hosts.ts, docs/promotion.md "Token realms"): which realm
// hosts may receive a registry's credentials, which may be asked for a token without them.
import {describe, expect, it} from '@jest/globals';
import {realmRefusal, type RealmPolicy} from '../../src/registry/hosts.js';

const none: RealmPolicy = {insecureHosts: [], trustedRealms: []};

describe('credentials go to a realm on the registry own host or domain', () => {
  it.each([
    ['ghcr.io', 'https://ghcr.io/token'],
    ['quay.io', 'https://quay.io/v2/auth'],
    ['gitlab.example.com:5050', 'https://gitlab.example.com/jwt/auth'],
    ['docker.io', 'https://auth.docker.io/token'],
    ['registry-1.docker.io', 'https://auth.docker.io/token'],
    ['registry.gitlab.com', 'https://gitlab.com/jwt/auth'],
    ['registry.example.com', 'https://gitlab.example.com/jwt/auth'],
    ['registry.digitalocean.com', 'https://api.digitalocean.com/v2/registry/auth'],
    ['reg.example.com', 'https://auth.reg.example.com/token'],
    ['localhost:5003', 'http://127.0.0.1:5004/token'],
    ['127.0.0.1:5003', 'http://localhost:5004/token'],
    ['[::1]:5003', 'http://127.0.0.1:5004/token'],
    ['10.0.0.5:5000', 'https://10.0.0.5/token']
  ])('%s → %s', (registry, realm) => {
    expect(realmRefusal(registry, new URL(realm), true, none)).toBeUndefined();
  });

  it.each([
    ['ghcr.io', 'https://evil.io/token'],
    ['ghcr.io', 'https://ghcr.io.evil.example/token'],
    ['registry.example.com', 'https://example.org/token'],
    ['gitlab.example.com', 'https://example.com.evil.example/token'],
    ['10.0.0.5:5000', 'https://10.0.0.6/token'],
    ['registry.example.com', 'https://127.0.0.1/token'],
    ['localhost:5000', 'https://auth.example.com/token']
  ])('%s ↛ %s', (registry, realm) => {
    const refusal = realmRefusal(registry, new URL(realm), true, none);
    expect(refusal).toContain(registry);
    expect(refusal).toContain(new URL(realm).origin);
    expect(refusal).toContain(`IMAGEGATE_TRUSTED_REALMS=${new URL(realm).hostname}`);
  });

  it('an explicit trust allows a host, a host and port, or a domain', () => {
    const realm = new URL('https://login.vendor.example:8443/token');
    expect(realmRefusal('ghcr.io', realm, true, {...none, trustedRealms: ['login.vendor.example']})).toBeUndefined();
    expect(
      realmRefusal('ghcr.io', realm, true, {...none, trustedRealms: ['login.vendor.example:8443']})
    ).toBeUndefined();
    expect(realmRefusal('ghcr.io', realm, true, {...none, trustedRealms: ['*.vendor.example']})).toBeUndefined();
    expect(realmRefusal('ghcr.io', realm, true, {...none, trustedRealms: ['login.vendor.example:9000']})).toBeDefined();
    expect(realmRefusal('ghcr.io', realm, true, {...none, trustedRealms: ['*.example.org']})).toBeDefined();
  });
});

describe('https only, with or without credentials', () => {
  it('plain http is for loopback and hosts listed as insecure', () => {
    expect(realmRefusal('reg.example.com', new URL('http://reg.example.com/token'), true, none)).toMatch(/not https/);
    expect(realmRefusal('reg.example.com', new URL('http://reg.example.com/token'), false, none)).toMatch(/not https/);
    expect(
      realmRefusal('reg.example.com', new URL('http://reg.example.com/token'), true, {
        ...none,
        insecureHosts: ['reg.example.com']
      })
    ).toBeUndefined();
    expect(realmRefusal('reg.example.com', new URL('ftp://reg.example.com/token'), false, none)).toMatch(/not https/);
  });

  it('without credentials any https realm may be asked, except an internal address that is not the registry', () => {
    expect(realmRefusal('ghcr.io', new URL('https://auth.elsewhere.example/token'), false, none)).toBeUndefined();
    expect(realmRefusal('ghcr.io', new URL('https://169.254.169.254/latest'), false, none)).toMatch(/internal address/);
    expect(realmRefusal('ghcr.io', new URL('https://192.168.1.1/token'), false, none)).toMatch(/internal address/);
    expect(realmRefusal('ghcr.io', new URL('http://127.0.0.1:8080/token'), false, none)).toMatch(/internal address/);
    expect(realmRefusal('10.0.0.5:5000', new URL('https://10.0.0.5:5001/token'), false, none)).toBeUndefined();
  });
});
