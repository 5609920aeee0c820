import {describe, expect, it} from '@jest/globals';
import {PINNED_TOOLS, toolDownloads} from '../../src/core/tools.js';

describe('toolDownloads', () => {
  it('resolves the pinned assets of this architecture, once each', () => {
    expect(toolDownloads('cosign, pack,cosign', 'x64').map(d => [d.name, d.version, d.url.split('/').pop()])).toEqual([
      ['cosign', '3.0.6', 'cosign-linux-amd64'],
      ['pack', '0.40.9', 'pack-v0.40.9-linux.tgz']
    ]);
    expect(toolDownloads('pack', 'arm64')[0]).toMatchObject({
      kind: 'tgz',
      member: 'pack',
      url: expect.stringContaining('linux-arm64')
    });
  });

  it('a mirror serves <name>/v<version>/<file>, with the same pinned checksum', () => {
    const [cosign] = toolDownloads('cosign', 'x64', 'http://mirror.internal/tools/');
    expect(cosign).toMatchObject({
      url: 'http://mirror.internal/tools/cosign/v3.0.6/cosign-linux-amd64',
      sha256: PINNED_TOOLS[0]!.assets.x64!.sha256
    });
  });

  it('names the fix for an unknown tool or an architecture without a pin', () => {
    expect(() => toolDownloads('cosgin', 'x64')).toThrow(
      'unknown tool `cosgin`; imagegate setup installs cosign, pack'
    );
    expect(() => toolDownloads('pack', 's390x')).toThrow('pack 0.40.9 is pinned for linux x64 and arm64, not s390x');
  });

  it('every pin is a full SHA-256 over an https URL', () => {
    for (const tool of PINNED_TOOLS)
      for (const asset of Object.values(tool.assets)) {
        expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(asset.url).toMatch(/^https:\/\//);
      }
  });
});
