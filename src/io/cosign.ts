// Signs promoted digests with cosign 2 or 3, and verifies what it signed. Registry credentials (the
// run's one credential store) reach it through a docker config file of its own (0600, removed
// afterwards); the key's password through COSIGN_PASSWORD; never argv. cosign's version is asked
// once per run (`cosign version`, and `cosign sign --help` for builds without one).

import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {
  cosignSignArgs,
  cosignVerifyArgs,
  needsSigningConfig,
  OFFLINE_SIGNING_CONFIG,
  parseCosignVersion,
  type CosignVersion,
  type KeylessIdentity,
  type SignRequest
} from '../core/cosign-args.js';
import {InfrastructureError} from '../core/errors.js';
import {lastLine} from '../core/text.js';
import type {Exec} from '../exec/exec.js';
import type {CredentialStore} from '../registry/credentials.js';
import type {TempDirs} from './temp.js';

export type Verified = {ok: true} | {ok: false; reason: string};

export interface Signer {
  /** Which cosign runs (asked once). */
  version(): Promise<CosignVersion>;
  /** Signs `req.ref` (a digest reference in the registry `host`). */
  sign(req: SignRequest, host: string): Promise<void>;
  /** Verifies a signature of `req.ref`: with the key pair's public key, or keyless with the workflow's identity. */
  verify(req: SignRequest, host: string): Promise<Verified>;
}

export class CosignSigner implements Signer {
  private asked?: Promise<CosignVersion>;

  constructor(
    private readonly opts: {
      exec: Exec;
      temp: TempDirs;
      credentials: CredentialStore;
      cosignPassword?: string;
      keyless?: KeylessIdentity;
    }
  ) {}

  version(): Promise<CosignVersion> {
    this.asked ??= (async () => {
      const v = await this.opts.exec.run('cosign', ['version', '--json'], {});
      if (v.exitCode !== 0)
        throw new InfrastructureError(
          `\`cosign version\` failed (exit ${v.exitCode}): ${lastLine(v.stderr) || lastLine(v.stdout)}; is cosign on PATH? (\`imagegate setup\` installs it)`
        );
      const help = /"gitVersion":\s*"v?\d+\./.test(v.stdout)
        ? ''
        : (await this.opts.exec.run('cosign', ['sign', '--help'], {})).stdout;
      return parseCosignVersion(v.stdout, () => help);
    })();
    return this.asked;
  }

  async sign(req: SignRequest, host: string): Promise<void> {
    const cosign = await this.version();
    await this.inDir(host, async (dir, env) => {
      let signingConfig: string | undefined;
      if (needsSigningConfig(req, cosign)) {
        signingConfig = join(dir, 'signing-config.json');
        if (req.key !== undefined) await writeFile(signingConfig, OFFLINE_SIGNING_CONFIG);
        else await this.keylessSigningConfig(signingConfig, env);
      }
      const args = cosignSignArgs(req, cosign, signingConfig ? {signingConfig} : {});
      const result = await this.opts.exec.run('cosign', args, {env});
      if (result.exitCode !== 0)
        throw new InfrastructureError(
          `cosign ${cosign.version} could not sign ${req.ref}: ${lastLine(result.stderr) || lastLine(result.stdout)}`
        );
    });
  }

  async verify(req: SignRequest, host: string): Promise<Verified> {
    return this.inDir(host, async (dir, env) => {
      let publicKey: string | undefined;
      if (req.key !== undefined) {
        publicKey = join(dir, 'cosign.pub');
        const pub = await this.opts.exec.run('cosign', ['public-key', '--key', req.key, '--outfile', publicKey], {env});
        if (pub.exitCode !== 0)
          return {ok: false, reason: `cosign public-key failed: ${lastLine(pub.stderr) || lastLine(pub.stdout)}`};
      }
      const args = cosignVerifyArgs(req, publicKey ? {publicKey} : {}, this.opts.keyless ?? {});
      const result = await this.opts.exec.run('cosign', args, {env});
      return result.exitCode === 0
        ? {ok: true}
        : {ok: false, reason: lastLine(result.stderr) || lastLine(result.stdout) || `exit ${result.exitCode}`};
    });
  }

  /** Keyless without a transparency log on cosign 3: the public instance's services, less Rekor (the timestamp authority stays: a short-lived certificate needs a trusted time). */
  private async keylessSigningConfig(file: string, env: Record<string, string>): Promise<void> {
    const result = await this.opts.exec.run(
      'cosign',
      ['signing-config', 'create', '--with-default-services', '--no-default-rekor', '--out', file],
      {env}
    );
    if (result.exitCode !== 0)
      throw new InfrastructureError(
        `cosign could not make a signing config without a transparency log for keyless signing: ${lastLine(result.stderr) || lastLine(result.stdout)}`
      );
  }

  private async inDir<T>(host: string, fn: (dir: string, env: Record<string, string>) => Promise<T>): Promise<T> {
    const credentials = (await this.opts.credentials.get(host))?.credentials;
    return this.opts.temp.with('cosign', async dir => {
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
      return fn(dir, env);
    });
  }
}
