// Running the builder's own /cnb/lifecycle/creator in a container, as Toolforge and Tekton do
// (buildpacks/spec platform.md "creator"): argv, environment, mounts and the files it reads.

import {posix} from 'node:path';
import type {BuildpackRef, OrderEntry} from './labels.js';
import {escapeBuildpackId} from './labels.js';
import {isLoopbackHost, type PlatformCache} from './pack-args.js';
import {compareVersions} from './versions.js';
import {SYSTEM_TOML_API} from './platform-api.js';

/** Paths inside the build container. */
const CNB_PATHS = {
  app: '/workspace',
  layers: '/layers',
  platform: '/platform',
  buildpacks: '/cnb/buildpacks',
  report: '/layers/report.toml',
  order: '/layers/order.toml',
  system: '/imagegate/system.toml',
  creator: '/cnb/lifecycle/creator'
} as const;

/** A buildpack production injects, unpacked on the host as `<dir>/buildpack.toml`, `bin/…`. */
export interface InjectedBuildpack extends BuildpackRef {
  /** Host directory holding the unpacked buildpack; absent for one the builder already carries. */
  hostDir?: string;
}

export interface CreatorRequest {
  builder: string;
  platform: string;
  platformApi: string;
  /** Where the creator exports: `host/repo:tag`. */
  image: string;
  hostDirs: {app: string; layers: string; platform: string; system?: string};
  injected: InjectedBuildpack[];
  /** Set when CNB_REGISTRY_AUTH is passed (its value travels in the environment, never in argv). */
  registryAuth: boolean;
  name: string;
  /** The layer cache of this platform (`-cache-image`, or a volume as `-cache-dir`). */
  cache?: PlatformCache;
}

export function creatorRunArgs(req: CreatorRequest): string[] {
  // As root, so the creator can chown the mounted layers dir before it drops to CNB_USER_ID.
  const args = ['run', '--rm', '--name', req.name, '--platform', req.platform, '--user', '0:0'];
  const target = registryOf(req.image);
  if (isLoopbackHost(target)) args.push('--network', 'host');
  args.push('--env', `CNB_PLATFORM_API=${req.platformApi}`);
  if (req.registryAuth) args.push('--env', 'CNB_REGISTRY_AUTH');
  const mount = (source: string, dest: string, readonly = false): void =>
    void args.push('--mount', `type=bind,source=${source},target=${dest}${readonly ? ',readonly' : ''}`);
  mount(req.hostDirs.app, CNB_PATHS.app);
  mount(req.hostDirs.layers, CNB_PATHS.layers);
  mount(req.hostDirs.platform, CNB_PATHS.platform, true);
  if (req.hostDirs.system) mount(req.hostDirs.system, CNB_PATHS.system, true);
  // The merged buildpacks dir: the builder's own /cnb/buildpacks with each injected one mounted in.
  for (const bp of req.injected) if (bp.hostDir) mount(bp.hostDir, injectedPath(bp), true);
  if (req.cache?.volume !== undefined)
    args.push('--mount', `type=volume,source=${req.cache.volume},target=${CACHE_DIR}`);
  args.push('--entrypoint', CNB_PATHS.creator, req.builder);
  args.push(
    `-app=${CNB_PATHS.app}`,
    `-layers=${CNB_PATHS.layers}`,
    `-platform=${CNB_PATHS.platform}`,
    `-buildpacks=${CNB_PATHS.buildpacks}`,
    `-report=${CNB_PATHS.report}`
  );
  if (req.cache?.image !== undefined) args.push(`-cache-image=${req.cache.image}`);
  else if (req.cache?.volume !== undefined) args.push(`-cache-dir=${CACHE_DIR}`);
  if (req.injected.length) {
    if (req.hostDirs.system) args.push(`-system=${CNB_PATHS.system}`);
    else args.push(`-order=${CNB_PATHS.order}`);
  }
  if (isLoopbackHost(target) && compareVersions(req.platformApi, '0.13') >= 0)
    args.push(`-insecure-registry=${target}`);
  args.push(req.image);
  return args;
}

/** Where a cache volume is mounted in the creator's container. */
const CACHE_DIR = '/cache';

function injectedPath(bp: BuildpackRef): string {
  return posix.join(CNB_PATHS.buildpacks, escapeBuildpackId(bp.id), bp.version);
}

/** system.toml (Platform API ≥ 0.15) merges pre/post into every group; older APIs need order.toml. */
export function usesSystemToml(platformApi: string): boolean {
  return compareVersions(platformApi, SYSTEM_TOML_API) >= 0;
}

/** The builder's order with the injected buildpacks around every group (what pack's pre/post do). */
export function injectedOrderToml(order: OrderEntry[][], pre: BuildpackRef[], post: BuildpackRef[]): string {
  const groups = order.length ? order : [[]];
  return groups
    .map(group => {
      const ids = new Set([...pre, ...post].map(b => b.id));
      const entries = [...pre, ...group.filter(e => !ids.has(e.id)), ...post];
      return `[[order]]\n${entries.map(e => `\n  [[order.group]]\n${entryToml(e, '    ')}`).join('')}\n`;
    })
    .join('\n');
}

export function systemToml(pre: BuildpackRef[], post: BuildpackRef[]): string {
  const part = (name: string, list: BuildpackRef[]): string =>
    list.map(e => `[[system.${name}.buildpacks]]\n${entryToml(e, '  ')}`).join('\n');
  return ['[system]\n', part('pre', pre), part('post', post)].filter(Boolean).join('\n');
}

function entryToml(e: OrderEntry, indent: string): string {
  const lines = [`id = ${JSON.stringify(e.id)}`];
  if (e.version) lines.push(`version = ${JSON.stringify(e.version)}`);
  if (e.optional) lines.push('optional = true');
  return lines.map(l => `${indent}${l}\n`).join('');
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `<platform>/env/<NAME>` files (content = value, no newline), as pack and Tekton write them. */
export function platformEnvFiles(
  env: Record<string, string>
): {ok: true; files: Record<string, string>} | {ok: false; error: string} {
  const files: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!ENV_NAME.test(name))
      return {ok: false, error: `build env name \`${name}\` is not a variable name; use letters, digits and \`_\``};
    files[`env/${name}`] = value;
  }
  return {ok: true, files};
}

/** CNB_REGISTRY_AUTH: registry host → Authorization header value (lifecycle auth/keychain.go). */
export function registryAuthJson(hosts: Record<string, {username: string; password: string}>): string {
  const auth: Record<string, string> = {};
  for (const [host, c] of Object.entries(hosts))
    auth[host] = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  return JSON.stringify(auth);
}

function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io';
}
