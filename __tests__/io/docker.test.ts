// The engine preflight: every missing piece is an infrastructure error (exit 3) naming the fix.
import {describe, expect, it} from '@jest/globals';
import {InfrastructureError} from '../../src/core/errors.js';
import type {Exec, ExecResult} from '../../src/exec/exec.js';
import {Docker} from '../../src/io/docker.js';

let exec: Exec;

/** A docker CLI that answers each subcommand as given (and 0 with no output otherwise). */
function answer(byCommand: Record<string, Partial<ExecResult>>): void {
  exec = {run: async (_cmd, args) => ({exitCode: 0, stdout: '', stderr: '', ...byCommand[args[0]!]})};
}

describe('Docker.requireEngine', () => {
  it('no engine: says so and how to start one', async () => {
    answer({info: {exitCode: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock'}});
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow(InfrastructureError);
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow(
      'no Docker engine answers (Cannot connect to the Docker daemon'
    );
  });

  it('classic image store: refuses rather than test one platform, and names the daemon.json fix', async () => {
    answer({info: {stdout: '[["Backing Filesystem","extfs"],["Supports d_type","true"]]'}});
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow('"containerd-snapshotter": true');
  });

  it('no buildx plugin', async () => {
    answer({
      info: {stdout: '[["driver-type","io.containerd.snapshotter.v1"]]'},
      buildx: {exitCode: 1, stderr: "docker: 'buildx' is not a docker command."}
    });
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow('docker buildx is not installed');
  });

  it('passes with the containerd store and buildx', async () => {
    answer({info: {stdout: '[["driver-type","io.containerd.snapshotter.v1"]]'}});
    await expect(new Docker({exec}).requireEngine()).resolves.toBeUndefined();
  });
});
