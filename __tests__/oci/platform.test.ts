import {describe, expect, it} from '@jest/globals';
import {parsePlatform, samePlatform} from '../../src/oci/platform.js';

describe('parsePlatform', () => {
  it.each(['linux/amd64', 'linux/arm64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/s390x', 'linux/riscv64'])(
    'accepts %s',
    p => {
      expect(parsePlatform(p).ok).toBe(true);
    }
  );
  // prettier-ignore
  it.each([
    ['linux/aarch64', 'the platform name is `linux/arm64`'],
    ['linux/x86_64', 'the platform name is `linux/amd64`'],
    ['amd64', 'has no OS; write `linux/amd64`'],
    ['Linux/amd64', 'write `linux`'],
    ['linux/arm/v9', 'arm variants: v5, v6, v7'],
    ['linux/amd64/v8/x', 'is not a platform'],
    ['linux/', 'is not a platform']
  ])('refuses %s with the fix', (p, message) => {
    const r = parsePlatform(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
  it('treats linux/arm64/v8 as linux/arm64', () => {
    const a = parsePlatform('linux/arm64/v8');
    const b = parsePlatform('linux/arm64');
    expect(a.ok && b.ok && samePlatform(a.value, b.value)).toBe(true);
  });
});
