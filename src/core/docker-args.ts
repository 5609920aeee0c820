// argv for docker and buildx, built from the configuration. Pure: src/io/docker.ts runs them.

import {posix} from 'node:path';
import type {ImageConfig} from './config/types.js';

export interface BuildRequest {
  image: Pick<ImageConfig, 'context' | 'containerfile' | 'target' | 'buildArgs' | 'platforms'>;
  /** Absolute directory the configuration's relative paths start from. */
  baseDir: string;
  /** Local name for the built image in the engine's store. */
  tags: string[];
  /** Keep the multi-platform result in the engine's (containerd) image store. */
  load: boolean;
  metadataFile?: string;
  labels?: Record<string, string>;
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
  for (const [key, value] of Object.entries(req.labels ?? {})) args.push('--label', `${key}=${value}`);
  for (const tag of req.tags) args.push('--tag', tag);
  if (req.load) args.push('--load');
  if (req.metadataFile) args.push('--metadata-file', req.metadataFile);
  args.push(context);
  return args;
}

export interface RunRequest {
  /** Image ID or reference (by digest for the exact image). */
  image: string;
  platform: string;
  /** A string runs through /bin/sh -c; an array is argv. Undefined keeps the image's own ENTRYPOINT and CMD. */
  command?: string | string[];
  user?: string;
  workdir?: string;
  env?: Record<string, string>;
  name?: string;
}

export function dockerRunArgs(req: RunRequest): string[] {
  const args = ['run', '--rm', '--pull', 'never', '--platform', req.platform];
  if (req.name) args.push('--name', req.name);
  if (req.user !== undefined) args.push('--user', req.user);
  if (req.workdir !== undefined) args.push('--workdir', req.workdir);
  for (const [key, value] of Object.entries(req.env ?? {})) args.push('--env', `${key}=${value}`);
  if (req.command === undefined) return [...args, req.image];
  if (typeof req.command === 'string') return [...args, '--entrypoint', '/bin/sh', req.image, '-c', req.command];
  const [entrypoint, ...rest] = req.command;
  return [...args, '--entrypoint', entrypoint ?? '', req.image, ...rest];
}
