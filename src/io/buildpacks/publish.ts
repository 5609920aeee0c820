// The per-platform images of a buildpacks build joined into one index in the build registry, then
// pulled by digest into the engine (every platform), where the tests run and gate pushes from.

import {InfrastructureError} from '../../core/errors.js';
import {lastLine} from '../../core/text.js';
import type {RegistryClient} from '../../registry/client.js';
import type {Repository} from '../../oci/reference.js';
import type {Descriptor} from '../../oci/descriptor.js';
import {buildIndex} from '../../oci/image-index.js';
import {describeManifest} from '../../oci/manifest.js';
import {parsePlatform} from '../../oci/platform.js';
import type {Docker} from '../docker.js';

export async function publishIndex(opts: {
  client: RegistryClient;
  docker: Docker;
  repo: Repository;
  tag: string;
  images: {platform: string; digest: string}[];
  localRef: string;
}): Promise<{digest: string; user: string}> {
  const {client, docker, repo} = opts;
  const children: Descriptor[] = [];
  for (const image of opts.images) {
    const m = await client.getManifest(repo, image.digest);
    if (!m)
      throw new InfrastructureError(
        `${repo.registry}/${repo.repository}@${image.digest} vanished from the build registry`
      );
    const platform = parsePlatform(image.platform);
    if (!platform.ok) throw new InfrastructureError(`${image.platform}: ${platform.error}`);
    children.push({...describeManifest(m), platform: platform.value});
  }
  const digest = await client.putManifest(repo, opts.tag, buildIndex(children));
  const byDigest = `${repo.registry}/${repo.repository}@${digest}`;
  for (const image of opts.images) {
    const pulled = await docker.run(['pull', '--quiet', '--platform', image.platform, byDigest]);
    if (pulled.exitCode !== 0)
      throw new InfrastructureError(`pulling ${byDigest} (${image.platform}) failed: ${lastLine(pulled.stderr)}`);
  }
  await docker.output(['tag', byDigest, opts.localRef]);
  const [id = '', user = ''] = (
    await docker.output(['image', 'inspect', '--format', '{{.Id}} {{.Config.User}}', opts.localRef])
  )
    .trim()
    .split(' ');
  if (id !== digest)
    throw new InfrastructureError(`the engine holds ${opts.localRef} as ${id}, not the built ${digest}`);
  return {digest, user};
}
