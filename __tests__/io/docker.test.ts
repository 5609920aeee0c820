// The engine preflight: every missing piece is an infrastructure error (exit 3) naming the fix.
import {afterEach, describe, expect, it, jest} from '@jest/globals';
import {InfrastructureError} from '../../src/core/errors.js';
import {Docker} from '../../src/io/docker.js';
import {Exec, type ExecResult} from '../../src/io/exec.js';

function answer(byCommand: Record<string, Partial<ExecResult>>): void {
  jest
    .spyOn(Exec, 'run')
    .mockImplementation(async (_cmd, args) => ({exitCode: 0, stdout: '', stderr: '', ...byCommand[args[0]!]}));
}

describe('Docker.requireEngine', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('no engine: says so and how to start one', async () => {
    answer({info: {exitCode: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock'}});
    await expect(new Docker().requireEngine()).rejects.toThrow(InfrastructureError);
    await expect(new Docker().requireEngine()).rejects.toThrow(
      'no Docker engine answers (Cannot connect to the Docker daemon'
    );
  });

  it('classic image store: refuses rather than test one platform, and names the daemon.json fix', async () => {
    answer({info: {stdout: '[["Backing Filesystem","extfs"],["Supports d_type","true"]]'}});
    await expect(new Docker().requireEngine()).rejects.toThrow('"containerd-snapshotter": true');
  });

  it('no buildx plugin', async () => {
    answer({
      info: {stdout: '[["driver-type","io.containerd.snapshotter.v1"]]'},
      buildx: {exitCode: 1, stderr: "docker: 'buildx' is not a docker command."}
    });
    await expect(new Docker().requireEngine()).rejects.toThrow('docker buildx is not installed');
  });

  it('passes with the containerd store and buildx', async () => {
    answer({info: {stdout: '[["driver-type","io.containerd.snapshotter.v1"]]'}});
    await expect(new Docker().requireEngine()).resolves.toBeUndefined();
  });
});
