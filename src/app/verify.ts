// verify: is everything a reference needs in the registry — the index, every child, every blob?

import {UsageError} from '../core/errors.js';
import {isAttestation} from '../oci/descriptor.js';
import {blobsOf, parseManifest} from '../oci/manifest.js';
import {platformText} from '../oci/platform.js';
import {parseReference, type Repository} from '../oci/reference.js';
import type {RegistryClient} from '../registry/client.js';

export interface VerifyReport {
  ref: string;
  digest?: string;
  manifests: number;
  blobs: number;
  problems: string[];
}

/** The repository `imagegate verify REF` reads, or a UsageError naming what is wrong with REF. */
export function verifyTarget(text: string): Repository & {reference: string} {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new UsageError(`imagegate verify: ${parsed.error}`);
  const {registry, repository, tag, digest} = parsed.value;
  return {registry, repository, reference: digest ?? tag ?? 'latest'};
}

/** Walks an index, its children and their blobs; every missing or mismatching piece is a problem. */
export async function verifyRef(text: string, client: RegistryClient): Promise<VerifyReport> {
  const {reference, ...repo} = verifyTarget(text);
  const digest = reference.startsWith('sha256:') ? reference : undefined;
  const report: VerifyReport = {ref: text, manifests: 0, blobs: 0, problems: []};
  const top = await client.getManifest(repo, reference);
  if (!top) {
    report.problems.push(`${text} does not exist`);
    return report;
  }
  report.digest = top.digest;
  if (digest && top.digest !== digest) report.problems.push(`${text} resolves to ${top.digest}`);
  const walk = async (reference: string, label: string): Promise<void> => {
    const m = await client.getManifest(repo, reference);
    if (!m) {
      report.problems.push(`manifest ${reference} (${label}) is missing`);
      return;
    }
    report.manifests++;
    const doc = parseManifest(m);
    if (doc.kind === 'index') {
      for (const child of doc.index.manifests)
        await walk(
          child.digest,
          isAttestation(child)
            ? `attestation of ${child.annotations?.['vnd.docker.reference.digest'] ?? '?'}`
            : platformText(child.platform)
        );
      return;
    }
    for (const blob of blobsOf(doc.manifest)) {
      report.blobs++;
      if (!(await client.headBlob(repo, blob.digest)))
        report.problems.push(`blob ${blob.digest} of ${label} is missing`);
    }
  };
  await walk(top.digest, 'top');
  return report;
}
