// argv for `pack build` (pack 0.40.x, internal/commands/build.go) that reproduces a production
// build: the builder pinned by digest, the injected buildpacks, published to a local registry.

import {parseReference} from '../../oci/reference.js';

export interface PackBuildRequest {
  /** Where the image is published (a registry on this machine): `host/repo:tag`. */
  image: string;
  /** The builder, `repo@sha256:…`. */
  builder: string;
  platform: string;
  /** Absolute app directory. */
  path: string;
  pre: string[];
  post: string[];
  env: Record<string, string>;
  reportDir: string;
  /** The layer cache of this platform: a registry image, or a docker volume. */
  cache?: PlatformCache;
}

export interface PlatformCache {
  image?: string;
  volume?: string;
}

/**
 * The cache of one platform's build: one tag of the cache image, one volume, per platform, so the
 * platforms of an image never overwrite each other's layers.
 */
export function platformCache(
  cache: {image?: string; volume?: string} | undefined,
  platform: string
): PlatformCache | undefined {
  if (!cache) return undefined;
  const suffix = platform.replace(/\//g, '-');
  return {
    ...(cache.image !== undefined ? {image: `${cache.image}:${suffix}`} : {}),
    ...(cache.volume !== undefined ? {volume: `${cache.volume}-${suffix}`} : {})
  };
}

export function packBuildArgs(req: PackBuildRequest): string[] {
  const args = ['build', req.image, '--builder', req.builder, '--platform', req.platform, '--path', req.path];
  // A digest-pinned builder is not on pack's trusted list, and extra buildpacks otherwise force the
  // untrusted 5-phase flow; production (Toolforge, Tekton) runs the single `creator`.
  args.push('--trust-builder', '--trust-extra-buildpacks', '--pull-policy', 'if-not-present');
  args.push(...injectionArgs(req.pre, req.post));
  for (const [key, value] of Object.entries(req.env)) args.push('--env', `${key}=${value}`);
  if (req.cache?.image !== undefined) args.push('--cache-image', req.cache.image);
  if (req.cache?.volume !== undefined) args.push('--cache', `type=build;format=volume;name=${req.cache.volume}`);
  // Export to a containerd-store daemon is slow and flaky (buildpacks/pack #2272, #2527): publish instead.
  args.push('--publish', '--report-output-dir', req.reportDir);
  const host = parseReference(req.image);
  if (host.ok && isLoopbackHost(host.value.registry)) {
    // The lifecycle container must reach the host's registry, over plain HTTP.
    args.push('--insecure-registry', host.value.registry, '--network', 'host');
  }
  return args;
}

/**
 * Several `--pre-buildpack`s are each prepended in turn (pack's prependBuildpackToOrder), which
 * would reverse them; an explicit group around `from=builder` keeps the configured order.
 */
function injectionArgs(pre: string[], post: string[]): string[] {
  if (pre.length > 1) return [...pre, 'from=builder', ...post].flatMap(uri => ['--buildpack', uri]);
  return [...pre.flatMap(uri => ['--pre-buildpack', uri]), ...post.flatMap(uri => ['--post-buildpack', uri])];
}

export function isLoopbackHost(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
