// The one place the pack CLI version and its archives' sha256 are pinned. Renovate bumps the
// version (regex manager on the comment below); the checksums must be bumped with it, from the
// release's `<asset>.sha256` files (pack's release workflow writes them with `shasum -a 256`).

export interface PackAsset {
  file: string;
  sha256: string;
}

export interface PackRelease {
  version: string;
  /** By `<process.platform>-<process.arch>`. */
  assets: Record<string, PackAsset>;
}

// renovate: datasource=github-releases depName=buildpacks/pack
const PACK_VERSION = '0.40.9';

export const PACK_RELEASE: PackRelease = {
  version: PACK_VERSION,
  assets: {
    'linux-x64': {
      file: `pack-v${PACK_VERSION}-linux.tgz`,
      sha256: 'dc0ee1e931cf8a106d7555a01a214864f9acb60b77adf15d69b74df4404758e9'
    },
    'linux-arm64': {
      file: `pack-v${PACK_VERSION}-linux-arm64.tgz`,
      sha256: '091ccb213823656c727731537ef8f1000eb4dc3ec61641506653e7f9d6da0c5e'
    }
  }
};

/** Where releases are downloaded from; IMAGEGATE_PACK_BASE_URL points at a mirror instead. */
export const PACK_DEFAULT_BASE_URL = 'https://github.com/buildpacks/pack/releases/download';

export function packAssetUrl(base: string, release: PackRelease, asset: PackAsset): string {
  return `${base.replace(/\/+$/, '')}/v${release.version}/${asset.file}`;
}
