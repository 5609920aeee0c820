// SBOM and provenance attestations on the real buildx and registries: they are part of the tested
// index that gate stages, and promote carries them to the final registry byte for byte.
// BuildKit's default scanner image (docker/buildkit-syft-scanner) cannot be pulled here, so the SBOM
// comes from a minimal SBOM generator of the test's own: a busybox script that speaks BuildKit's SBOM
// protocol (reads BUILDKIT_SCAN_SOURCE, writes an in-toto statement with an SPDX document to
// BUILDKIT_SCAN_DESTINATION), named by `attestations.sbom.generator` as a real one would be.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {beforeAll, describe, expect, it} from '@jest/globals';
import type {PromoteReport} from '../../src/app/promote.js';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {manifest} from './helpers/registry.js';
import {pushImage} from './helpers/images.js';
import {filesRepo, type TempRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const {registry: REGISTRY, intermediateRegistry: INTERMEDIATE, baseImage: BASE} = testbed();
const SCANNER = `${REGISTRY}/attest-${randomBytes(4).toString('hex')}/sbom-generator:1`;
const SPDX = 'https://spdx.dev/Document';
const SLSA = 'https://slsa.dev/provenance/v0.2';

const SCAN_SCRIPT = `#!/bin/sh
set -eu
name=$(basename "$BUILDKIT_SCAN_SOURCE")
files=$(find "$BUILDKIT_SCAN_SOURCE" -type f | wc -l)
cat > "$BUILDKIT_SCAN_DESTINATION/$name.spdx.json" <<JSON
{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"${SPDX}","subject":[],"predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"$name","documentNamespace":"https://imagegate.invalid/sbom/$name","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: imagegate-test-sbom-generator"]},"packages":[{"SPDXID":"SPDXRef-rootfs","name":"rootfs","downloadLocation":"NOASSERTION","comment":"$files files"}]}}
JSON
`;

async function run(repo: TempRepo, verb: string) {
  const r = await runCli([verb, '--json'], {cwd: repo.dir, env: {PATH: process.env.PATH, HOME: process.env.HOME}});
  return {...r, json: r.stdout ? JSON.parse(r.stdout) : undefined};
}

/** Each attestation manifest of an index: the platform manifest it is for, and its predicate types. */
async function attestations(ref: string): Promise<{for: string; predicates: string[]}[]> {
  const [host, ...rest] = ref.split('/');
  const repo = rest.join('/').replace(/[:@].*$/, '');
  const index = await manifest(ref);
  const out: {for: string; predicates: string[]}[] = [];
  for (const child of index?.json.manifests ?? []) {
    if (child.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest') continue;
    const m = await manifest(`${host}/${repo}@${child.digest}`);
    const doc = JSON.parse(m!.bytes) as {layers: {digest: string; annotations?: Record<string, string>}[]};
    for (const layer of doc.layers) {
      const res = await fetch(`http://${host}/v2/${repo}/blobs/${layer.digest}`);
      expect(res.status).toBe(200);
    }
    out.push({
      for: child.annotations['vnd.docker.reference.digest']!,
      predicates: doc.layers.map(l => l.annotations?.['in-toto.io/predicate-type'] ?? '?').sort()
    });
  }
  return out;
}

beforeAll(() => {
  pushImage(SCANNER, {scan: SCAN_SCRIPT, Dockerfile: `FROM ${BASE}\nCOPY scan /bin/scan\nENTRYPOINT ["/bin/scan"]\n`});
}, 120_000);

describe('SBOM and provenance attestations', () => {
  it('are staged with the tested index and survive promote to another registry, for every platform', async () => {
    const repo = filesRepo({
      Dockerfile: `FROM ${BASE}\nRUN echo ready > /ready\n`,
      '.imagegate.yml': `registry: localhost:5000/acme
staging:
  registry: ${INTERMEDIATE}/NS
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    tags: [latest]
    attestations:
      provenance: max
      sbom: {generator: "${SCANNER}"}
    test:
      - run: test -f /ready
`
    });
    repo.write(
      '.imagegate.yml',
      readFileSync(join(repo.dir, '.imagegate.yml'), 'utf8').replace('/NS', `/${repo.namespace}`)
    );
    repo.commit();

    const gate = await run(repo, 'gate');
    expect({code: gate.code, stderr: gate.code === 0 ? '' : gate.stderr}).toEqual({code: 0, stderr: ''});
    const staged = (gate.json as RunReport).images[0]!;
    expect(staged.pushed!.ref.startsWith(`${INTERMEDIATE}/${repo.namespace}/web:`)).toBe(true);
    const platformDigests = staged.platforms.map(p => p.manifestDigest).sort();
    const atStaging = await attestations(staged.pushed!.ref);
    expect(atStaging.map(a => a.for).sort()).toEqual(platformDigests);
    for (const a of atStaging) expect(a.predicates).toEqual([SLSA, SPDX].sort());

    const stagedBytes = (await manifest(staged.pushed!.ref))!.bytes;

    const promote = await run(repo, 'promote');
    expect({code: promote.code, stderr: promote.code === 0 ? '' : promote.stderr}).toEqual({code: 0, stderr: ''});
    expect((promote.json as PromoteReport).images[0]!.digest).toBe(staged.digest);
    const finalRef = `${REGISTRY}/${repo.namespace}/web:latest`;
    expect((await manifest(finalRef))?.bytes).toBe(stagedBytes);
    expect(await attestations(finalRef)).toEqual(atStaging);
  });
});
