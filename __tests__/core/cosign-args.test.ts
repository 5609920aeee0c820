import {describe, expect, it} from '@jest/globals';
import {cosignSignArgs} from '../../src/core/cosign-args.js';

const ref = `localhost:5000/acme/web@sha256:${'a'.repeat(64)}`;

describe('cosignSignArgs', () => {
  it('signs by digest with a key, without the transparency log, on a plain-HTTP registry', () => {
    expect(cosignSignArgs({ref, key: '/k/cosign.key', tlog: false, insecure: true})).toEqual([
      'sign',
      '--yes',
      '--key',
      '/k/cosign.key',
      '--tlog-upload=false',
      '--allow-insecure-registry',
      ref
    ]);
  });
  it('signs keyless when no key is given', () => {
    expect(cosignSignArgs({ref, tlog: true, insecure: false})).toEqual(['sign', '--yes', ref]);
  });
  it('refuses a tag: what was tested is a digest', () => {
    expect(() => cosignSignArgs({ref: 'localhost:5000/acme/web:latest', tlog: true, insecure: false})).toThrow(
      'cosign signs digests only'
    );
  });
});
