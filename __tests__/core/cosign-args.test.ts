import {describe, expect, it} from '@jest/globals';
import {
  cosignSignArgs,
  cosignVerifyArgs,
  keylessIdentityOf,
  OFFLINE_SIGNING_CONFIG,
  parseCosignVersion,
  type CosignVersion
} from '../../src/core/cosign-args.js';

const ref = `localhost:5000/acme/web@sha256:${'a'.repeat(64)}`;
const V2: CosignVersion = {major: 2, version: '2.5.0', basis: 'test'};
const V3: CosignVersion = {major: 3, version: '3.1.1', basis: 'test'};

describe('cosignSignArgs', () => {
  it('cosign 2: signs by digest with a key, without the transparency log, on a plain-HTTP registry', () => {
    expect(cosignSignArgs({ref, key: '/k/cosign.key', tlog: false, insecure: true}, V2)).toEqual([
      'sign',
      '--yes',
      '--key',
      '/k/cosign.key',
      '--tlog-upload=false',
      '--allow-insecure-registry',
      ref
    ]);
  });
  it('cosign 3: without the transparency log through a signing config, never --tlog-upload=false (3.0.4+ refuses it)', () => {
    const args = cosignSignArgs({ref, key: '/k/cosign.key', tlog: false, insecure: false}, V3, {
      signingConfig: '/t/signing-config.json'
    });
    expect(args).toEqual([
      'sign',
      '--yes',
      '--key',
      '/k/cosign.key',
      '--signing-config',
      '/t/signing-config.json',
      ref
    ]);
    expect(args).not.toContain('--tlog-upload=false');
    expect(() => cosignSignArgs({ref, key: 'k', tlog: false, insecure: false}, V3)).toThrow('signing config');
    expect(JSON.parse(OFFLINE_SIGNING_CONFIG)).toEqual({
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      rekorTlogConfig: {},
      tsaConfig: {}
    });
  });
  it('signs keyless when no key is given; with the log, both versions take their defaults', () => {
    expect(cosignSignArgs({ref, tlog: true, insecure: false}, V2)).toEqual(['sign', '--yes', ref]);
    expect(cosignSignArgs({ref, tlog: true, insecure: false}, V3)).toEqual(['sign', '--yes', ref]);
  });
  it('refuses a tag: what was tested is a digest', () => {
    expect(() => cosignSignArgs({ref: 'localhost:5000/acme/web:latest', tlog: true, insecure: false}, V2)).toThrow(
      'cosign signs digests only'
    );
  });
});

describe('cosignVerifyArgs', () => {
  it('verifies a key pair with its public key, offline when nothing was logged', () => {
    expect(cosignVerifyArgs({ref, key: 'k', tlog: false, insecure: true}, {publicKey: '/t/cosign.pub'})).toEqual([
      'verify',
      '--key',
      '/t/cosign.pub',
      '--insecure-ignore-tlog=true',
      '--allow-insecure-registry',
      ref
    ]);
  });
  it('verifies keyless with the workflow identity on github.com, else any identity', () => {
    const github = keylessIdentityOf({
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/images.yml@refs/heads/main'
    });
    expect(cosignVerifyArgs({ref, tlog: true, insecure: false}, {}, github)).toEqual([
      'verify',
      '--certificate-identity',
      'https://github.com/acme/web/.github/workflows/images.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      ref
    ]);
    expect(keylessIdentityOf({GITHUB_SERVER_URL: 'https://ghe.example', GITHUB_WORKFLOW_REF: 'x'})).toEqual({});
    expect(cosignVerifyArgs({ref, tlog: true, insecure: false}, {})).toEqual([
      'verify',
      '--certificate-identity-regexp',
      '.*',
      '--certificate-oidc-issuer-regexp',
      '.*',
      ref
    ]);
  });
});

describe('parseCosignVersion', () => {
  it('reads the version cosign reports', () => {
    expect(parseCosignVersion('{"gitVersion": "v3.0.6", "goVersion": "go1.25"}', () => '')).toMatchObject({
      major: 3,
      version: '3.0.6'
    });
    expect(parseCosignVersion('{"gitVersion": "v2.5.0"}', () => '')).toMatchObject({major: 2, version: '2.5.0'});
  });
  it('tells a build without a version (Debian: "devel") by its sign flags', () => {
    const v3 = parseCosignVersion('{"gitVersion": "devel"}', () => '    --use-signing-config=true:\n');
    expect(v3).toMatchObject({major: 3, version: 'devel'});
    expect(v3.basis).toContain('uses a signing config by default, as cosign 3 does');
    expect(parseCosignVersion('{"gitVersion": "devel"}', () => '    --tlog-upload=true:\n')).toMatchObject({
      major: 2
    });
    expect(parseCosignVersion('{"gitVersion": "devel"}', () => '    --use-signing-config=false:\n').major).toBe(2);
  });
});
