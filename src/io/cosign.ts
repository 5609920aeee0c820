// Signs promoted digests with cosign. Registry credentials (the run's one credential store) reach it
// through a docker config file of its own (0600, removed afterwards); the key's password through
// COSIGN_PASSWORD; never argv.

import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {cosignSignArgs, type SignRequest} from '../core/cosign-args.js';
import {InfrastructureError} from '../core/errors.js';
import {lastLine} from '../core/text.js';
import type {Exec} from '../exec/exec.js';
import type {CredentialStore} from '../registry/credentials.js';
import type {TempDirs} from './temp.js';

export interface Signer {
  /** Signs `req.ref` (a digest reference in the registry `host`). */
  sign(req: SignRequest, host: string): Promise<void>;
}

export class CosignSigner implements Signer {
  constructor(
    private readonly opts: {exec: Exec; temp: TempDirs; credentials: CredentialStore; cosignPassword?: string}
  ) {}

  async sign(req: SignRequest, host: string): Promise<void> {
    const credentials = (await this.opts.credentials.get(host))?.credentials;
    await this.opts.temp.with('cosign', async dir => {
      const env: Record<string, string> = {};
      if (this.opts.cosignPassword !== undefined) env.COSIGN_PASSWORD = this.opts.cosignPassword;
      if (credentials) {
        const auth =
          credentials.kind === 'basic'
            ? {auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}
            : {identitytoken: credentials.token};
        await writeFile(join(dir, 'config.json'), JSON.stringify({auths: {[host]: auth}}), {mode: 0o600});
        env.DOCKER_CONFIG = dir;
      }
      const result = await this.opts.exec.run('cosign', cosignSignArgs(req), {env});
      if (result.exitCode !== 0)
        throw new InfrastructureError(
          `cosign could not sign ${req.ref}: ${lastLine(result.stderr) || lastLine(result.stdout)}`
        );
    });
  }
}
