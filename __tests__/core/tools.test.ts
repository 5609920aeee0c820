import {describe, expect, it} from '@jest/globals';
import {PINNED_TOOLS, parseToolNames, toolDownloads} from '../../src/core/tools.js';

describe('imagegate setup’s tools', () => {
  it('takes the names once each; pack is not a download of its own (the buildpacks installer has its pin)', () => {
    expect(parseToolNames('cosign, pack,cosign')).toEqual(['cosign', 'pack']);
    expect(toolDownloads(['cosign', 'pack'], 'x64').map(d => [d.name, d.version, d.url.split('/').pop()])).toEqual([
      ['cosign', '3.0.6', 'cosign-linux-amd64']
    ]);
    expect(toolDownloads(['cosign'], 'arm64')[0]).toMatchObject({url: expect.stringContaining('linux-arm64')});
    expect(toolDownloads(['pack'], 'x64')).toEqual([]);
  });

  it('a mirror serves <name>/v<version>/<file>, with the same pinned checksum', () => {
    const [cosign] = toolDownloads(['cosign'], 'x64', 'http://mirror.internal/tools/');
    expect(cosign).toMatchObject({
      url: 'http://mirror.internal/tools/cosign/v3.0.6/cosign-linux-amd64',
      sha256: PINNED_TOOLS[0]!.assets.x64!.sha256
    });
  });

  it('names the fix for an unknown tool or an architecture without a pin', () => {
    expect(() => parseToolNames('cosgin')).toThrow('unknown tool `cosgin`; imagegate setup installs cosign, pack');
    expect(() => toolDownloads(['cosign'], 's390x')).toThrow(
      'cosign 3.0.6 is pinned for linux x64 and arm64, not s390x'
    );
  });

  it('every pin is a full SHA-256 over an https URL', () => {
    for (const tool of PINNED_TOOLS)
      for (const asset of Object.values(tool.assets)) {
        expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(asset.url).toMatch(/^https:\/\//);
      }
  });
});
