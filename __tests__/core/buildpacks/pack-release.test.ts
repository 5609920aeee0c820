import {describe, expect, it} from '@jest/globals';
import {PACK_DEFAULT_BASE_URL, PACK_RELEASE, packAssetUrl} from '../../../src/core/buildpacks/pack-release.js';

describe('the pinned pack release', () => {
  it('pins a sha256 for each Linux runner architecture', () => {
    expect(Object.keys(PACK_RELEASE.assets).sort()).toEqual(['linux-arm64', 'linux-x64']);
    for (const asset of Object.values(PACK_RELEASE.assets)) {
      expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(asset.file).toContain(`pack-v${PACK_RELEASE.version}-linux`);
    }
  });
  it('downloads from <base>/v<version>/<asset>', () => {
    expect(packAssetUrl(`${PACK_DEFAULT_BASE_URL}/`, PACK_RELEASE, PACK_RELEASE.assets['linux-x64']!)).toBe(
      `${PACK_DEFAULT_BASE_URL}/v${PACK_RELEASE.version}/pack-v${PACK_RELEASE.version}-linux.tgz`
    );
  });
});
