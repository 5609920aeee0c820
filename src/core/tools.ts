// The tools `imagegate setup` installs, pinned by version and SHA-256 per platform. A download whose
// bytes hash to anything else is refused, so a mirror (IMAGEGATE_TOOLS_MIRROR) can serve them but never
// change them. Checksums are the publishers' own (cosign_checksums.txt, pack's per-asset .sha256).

import {UsageError} from './errors.js';
import {PACK_DEFAULT_BASE_URL, PACK_RELEASE, packAssetUrl} from './buildpacks/pack-release.js';

export interface ToolAsset {
  url: string;
  sha256: string;
  /** `binary`: the download is the program; `tgz`: the program is `member` inside the archive. */
  kind: 'binary' | 'tgz';
  member?: string;
}

export interface PinnedTool {
  name: string;
  version: string;
  assets: Partial<Record<'x64' | 'arm64', ToolAsset>>;
}

const COSIGN = 'https://github.com/sigstore/cosign/releases/download/v3.0.6';

export const PINNED_TOOLS: readonly PinnedTool[] = [
  {
    name: 'cosign',
    version: '3.0.6',
    assets: {
      x64: {
        url: `${COSIGN}/cosign-linux-amd64`,
        sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
        kind: 'binary'
      },
      arm64: {
        url: `${COSIGN}/cosign-linux-arm64`,
        sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
        kind: 'binary'
      }
    }
  },
  packTool()
];

/** pack's pin lives in one place (core/buildpacks/pack-release.ts), shared with the buildpacks backend's installer. */
function packTool(): PinnedTool {
  const asset = (key: string): ToolAsset => {
    const pinned = PACK_RELEASE.assets[key]!;
    return {
      url: packAssetUrl(PACK_DEFAULT_BASE_URL, PACK_RELEASE, pinned),
      sha256: pinned.sha256,
      kind: 'tgz',
      member: 'pack'
    };
  };
  return {name: 'pack', version: PACK_RELEASE.version, assets: {x64: asset('linux-x64'), arm64: asset('linux-arm64')}};
}

export interface ToolDownload extends ToolAsset {
  name: string;
  version: string;
}

/** What to download for `names` (comma or space separated) on this machine, or a UsageError naming the fix. */
export function toolDownloads(
  names: string,
  arch: string,
  mirror?: string,
  table: readonly PinnedTool[] = PINNED_TOOLS
): ToolDownload[] {
  const wanted = names.split(/[\s,]+/).filter(Boolean);
  const known = table.map(t => t.name);
  return [...new Set(wanted)].map(name => {
    const tool = table.find(t => t.name === name);
    if (!tool) throw new UsageError(`unknown tool \`${name}\`; imagegate setup installs ${known.join(', ')}`);
    const asset = tool.assets[arch as 'x64' | 'arm64'];
    if (!asset)
      throw new UsageError(
        `${name} ${tool.version} is pinned for linux x64 and arm64, not ${arch}; install it yourself and leave it out of \`tools\``
      );
    const file = asset.url.slice(asset.url.lastIndexOf('/') + 1);
    const url = mirror ? `${mirror.replace(/\/+$/, '')}/${name}/v${tool.version}/${file}` : asset.url;
    return {name, version: tool.version, ...asset, url};
  });
}
