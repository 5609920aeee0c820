// imagegate doctor PRODUCTION-REF: for every buildpacks image, compare the pinned builder with the
// builder production's tag points at now (manifests and config blobs only, no layers).

import {buildpackDifferences, type DoctorImage} from '../core/buildpacks/doctor.js';
import {parseBuilderLabels} from '../core/buildpacks/labels.js';
import {InfrastructureError, UsageError} from '../core/errors.js';
import {parseReference} from '../oci/reference.js';
import {readImageConfig} from '../io/buildpacks/image-config.js';
import type {RegistryClient} from '../registry/client.js';
import type {LoadedConfig} from './plan.js';

export async function runDoctor(
  loaded: LoadedConfig,
  production: string,
  client: RegistryClient
): Promise<DoctorImage[]> {
  const prod = parseReference(production);
  if (!prod.ok) throw new UsageError(`imagegate doctor: ${prod.error}`);
  const images = loaded.config.images.filter(i => i.builder.kind === 'buildpacks');
  if (!images.length)
    throw new UsageError(`${loaded.source.file} builds no image with buildpacks; doctor compares buildpacks builders`);
  const results: DoctorImage[] = [];
  for (const image of images) {
    if (image.builder.kind !== 'buildpacks') continue;
    const platform = image.platforms[0]!;
    const [ci, now] = await Promise.all([
      readImageConfig(client, image.builder.image, platform),
      readImageConfig(client, production, platform)
    ]);
    const ciInfo = parseBuilderLabels(ci.labels, image.builder.image);
    const nowInfo = parseBuilderLabels(now.labels, production);
    if (!nowInfo.ok) throw new InfrastructureError(nowInfo.error);
    results.push({
      name: image.name,
      ciBuilder: image.builder.image,
      ciDigest: ci.digest,
      production,
      productionDigest: now.digest,
      matches: ci.digest === now.digest,
      differences: buildpackDifferences(ciInfo.ok ? ciInfo.value.buildpacks : [], nowInfo.value.buildpacks)
    });
  }
  return results;
}
