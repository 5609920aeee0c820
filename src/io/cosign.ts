// Signs promoted digests with cosign. Registry credentials reach it through a docker config file of
// its own (0600, removed afterwards); the key's password through COSIGN_PASSWORD; never argv.

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cosignSignArgs, type SignRequest} from '../core/cosign-args.js';
import {InfrastructureError} from '../core/errors.js';
import type {Credentials} from '../registry/credentials.js';
import {Exec} from './exec.js';

export async function cosignSign(
  req: SignRequest,
  host: string,
  credentials: Credentials | undefined,
  env: Readonly<Record<string, string | undefined>>
): Promise<void> {
  const dir = credentials ? await mkdtemp(join(tmpdir(), 'imagegate-cosign-')) : undefined;
  try {
    const childEnv: Record<string, string> = {};
    if (env.COSIGN_PASSWORD !== undefined) childEnv.COSIGN_PASSWORD = env.COSIGN_PASSWORD;
    if (dir && credentials) {
      const auth =
        credentials.kind === 'basic'
          ? {auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}
          : {identitytoken: credentials.token};
      await writeFile(join(dir, 'config.json'), JSON.stringify({auths: {[host]: auth}}), {mode: 0o600});
      childEnv.DOCKER_CONFIG = dir;
    }
    const result = await Exec.run('cosign', cosignSignArgs(req), {env: childEnv});
    if (result.exitCode !== 0) {
      const last = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
      throw new InfrastructureError(`cosign could not sign ${req.ref}: ${last}`);
    }
  } finally {
    if (dir) await rm(dir, {recursive: true, force: true});
  }
}
