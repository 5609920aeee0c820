// Runs docker and buildx with argv from src/core/docker-args.ts.

import {InfrastructureError} from '../core/errors.js';
import {Exec, ExecError, type ExecResult} from './exec.js';

// Content trust would make docker contact a notary for every reference.
const DOCKER_ENV = {DOCKER_CONTENT_TRUST: 'false'};

export class Docker {
  static async run(args: readonly string[], opts: {stream?: boolean} = {}): Promise<ExecResult> {
    return Exec.run('docker', args, {env: DOCKER_ENV, ...opts});
  }

  static async output(args: readonly string[]): Promise<string> {
    const result = await Docker.run(args);
    if (result.exitCode !== 0) throw new ExecError('docker', args, result);
    return result.stdout;
  }

  /** Fails with the cause and the fix when no engine answers. */
  static async requireEngine(): Promise<void> {
    const info = await Docker.run(['info', '--format', '{{json .DriverStatus}}']);
    if (info.exitCode !== 0) {
      throw new InfrastructureError(
        `no Docker engine answers (${info.stderr.trim().split('\n').pop() ?? ''}); start one, e.g. \`scripts/testbed up\``
      );
    }
  }
}
