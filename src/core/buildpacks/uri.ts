// Buildpack references as pack and platforms write them (buildpacks/docs specify-buildpacks); the
// configuration accepts only fully qualified forms, so nothing is resolved by guessing.

import {parseReference, type Reference} from '../../oci/reference.js';

export type BuildpackUri =
  | {kind: 'docker'; uri: string; ref: Reference}
  | {kind: 'builder'; uri: string; id: string; version?: string}
  | {kind: 'registry'; uri: string; id: string; version?: string}
  | {kind: 'file'; uri: string; path: string}
  | {kind: 'https'; uri: string}
  | {kind: 'from-builder'; uri: string};

export function parseBuildpackUri(uri: string): BuildpackUri | undefined {
  if (uri === 'from=builder') return {kind: 'from-builder', uri};
  if (uri.startsWith('docker://')) {
    const ref = parseReference(uri.slice('docker://'.length));
    return ref.ok ? {kind: 'docker', uri, ref: ref.value} : undefined;
  }
  for (const [prefix, kind] of [
    ['urn:cnb:builder:', 'builder'],
    ['urn:cnb:registry:', 'registry']
  ] as const) {
    if (uri.startsWith(prefix)) {
      const [id = '', version] = uri.slice(prefix.length).split('@');
      return id ? {kind, uri, id, ...(version ? {version} : {})} : undefined;
    }
  }
  if (uri.startsWith('file://')) return {kind: 'file', uri, path: decodeURIComponent(uri.slice('file://'.length))};
  if (uri.startsWith('https://')) return {kind: 'https', uri};
  return undefined;
}
