// argv for docker and buildx, built from the configuration. Pure: src/io/ runs them.

import {posix} from 'node:path';
import type {CommandContract, ImageConfig} from './config/types.js';
import {RUN_LABEL} from './service/plan.js';

export type BuildImage = Pick<ImageConfig, 'context' | 'containerfile' | 'target' | 'buildArgs' | 'platforms'> &
  Partial<Pick<ImageConfig, 'labels' | 'annotations' | 'secrets' | 'cache' | 'attestations' | 'build'>>;

export interface BuildRequest {
  image: BuildImage;
  /** Absolute directory the configuration's relative paths start from. */
  baseDir: string;
  /** Local names for the built image in the engine's store. */
  tags: string[];
  /** Keep the multi-platform result in the engine's (containerd) image store. */
  load: boolean;
  metadataFile?: string;
  /** Labels and annotations imagegate adds (OCI source, revision, created). */
  oci?: Record<string, string>;
  /** FROM name → image to use instead (`docker-image://…`), for images built in this run. */
  buildContexts?: Record<string, string>;
  /** `build-contexts: {NAME: {image: OTHER}}`: NAME → the local reference of OTHER's tested build. */
  imageContexts?: Record<string, string>;
  /** Cache used when the configuration names none (type=gha on GitHub). */
  defaultCache?: {from: string[]; to: string[]};
  builder?: string;
}

