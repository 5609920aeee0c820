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

  it('no buildx plugin: names the package and the setup action', async () => {
    answer({info: {stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\ncompose\t'}});
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow(
      'docker buildx is not installed: install the buildx CLI plugin (Debian: docker-buildx'
    );
  });

  it('a buildx plugin docker cannot run: says why', async () => {
    answer({
      info: {
        stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\nbuildx\tfailed to fetch metadata: exit status 1'
      }
    });
    await expect(new Docker({exec}).requireEngine()).rejects.toThrow(
      'docker buildx is installed but does not run (failed to fetch metadata: exit status 1)'
    );
  });

  it('passes with the containerd store and buildx, in one docker call', async () => {
    const calls: string[][] = [];
    exec = {
      run: async (_cmd, args) => {
        calls.push([...args]);
        return {
          exitCode: 0,
          stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\nbuildx\t\ncompose\t',
          stderr: ''
        };
      }
    };
    await expect(new Docker({exec}).requireEngine()).resolves.toBeUndefined();
    expect(calls.map(a => a[0])).toEqual(['info']);
  });
});

describe('dockerSession', () => {
  it('without credentials: the user’s settings and plugins, none of its logins or helpers', async () => {
    const {mkdtempSync, mkdirSync, writeFileSync, readFileSync, readlinkSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {tmpdir} = await import('node:os');
    const {dockerSession} = await import('../../src/io/docker.js');
    const {TempDirs} = await import('../../src/io/temp.js');
    const user = mkdtempSync(join(tmpdir(), 'imagegate-user-docker-'));
    writeFileSync(
      join(user, 'config.json'),
      JSON.stringify({
        auths: {'ghcr.io': {auth: 'dTpw'}},
        credsStore: 'desktop',
        credHelpers: {x: 'y'},
        psFormat: '{{.ID}}'
      })
    );
    mkdirSync(join(user, 'cli-plugins'));
    let seen: Record<string, string> | undefined;
    const exec = {
      run: async (_c: string, _a: readonly string[], o?: {env?: Record<string, string>}) => (
        (seen = o?.env),
        {exitCode: 0, stdout: '', stderr: ''}
      )
    };
    const session = await dockerSession({
      exec,
      temp: new TempDirs(tmpdir()),
      userConfigDir: user,
      logins: [],
      credentials: false,
      source: 'test'
    });
    expect(JSON.parse(readFileSync(join(session.configDir!, 'config.json'), 'utf8'))).toEqual({psFormat: '{{.ID}}'});
    expect(readlinkSync(join(session.configDir!, 'cli-plugins'))).toBe(join(user, 'cli-plugins'));
    await session.docker.run(['info']);
    expect(seen?.DOCKER_CONFIG).toBe(session.configDir);
    await session.close();
  });
});
