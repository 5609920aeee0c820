// The tools `imagegate setup` installs. cosign is pinned here by version and SHA-256 per platform; pack
// is pinned once for the whole project (core/buildpacks/pack-release.ts) and installed by the
// buildpacks backend's own installer. A download whose bytes hash to anything else is refused, so a
// mirror (IMAGEGATE_TOOLS_MIRROR) can serve them but never change them.

import {UsageError} from './errors.js';

export interface ToolAsset {
  url: string;
  sha256: string;
}

export interface PinnedTool {
  name: string;
  version: string;
  assets: Partial<Record<'x64' | 'arm64', ToolAsset>>;
}

const COSIGN = 'https://github.com/sigstore/cosign/releases/download/v3.0.6';

/** Single-file programs, checked against the publishers' checksums (cosign_checksums.txt). */
export const PINNED_TOOLS: readonly PinnedTool[] = [
  {
    name: 'cosign',
    version: '3.0.6',
    assets: {
      x64: {
        url: `${COSIGN}/cosign-linux-amd64`,
        sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74'
      },
      arm64: {
        url: `${COSIGN}/cosign-linux-arm64`,
        sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8'
      }
    }
  }
];

export const PACK_TOOL = 'pack';

/** The names of `--tools cosign,pack` (comma or space separated), once each, or a UsageError naming the choices. */
export function parseToolNames(names: string, table: readonly PinnedTool[] = PINNED_TOOLS): string[] {
  const known = [...table.map(t => t.name), PACK_TOOL];
  const wanted = [...new Set(names.split(/[\s,]+/).filter(Boolean))];
  for (const name of wanted)
    if (!known.includes(name))
      throw new UsageError(`unknown tool \`${name}\`; imagegate setup installs ${known.join(', ')}`);
  return wanted;
}

export interface ToolDownload extends ToolAsset {
  name: string;
  version: string;
}

/** What to download for the pinned single-file tools among `names` on this machine, or a UsageError naming the fix. */
export function toolDownloads(
  names: string[],
  arch: string,
  mirror?: string,
  table: readonly PinnedTool[] = PINNED_TOOLS
): ToolDownload[] {
  return table
    .filter(t => names.includes(t.name))
    .map(tool => {
      const asset = tool.assets[arch as 'x64' | 'arm64'];
      if (!asset)
        throw new UsageError(
          `${tool.name} ${tool.version} is pinned for linux x64 and arm64, not ${arch}; install it yourself and leave it out of \`tools\``
        );
      const file = asset.url.slice(asset.url.lastIndexOf('/') + 1);
      const url = mirror ? `${mirror.replace(/\/+$/, '')}/${tool.name}/v${tool.version}/${file}` : asset.url;
      return {name: tool.name, version: tool.version, ...asset, url};
    });
}
