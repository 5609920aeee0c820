// Reads the testbed registries over plain HTTP, independently of the code under test.
import {createHash} from 'node:crypto';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

function split(ref: string): {host: string; repo: string; reference: string} {
  const slash = ref.indexOf('/');
  const host = ref.slice(0, slash);
  const rest = ref.slice(slash + 1);
  const at = rest.indexOf('@');
  if (at >= 0) return {host, repo: rest.slice(0, at).replace(/:[^/]*$/, ''), reference: rest.slice(at + 1)};
  const colon = rest.lastIndexOf(':');
  return {host, repo: rest.slice(0, colon), reference: rest.slice(colon + 1)};
}

export async function tags(host: string, repo: string, auth?: string): Promise<string[]> {
  const res = await fetch(`http://${host}/v2/${repo}/tags/list`, {headers: auth ? {authorization: auth} : {}});
  if (res.status === 404) return [];
  const body = (await res.json()) as {tags?: string[] | null};
  return body.tags ?? [];
}

/**
 * The tags that name images: without what imagegate keeps next to them — the referrers fallback
 * indexes (`sha256-<hex>`, listing staging records, promotion markers, cosign 3 signatures on
 * registries without the referrers API) and the promotion markers (`imagegate-promoted-<identity>`).
 */
export async function imageTags(host: string, repo: string, auth?: string): Promise<string[]> {
  return (await tags(host, repo, auth)).filter(
    t => !/^sha256-[0-9a-f]{64}$/.test(t) && !t.startsWith('imagegate-promoted-')
  );
}

export interface Manifest {
  digest: string;
  bytes: string;
  json: {
    mediaType?: string;
    manifests?: {digest: string; platform?: {os: string; architecture: string}; annotations?: Record<string, string>}[];
  };
}

export async function manifest(ref: string, auth?: string): Promise<Manifest | undefined> {
  const {host, repo, reference} = split(ref);
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
    headers: {accept: ACCEPT, ...(auth ? {authorization: auth} : {})}
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${ref}: ${res.status}`);
  const bytes = await res.text();
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  expectHeader(res.headers.get('docker-content-digest'), digest);
  return {digest, bytes, json: JSON.parse(bytes) as Manifest['json']};
}

function expectHeader(header: string | null, digest: string): void {
  if (header && header !== digest) throw new Error(`registry says ${header} but the bytes hash to ${digest}`);
}