export function buildxBuildArgs(req: BuildRequest): string[] {
  const {image} = req;
  const context = posix.resolve(req.baseDir, image.context);
  const args = ['buildx', 'build'];
  if (req.builder) args.push('--builder', req.builder);
  args.push('--platform', image.platforms.join(','));
  args.push('--file', posix.resolve(context, image.containerfile));
  if (image.target !== undefined) args.push('--target', image.target);
  for (const [key, value] of Object.entries(image.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  for (const [name, ref] of Object.entries(req.buildContexts ?? {}))
    args.push('--build-context', `${name}=docker-image://${ref}`);
  args.push(...buildSettingArgs(req));
  for (const secret of image.secrets ?? []) {
    args.push(
      '--secret',
      'env' in secret
        ? `id=${secret.id},env=${secret.env}`
        : `id=${secret.id},src=${posix.resolve(req.baseDir, secret.file)}`
    );
  }
  const labels = {...req.oci, ...image.labels};
  for (const [key, value] of Object.entries(labels)) args.push('--label', `${key}=${value}`);
  args.push(...attestationArgs(image));
  const annotations = {...req.oci, ...image.annotations};
  const levels = producesIndex(image) ? ['index', 'manifest'] : ['manifest'];
  for (const [key, value] of Object.entries(annotations))
    for (const level of levels) args.push('--annotation', `${level}:${key}=${value}`);
  const configured = image.cache && (image.cache.from.length || image.cache.to.length) ? image.cache : undefined;
  const cache = configured ?? req.defaultCache ?? {from: [], to: []};
  for (const from of cache.from) args.push('--cache-from', from);
  for (const to of cache.to) args.push('--cache-to', tolerantCacheTo(to));
  for (const tag of req.tags) args.push('--tag', tag);
  if (req.load) args.push('--load');
  if (req.metadataFile) args.push('--metadata-file', req.metadataFile);
  args.push(context);
  return args;
}

/** The settings of `build` (ssh ids, named contexts, cache, network, …) as buildx flags. */
function buildSettingArgs({image, baseDir, imageContexts}: BuildRequest): string[] {
  const build = image.build;
  if (!build) return [];
  const args: string[] = [];
  // An id alone forwards the agent of SSH_AUTH_SOCK: no key path, no key material, ever.
  for (const id of build.ssh ?? []) args.push('--ssh', id);
  for (const [name, context] of Object.entries(build.contexts ?? {})) {
    const value =
      'image' in context
        ? `docker-image://${imageContexts?.[name] ?? context.image}`
        : isLocalContext(context.source)
          ? posix.resolve(baseDir, context.source)
          : context.source;
    args.push('--build-context', `${name}=${value}`);
  }
  if (build.noCache) args.push('--no-cache');
  for (const stage of build.noCacheFilters ?? []) args.push('--no-cache-filter', stage);
  if (build.pull) args.push('--pull');
  if (build.network !== undefined) args.push('--network', build.network);
  if (build.shmSize !== undefined) args.push('--shm-size', build.shmSize);
  for (const limit of build.ulimits ?? []) args.push('--ulimit', limit);
  for (const host of build.addHosts ?? []) args.push('--add-host', host);
  return args;
}

/** A named context that is a directory of the repository (no scheme, no git remote). */
export function isLocalContext(source: string): boolean {
  return !source.includes('://') && !source.startsWith('git@');
}

/**
 * `buildx build --call check,format=json`: the Dockerfile checks of the build `args` would run,
 * with the same file, target, arguments and contexts, and no output.
 */
export function buildxCheckArgs(args: string[]): string[] {
  const dropped = new Set(['--load', '--push']);
  const withValue = new Set(['--tag', '--metadata-file', '--cache-to', '--label', '--annotation']);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (dropped.has(arg) || arg.startsWith('--provenance') || arg.startsWith('--sbom') || arg.startsWith('--attest'))
      continue;
    if (withValue.has(arg)) {
      i++;
      continue;
    }
    out.push(arg);
  }
  const context = out.pop()!;
  return [...out, '--call', 'check,format=json', context];
}

function attestationArgs(image: BuildImage): string[] {
  const provenance = image.attestations?.provenance ?? 'min';
  const args = [provenance === 'off' ? '--provenance=false' : `--provenance=mode=${provenance}`];
  const generator = image.attestations?.sbomGenerator;
  if (generator) args.push(`--attest=type=sbom,generator=${generator}`);
  else if (image.attestations?.sbom) args.push('--sbom=true');
  return args;
}

/** buildx refuses index annotations on a single-platform image without attestations. */
function producesIndex(image: BuildImage): boolean {
  return (
    image.platforms.length > 1 || (image.attestations?.provenance ?? 'min') !== 'off' || !!image.attestations?.sbom
  );
}

/** A cache that cannot be written must warn, never fail the build. */
function tolerantCacheTo(spec: string): string {
  return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`;
}

export interface RunRequest {
  /** Image ID or reference (by digest for the exact image). */
  image: string;
  platform: string;
  /** A string runs through /bin/sh -c; an array is argv. Undefined keeps the image's own ENTRYPOINT and CMD. */
  command?: string | string[];
  /** `keep`: pass the command to the image's ENTRYPOINT instead of replacing it. */
  entrypoint?: 'replace' | 'keep';
  user?: string;
  workdir?: string;
  env?: Record<string, string>;
  name?: string;
  /** Labels the container `imagegate.run=<id>`, as every container of a run is. */
  runId?: string;
  /** Read-only bind mounts: host path → container path. */
  mounts?: {source: string; target: string}[];
  /** A buildpacks image: commands go through the CNB launcher, so the buildpacks' env applies. */
  launcher?: boolean;
  /** The image's `run-as` confinement: read-only root, tmpfs, capabilities, limits. */
  contract?: CommandContract;
}

export function dockerRunArgs(req: RunRequest): string[] {
  const args = ['run', '--rm', '--pull', 'never', '--platform', req.platform];
  if (req.name) args.push('--name', req.name);
  if (req.runId) args.push('--label', `${RUN_LABEL}=${req.runId}`);
  if (req.user !== undefined) args.push('--user', req.user);
  if (req.workdir !== undefined) args.push('--workdir', req.workdir);
  for (const [key, value] of Object.entries(req.env ?? {})) args.push('--env', `${key}=${value}`);
  for (const m of req.mounts ?? []) args.push('--mount', `type=bind,source=${m.source},target=${m.target},readonly`);
  const c = req.contract;
  if (c?.readOnly) args.push('--read-only');
  for (const path of c?.tmpfs ?? []) args.push('--tmpfs', path);
  for (const cap of c?.capDrop ?? []) args.push('--cap-drop', cap);
  for (const cap of c?.capAdd ?? []) args.push('--cap-add', cap);
  if (c?.noNewPrivileges) args.push('--security-opt', 'no-new-privileges');
  if (c?.memory !== undefined) args.push('--memory', c.memory);
  if (c?.cpus !== undefined) args.push('--cpus', c.cpus);
  if (req.command === undefined) return [...args, req.image];
  if (req.launcher && req.entrypoint !== 'keep') {
    // buildpacks/spec platform.md "launcher": a string is the shell form, `--` then argv runs directly.
    const rest = typeof req.command === 'string' ? [req.command] : ['--', ...req.command];
    return [...args, '--entrypoint', 'launcher', req.image, ...rest];
  }
  const argv = typeof req.command === 'string' ? ['/bin/sh', '-c', req.command] : req.command;
  if (req.entrypoint === 'keep') return [...args, req.image, ...argv];
  const [entrypoint, ...rest] = argv;
  return [...args, '--entrypoint', entrypoint ?? '', req.image, ...rest];
}

/**
 * A throwaway derivative of the built image with test-only tooling; it keeps the image's USER.
 * `files`: where each step sees the build context (the `test.mount` directory) read-only: a bind
 * mount, so nothing of it lands in a layer.
 */
export function setupContainerfile(base: string, setup: (string | string[])[], user: string, files?: string): string {
  const lines = [`FROM ${base}`, 'USER root'];
  const mount = files ? `--mount=type=bind,${csvField(`target=${files}`)},readonly ` : '';
  // The exec form with JSON keeps a multi-line script intact, newlines included.
  for (const step of setup)
    lines.push(`RUN ${mount}${JSON.stringify(typeof step === 'string' ? ['/bin/sh', '-c', step] : step)}`);
  lines.push(`USER ${user || 'root'}`);
  return `${lines.join('\n')}\n`;
}

/** One field of a `--mount` spec (CSV): quoted when it holds a comma or a quote. */
function csvField(field: string): string {
  return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * `docker create` of a container whose files or config are read and which never starts, named and
 * labelled like every container of the run (so an interrupted run finds it); the image ref follows.
 */
export function unstartedContainerArgs(name: string, platform: string): string[] {
  return ['create', '--pull', 'never', '--platform', platform, '--name', name, '--label', `${RUN_LABEL}=${name}`];
}
