// Lifecycle mode: the injected buildpacks unpacked on the host, one directory per buildpack
// (`<id escaped>/<version>`), to be mounted into the builder's /cnb/buildpacks.

import {mkdir, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import type {InjectedBuildpack} from '../../core/buildpacks/creator-args.js';
import {escapeBuildpackId} from '../../core/buildpacks/labels.js';
import type {Injection} from '../../core/buildpacks/preflight.js';
import {parseBuildpackUri} from '../../core/buildpacks/uri.js';
import {InfrastructureError} from '../../core/errors.js';
import {lastLine} from '../../core/text.js';
import type {Docker} from '../docker.js';

/** Every buildpack to mount; a buildpackage may carry more than its top buildpack (a composite). */
export async function unpackInjected(
  docker: Docker,
  injected: Injection[],
  platform: string,
  dir: string
): Promise<InjectedBuildpack[]> {
  const mounts: InjectedBuildpack[] = [];
  await mkdir(dir, {recursive: true});
  for (const [i, bp] of injected.entries()) {
    const uri = parseBuildpackUri(bp.uri);
    if (!uri || bp.fromBuilder) continue;
    if (uri.kind === 'file') {
      mounts.push({id: bp.id, version: bp.version, hostDir: uri.path});
      continue;
    }
    if (uri.kind !== 'docker') continue;
    const target = join(dir, `bp${i}`);
    const name = `imagegate-bp-${randomBytes(6).toString('hex')}`;
    // A buildpackage has no command to run: create (never start) a container to copy its files out.
    const created = await docker.run([
      'create',
      '--name',
      name,
      '--platform',
      platform,
      '--entrypoint',
      '/nonexistent',
      uri.uri.slice('docker://'.length)
    ]);
    if (created.exitCode !== 0)
      throw new InfrastructureError(`cannot fetch buildpack ${bp.uri} for ${platform}: ${lastLine(created.stderr)}`);
    try {
      const copied = await docker.run(['cp', `${name}:/cnb/buildpacks/.`, target]);
      if (copied.exitCode !== 0)
        throw new InfrastructureError(`buildpack ${bp.uri} has no /cnb/buildpacks: ${lastLine(copied.stderr)}`);
    } finally {
      await docker.run(['rm', name]);
    }
    for (const id of await readdir(target))
      for (const version of await readdir(join(target, id)))
        mounts.push({id: id === escapeBuildpackId(bp.id) ? bp.id : id, version, hostDir: join(target, id, version)});
  }
  return mounts;
}
