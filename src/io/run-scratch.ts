// Everything a run writes outside the workspace lives in one scratch directory: temporary docker
// configs holding logins, cosign keys, the JUnit file. The GitHub post step (which runs even when the
// main step was cancelled or killed) removes it, and puts the user's docker config.json back byte
// for byte if anything changed it while the job ran.

import {chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

export interface DockerConfigSnapshot {
  /** The user's config.json. */
  path: string;
  /** Where its bytes were copied, or undefined when it did not exist. */
  copy?: string;
  mode?: number;
}

/** A fresh scratch directory under `parent` (the runner's RUNNER_TEMP), private to this user. */
export async function createScratch(parent: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(parent || tmpdir(), 'imagegate-'));
  await chmod(dir, 0o700);
  return dir;
}

/** A copy of `<dockerConfigDir>/config.json` in the scratch directory, to restore it byte for byte later. */
export async function snapshotDockerConfig(dockerConfigDir: string, scratch: string): Promise<DockerConfigSnapshot> {
  const path = join(dockerConfigDir, 'config.json');
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!bytes) return {path};
  const copy = join(scratch, 'docker-config.json');
  await writeFile(copy, bytes, {mode: 0o600});
  return {path, copy, mode: (await stat(path)).mode & 0o777};
}

export type RestoreOutcome = 'unchanged' | 'restored' | 'removed';

/** Puts the user's docker config back exactly as it was; a file that did not exist is removed again. */
export async function restoreDockerConfig(snapshot: DockerConfigSnapshot): Promise<RestoreOutcome> {
  const now = await readFile(snapshot.path).catch(() => undefined);
  if (!snapshot.copy) {
    if (!now) return 'unchanged';
    await rm(snapshot.path, {force: true});
    return 'removed';
  }
  const before = await readFile(snapshot.copy);
  const mode = snapshot.mode ?? 0o600;
  const nowMode = now ? (await stat(snapshot.path)).mode & 0o777 : undefined;
  if (now && before.equals(now) && nowMode === mode) return 'unchanged';
  await mkdir(dirname(snapshot.path), {recursive: true});
  await writeFile(snapshot.path, before, {mode});
  await chmod(snapshot.path, mode);
  return 'restored';
}

export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true});
}
